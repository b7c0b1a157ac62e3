// The base and design effect for margins of error on a question page. Both go
// in the link (URL keys "base" and "deff"); the text is checked here and only
// a valid pair is applied, so a link never holds a base that is not one.
// Respondent data counts its own base (the respondents, or Kish's effective
// base when weighted: core/published/marginBase.ts), so it has no base input,
// only a line saying which base is used; a design effect still applies.
import { useId, useRef, useState, type FormEvent } from 'react';
import { analystMessages as M } from '../core/messages';
import { deffText, parseBaseInput, parseDeffInput } from '../state/models/analyst';
import type { ViewState } from '../state/url/view';

interface Props {
  view: ViewState;
  navigate: (next: ViewState) => void;
  /** Respondent data: its weight column (null: unweighted); null: published figures. */
  respondents: { weight: string | null } | null;
}

export function BaseControls({ view, navigate, respondents }: Props) {
  const id = useId();
  const baseRef = useRef<HTMLInputElement>(null);
  const deffRef = useRef<HTMLInputElement>(null);
  const [base, setBase] = useState(view.marginBase === undefined ? '' : String(view.marginBase));
  const [deff, setDeff] = useState(view.deff === undefined ? '' : deffText(view.deff));
  const [problems, setProblems] = useState<{ base: string | null; deff: string | null }>({
    base: null,
    deff: null,
  });
  // Back and Forward change the link under the form: show what it now holds.
  const [shown, setShown] = useState({ base: view.marginBase, deff: view.deff });
  if (shown.base !== view.marginBase || shown.deff !== view.deff) {
    setShown({ base: view.marginBase, deff: view.deff });
    setBase(view.marginBase === undefined ? '' : String(view.marginBase));
    setDeff(view.deff === undefined ? '' : deffText(view.deff));
    setProblems({ base: null, deff: null });
  }

  const apply = (e: FormEvent) => {
    e.preventDefault();
    // Respondent data has no base input: a base a link still holds is not used, and goes.
    const b = respondents === null ? parseBaseInput(base) : parseBaseInput('');
    const d = parseDeffInput(deff);
    setProblems({ base: b.ok ? null : b.message, deff: d.ok ? null : d.message });
    if (!b.ok || !d.ok) return;
    const next: ViewState = { ...view };
    delete next.marginBase;
    delete next.deff;
    if (b.value !== null) next.marginBase = b.value;
    if (d.value !== 1) next.deff = d.value;
    navigate(next);
  };
  const clear = () => {
    setBase('');
    setDeff('');
    setProblems({ base: null, deff: null });
    const next: ViewState = { ...view };
    delete next.marginBase;
    delete next.deff;
    navigate(next);
    // The Clear button goes away: focus moves to the first input, not to the page.
    (baseRef.current ?? deffRef.current)?.focus();
  };

  const field = (
    key: 'base' | 'deff',
    label: string,
    hint: string,
    value: string,
    set: (v: string) => void,
    mode: 'numeric' | 'decimal',
    placeholder: string,
  ) => {
    const problem = problems[key];
    const hintId = `${id}-${key}-hint`;
    const errorId = `${id}-${key}-error`;
    return (
      <div className="base-field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          ref={key === 'base' ? baseRef : deffRef}
          id={`${id}-${key}`}
          type="text"
          inputMode={mode}
          autoComplete="off"
          spellCheck={false}
          size={10}
          placeholder={placeholder}
          value={value}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? hintId : `${errorId} ${hintId}`}
          onChange={(e) => set(e.target.value)}
          data-testid={`${key}-input`}
        />
        <span id={hintId} className="hint">
          {hint}
        </span>
        {problem !== null ? (
          <span id={errorId} className="field-error" role="alert">
            {problem}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <form className="base-controls" onSubmit={apply} noValidate>
      <fieldset>
        <legend>{M.controlsLabel}</legend>
        {respondents === null ? (
          field('base', M.baseLabel, M.baseHint, base, setBase, 'numeric', M.basePlaceholder)
        ) : (
          <div className="base-field">
            <span className="hint" data-testid="base-note">
              {respondents.weight === null
                ? M.baseRespondents
                : M.baseRespondentsWeighted(respondents.weight)}
            </span>
          </div>
        )}
        {field(
          'deff',
          M.deffLabel,
          respondents === null ? M.deffHint : M.deffHintRespondents(respondents.weight !== null),
          deff,
          setDeff,
          'decimal',
          M.deffPlaceholder,
        )}
        <div className="base-actions">
          <button type="submit" className="btn">
            {M.apply}
          </button>
          {view.marginBase !== undefined || view.deff !== undefined ? (
            <button type="button" className="btn" onClick={clear}>
              {M.clear}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
