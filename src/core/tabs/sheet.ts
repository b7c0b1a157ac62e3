// A tab book laid out as spreadsheet grids, without any spreadsheet library:
// what goes in which cell, as what kind of number, what is bold and what is
// merged. xlsx.ts only renders these grids, so the layout is tested without
// writing a file, and another writer (CSV, HTML) could render the same grids.
//
// Each table: title, question wording, weight and filter lines; a header of
// banner groups over their columns' labels and letters; the base rows
// (unweighted, and when weighted the weighted and effective bases); each answer
// as a row of column percents, followed by a row of its letters when it has
// any; for numbers and scales the mean (with its letters), SD, median and n;
// then the notes and the source. Numbers stay numbers: percents are fractions
// (0.42) shown with a percent format, so that a spreadsheet can compute on them.
import { tabsMessages as M } from '../messages';
import type { TabBook, TabTable } from './types';

export type CellFormat = 'integer' | 'decimal' | 'mean' | 'percent' | 'text';

export interface Cell {
  value: string | number;
  format: CellFormat;
  bold?: boolean;
  italic?: boolean;
  /** A link to another sheet of the workbook (the contents). */
  link?: string;
}

/** Cells of one row merged from column `from` to column `to` (0-based, both included). */
export interface Merge {
  row: number;
  from: number;
  to: number;
}

export interface Grid {
  name: string;
  /** rows[r][c], 0-based; null is an empty cell. */
  rows: (Cell | null)[][];
  merges: Merge[];
  /** Rows and columns kept in view while scrolling. */
  freeze: { rows: number; cols: number } | null;
  widths: number[];
}

export type SheetLayout = 'sheets' | 'one-sheet';

/** Excel refuses sheet names over 31 characters or with any of \ / ? * [ ] : */
const SHEET_NAME_MAX = 31;

const text = (value: string, style: Partial<Cell> = {}): Cell => ({
  value,
  format: 'text',
  ...style,
});
const num = (value: number | null, format: CellFormat): Cell | null =>
  value === null ? text('–') : { value, format };

/** The workbook's grids: a contents sheet and one sheet per table, or every table on one sheet. */
export function tabBookGrids(book: TabBook, layout: SheetLayout): Grid[] {
  const widths = [44, ...book.columns.map(() => 13)];
  if (layout === 'one-sheet') {
    const rows: (Cell | null)[][] = [...bookLines(book), []];
    const merges: Merge[] = [];
    book.tables.forEach((t, k) => {
      const block = tableBlock(book, t, k + 1);
      block.merges.forEach((m) => merges.push({ ...m, row: m.row + rows.length }));
      rows.push(...block.rows, [], []);
    });
    return [{ name: M.sheetAll, rows, merges, freeze: null, widths }];
  }
  const names = sheetNames(book.tables);
  const contents: (Cell | null)[][] = [
    ...bookLines(book),
    [],
    [text(M.contentsHeading, { bold: true })],
  ];
  book.tables.forEach((t, k) =>
    contents.push([text(M.tableTitle(k + 1, t.question.text), { link: names[k]! })]),
  );
  return [
    { name: M.sheetContents, rows: contents, merges: [], freeze: null, widths: [80] },
    ...book.tables.map((t, k) => {
      const block = tableBlock(book, t, k + 1);
      return {
        name: names[k]!,
        rows: block.rows,
        merges: block.merges,
        freeze: { rows: block.headerEnd, cols: 1 },
        widths,
      };
    }),
  ];
}

/** What the whole book is: title, notice, weight, filter, tests, warnings and source. */
function bookLines(book: TabBook): (Cell | null)[][] {
  const lines: (Cell | null)[][] = [[text(book.title, { bold: true })]];
  if (book.notice !== null) lines.push([text(M.notice(book.notice), { bold: true })]);
  lines.push([text(M.weightLine(book.weightId))], [text(M.filterLine(book.filter))]);
  lines.push([text(M.bannerLine(book.groups.slice(1).map((g) => g.text)))]);
  for (const w of book.warnings) lines.push([text(M.warning(w), { italic: true })]);
  lines.push([text(M.source(book.title, book.source), { italic: true })]);
  return lines;
}

/** Unique sheet names "1 age", "2 nivetud"… within Excel's limits. */
function sheetNames(tables: readonly TabTable[]): string[] {
  const used = new Set<string>();
  return tables.map((t, k) => {
    const base = `${k + 1} ${t.question.id}`.replace(/[\\/?*[\]:]/g, '_').slice(0, SHEET_NAME_MAX);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = `${base.slice(0, SHEET_NAME_MAX - String(n).length - 1)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function tableBlock(
  book: TabBook,
  t: TabTable,
  n: number,
): { rows: (Cell | null)[][]; merges: Merge[]; headerEnd: number } {
  const rows: (Cell | null)[][] = [
    [text(M.tableTitle(n, t.question.text), { bold: true })],
    [text(M.questionLine(t.question.id, t.question.text))],
    [text(M.weightLine(book.weightId))],
    [text(M.filterLine(book.filter))],
    [],
  ];
  const merges: Merge[] = [];
  // Header: banner groups over their columns, then labels, then letters.
  const groupRow: (Cell | null)[] = [null];
  for (const g of book.groups) {
    groupRow[g.start + 1] = text(g.text, { bold: true });
    if (g.end - g.start > 1) merges.push({ row: rows.length, from: g.start + 1, to: g.end });
  }
  rows.push(groupRow);
  rows.push([
    null,
    ...book.columns.map((c) =>
      text(c.within === undefined ? c.label : M.nestedLabel(c.within, c.label), { bold: true }),
    ),
  ]);
  if (book.tests !== null)
    rows.push([
      null,
      ...book.columns.map((c) => (c.letter === null ? null : text(`(${c.letter})`))),
    ]);
  const headerEnd = rows.length;

  const weighted = book.weightId !== null;
  rows.push([
    text(M.baseUnweighted, { bold: true }),
    ...t.bases.unweighted.map((v) => num(v, 'integer')),
  ]);
  if (weighted) {
    rows.push([text(M.baseWeighted), ...t.bases.weighted.map((v) => num(v, 'decimal'))]);
    rows.push([text(M.baseEffective), ...t.bases.effective.map((v) => num(v, 'decimal'))]);
  }
  const letterRow = (letters: readonly string[]) =>
    letters.some((l) => l !== '')
      ? [[text(''), ...letters.map((l) => (l === '' ? null : text(l)))]]
      : [];
  t.rows.forEach((label, r) => {
    rows.push([
      text(label, t.isNet[r] ? { bold: true } : {}),
      ...t.colPercents[r]!.map((p) => num(p === null ? null : p / 100, 'percent')),
    ]);
    rows.push(...letterRow(t.letters[r]!));
  });
  if (t.stats !== null) {
    const s = t.stats;
    rows.push([text(M.statMean, { bold: true }), ...s.mean.map((v) => num(v, 'mean'))]);
    rows.push(...letterRow(s.letters));
    rows.push([text(M.statSd), ...s.sd.map((v) => num(v, 'mean'))]);
    rows.push([text(M.statMedian), ...s.median.map((v) => num(v, 'mean'))]);
    rows.push([text(M.statN), ...s.n.map((v) => num(v, 'integer'))]);
  }
  rows.push([]);
  for (const note of t.notes) rows.push([text(note, { italic: true })]);
  rows.push([text(M.source(book.title, book.source), { italic: true })]);
  return { rows, merges, headerEnd };
}
