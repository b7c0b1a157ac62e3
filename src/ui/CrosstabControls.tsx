// Rows, columns, weight, percent mode, counts and tests: every control is a
// labelled native element, so the builder works from the keyboard.
import type { Column, RespondentTable } from '../core/table/types';
import { crosstabPageMessages as PM } from '../core/messages';
import {
  categoricalColumns,
  weightChoices,
  type CrosstabGrid,
} from '../state/models/crosstabModel';
import type { CrosstabView, PercentMode } from '../state/url/view';
import { isolate } from '../core/format/bidi';

interface Props {
  table: RespondentTable;
  x: CrosstabView;
  rowsId: string;
  grid: CrosstabGrid | null;
  set: (next: Partial<CrosstabView>) => void;
}

export function CrosstabControls({ table, x, rowsId, grid, set }: Props) {
  const questions = categoricalColumns(table);
  // Likely weights first; the other numeric columns say why they are probably not weights.
  const weights = weightChoices(table);
  const likely = weights.filter((w) => w.likely);
  const other = weights.filter((w) => !w.likely);
  const weightValue = x.weight === undefined ? (table.weightId ?? '-') : (x.weight ?? '-');
  return (
    <div className="form-grid" role="group" aria-label={PM.settings}>
      <label>
        {PM.rows}
        <select
          value={rowsId}
          onChange={(e) => set({ rows: e.target.value, rowNets: [], sort: null })}
        >
          <QuestionOptions questions={questions} />
        </select>
      </label>
      <label>
        {PM.columns}
        <select
          value={x.cols ?? ''}
          onChange={(e) =>
            set({ cols: e.target.value === '' ? null : e.target.value, colNets: [], sort: null })
          }
        >
          <option value="">{PM.totalOnly}</option>
          <QuestionOptions questions={questions} />
        </select>
      </label>
      <label>
        {PM.weight}
        <select
          value={weightValue}
          onChange={(e) => set({ weight: e.target.value === '-' ? null : e.target.value })}
        >
          <option value="-">{PM.unweighted}</option>
          {likely.length > 0 ? (
            <optgroup label={PM.weightLikely}>
              {likely.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          {other.length > 0 ? (
            <optgroup label={PM.weightOther}>
              {other.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <label>
        {PM.percent}
        <select
          value={grid?.percent ?? x.percent}
          onChange={(e) => set({ percent: e.target.value as PercentMode })}
        >
          {(grid?.percentModes ?? [{ mode: 'col' as const, label: PM.columnPercent }]).map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
        <input
          type="checkbox"
          checked={x.counts}
          onChange={(e) => set({ counts: e.target.checked })}
        />
        {PM.showCounts}
      </label>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
        <input
          type="checkbox"
          checked={x.tests}
          onChange={(e) => set({ tests: e.target.checked })}
        />
        {PM.tests}
      </label>
    </div>
  );
}

/** One <option> per question; multi-answer ones say so. */
function QuestionOptions({ questions }: { questions: Column[] }) {
  return questions.map((q) => (
    <option key={q.id} value={q.id}>
      {isolate(q.text)}
      {q.type === 'multi' ? PM.multiAnswers : ''}
    </option>
  ));
}
