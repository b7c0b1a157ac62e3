// The counts page: paste or type a small table of counts (or percents with a
// Base row) and see its chi-square, column letters and intervals, with no
// respondent file. The table is read as it is typed; it goes into the link
// when the text box is left (so typing does not fill the history), if small.
import { useId, useMemo, useState } from 'react';
import { exportFileName } from '../core/export/fileName';
import { tableToCsv } from '../core/export/csv';
import { countsMessages as M } from '../core/messages';
import { COUNTS_EXAMPLE, countsModel, type CountsGrid } from '../state/models/countsModel';
import { COUNTS_LINK_MAX, type ViewState } from '../state/url/view';
import { downloadText } from './download';
import { ScrollBox } from './ScrollBox';

interface Props {
  view: ViewState;
  navigate: (next: ViewState) => void;
}

export function CountsPage({ view, navigate }: Props) {
  const fromLink = view.counts ?? '';
  const [text, setText] = useState(fromLink);
  // Back, Forward or a followed link brings another table: it replaces the draft.
  const [linked, setLinked] = useState(fromLink);
  if (linked !== fromLink) {
    setLinked(fromLink);
    setText(fromLink);
  }
  const model = useMemo(() => countsModel(text), [text]);
  const inputId = useId();
  const statusId = useId();
  const commit = (next: string) => {
    if (next !== fromLink) navigate({ ...view, counts: next === '' ? undefined : next });
  };
  const use = (next: string) => {
    setText(next);
    commit(next);
  };
  return (
    <section aria-labelledby="counts-heading" data-testid="counts-page">
      <h2 id="counts-heading">{M.pageTitle}</h2>
      <p className="meta">{M.pageIntro}</p>
      <label htmlFor={inputId} className="counts-label">
        {M.inputLabel}
      </label>
      <textarea
        id={inputId}
        className="counts-input"
        rows={7}
        spellCheck={false}
        wrap="off"
        value={text}
        aria-describedby={statusId}
        aria-invalid={model.state === 'error'}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit(text)}
      />
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => use(COUNTS_EXAMPLE)}>
          {M.example}
        </button>
        <button type="button" className="btn" disabled={text === ''} onClick={() => use('')}>
          {M.clear}
        </button>
        {model.state === 'ok' ? (
          <button
            type="button"
            className="btn"
            onClick={() =>
              downloadText(
                exportFileName([M.pageTitle, model.grid.corner], 'csv'),
                tableToCsv(model.grid.csv, { bom: true }),
              )
            }
          >
            {M.exportCsv}
          </button>
        ) : null}
      </div>
      <div id={statusId}>
        {model.state === 'error' ? (
          <p className="banner problem" role="alert" data-testid="counts-error">
            {model.message}
          </p>
        ) : model.state === 'empty' ? (
          <p className="muted">{M.waiting}</p>
        ) : null}
        {text.length > COUNTS_LINK_MAX ? (
          <p className="flag warning">{M.linkTooLong(text.length, COUNTS_LINK_MAX)}</p>
        ) : null}
      </div>
      {model.state === 'ok' ? <CountsResult grid={model.grid} /> : null}
    </section>
  );
}

function CountsResult({ grid }: { grid: CountsGrid }) {
  return (
    <>
      <ScrollBox label={M.pageTitle}>
        <table className="data crosstab counts-table" data-testid="counts-table">
          <caption>{grid.caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <bdi>{grid.corner}</bdi>
              </th>
              {grid.columns.map((col) => (
                <th key={col.label} scope="col" className="num">
                  <bdi>{col.label}</bdi>
                  {col.letter !== null ? <span className="letter"> ({col.letter})</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">
                  <bdi>{row.label}</bdi>
                </th>
                {row.cells.map((cell, c) => (
                  <td key={c} className="num">
                    {cell.percent}
                    {cell.letters ? (
                      <sup className="sig" title={M.higherThan(cell.letters)}>
                        {' '}
                        {cell.letters}
                      </sup>
                    ) : null}
                    <div className="count">{M.cellCount(cell.count)}</div>
                    <div className="count interval">{cell.interval}</div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="counts-base-row">
              <th scope="row">{M.baseRow}</th>
              {grid.bases.map((b, c) => (
                <td key={c} className="num">
                  {b.text}
                  {b.small ? <span title={M.smallBaseMark}> *</span> : null}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      <p data-testid="counts-chi-square">{grid.chiSquare}</p>
      <ul className="stats-notes" data-testid="counts-notes">
        {grid.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
        {grid.testNote !== null ? <li>{grid.testNote}</li> : null}
        <li>{grid.intervalNote}</li>
      </ul>
    </>
  );
}
