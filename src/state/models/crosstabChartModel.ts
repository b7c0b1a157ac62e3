// What the crosstab chart draws (src/charts/crosstabChart.ts), built alike from
// a crosstab (the crosstab page) and from one table of a tab book, so both get
// the same chart: for each row option a group of bars, one per column (Total
// first), each a column percent with its significance letters. Column percents
// only: those are what the letters compare, and for a multi-answer row question
// they add to more than 100%, so they are never stacked.
//
// The chart module declares the same shape as its input (CrosstabChartData):
// state may not import charts, nor charts state; the UI hands one to the other,
// so the compiler keeps the two in step.
import type { Crosstab } from '../../core/crosstab/types';
import { formatPercent } from '../../core/format/percent';
import { exportMessages } from '../../core/messages';
import type { TabBook, TabTable } from '../../core/tabs/types';
import type { CrosstabGrid } from './crosstabModel';
import type { LibraryEntry } from './library';

export interface ChartSeries {
  label: string;
  /** The column's letter, when letters are shown; null for Total and nets. */
  letter: string | null;
  total: boolean;
}

export interface ChartBar {
  /** 0–100; null where the column has no respondents (no bar is drawn). */
  value: number | null;
  /** As the table shows it: "34.0%"; "–" without respondents. */
  text: string;
  /** Letters of the columns this value is significantly higher than ("" for none). */
  letters: string;
}

export interface ChartGroup {
  label: string;
  net: boolean;
  /** One per series, in the series' order. */
  bars: ChartBar[];
}

export interface ChartBase {
  unweighted: number;
  /** Sum of weights; null when unweighted. */
  weighted: number | null;
  /** Kish's effective base; null when unweighted or not computed. */
  effective: number | null;
  /** Fewer than 30 respondents (unweighted): read with care. */
  small: boolean;
}

export interface ChartLetters {
  /** Uppercase letters: significant at this confidence level (0.95). */
  level: number;
  /** Lowercase letters at this lower level, or null. */
  lowerLevel: number | null;
  /** Each column is compared with the rest of the sample (its own letter), not with the others. */
  rest: boolean;
}

export interface CrosstabChartModel {
  rowsText: string;
  /** The column question (a tab book: its banner questions); null for Total only. */
  colsText: string | null;
  series: ChartSeries[];
  groups: ChartGroup[];
  /** One per series. */
  bases: ChartBase[];
  /** The weight's name; null: unweighted. */
  weight: string | null;
  /** The filter in words; null: everyone. */
  filter: string | null;
  /** The rows are a multi-answer question: do some column's percents add to more than 100%? */
  multi: 'over-100' | 'not-over-100' | null;
  letters: ChartLetters | null;
  /** null: the table beside the chart shows these numbers; else the percents it shows instead. */
  tableShows: string | null;
}

const bar = (value: number | null | undefined, letters: string): ChartBar =>
  value === null || value === undefined || !Number.isFinite(value)
    ? { value: null, text: exportMessages.notApplicable, letters: '' }
    : { value, text: formatPercent(value, 1), letters };

/** Whether some series' option rows (nets left out) add to more than 100. */
function multiTotal(groups: ChartGroup[], seriesCount: number): 'over-100' | 'not-over-100' {
  for (let s = 0; s < seriesCount; s++) {
    const sum = groups.filter((g) => !g.net).reduce((acc, g) => acc + (g.bars[s]?.value ?? 0), 0);
    if (sum > 100 + 1e-9) return 'over-100';
  }
  return 'not-over-100';
}

export interface CrosstabChartContext {
  rowsText: string;
  colsText: string | null;
  /** The filters in words, as the page shows them; "" or null: none. */
  filter: string | null;
  /** The weight column's name as the page shows it; null: the crosstab's weight id. */
  weight: string | null;
}

/**
 * The chart of a crosstab view: its column percents (whatever percents the
 * table shows; `tableShows` says when they differ), rows in the table's order.
 */
export function crosstabChartModel(
  grid: CrosstabGrid,
  context: CrosstabChartContext,
): CrosstabChartModel {
  const x: Crosstab = grid.result;
  const weighted = x.weightId !== null;
  const oneWay = x.cols.question.type === 'total';
  const lettered = x.tests !== null;
  const series: ChartSeries[] = [
    ...(oneWay ? [] : [{ label: exportMessages.total, letter: null, total: true }]),
    ...x.cols.labels.map((label, c) => ({
      label,
      letter: lettered && !x.cols.isNet[c] ? (x.letters[c] ?? null) : null,
      total: oneWay,
    })),
  ];
  const groups: ChartGroup[] = grid.rows.map((row) => {
    const r = row.index;
    return {
      label: row.label,
      net: row.isNet,
      bars: [
        ...(oneWay ? [] : [bar(x.rowBasePercents[r], '')]),
        ...x.cols.labels.map((_, c) => bar(x.colPercents[r]?.[c], x.tests?.[r]?.[c] ?? '')),
      ],
    };
  });
  // Weighted: the sum of weights and Kish's effective base, as the table's base rows show them.
  const base = (
    unweighted: number,
    weightedBase: number,
    effective: number,
    small: boolean,
  ): ChartBase => ({
    unweighted,
    weighted: weighted ? weightedBase : null,
    effective: weighted ? effective : null,
    small,
  });
  const bases: ChartBase[] = [
    ...(oneWay ? [] : [base(x.unweightedTotal, x.total, x.effectiveTotal, false)]),
    ...x.cols.labels.map((_, c) =>
      base(
        x.unweightedColBases[c] ?? 0,
        x.colBases[c] ?? 0,
        x.effectiveBases[c] ?? 0,
        x.smallBase[c] ?? false,
      ),
    ),
  ];
  // For a multi-answer row question "% of respondents" are the column percents (core/crosstab/types.ts).
  const same = grid.percent === 'col' || (grid.percent === 'resp' && x.multi.rows);
  return {
    rowsText: context.rowsText,
    colsText: oneWay ? null : context.colsText,
    series,
    groups,
    bases,
    weight: weighted ? (context.weight ?? x.weightId) : null,
    filter: context.filter === null || context.filter === '' ? null : context.filter,
    multi: x.multi.rows ? multiTotal(groups, series.length) : null,
    // Core's column tests: 95%, two-sided (core/stats/proportions.ts).
    letters: lettered ? { level: 0.95, lowerLevel: null, rest: false } : null,
    tableShows: same ? null : grid.percentLabel,
  };
}

/**
 * The chart of one tab-book table: Total and every banner column, the book's
 * letters, and the weighted and effective bases when weighted. A numeric
 * question has no options to draw: null.
 */
export function tabChartModel(book: TabBook, table: TabTable): CrosstabChartModel | null {
  if (table.question.type === 'numeric' || table.rows.length === 0) return null;
  const weighted = book.weightId !== null;
  const isTotal = (c: number) =>
    book.groups.some((g) => g.type === 'total' && c >= g.start && c < g.end);
  const series: ChartSeries[] = book.columns.map((col, c) => ({
    label: col.label,
    letter: book.tests === null || isTotal(c) ? null : col.letter,
    total: isTotal(c),
  }));
  const groups: ChartGroup[] = table.rows.map((label, r) => ({
    label,
    net: table.isNet[r] ?? false,
    bars: book.columns.map((_, c) => bar(table.colPercents[r]?.[c], table.letters[r]?.[c] ?? '')),
  }));
  const bases: ChartBase[] = book.columns.map((_, c) => ({
    unweighted: table.bases.unweighted[c] ?? 0,
    weighted: weighted ? (table.bases.weighted[c] ?? 0) : null,
    effective: weighted ? (table.bases.effective[c] ?? 0) : null,
    // The tab book says which columns have small bases in its notes (core/tabs/notes.ts).
    small: false,
  }));
  const banner = book.groups.filter((g) => g.type !== 'total').map((g) => g.text);
  return {
    rowsText: table.question.text,
    colsText: banner.length === 0 ? null : banner.join(', '),
    series,
    groups,
    bases,
    weight: book.weightId,
    filter: book.filter,
    multi: table.question.type === 'multi' ? multiTotal(groups, series.length) : null,
    letters:
      book.tests === null
        ? null
        : {
            level: book.tests.level,
            lowerLevel: book.tests.lowerLevel,
            rest: book.tests.compare === 'rest',
          },
    tableShows: null,
  };
}

export interface ChartExport {
  /** The parts of the export's file name (core/export/fileName.ts). */
  fileParts: (string | null)[];
  /** The export's header and footer (charts/export.ts SvgExportMeta, without the question). */
  meta: { title: string; notes: string[]; source: string };
}

/**
 * How a crosstab's chart is exported: named like the crosstab's CSV (survey,
 * rows, "by" columns), with the survey's notice and the source the CSV gives.
 */
export function crosstabChartExport(
  entry: LibraryEntry,
  rowsText: string,
  colsText: string | null,
): ChartExport {
  return {
    fileParts: [entry.title, rowsText, colsText === null ? null : `by ${colsText}`],
    meta: {
      title: entry.title,
      notes: entry.notice === null || entry.notice === '' ? [] : [entry.notice],
      source:
        entry.source === null || entry.source === ''
          ? exportMessages.sourceRespondents(entry.title)
          : exportMessages.source([entry.source]),
    },
  };
}
