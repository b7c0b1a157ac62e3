// Reading a small table typed or pasted by hand into a CountsTable: column
// labels on the first row, a row label first on every row; cells are counts,
// or percents with a row labelled "Base" (column percents) or a column
// labelled "Base" (row percents). A Total row or column is checked (counts)
// and left out. Never throws: every problem names the row and column the user
// sees, what is wrong and what to do.
import { formatNumber } from '../format/number';
import { formatPercent } from '../format/percent';
import { roundTo } from '../format/number';
import { totals } from '../published/tolerance';
import type { PublishedOption, PublishedPercent } from '../published/types';
import { fail, ok, type Result, type SurveyError } from '../result';
import { hasPercentSign, parsePercentCell, parseWholeCell, type WholeCell } from './cells';
import { splitGrid, type GridRow } from './grid';
import { countsMessages as M, located, problem } from '../messages';
import { countDecimals } from './format';
import type { CountsSource, CountsTable } from './types';

const MAX_ROWS = 100;
const MAX_COLUMNS = 40;

const BASE_LABEL =
  /^(?:unweighted\s+)?(?:base|bases|n|sample|sample\s+size|base\s*\(n\)|n\s*=|样本量|样本数|基数)\s*:?$/i;
const TOTAL_LABEL = /^(?:total|totals|all|overall|sum|合计|总计|总体)\s*:?$/i;

type Role = 'data' | 'base' | 'total';
const roleOf = (label: string): Role =>
  BASE_LABEL.test(label) ? 'base' : TOTAL_LABEL.test(label) ? 'total' : 'data';

export function parseCountsTable(text: string): Result<CountsTable> {
  if (text.trim() === '') return fail(problem('counts-empty'));
  const split = splitGrid(text);
  if (!split.ok) return split;
  const grid = split.value;
  const header = grid[0];
  if (header === undefined) return fail(problem('counts-empty'));
  const width = header.cells.length;
  if (width < 2 || grid.every((r) => r.cells.length < 2))
    return fail(located({ line: header.line }, problem('counts-one-column')));
  if (grid.length - 1 > MAX_ROWS || width - 1 > MAX_COLUMNS)
    return fail(problem('counts-too-large', grid.length - 1, width - 1, MAX_ROWS, MAX_COLUMNS));
  for (const row of grid) {
    if (row.cells.length !== width)
      return fail(
        located(
          { line: row.line, column: Math.min(row.cells.length, width) + 1, say: 'row' },
          problem('counts-ragged-row', row.cells.length, width),
        ),
      );
  }

  // Labels: every column and row named, once.
  const colLabels = header.cells.slice(1).map((c) => c.trim());
  for (let j = 0; j < colLabels.length; j++) {
    const label = colLabels[j]!;
    const where = { line: header.line, column: j + 2, say: 'row-cell' } as const;
    if (label === '') return fail(located(where, problem('counts-blank-column-label')));
    const first = colLabels.indexOf(label);
    if (first < j)
      return fail(located(where, problem('counts-duplicate-column-label', label, first + 2)));
  }
  const body = grid.slice(1);
  const rowLabels = body.map((r) => (r.cells[0] ?? '').trim());
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!.line;
    const label = rowLabels[i]!;
    if (label === '')
      return fail(located({ line, column: 1, say: 'row-cell' }, problem('counts-blank-row-label')));
    const first = rowLabels.indexOf(label);
    if (first < i)
      return fail(
        located(
          { line, column: 1, say: 'row-cell', name: label },
          problem('counts-duplicate-row-label', label, body[first]!.line),
        ),
      );
  }

  // Which rows and columns hold data, bases or totals.
  const rowRoles = rowLabels.map(roleOf);
  const colRoles = colLabels.map(roleOf);
  const baseRows = body.filter((_, i) => rowRoles[i] === 'base');
  if (baseRows.length > 1) {
    const second = baseRows[1]!;
    return fail(
      located(
        { line: second.line, say: 'row' },
        problem('counts-two-base-rows', baseRows[0]!.line),
      ),
    );
  }
  if (colRoles.filter((r) => r === 'base').length > 1) {
    const j = colRoles.lastIndexOf('base');
    return fail(
      located(
        { line: header.line, column: j + 2, say: 'row-cell', name: colLabels[j]! },
        problem('counts-two-base-rows', header.line),
      ),
    );
  }
  const baseRow = rowRoles.indexOf('base');
  const baseCol = colRoles.indexOf('base');
  if (baseRow >= 0 && baseCol >= 0) return fail(problem('counts-base-row-and-column'));
  const dataRows = indexesOf(rowRoles, 'data');
  const dataCols = indexesOf(colRoles, 'data');
  if (dataRows.length === 0) return fail(located({ line: header.line }, problem('counts-no-rows')));
  if (dataCols.length === 0)
    return fail(located({ line: header.line }, problem('counts-no-columns')));

  const cell = (i: number, j: number) => ({
    text: body[i]!.cells[j + 1] ?? '',
    line: body[i]!.line,
    column: j + 2,
    label: colLabels[j]!,
  });
  const cellError = (i: number, j: number, error: SurveyError) => {
    const c = cell(i, j);
    return fail(located({ line: c.line, column: c.column, say: 'row-cell', name: c.label }, error));
  };

  const ctx: Context = {
    corner: (header.cells[0] ?? '').trim(),
    body,
    rowLabels,
    colLabels,
    rowRoles,
    colRoles,
    dataRows,
    dataCols,
    cell,
    cellError,
  };

  // A percent needs its base.
  const firstPercent = findCell(dataRows, dataCols, (i, j) => hasPercentSign(cell(i, j).text));
  if (baseRow < 0 && baseCol < 0) {
    if (firstPercent !== null) {
      const [i, j] = firstPercent;
      return cellError(i, j, problem('counts-percent-without-base', cell(i, j).text.trim()));
    }
    return readCounts(ctx, []);
  }
  const axis: 'row' | 'col' = baseRow >= 0 ? 'row' : 'col';
  const bases = readBases(ctx, axis, axis === 'row' ? baseRow : baseCol);
  if (!bases.ok) return bases;
  // Counts under a Base row of their totals are counts, not percents.
  if (firstPercent === null) {
    const counts = wholeGrid(ctx);
    if (counts !== null && basesAreTotals(counts, bases.value, axis))
      return readCounts(ctx, [M.baseRowIsTotals]);
  }
  return readPercents(ctx, axis, bases.value);
}

interface Context {
  corner: string;
  body: GridRow[];
  rowLabels: string[];
  colLabels: string[];
  rowRoles: Role[];
  colRoles: Role[];
  dataRows: number[];
  dataCols: number[];
  cell(i: number, j: number): { text: string; line: number; column: number; label: string };
  cellError(i: number, j: number, error: SurveyError): Result<never>;
}

function indexesOf(roles: readonly Role[], role: Role): number[] {
  return roles.flatMap((r, i) => (r === role ? [i] : []));
}

function findCell(
  rows: readonly number[],
  cols: readonly number[],
  test: (i: number, j: number) => boolean,
): [number, number] | null {
  for (const i of rows) for (const j of cols) if (test(i, j)) return [i, j];
  return null;
}

function wholeError(ctx: Context, i: number, j: number, parsed: WholeCell & { ok: false }) {
  const text = ctx.cell(i, j).text.trim();
  switch (parsed.why) {
    case 'blank':
      return ctx.cellError(i, j, problem('counts-blank-cell'));
    case 'negative':
      return ctx.cellError(i, j, problem('counts-negative', text));
    case 'fraction':
      return ctx.cellError(i, j, problem('counts-fraction', text));
    default:
      return ctx.cellError(i, j, problem('counts-not-count', text));
  }
}

/** Every data cell as a whole number, or null when one is not. */
function wholeGrid(ctx: Context): number[][] | null {
  const out: number[][] = [];
  for (const i of ctx.dataRows) {
    const row: number[] = [];
    for (const j of ctx.dataCols) {
      const parsed = parseWholeCell(ctx.cell(i, j).text);
      if (!parsed.ok) return null;
      row.push(parsed.value);
    }
    out.push(row);
  }
  return out;
}

/** The Base row (or column) holds exactly the sums of the counts. */
function basesAreTotals(counts: number[][], bases: number[], axis: 'row' | 'col'): boolean {
  if (axis === 'row')
    return bases.every((b, c) => counts.reduce((a, row) => a + (row[c] ?? 0), 0) === b);
  return bases.every((b, r) => (counts[r] ?? []).reduce((a, v) => a + v, 0) === b);
}

function readCounts(ctx: Context, notes: string[]): Result<CountsTable> {
  const counts: number[][] = [];
  for (const i of ctx.dataRows) {
    const row: number[] = [];
    for (const j of ctx.dataCols) {
      const parsed = parseWholeCell(ctx.cell(i, j).text);
      if (!parsed.ok) return wholeError(ctx, i, j, parsed);
      row.push(parsed.value);
    }
    counts.push(row);
  }
  // Total rows and columns must be the sums they claim to be.
  const totalRows = indexesOf(ctx.rowRoles, 'total');
  const totalCols = indexesOf(ctx.colRoles, 'total');
  for (const i of totalRows) {
    for (let k = 0; k < ctx.dataCols.length; k++) {
      const j = ctx.dataCols[k]!;
      const parsed = parseWholeCell(ctx.cell(i, j).text);
      if (!parsed.ok) return wholeError(ctx, i, j, parsed);
      const sum = counts.reduce((a, row) => a + row[k]!, 0);
      if (parsed.value !== sum)
        return ctx.cellError(i, j, problem('counts-total-mismatch', 'row', parsed.value, sum));
    }
  }
  for (const j of totalCols) {
    for (let k = 0; k < ctx.dataRows.length; k++) {
      const i = ctx.dataRows[k]!;
      const parsed = parseWholeCell(ctx.cell(i, j).text);
      if (!parsed.ok) return wholeError(ctx, i, j, parsed);
      const sum = counts[k]!.reduce((a, v) => a + v, 0);
      if (parsed.value !== sum)
        return ctx.cellError(i, j, problem('counts-total-mismatch', 'column', parsed.value, sum));
    }
  }
  return ok(table(ctx, 'counts', counts, null, null, [...notes, ...totalNotes(ctx)]));
}

function totalNotes(ctx: Context): string[] {
  const rows = indexesOf(ctx.rowRoles, 'total').map((i) => ctx.rowLabels[i]!);
  const cols = indexesOf(ctx.colRoles, 'total').map((j) => ctx.colLabels[j]!);
  return [
    ...(cols.length > 0 ? [M.totalLeftOut('column', cols)] : []),
    ...(rows.length > 0 ? [M.totalLeftOut('row', rows)] : []),
  ];
}

/** The Base row's (axis 'row') or Base column's (axis 'col') bases, for the data columns or rows. */
function readBases(ctx: Context, axis: 'row' | 'col', at: number): Result<number[]> {
  const out: number[] = [];
  const along = axis === 'row' ? ctx.dataCols : ctx.dataRows;
  for (const k of along) {
    const [i, j] = axis === 'row' ? [at, k] : [k, at];
    const text = ctx.cell(i, j).text.trim();
    const parsed = parseWholeCell(text);
    if (!parsed.ok)
      return parsed.why === 'blank'
        ? ctx.cellError(i, j, problem('counts-blank-base'))
        : ctx.cellError(i, j, problem('counts-bad-base', text));
    if (parsed.value === 0) return ctx.cellError(i, j, problem('counts-zero-base'));
    out.push(parsed.value);
  }
  return ok(out);
}

function readPercents(ctx: Context, axis: 'row' | 'col', bases: number[]): Result<CountsTable> {
  const percents: PublishedPercent[][] = [];
  for (const i of ctx.dataRows) {
    const row: PublishedPercent[] = [];
    for (const j of ctx.dataCols) {
      const text = ctx.cell(i, j).text.trim();
      const parsed = parsePercentCell(text);
      if (!parsed.ok) {
        const error =
          parsed.why === 'blank'
            ? problem('counts-blank-cell')
            : parsed.why === 'negative'
              ? problem('counts-negative-percent', text)
              : parsed.why === 'over-100'
                ? problem('counts-percent-over-100', text)
                : parsed.why === 'lower-bound'
                  ? problem('counts-lower-bound', text)
                  : problem('counts-not-percent', text);
        return ctx.cellError(i, j, error);
      }
      row.push(parsed.percent);
    }
    percents.push(row);
  }
  const values = percents.map((row) => row.map((p) => p.value));
  const baseOf = (r: number, c: number) => (axis === 'row' ? bases[c]! : bases[r]!);
  const counts = values.map((row, r) => row.map((v, c) => (v * baseOf(r, c)) / 100));
  const notes: string[] = [];
  // How the percents add up along the base's direction (rounding allowed for, as in published figures).
  const lines =
    axis === 'row' ? ctx.dataCols.map((_, c) => percents.map((row) => row[c]!)) : percents;
  const lineLabels =
    axis === 'row'
      ? ctx.dataCols.map((j) => ctx.colLabels[j]!)
      : ctx.dataRows.map((i) => ctx.rowLabels[i]!);
  const over: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const t = totals(lines[k]!.map(asOption));
    const total = t.total ?? 0;
    const label = lineLabels[k]!;
    const text = formatPercent(total, t.decimals);
    if (total > 100 + t.tolerance) {
      if (axis === 'col')
        return fail(
          located(
            { line: ctx.body[ctx.dataRows[k]!]!.line, say: 'row' },
            problem('counts-row-percents-over-100', label, text),
          ),
        );
      over.push(label);
    } else if (total < 100 - t.tolerance) {
      const missing = formatPercent(roundTo(100 - total, t.decimals), t.decimals);
      notes.push(M.lineShort(axis === 'row' ? 'column' : 'row', label, text, missing));
    }
  }
  if (over.length > 0) notes.push(M.columnsOverlap(over));
  notes.push(reconstructedNote(percents, counts, axis, bases));
  const source: CountsSource = axis === 'row' ? 'column-percents' : 'row-percents';
  const t = table(ctx, source, counts, values, bases, [...notes, ...totalNotes(ctx)]);
  t.overlap = over.length > 0;
  return ok(t);
}

const asOption = (percent: PublishedPercent): PublishedOption => ({
  label: '',
  percent,
  rank: null,
  omitted: false,
});

function reconstructedNote(
  percents: PublishedPercent[][],
  counts: number[][],
  axis: 'row' | 'col',
  bases: number[],
): string {
  let notWhole = 0;
  let example: string | null = null;
  counts.forEach((row, r) =>
    row.forEach((v, c) => {
      if (Number.isInteger(roundTo(v, 9))) return;
      notWhole++;
      if (example !== null) return;
      const p = percents[r]![c]!;
      const base = axis === 'row' ? bases[c]! : bases[r]!;
      example = M.reconstructedExample(
        formatPercent(p.value, p.decimals),
        formatNumber(base, 0),
        formatNumber(v, countDecimals(v)),
      );
    }),
  );
  return M.reconstructed(notWhole, counts.length * (counts[0]?.length ?? 0), example);
}

function table(
  ctx: Context,
  source: CountsSource,
  counts: number[][],
  percents: number[][] | null,
  bases: number[] | null,
  notes: string[],
): CountsTable {
  return {
    corner: ctx.corner,
    rowLabels: ctx.dataRows.map((i) => ctx.rowLabels[i]!),
    colLabels: ctx.dataCols.map((j) => ctx.colLabels[j]!),
    counts,
    source,
    percents,
    bases,
    overlap: false,
    notes,
  };
}
