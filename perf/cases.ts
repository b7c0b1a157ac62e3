// The crosstabs every implementation runs, and the form their answers are
// compared in: a map "row label \u0001 column label" -> respondents (or sum of
// weights), missing answers left out.
import { bannerWith } from '../src/core/crosstab/crosstab';
import type { CrosstabHelper } from '../src/core/crosstab/split';
import type { Crosstab } from '../src/core/crosstab/types';
import type { FilterCondition } from '../src/core/filter/filter';
import type { Column, Codes, RespondentTable } from '../src/core/table/types';
import type { BenchQuestion } from './generate';

export interface BenchCase {
  key: string;
  label: string;
  rows: string;
  cols: string[];
  weighted: boolean;
  /** Respondents whose answer to `questionId` is one of `labels`. */
  filter: { questionId: string; labels: string[] } | null;
}

export type Cells = Map<string, number>;
export const SEP = '\u0001';

const BANNER_COLS = Array.from({ length: 23 }, (_, i) => `Q${i + 2}`);

/** The two multi-answer questions with the most options, fewer options first (Q20 and Q24). */
export function widestMulti(questions: readonly BenchQuestion[]): [string, string] {
  const multi = questions
    .filter((q) => q.type === 'multi')
    .sort((a, b) => b.labels.length - a.labels.length);
  return [multi[1]!.id, multi[0]!.id];
}

export function benchCases(questions: readonly BenchQuestion[]): BenchCase[] {
  const q3 = questions.find((q) => q.id === 'Q3')!;
  const [wide1, wide2] = widestMulti(questions);
  const c = (
    key: string,
    label: string,
    rows: string,
    cols: string[],
    weighted = false,
    filter: BenchCase['filter'] = null,
  ): BenchCase => ({ key, label, rows, cols, weighted, filter });
  return [
    c('ss', 'single × single', 'Q1', ['Q2']),
    c('ss-w', 'single × single, weighted', 'Q1', ['Q2'], true),
    c('ss-f', 'single × single, filtered', 'Q1', ['Q2'], false, {
      questionId: 'Q3',
      labels: q3.labels.slice(0, 2),
    }),
    c('ms', 'multi × single', 'Q16', ['Q2']),
    c('ms-w', 'multi × single, weighted', 'Q16', ['Q2'], true),
    c('mm', 'multi × multi', 'Q16', ['Q8']),
    c('mm-w', 'multi × multi, weighted', 'Q16', ['Q8'], true),
    c('mm-wide', `multi × multi, widest (${wide1} × ${wide2})`, wide1, [wide2]),
    c('mm-wide-w', `multi × multi, widest, weighted`, wide1, [wide2], true),
    c('banner', 'banner: Q1 × 23 questions', 'Q1', BANNER_COLS),
    c('banner-w', 'banner: Q1 × 23, weighted', 'Q1', BANNER_COLS, true),
  ];
}

function column(table: RespondentTable, id: string): Column {
  const col = table.columns.find((x) => x.id === id);
  if (col === undefined) throw new Error(`bench: no column ${id}`);
  return col;
}

/**
 * The real engine call for a case (banner() is what crosstab() calls, with
 * one column): bannerWith(), with `helper` (a second thread holding a copy of
 * the table) tallying the second part of the respondents, or null (one
 * thread). The numbers are the same either way.
 */
export function engineRunner(
  table: RespondentTable,
  bc: BenchCase,
  helper: CrosstabHelper | null = null,
): () => Promise<Crosstab[]> {
  let filter: FilterCondition[] | undefined;
  if (bc.filter !== null) {
    const col = column(table, bc.filter.questionId);
    const labels = 'labels' in col ? col.labels : [];
    filter = [
      { questionId: bc.filter.questionId, options: bc.filter.labels.map((l) => labels.indexOf(l)) },
    ];
  }
  const opts = { weightId: bc.weighted ? table.weightId : null, filter };
  return async () => {
    const r = await bannerWith(table, bc.rows, bc.cols, opts, helper);
    if (!r.ok) throw new Error(`bench: ${r.error.message}`);
    return r.value;
  };
}

export function engineCells(tabs: readonly Crosstab[]): Cells[] {
  return tabs.map((t) => {
    const out: Cells = new Map();
    t.counts.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== 0) out.set(t.rows.labels[r] + SEP + t.cols.labels[c], v);
      }),
    );
    return out;
  });
}

/** Typed arrays a case reads: the code arrays of its questions, weights and filter column. */
export function caseArrays(table: RespondentTable, bc: BenchCase): (Codes | Float64Array)[] {
  const ids = [bc.rows, ...bc.cols];
  if (bc.filter !== null) ids.push(bc.filter.questionId);
  const arrays: (Codes | Float64Array)[] = ids.map((id) => {
    const col = column(table, id);
    if (col.type === 'multi') return col.patternOf;
    if (col.type === 'numeric') return col.values;
    return col.codes;
  });
  if (bc.weighted && table.weightId !== null) {
    const w = column(table, table.weightId);
    if (w.type === 'numeric') arrays.push(w.values);
  }
  return arrays;
}

/** Largest relative difference between two sets of cells (0 = identical). */
export function cellsDiff(a: readonly Cells[], b: readonly Cells[]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  a.forEach((x, k) => {
    const y = b[k]!;
    const keys = new Set([...x.keys(), ...y.keys()]);
    for (const key of keys) {
      const u = x.get(key) ?? 0;
      const v = y.get(key) ?? 0;
      const d = Math.abs(u - v) / Math.max(1, Math.abs(u), Math.abs(v));
      if (d > worst) worst = d;
    }
  });
  return worst;
}
