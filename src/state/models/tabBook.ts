// A tab book as the page shows it: the banner header (Total, then each group
// over its columns and their letters), and for each table its rows in order —
// the bases (unweighted n; when weighted, the weighted and the effective base),
// each answer's column percents with their letters, and for numbers and
// ordered scales the mean (with its letters), SD, median and n — then the
// notes, the base line and the test line first. Computation is the engine's
// (core/tabs); this only arranges and formats what it returned, with the same
// decimals as the workbook export (core/tabs/sheet.ts).
import { formatNumber } from '../../core/format/number';
import { tabBookMessages as UM, tabsMessages as M } from '../../core/messages';
import type { TabBook, TabColumn, TabTable } from '../../core/tabs/types';

/** Below this many respondents (unweighted) a column's percents are read with care (as the notes say). */
const SMALL_BASE = 30;

export interface HeaderGroupVM {
  text: string;
  /** Columns the group spans. */
  span: number;
  type: 'total' | 'single' | 'multi';
}

export interface HeaderColumnVM {
  /** The column's label; a nested column's "outer / inner". */
  label: string;
  /** "A", "B"…; null for Total. */
  letter: string | null;
  /** The first column of its group (drawn with a divider before it). */
  groupStart: boolean;
}

export interface HeaderVM {
  groups: HeaderGroupVM[];
  columns: HeaderColumnVM[];
  /** Letters are shown: the letters row under the labels. */
  lettered: boolean;
}

export type RowKind =
  | 'base-unweighted'
  | 'base-weighted'
  | 'base-effective'
  | 'answer'
  | 'net'
  | 'mean'
  | 'sd'
  | 'median'
  | 'n';

export interface CellVM {
  text: string;
  /** Letters of the columns this cell is significantly higher than ("" for none). */
  letters: string;
  /** A base below 30 respondents (base rows only). */
  small: boolean;
}

export interface RowVM {
  kind: RowKind;
  label: string;
  cells: CellVM[];
}

export interface TableVM {
  /** 1-based, as the contents and the workbook number tables. */
  number: number;
  /** The element id the contents link to. */
  anchor: string;
  title: string;
  questionId: string;
  questionText: string;
  type: TabTable['question']['type'];
  rows: RowVM[];
  /** The base in words (the first note). */
  baseLine: string;
  /** What was tested, in words: the letters' test, and the means' for numbers and scales. */
  testLines: string[];
  /** The other notes: weighting, means test, scales, small or empty bases. */
  notes: string[];
}

export interface BookVM {
  title: string;
  notice: string | null;
  /** Weight, filter, banner, warnings and source: what the whole book is. */
  lines: string[];
  header: HeaderVM;
}

const percentText = (p: number | null): string => (p === null ? '–' : `${formatNumber(p, 0)}%`);
const numberText = (v: number | null, decimals: number): string =>
  v === null || !Number.isFinite(v) ? '–' : formatNumber(v, decimals);

const columnLabel = (c: TabColumn): string =>
  c.within === undefined ? c.label : M.nestedLabel(c.within, c.label);

/** The element id of table `number` (1-based) in the document. */
const tableAnchor = (number: number): string => `tabbook-table-${number}`;

export function bookVM(book: Omit<TabBook, 'tables'>): BookVM {
  const starts = new Set(book.groups.map((g) => g.start));
  const lines = [
    M.weightLine(book.weightId),
    M.filterLine(book.filter),
    UM.bannerLine(book.groups.slice(1).map((g) => g.text)),
    ...book.warnings.map((w) => M.warning(w)),
    M.source(book.title, book.source),
  ];
  return {
    title: book.title,
    notice: book.notice,
    lines,
    header: {
      groups: book.groups.map((g) => ({ text: g.text, span: g.end - g.start, type: g.type })),
      columns: book.columns.map((c, k) => ({
        label: columnLabel(c),
        letter: c.letter,
        groupStart: starts.has(k),
      })),
      lettered: book.tests !== null && book.groups.length > 1,
    },
  };
}

const plain = (text: string): CellVM => ({ text, letters: '', small: false });

export function tableVM(book: Omit<TabBook, 'tables'>, t: TabTable, index: number): TableVM {
  const number = index + 1;
  const weighted = book.weightId !== null;
  const rows: RowVM[] = [
    {
      kind: 'base-unweighted',
      label: M.baseUnweighted,
      cells: t.bases.unweighted.map((n) => ({
        text: numberText(n, 0),
        letters: '',
        small: n > 0 && n < SMALL_BASE,
      })),
    },
  ];
  if (weighted) {
    rows.push({
      kind: 'base-weighted',
      label: M.baseWeighted,
      cells: t.bases.weighted.map((v) => plain(numberText(v, 1))),
    });
    rows.push({
      kind: 'base-effective',
      label: M.baseEffective,
      cells: t.bases.effective.map((v) => plain(numberText(v, 1))),
    });
  }
  t.rows.forEach((label, r) =>
    rows.push({
      kind: t.isNet[r] ? 'net' : 'answer',
      label,
      cells: t.colPercents[r]!.map((p, c) => ({
        text: percentText(p),
        letters: t.letters[r]![c] ?? '',
        small: false,
      })),
    }),
  );
  if (t.stats !== null) {
    const s = t.stats;
    rows.push({
      kind: 'mean',
      label: M.statMean,
      cells: s.mean.map((v, c) => ({
        text: numberText(v, 2),
        letters: s.letters[c] ?? '',
        small: false,
      })),
    });
    rows.push({ kind: 'sd', label: M.statSd, cells: s.sd.map((v) => plain(numberText(v, 2))) });
    rows.push({
      kind: 'median',
      label: M.statMedian,
      cells: s.median.map((v) => plain(numberText(v, 2))),
    });
    rows.push({ kind: 'n', label: M.statN, cells: s.n.map((v) => plain(numberText(v, 0))) });
  }
  // The engine's notes: the base first, then what was tested (said by the same messages).
  const [baseLine = '', ...rest] = t.notes;
  const tests = book.tests;
  const tested =
    tests === null ? [] : [M.testNote(tests, weighted), M.meansTestNote(tests, weighted)];
  const testLines = rest.filter((n) => tested.includes(n));
  return {
    number,
    anchor: tableAnchor(number),
    title: M.tableTitle(number, t.question.text),
    questionId: t.question.id,
    questionText: t.question.text,
    type: t.question.type,
    rows,
    baseLine,
    testLines: testLines.length > 0 ? testLines : [UM.untested],
    notes: rest.filter((n) => !testLines.includes(n)),
  };
}

/** The contents: each table's number, title and anchor. */
export function contentsVM(tables: readonly TabTable[]): { anchor: string; title: string }[] {
  return tables.map((t, k) => ({
    anchor: tableAnchor(k + 1),
    title: M.tableTitle(k + 1, t.question.text),
  }));
}
