// Make a net on one axis of a crosstab: tick two or more options, add. On a
// multi-answer question a net counts respondents who chose any of them, or
// all of them ("saw all six films"). Nets are counted from respondents in
// core, so a respondent counts once. Focus moves into the panel when it opens
// and back to the button that opened it when it closes.
import { useEffect, useId, useRef, useState } from 'react';
import { crosstabPageMessages as PM } from '../core/messages';
import type { CrosstabNet } from '../state/url/view';
import { OptionChecklist } from './OptionChecklist';

interface Props {
  axis: 'rows' | 'columns';
  labels: string[];
  /** A multi-answer question: "chose all of" is offered beside "chose any of". */
  multi: boolean;
  nets: CrosstabNet[];
  onChange: (nets: CrosstabNet[]) => void;
}

export function NetBuilder({ axis, labels, multi, nets, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const openerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFieldSetElement>(null);
  // Where focus goes after a render: into the panel, or back to its opener.
  const focusNext = useRef<'panel' | 'opener' | null>(null);
  const name = useId();

  useEffect(() => {
    if (focusNext.current === 'panel')
      panelRef.current?.querySelector<HTMLElement>('input')?.focus();
    if (focusNext.current === 'opener') openerRef.current?.focus();
    focusNext.current = null;
  }, [open]);

  const close = () => {
    focusNext.current = 'opener';
    setTicked(new Set());
    setAll(false);
    setOpen(false);
  };

  if (!open) {
    return (
      <span>
        <button
          type="button"
          className="btn"
          ref={openerRef}
          onClick={() => {
            focusNext.current = 'panel';
            setOpen(true);
          }}
        >
          {PM.addNetOn(axis)}
        </button>{' '}
        {nets.length > 0 ? (
          <button type="button" className="btn" onClick={() => onChange([])}>
            {PM.removeNets(axis)}
          </button>
        ) : null}
      </span>
    );
  }
  return (
    <fieldset
      className="filter-box"
      ref={panelRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <legend>{all ? PM.netAll(axis) : PM.netAny(axis)}</legend>
      {multi ? (
        <div className="options" role="radiogroup" aria-label={PM.netMode}>
          <label>
            <input type="radio" name={name} checked={!all} onChange={() => setAll(false)} />{' '}
            {PM.netModeAny}
          </label>
          <label>
            <input type="radio" name={name} checked={all} onChange={() => setAll(true)} />{' '}
            {PM.netModeAll}
          </label>
        </div>
      ) : null}
      <OptionChecklist labels={labels} ticked={ticked} onChange={setTicked} />
      <button
        type="button"
        className="btn"
        disabled={ticked.size < 2}
        onClick={() => {
          onChange([...nets, { options: [...ticked].sort((a, b) => a - b), all }]);
          close();
        }}
      >
        {PM.addNet}
      </button>{' '}
      <button type="button" className="btn" onClick={close}>
        {PM.cancel}
      </button>
    </fieldset>
  );
}
