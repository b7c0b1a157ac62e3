// Restrict the crosstab to respondents by their answers: pick a question,
// tick options (any of them passes), add. Active filters show as removable chips.
import { useRef, useState } from 'react';
import type { RespondentTable } from '../core/table/types';
import { categoricalColumns } from '../state/models/crosstabModel';
import { OptionChecklist } from './OptionChecklist';
import { crosstabPageMessages as PM } from '../core/messages';
import type { CrosstabFilter } from '../state/url/view';

interface Props {
  table: RespondentTable;
  filters: CrosstabFilter[];
  onChange: (filters: CrosstabFilter[]) => void;
}

export function describeFilter(table: RespondentTable, f: CrosstabFilter): string {
  const col = table.columns.find((c) => c.id === f.question);
  const labels = col && 'labels' in col ? col.labels : [];
  // Each label isolated: one label's U+202E must not turn the others (or the sentence) around.
  return PM.filterText(
    col?.text ?? f.question,
    f.options.map((i) => labels[i] ?? `#${i + 1}`),
  );
}

export function FilterBuilder({ table, filters, onChange }: Props) {
  const questions = categoricalColumns(table);
  const [questionId, setQuestionId] = useState('');
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  // After adding or removing a filter the button pressed is gone: focus goes on
  // to the question picker (for the next filter), never to <body>.
  const pickerRef = useRef<HTMLSelectElement>(null);
  const column = questions.find((q) => q.id === questionId);
  const labels = column && 'labels' in column ? column.labels : [];
  const add = () => {
    if (!column || ticked.size === 0) return;
    const options = [...ticked].sort((a, b) => a - b);
    onChange([
      ...filters.filter((f) => f.question !== column.id),
      { question: column.id, options },
    ]);
    setQuestionId('');
    setTicked(new Set());
    pickerRef.current?.focus();
  };
  return (
    <fieldset className="filter-box">
      <legend>{PM.filterHeading}</legend>
      <div className="chips" aria-live="polite">
        {filters.length === 0 ? <span className="muted">{PM.noFilter}</span> : null}
        {filters.map((f) => (
          <span key={f.question} className="chip" data-testid="filter-chip">
            {describeFilter(table, f)}{' '}
            <button
              type="button"
              className="btn"
              aria-label={PM.removeFilter(describeFilter(table, f))}
              onClick={() => {
                onChange(filters.filter((g) => g !== f));
                pickerRef.current?.focus();
              }}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <label>
        {PM.question}{' '}
        <select
          ref={pickerRef}
          aria-label={PM.filterQuestion}
          value={questionId}
          onChange={(e) => {
            setQuestionId(e.target.value);
            setTicked(new Set());
          }}
        >
          <option value="">{PM.chooseQuestion}</option>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.text}
            </option>
          ))}
        </select>
      </label>
      {column ? (
        <>
          <OptionChecklist
            labels={labels}
            ticked={ticked}
            onChange={setTicked}
            label={PM.answersTo(column.text)}
          />
          <button type="button" className="btn" disabled={ticked.size === 0} onClick={add}>
            {PM.addFilter}
          </button>
        </>
      ) : null}
    </fieldset>
  );
}
