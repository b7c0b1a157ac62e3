// A crosstab view as a grid the UI renders and exports: which percent to show,
// the significance letters, shading, bases, sort. Computation stays in core;
// this only chooses and arranges what core returned.
import { crosstab } from '../../core/crosstab/crosstab';
import { answerCountMeans, isAnswerCount, withAnswerCounts } from '../../core/crosstab/answerCount';
import type { Crosstab, CrosstabSpec, NetSpec } from '../../core/crosstab/types';
import { formatNumber } from '../../core/format/number';
import { isolate } from '../../core/format/bidi';
import { crosstabPageMessages as PM } from '../../core/messages';
import type { Result } from '../../core/result';
import type { Column, RespondentTable } from '../../core/table/types';
import { weightCandidates } from '../../core/table/weightCandidates';
import type { CrosstabNet, CrosstabView, PercentMode } from '../url/view';

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
    /** Kish's effective bases (Σw)²/Σw², the bases the letters are tested on (weighted tables). */
    effective: string[];
    totalEffective: string;
  };
  weighted: boolean;
  showLetters: boolean;
  /**
   * Under the table when the chosen percents cannot carry what column percents
   * do (letters, a Total column): says so, and which mode shows them.
   */
  modeNote: string | null;
  /** Rows are a number-of-answers question: the mean per column, in words. */
  answerCountNote: string | null;
}

/**
 * The table a crosstab reads: the respondent table with a "number of answers
 * chosen" question after each multi-answer question (core/crosstab/answerCount.ts;
 * each one's codes are made only when a crosstab first puts it on an axis or in a filter).
 */
export const crosstabTable = (table: RespondentTable): RespondentTable => withAnswerCounts(table);

export interface WeightChoice {
  id: string;
  /** What the picker shows: the column, and why it is probably not a weight. */
  label: string;
  likely: boolean;
}

/** The weight picker's columns: likely weights first, the rest marked with why not. */
export function weightChoices(table: RespondentTable): WeightChoice[] {
  return weightCandidates(table).map((c) => ({
    id: c.id,
    label: c.why === null ? c.text : PM.weightNotLikely(isolate(c.text), PM.weightWhy[c.why]),
    likely: c.likely,
  }));
}

export const categoricalColumns = (table: RespondentTable): Column[] =>
  table.columns.filter(
    (c) => (c.type === 'single' || c.type === 'multi') && c.id !== table.idColumnId,
  );

const PERCENT_LABELS: Record<PercentMode, string> = {
  col: 'Column %',
  row: 'Row %',
  total: 'Total %',
  cases: '% of those who answered (chose at least one option)',
  resp: '% of respondents (everyone asked, those who chose none included)',
  responses: '% of responses (all mentions)',
};

function netLabel(column: Column | undefined, net: CrosstabNet): string {
  const labels = column && 'labels' in column ? column.labels : [];
  const names = net.options.map((i) => isolate(labels[i] ?? `#${i + 1}`));
  return net.all ? PM.netLabelAll(names) : PM.netLabelAny(names);
}

/** What the engine is asked for a view (null: the survey has no question to cross). */
export function crosstabSpec(table: RespondentTable, view: CrosstabView): CrosstabSpec | null {
  const rowsId = view.rows ?? categoricalColumns(table)[0]?.id ?? null;
  if (rowsId === null) return null;
  const find = (id: string) => table.columns.find((c) => c.id === id);
  const nets = (id: string, list: CrosstabNet[]): NetSpec[] =>
    list.map((net) => ({
      label: netLabel(find(id), net),
      options: net.options,
      ...(net.all ? { all: true } : {}),
    }));
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

/** A view's grid, its crosstab counted on this thread (see crosstabGrid). */
export function buildCrosstabGrid(
  respondents: RespondentTable,
  view: CrosstabView,
): Result<CrosstabGrid> | null {
  const table = crosstabTable(respondents);
  const spec = crosstabSpec(table, view);
  if (!spec) return null;
  return crosstabGrid(crosstab(table, spec), view);
}

/**
 * The grid of a view from its crosstab (counted by crosstab() here, or with a
 * helper thread by bannerWith(): the same numbers).
 */
export function crosstabGrid(computed: Result<Crosstab>, view: CrosstabView): Result<CrosstabGrid> {
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
        effective: x.effectiveBases.map((n) => formatNumber(n, 1)),
        totalEffective: formatNumber(x.effectiveTotal, 1),
      },
      weighted,
      showLetters,
      modeNote: modeNote(x, chosen.mode, view.tests),
      answerCountNote: isAnswerCount(x.rows.question.id) ? answerCountNote(x) : null,
    },
  };
}

/** What the chosen percents leave out that column percents show, or null. */
function modeNote(x: Crosstab, mode: PercentMode, tests: boolean): string | null {
  if (x.cols.question.type === 'total') return null;
  const columnBased = mode === 'col' || (mode === 'resp' && x.multi.rows);
  if (columnBased) return null;
  const letters = tests && x.tests !== null;
  return PM.modeLimits(PERCENT_LABELS[mode], letters, true);
}

function answerCountNote(x: Crosstab): string {
  const means = answerCountMeans(x);
  const mean = (v: number) => (Number.isFinite(v) ? formatNumber(v, 2) : '–');
  const parts = [
    PM.answerCountMeanPart('Total', mean(means.total)),
    ...(x.cols.question.type === 'total'
      ? []
      : x.cols.labels.map((label, c) => PM.answerCountMeanPart(label, mean(means.cols[c] ?? NaN)))),
  ];
  return PM.answerCountMeans(parts);
}
