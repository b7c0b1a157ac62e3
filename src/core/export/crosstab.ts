// A crosstab as a grid for a report: a header block (title, rows, columns,
// base, filter, weight, which percents, notes, chi-square, test note, source),
// a blank row, then the table in banner layout, one line per row option and
// measure, so a spreadsheet can sort and filter it:
//
//   |                   |         | Total | M (A) | F (B) |
//   | Base (unweighted) | Count   | 9     | 5     | 4     |
//   (weighted: then "Base (weighted)" and "Effective base", Kish's, to 1 decimal)
//   | A                 | %       | 44.4% | 40.0% | 50.0% |
//   | A                 | Count   | 4     | 2     | 2     |
//   | A                 | Higher than |   |       | A     |
//
// Choices, in step with the crosstab page (src/state/crosstabModel.ts):
// - percents to 1 decimal with "%", "–" where the base is 0;
// - counts without thousands separators (so every spreadsheet reads them as
//   numbers), to 1 decimal when weighted;
// - a "Total" column (share of everyone in the table) with column-based
//   percents (col, resp) only; row-based percents get a row-base column instead;
// - significance letters with column-based percents only (they compare columns);
// - a multi-answer percent mode on a table without a multi-answer question
//   falls back to column percents and says so;
// - labels and titles are isolated (FSI … PDI when they hold right-to-left
//   text or bidi controls, src/core/format/bidi.ts), so a label's U+202E cannot
//   turn the letters or figures after it around where the file is read as text.
import type { Crosstab } from '../crosstab/types';
import { formatP } from '../format/number';
import { formatPercent } from '../format/percent';
import { exportMessages as M, tabsMessages } from '../messages';
import { isolate } from '../format/bidi';

/** The percent shown; the same values as the view's PercentMode (src/state/view.ts). */
export type ExportPercentMode = 'col' | 'row' | 'total' | 'cases' | 'resp' | 'responses';

export interface CrosstabExportContext {
  crosstab: Crosstab;
  surveyTitle: string;
  /** e.g. "Simulated respondents, not real data"; undefined: the crosstab's own notice. */
  notice?: string | null;
  /** The filters in words, as the page shows them; null: no filter. */
  filter: string | null;
  /** The weight column's name as shown; null: unweighted; undefined: the crosstab's weightId. */
  weight?: string | null;
  percent: ExportPercentMode;
  counts: boolean;
  tests: boolean;
  /** Where the respondent data come from; null or undefined: named after the survey title. */
  source?: string | null;
  /** Row indexes in the order the page shows them (a sorted view); default: as computed. */
  rowOrder?: readonly number[];
}

type Side = 'col' | 'row' | 'total';

interface Chosen {
  mode: ExportPercentMode;
  grid: number[][];
  /** Which bases the percents are shares of. */
  side: Side;
}

function choosePercents(x: Crosstab, mode: ExportPercentMode): Chosen {
  const multi = (byCol: number[][] | null, byRow: number[][] | null): Chosen | null =>
    byCol !== null
      ? { mode, grid: byCol, side: 'col' }
      : byRow !== null
        ? { mode, grid: byRow, side: 'row' }
        : null;
  switch (mode) {
    case 'row':
      return { mode, grid: x.rowPercents, side: 'row' };
    case 'total':
      return { mode, grid: x.totalPercents, side: 'total' };
    case 'cases':
      return multi(x.colPercentsOfCases, x.rowPercentsOfCases) ?? colPercents(x);
    case 'resp':
      return multi(x.colPercentsOfRespondents, x.rowPercentsOfRespondents) ?? colPercents(x);
    case 'responses':
      return multi(x.colPercentsOfResponses, x.rowPercentsOfResponses) ?? colPercents(x);
    default:
      return colPercents(x);
  }
}

const colPercents = (x: Crosstab): Chosen => ({ mode: 'col', grid: x.colPercents, side: 'col' });

const pct = (v: number | undefined): string =>
  v !== undefined && Number.isFinite(v) ? formatPercent(v, 1) : M.notApplicable;

function chiSquareLine(x: Crosstab): string | null {
  if (x.cols.question.type === 'total') return null;
  const chi = x.chiSquare;
  if (chi === null) return M.chiSquareNone;
  const p = formatP(chi.p);
  return M.chiSquare(chi.statistic.toFixed(3), chi.df, p);
}

/** The header block and the table, as rows of cells (header rows have one cell). */
export function crosstabExport(ctx: CrosstabExportContext): string[][] {
  const x = ctx.crosstab;
  const weighted = x.weightId !== null;
  const count = (v: number | undefined): string =>
    v === undefined ? '' : weighted ? v.toFixed(1) : String(Math.round(v));
  const chosen = choosePercents(x, ctx.percent);
  const onlyTotal = x.cols.question.type === 'total';
  // Percents of respondents per column: col, or resp on a multi-answer row question
  // (resp on a multi-answer column question is a row percent).
  const perColumn = chosen.side === 'col' && (chosen.mode === 'col' || chosen.mode === 'resp');
  const letters = ctx.tests && x.tests !== null && perColumn;
  const totalColumn = !onlyTotal && perColumn;
  const rowBaseColumns = chosen.side === 'row';

  // Header block.
  const header: string[][] = [[isolate(ctx.surveyTitle)], [M.rows(x.rows.question.text)]];
  header.push([onlyTotal ? M.columnsTotal : M.columns(x.cols.question.text)]);
  header.push([M.base(x.base.description)]);
  header.push([M.filter(ctx.filter)]);
  header.push([M.weight(ctx.weight === undefined ? x.weightId : ctx.weight)]);
  const fallback =
    chosen.mode !== ctx.percent ? M.percentFallback(M.percentLabels[ctx.percent]) : '';
  header.push([M.percents(M.percentLabels[chosen.mode]) + fallback]);
  const notice = ctx.notice === undefined ? x.notice : ctx.notice;
  if (notice !== null && notice !== '') header.push([M.note(notice)]);
  for (const warning of x.warnings) header.push([M.note(warning)]);
  const chi = chiSquareLine(x);
  if (chi !== null) header.push([chi]);
  if (letters && x.testNote !== null) header.push([M.tests(x.testNote)]);
  header.push([
    ctx.source !== undefined && ctx.source !== null && ctx.source !== ''
      ? M.source([ctx.source])
      : M.sourceRespondents(ctx.surveyTitle),
  ]);

  // Column headings.
  const colHeads = x.cols.labels.map((label, c) =>
    letters ? `${isolate(label)} (${x.letters[c] ?? ''})` : isolate(label),
  );
  const line = (
    label: string,
    measure: string,
    total: string,
    cells: string[],
    extra: string[],
  ) => [
    label,
    measure,
    ...(totalColumn ? [total] : []),
    ...cells,
    ...(rowBaseColumns ? extra : []),
  ];
  const table: string[][] = [
    line(
      '',
      '',
      M.total,
      colHeads,
      weighted ? [M.rowBaseUnweighted, M.rowBaseWeighted] : [M.rowBaseUnweighted],
    ),
  ];
  const rowBaseCells = (r: number) =>
    weighted
      ? [count0(x.unweightedRowBases[r]), count(x.rowBases[r])]
      : [count0(x.unweightedRowBases[r])];
  const blanks = weighted ? ['', ''] : [''];

  // Base rows: the bases of column-based percents, and the table's total.
  table.push(
    line(
      M.baseRowUnweighted,
      M.measureCount,
      count0(x.unweightedTotal),
      x.unweightedColBases.map(count0),
      weighted ? [count0(x.unweightedTotal), ''] : [count0(x.unweightedTotal)],
    ),
  );
  if (weighted) {
    table.push(
      line(M.baseRowWeighted, M.measureCount, count(x.total), x.colBases.map(count), [
        '',
        count(x.total),
      ]),
    );
    // Kish's effective bases, the bases the letters are tested on; labelled as the
    // crosstab page and the tab book label them.
    table.push(
      line(
        tabsMessages.baseEffective,
        M.measureCount,
        count(x.effectiveTotal),
        x.effectiveBases.map(count),
        blanks,
      ),
    );
  }
  if (chosen.side === 'col' && chosen.mode === 'cases' && x.colCases !== null) {
    table.push(line(M.baseRowCases, M.measureCount, '', x.colCases.map(count), blanks));
  }
  if (chosen.side === 'col' && chosen.mode === 'responses' && x.colResponses !== null) {
    table.push(line(M.baseRowResponses, M.measureCount, '', x.colResponses.map(count), blanks));
  }

  const order = ctx.rowOrder ?? x.rows.labels.map((_, r) => r);
  for (const r of order) {
    const raw = x.rows.labels[r];
    if (raw === undefined) continue;
    const label = isolate(raw);
    const percents = x.cols.labels.map((_, c) => pct(chosen.grid[r]?.[c]));
    table.push(line(label, M.measurePercent, pct(x.rowBasePercents[r]), percents, rowBaseCells(r)));
    if (ctx.counts) {
      const counts = x.cols.labels.map((_, c) => count(x.counts[r]?.[c]));
      table.push(line(label, M.measureCount, count(x.rowBases[r]), counts, blanks));
    }
    if (letters) {
      const sig = x.cols.labels.map((_, c) => x.tests?.[r]?.[c] ?? '');
      table.push(line(label, M.measureSig, '', sig, blanks));
    }
  }
  return [...header, [], ...table];
}

/** An unweighted count: a whole number. */
const count0 = (v: number | undefined): string => (v === undefined ? '' : String(Math.round(v)));
