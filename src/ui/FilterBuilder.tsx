// Restrict the crosstab to respondents by their answers: pick a question,
// tick options (any of them passes), add. Active filters show as removable chips.
import { useState } from 'react';
import type { RespondentTable } from '../core/table/types';
import { categoricalColumns } from '../state/models/crosstabModel';
import { OptionChecklist } from './OptionChecklist';
import type { CrosstabFilter } from '../state/url/view';

interface Props {
  table: RespondentTable;
  filters: CrosstabFilter[];
  onChange: (filters: CrosstabFilter[]) => void;
}

export function describeFilter(table: RespondentTable, f: CrosstabFilter): string {
  const col = table.columns.find((c) => c.id === f.question);
  const labels = col && 'labels' in col ? col.labels : [];
  return `${col?.text ?? f.question}: ${f.options.map((i) => labels[i] ?? `#${i + 1}`).join(' or ')}`;
}

export function FilterBuilder({ table, filters, onChange }: Props) {
  const questions = categoricalColumns(table);
  const [questionId, setQuestionId] = useState('');
  const [ticked, setTicked] = useState<Set<number>>(new Set());
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
  };
  return (
    <fieldset className="filter-box">
      <legend>Filter respondents</legend>
      <div className="chips" aria-live="polite">
        {filters.length === 0 ? <span className="muted">No filter: all respondents.</span> : null}
        {filters.map((f) => (
          <span key={f.question} className="chip" data-testid="filter-chip">
            {describeFilter(table, f)}{' '}
            <button
              type="button"
              className="btn"
              aria-label={`Remove filter ${describeFilter(table, f)}`}
              onClick={() => onChange(filters.filter((g) => g !== f))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <label>
        Question{' '}
        <select
          aria-label="Filter on question"
          value={questionId}
          onChange={(e) => {
            setQuestionId(e.target.value);
            setTicked(new Set());
          }}
        >
          <option value="">Choose a question…</option>
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
            label={`Answers to ${column.text}`}
          />
          <button type="button" className="btn" disabled={ticked.size === 0} onClick={add}>
            Add filter
          </button>
        </>
      ) : null}
    </fieldset>
  );
}
