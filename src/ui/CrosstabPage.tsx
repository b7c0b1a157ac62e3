// The crosstab builder for respondent data: rows × columns with weights,
// filters, nets, percent modes and significance tests, all kept in the URL.
import { crosstabPageMessages as PM, exportMessages } from '../core/messages';
import type { LibraryEntry } from '../state/models/library';
import {
  categoricalColumns,
  crosstabGrid,
  crosstabSpec,
  crosstabTable,
} from '../state/models/crosstabModel';
import type { RespondentTable } from '../core/table/types';
import { useCrosstab } from './useCrosstab';
import type { CrosstabView, ViewState } from '../state/url/view';
import { formatNumber, formatP } from '../core/format/number';
import { CrosstabControls } from './CrosstabControls';
import { CrosstabTable } from './CrosstabTable';
import { FilterBuilder, describeFilter } from './FilterBuilder';
import { NetBuilder } from './NetBuilder';
import { CrosstabExport } from './CrosstabExport';
import { CrosstabChart } from './CrosstabChart';
import { crosstabChartExport, crosstabChartModel } from '../state/models/crosstabChartModel';

interface Props {
  entry: LibraryEntry;
  view: ViewState;
  navigate: (next: ViewState) => void;
}

const pText = (p: number) => `p ${formatP(p)}`;

export function CrosstabPage(props: Props) {
  const raw = props.entry.table;
  return raw ? <CrosstabBody {...props} raw={raw} /> : null;
}

function CrosstabBody({ entry, view, navigate, raw }: Props & { raw: RespondentTable }) {
  // With a "number of answers chosen" question for each multi-answer question.
  const table = crosstabTable(raw);
  const x = view.crosstab;
  const set = (next: Partial<CrosstabView>) => navigate({ ...view, crosstab: { ...x, ...next } });
  const rowsId = x.rows ?? categoricalColumns(table)[0]?.id ?? '';
  const counted = useCrosstab(entry.id, raw, table, crosstabSpec(table, x));
  const built = counted.result === null ? null : crosstabGrid(counted.result, x);
  const grid = built?.ok ? built.value : null;
  const rowsCol = table.columns.find((c) => c.id === rowsId);
  const colsCol = x.cols === null ? null : table.columns.find((c) => c.id === x.cols);
  const labelsOf = (c: typeof rowsCol) => (c && 'labels' in c ? c.labels : []);
  const result = grid?.result;
  const filterText = x.filters.map((f) => describeFilter(table, f)).join('; ');

  return (
    <article>
      <p className="meta">
        <bdi>{entry.title}</bdi> · {PM.respondents(formatNumber(table.rowCount, 0))}
      </p>
      <h2>{PM.heading}</h2>
      {entry.notice ? (
        <p className="banner notice" data-testid="notice">
          <bdi>{entry.notice}</bdi>
        </p>
      ) : null}
      <CrosstabControls table={table} x={x} rowsId={rowsId} grid={grid} set={set} />
      <FilterBuilder table={table} filters={x.filters} onChange={(filters) => set({ filters })} />
      <div className="toolbar">
        <NetBuilder
          axis="rows"
          labels={labelsOf(rowsCol)}
          multi={rowsCol?.type === 'multi'}
          nets={x.rowNets}
          onChange={(rowNets) => set({ rowNets })}
        />
        {colsCol ? (
          <NetBuilder
            axis="columns"
            labels={labelsOf(colsCol)}
            multi={colsCol.type === 'multi'}
            nets={x.colNets}
            onChange={(colNets) => set({ colNets })}
          />
        ) : null}
      </div>
      {built && !built.ok ? (
        <p className="banner problem" role="alert">
          {built.error.message}
        </p>
      ) : null}
      {counted.pending ? (
        <p className="note" role="status" data-testid="crosstab-counting">
          {PM.counting}
        </p>
      ) : null}
      {grid && result ? (
        <div
          className={counted.pending ? 'stale' : undefined}
          aria-busy={counted.pending}
          data-testid="crosstab-result"
          data-counted-with={counted.helped ? 'helper' : 'page'}
        >
          {filterText ? (
            <p className="note" data-testid="active-filter">
              {PM.filterLine} {filterText}
            </p>
          ) : null}
          <CrosstabTable
            grid={grid}
            rowsText={rowsCol?.text ?? rowsId}
            colsText={colsCol?.text ?? null}
            showCounts={x.counts}
            sort={x.sort}
            onSort={(col) =>
              set({ sort: { col, desc: x.sort?.col === col ? !x.sort.desc : true } })
            }
          />
          <ul className="stats-notes" data-testid="crosstab-notes">
            <li data-testid="base-line">{exportMessages.base(result.base.description)}</li>
            {result.missing.excluded > 0 ? (
              <li>{PM.missingExcluded(formatNumber(result.missing.excluded, 0))}</li>
            ) : null}
            {grid.answerCountNote ? (
              <li data-testid="answer-count-mean">{grid.answerCountNote}</li>
            ) : null}
            {result.chiSquare ? (
              <li data-testid="chi-square">
                {PM.chiSquare(
                  formatNumber(result.chiSquare.statistic, 2),
                  result.chiSquare.df,
                  pText(result.chiSquare.p),
                )}
              </li>
            ) : null}
            {grid.showLetters && result.testNote ? (
              <li data-testid="test-note">{result.testNote}</li>
            ) : null}
            {grid.modeNote ? <li data-testid="mode-note">{grid.modeNote}</li> : null}
            {/* Core's own notes (why no chi-square, small bases, weights), each said once. */}
            {result.warnings.map((w) => (
              <li key={w} className="muted" data-testid="crosstab-warning">
                {w}
              </li>
            ))}
          </ul>
          <CrosstabExport
            entry={entry}
            grid={grid}
            rowsText={rowsCol?.text ?? rowsId}
            colsText={colsCol?.text ?? null}
            filterText={filterText}
            counts={x.counts}
          />
          {/* Column percents as grouped bars, under the table that is their text alternative. */}
          <CrosstabChart
            model={crosstabChartModel(grid, {
              rowsText: rowsCol?.text ?? rowsId,
              colsText: colsCol?.text ?? null,
              filter: filterText,
              weight: table.columns.find((c) => c.id === result.weightId)?.text ?? null,
            })}
            {...crosstabChartExport(entry, rowsCol?.text ?? rowsId, colsCol?.text ?? null)}
          />
        </div>
      ) : null}
    </article>
  );
}
