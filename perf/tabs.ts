// The tab book case: all 30 questions against a banner of four single-answer
// questions (Q1, Q2, Q3, Q5: 3 + 4 + 5 + 6 columns after Total), the way a
// researcher's deliverable is made: tabs() with bases, effective bases when
// weighted, and letters at 95%/90% with Benjamini–Hochberg. DuckDB does the
// counting part with one GROUPING SETS query per row question (the Total and
// the four banner questions as grouping sets; a multi-answer row unnested,
// plus a query for its bases), summing n, Σw and Σw² per cell.
import type { DuckPeer } from './peers/duckdb';
import type { Cells } from './cases';
import { SEP } from './cases';
import type { BenchQuestion } from './generate';
import type { RespondentTable } from '../src/core/table/types';
import { tabs } from '../src/core/tabs/tabs';
import type { TabBook } from '../src/core/tabs/types';

const TAB_BANNER = ['Q1', 'Q2', 'Q3', 'Q5'];

export interface TabBookCase {
  key: string;
  label: string;
  weighted: boolean;
}

export const TAB_BOOK_CASES: TabBookCase[] = [
  { key: 'tabs', label: 'tab book: 30 questions × 4-question banner', weighted: false },
  { key: 'tabs-w', label: 'tab book: 30 × 4, weighted', weighted: true },
];

/** The real engine call. */
export function tabBookRunner(
  table: RespondentTable,
  questions: readonly BenchQuestion[],
  tc: TabBookCase,
): () => TabBook {
  const spec = {
    banner: TAB_BANNER,
    rows: questions.map((q) => q.id),
    weightId: tc.weighted ? table.weightId : null,
    tests: { level: 0.95, lowerLevel: 0.9, correction: 'bh' as const },
  };
  return () => {
    const r = tabs(table, spec);
    if (!r.ok) throw new Error(`bench: ${r.error.message}`);
    return r.value;
  };
}

const key = (row: string, group: string, r: string, c: string): string =>
  [row, group, r, c].join(SEP);

/** Every cell of the book (weighted counts), keyed by row question, group and the two labels. */
export function tabBookCells(book: TabBook): Cells {
  const out: Cells = new Map();
  for (const t of book.tables)
    t.counts.forEach((row, r) =>
      row.forEach((v, c) => {
        const col = book.columns[c]!;
        if (v !== 0) out.set(key(t.question.id, col.group, t.rows[r]!, col.label), v);
      }),
    );
  return out;
}

const ident = (id: string): string => `"${id.replace(/"/g, '""')}"`;
const num = (v: unknown): number => Number(v);

/** The same cells from DuckDB (n, Σw and Σw² per cell are computed; the cells compared are Σw or n). */
export async function duckTabBook(
  peer: DuckPeer,
  questions: readonly BenchQuestion[],
  weighted: boolean,
): Promise<Cells> {
  const out: Cells = new Map();
  const banner = TAB_BANNER.map(ident).join(', ');
  const sets = ['(r)', ...TAB_BANNER.map((b) => `(r, ${ident(b)})`)].join(', ');
  const measures = weighted
    ? 'count(*) AS n, sum(weight) AS w, sum(weight * weight) AS w2'
    : 'count(*) AS n';
  for (const q of questions) {
    const source =
      q.type === 'multi'
        ? `(SELECT unnest(string_split(${ident(q.id)}, ';')) AS r, ${banner}, weight FROM t)`
        : `(SELECT ${ident(q.id)} AS r, ${banner}, weight FROM t)`;
    const sql = `SELECT r, ${banner}, grouping_id(${banner}) AS g, ${measures} FROM ${source} GROUP BY GROUPING SETS (${sets})`;
    const rows = (await peer.conn.runAndReadAll(sql)).getRows() as unknown[][];
    if (q.type === 'multi') {
      // A multi-answer row's bases count respondents asked, not mentions.
      const bases = `SELECT ${banner}, ${measures} FROM t WHERE ${ident(q.id)} IS NOT NULL GROUP BY GROUPING SETS ((), ${TAB_BANNER.map((b) => `(${ident(b)})`).join(', ')})`;
      await peer.conn.runAndReadAll(bases);
    }
    const all = (1 << TAB_BANNER.length) - 1;
    for (const row of rows) {
      const r = row[0];
      if (r === null || r === '') continue;
      const g = num(row[TAB_BANNER.length + 1]);
      const value = num(row[TAB_BANNER.length + (weighted ? 3 : 2)]);
      if (g === all) {
        out.set(key(q.id, 'Total', String(r), 'Total'), value);
        continue;
      }
      // grouping_id has a 0 bit for the banner question grouped by (first question = highest bit).
      const b = TAB_BANNER.findIndex((_, k) => ((g >> (TAB_BANNER.length - 1 - k)) & 1) === 0);
      const c = row[b + 1];
      if (c === null || c === '') continue;
      out.set(key(q.id, TAB_BANNER[b]!, String(r), String(c)), value);
    }
  }
  return out;
}
