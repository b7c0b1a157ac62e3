// Make a net on one axis of a crosstab: tick two or more options, add.
// Nets are counted from respondents in core, so a respondent counts once.
import { useState } from 'react';
import { OptionChecklist } from './OptionChecklist';

interface Props {
  axis: 'rows' | 'columns';
  labels: string[];
  nets: number[][];
  onChange: (nets: number[][]) => void;
}

export function NetBuilder({ axis, labels, nets, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  if (!open) {
    return (
      <span>
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          Add a net on the {axis}…
        </button>
        {nets.length > 0 ? (
          <button type="button" className="btn" onClick={() => onChange([])}>
            Remove {axis} nets
          </button>
        ) : null}
      </span>
    );
  }
  return (
    <fieldset className="filter-box">
      <legend>Net on the {axis}: respondents who chose any of</legend>
      <OptionChecklist labels={labels} ticked={ticked} onChange={setTicked} />
      <button
        type="button"
        className="btn"
        disabled={ticked.size < 2}
        onClick={() => {
          onChange([...nets, [...ticked].sort((a, b) => a - b)]);
          setTicked(new Set());
          setOpen(false);
        }}
      >
        Add net
      </button>{' '}
      <button type="button" className="btn" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
