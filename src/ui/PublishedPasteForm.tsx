// The import preview's short form for a pasted report table that detection
// proposes as one published question: its wording (required), publisher,
// date, kind (proposed from the total; the user decides) and base. Save writes
// the published-distribution CSV (core/counts/pastedCsv) and imports it
// through the same door and storage as any published file.
import { useEffect, useId, useRef, useState } from 'react';
import { pastedQuestionCsv, type FormField } from '../core/counts/pastedCsv';
import type { PastedQuestion } from '../core/counts/pastedQuestion';
import { countsMessages as M } from '../core/messages';
import { ScrollBox } from './ScrollBox';

interface Props {
  question: PastedQuestion;
  /** Import this published-distribution CSV (the panel's own import, with progress and errors). */
  onSave: (csv: string) => void;
  /** The user reads the table as respondent data after all. */
  onDecline: () => void;
}

export function PublishedPasteForm({ question, onSave, onDecline }: Props) {
  const [wording, setWording] = useState('');
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'single' | 'multi'>(question.kind);
  const [baseN, setBaseN] = useState('');
  const [problems, setProblems] = useState<{ field: FormField; message: string }[]>([]);
  const id = useId();
  const wordingRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const problemOf = (field: FormField) => problems.find((p) => p.field === field)?.message;
  const fieldProps = (field: FormField) => {
    const problem = problemOf(field);
    return problem === undefined
      ? {}
      : { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-problem` };
  };
  const save = () => {
    const out = pastedQuestionCsv(question, { wording, publisher, date, kind, baseN });
    if (!out.ok) {
      setProblems(out.problems);
      if (out.problems.some((p) => p.field === 'wording')) wordingRef.current?.focus();
      return;
    }
    setProblems([]);
    onSave(out.csv);
  };
  const problemText = (field: FormField) => {
    const problem = problemOf(field);
    return problem === undefined ? null : (
      <span id={`${id}-${field}-problem`} className="field-problem" role="alert">
        {problem}
      </span>
    );
  };
  return (
    <form
      className="paste-form"
      aria-labelledby={`${id}-heading`}
      data-testid="pasted-question-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
        {M.pastedHeading}
      </h3>
      <p className="meta" data-testid="pasted-reason">
        {question.reason} {M.pastedIntro}
      </p>
      <div className="form-grid paste-fields">
        <label className="wide">
          {M.wording}
          <input
            ref={wordingRef}
            type="text"
            aria-required="true"
            value={wording}
            onChange={(e) => setWording(e.target.value)}
            {...fieldProps('wording')}
          />
          {problemText('wording')}
        </label>
        <label>
          {M.publisher}
          <input type="text" value={publisher} onChange={(e) => setPublisher(e.target.value)} />
        </label>
        <label>
          {M.date}
          <input
            type="text"
            inputMode="numeric"
            placeholder="2024-05"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            {...fieldProps('date')}
          />
          {problemText('date')}
        </label>
        <label>
          {M.baseN}
          <input
            type="text"
            inputMode="numeric"
            value={baseN}
            onChange={(e) => setBaseN(e.target.value)}
            {...fieldProps('baseN')}
          />
          {problemText('baseN')}
        </label>
      </div>
      <fieldset className="paste-kind">
        <legend>{M.kind}</legend>
        {(['single', 'multi'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {k === 'single' ? M.kindSingle : M.kindMulti}
          </label>
        ))}
        <p className="muted">
          {M.kindProposed(question.kind, question.totalText)}
          {question.ambiguous ? ` ${M.kindAmbiguous(question.totalText)}` : ''}
        </p>
      </fieldset>
      <ScrollBox label={M.optionsFound(question.options.length)}>
        <table className="data" data-testid="pasted-options">
          <caption>{M.optionsFound(question.options.length)}</caption>
          <thead>
            <tr>
              <th scope="col">
                <bdi>{question.header?.[0] ?? M.headerOption}</bdi>
              </th>
              <th scope="col" className="num">
                <bdi>{question.header?.[1] ?? M.headerPercent}</bdi>
              </th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((o) => (
              <tr key={o.line}>
                <td>
                  <bdi>{o.label}</bdi>
                </td>
                <td className="num">
                  <bdi>{o.percent}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {problemOf('options') !== undefined ? (
        <p className="banner problem" role="alert">
          {problems
            .filter((p) => p.field === 'options')
            .map((p) => p.message)
            .join(' ')}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="submit" className="btn primary">
          {M.save}
        </button>
        <button type="button" className="btn" onClick={onDecline}>
          {M.asRespondents}
        </button>
      </div>
    </form>
  );
}
