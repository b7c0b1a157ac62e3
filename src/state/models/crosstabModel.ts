// A crosstab view as a grid the UI renders and exports: which percent to show,
// the significance letters, shading, bases, sort. Computation stays in core;
// this only chooses and arranges what core returned.
import { crosstab } from '../../core/crosstab/crosstab';
import type { Crosstab, CrosstabSpec, NetSpec } from '../../core/crosstab/types';
import { formatNumber } from '../../core/format/number';
import type { Result } from '../../core/result';
import type { Column, RespondentTable } from '../../core/table/types';
import type { CrosstabView, PercentMode } from '../url/view';

export interface GridCell {
  /** The percent shown, or NaN where its base is 0. */
  percent: number;
  percentText: string;
  count: number;
  countText: string;
  /** Letters of columns significantly lower than this cell (column percents only). */
  letters: string;
}

export interface GridRow {
  /** Row index in the computed crosstab (rows may be shown sorted). */
  index: number;
  label: string;
  isNet: boolean;
  /** The "Total" column: share of everyone in the table. */
  total: GridCell | null;
  cells: GridCell[];
}

export interface CrosstabGrid {
  result: Crosstab;
  percent: PercentMode;
  percentLabel: string;
  /** Percent modes that make sense for these axes. */
  percentModes: { mode: PercentMode; label: string }[];
  colLabels: string[];
  colLetters: string[];
  colIsNet: boolean[];
  rows: GridRow[];
  baseRow: {
    weighted: string[];
    unweighted: string[];
    small: boolean[];
    total: string;
    totalUnweighted: string;
  };
  weighted: boolean;
  showLetters: boolean;
}

export const categoricalColumns = (table: RespondentTable): Column[] =>
  table.columns.filter(
    (c) => (c.type === 'single' || c.type === 'multi') && c.id !== table.idColumnId,
  );

const PERCENT_LABELS: Record<PercentMode, string> = {
  col: 'Column %',
  row: 'Row %',
  total: 'Total %',
  cases: '% of cases (chose at least one option)',
  resp: '% of respondents (everyone asked)',
  responses: '% of responses (all mentions)',
};

function netLabel(column: Column | undefined, options: number[]): string {
  const labels = column && 'labels' in column ? column.labels : [];
  return `Net: ${options.map((i) => labels[i] ?? `#${i + 1}`).join(' + ')}`;
}

export function crosstabSpec(table: RespondentTable, view: CrosstabView): CrosstabSpec | null {
  const rowsId = view.rows ?? categoricalColumns(table)[0]?.id ?? null;
  if (rowsId === null) return null;
  const find = (id: string) => table.columns.find((c) => c.id === id);
  const nets = (id: string, list: number[][]): NetSpec[] =>
    list.map((options) => ({ label: netLabel(find(id), options), options }));
  const spec: CrosstabSpec = {
    rows: { questionId: rowsId, nets: nets(rowsId, view.rowNets) },
    cols:
      view.cols === null ? null : { questionId: view.cols, nets: nets(view.cols, view.colNets) },
    filter: view.filters.map((f) => ({ questionId: f.question, options: f.options })),
    tests: view.tests,
  };
  if (view.weight !== undefined) spec.weightId = view.weight;
  return spec;
}

function pick(x: Crosstab, mode: PercentMode): { grid: number[][]; mode: PercentMode } {
  const multiMode = (rows: number[][] | null, cols: number[][] | null) => rows ?? cols;
  switch (mode) {
    case 'row':
      return { grid: x.rowPercents, mode };
    case 'total':
      return { grid: x.totalPercents, mode };
    case 'cases': {
      const g = multiMode(x.colPercentsOfCases, x.rowPercentsOfCases);
      return g ? { grid: g, mode } : { grid: x.colPercents, mode: 'col' };
    }
    case 'resp': {
      const g = multiMode(x.colPercentsOfRespondents, x.rowPercentsOfRespondents);
      return g ? { grid: g, mode } : { grid: x.colPercents, mode: 'col' };
    }
    case 'responses': {
      const g = multiMode(x.colPercentsOfResponses, x.rowPercentsOfResponses);
      return g ? { grid: g, mode } : { grid: x.colPercents, mode: 'col' };
    }
    default:
      return { grid: x.colPercents, mode: 'col' };
  }
}

const pctText = (v: number) => (Number.isFinite(v) ? `${formatNumber(v, 1)}%` : '–');

export function buildCrosstabGrid(
  table: RespondentTable,
  view: CrosstabView,
): Result<CrosstabGrid> | null {
  const spec = crosstabSpec(table, view);
  if (!spec) return null;
  const computed = crosstab(table, spec);
  if (!computed.ok) return computed;
  const x = computed.value;
  const weighted = x.weightId !== null;
  const countText = (n: number) => formatNumber(n, weighted ? 1 : 0);
  const chosen = pick(x, view.percent);
  // Significance letters compare column proportions among everyone in the column: show them (and
  // the Total column) only with percents on that base — column %, or "% of respondents" when the
  // multi-answer question is on the rows (with it on the columns, those percents run along rows).
  const columnBased = chosen.mode === 'col' || (chosen.mode === 'resp' && x.multi.rows);
  const showLetters = x.tests !== null && columnBased;
  const multiAny = x.multi.rows || x.multi.cols;
  const percentModes = (
    [
      'col',
      'row',
      'total',
      ...(multiAny ? (['cases', 'resp', 'responses'] as const) : []),
    ] as PercentMode[]
  ).map((mode) => ({ mode, label: PERCENT_LABELS[mode] }));

  let rows: GridRow[] = x.rows.labels.map((label, r) => ({
    index: r,
    label,
    isNet: x.rows.isNet[r] ?? false,
    // A one-way table (Total only) is its own total column.
    total:
      columnBased && x.cols.question.type !== 'total'
        ? {
            percent: x.rowBasePercents[r] ?? NaN,
            percentText: pctText(x.rowBasePercents[r] ?? NaN),
            count: x.rowBases[r] ?? 0,
            countText: countText(x.rowBases[r] ?? 0),
            letters: '',
          }
        : null,
    cells: x.cols.labels.map((_, c) => {
      const percent = chosen.grid[r]?.[c] ?? NaN;
      const count = x.counts[r]?.[c] ?? 0;
      return {
        percent,
        percentText: pctText(percent),
        count,
        countText: countText(count),
        letters: showLetters ? (x.tests?.[r]?.[c] ?? '') : '',
      };
    }),
  }));
  if (view.sort && view.sort.col < x.cols.labels.length) {
    const { col, desc } = view.sort;
    const key = (row: GridRow) => {
      const v = row.cells[col]?.percent ?? NaN;
      return Number.isFinite(v) ? v : -Infinity;
    };
    const options = rows
      .filter((row) => !row.isNet)
      .sort((a, b) => (desc ? key(b) - key(a) : key(a) - key(b)));
    rows = [...options, ...rows.filter((row) => row.isNet)];
  }
  return {
    ok: true,
    value: {
      result: x,
      percent: chosen.mode,
      percentLabel: PERCENT_LABELS[chosen.mode],
      percentModes,
      colLabels: x.cols.labels,
      colLetters: x.letters,
      colIsNet: x.cols.isNet,
      rows,
      baseRow: {
        weighted: x.colBases.map(countText),
        unweighted: x.unweightedColBases.map((n) => formatNumber(n, 0)),
        small: x.smallBase,
        total: countText(x.total),
        totalUnweighted: formatNumber(x.unweightedTotal, 0),
      },
      weighted,
      showLetters,
    },
  };
}
