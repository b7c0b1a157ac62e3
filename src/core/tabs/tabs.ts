// tabs(): a tab book. Every row question against one banner (Total, then each
// banner question's options as a group of columns), with column percents,
// bases (unweighted, weighted, effective), significance letters within each
// group, and means, SDs and medians for numeric questions and ordered scales.
//
// Counts come from the crosstab engine's banner(), which counts one row
// question against many column questions in one blocked pass: each row
// question is counted against Total and the banner (its single-answer
// questions combined into one column, see combine.ts), so each banner group
// is, cell for cell, the crosstab of that row question by that banner
// question, letters included: both letter by tabs/letters.ts on Kish
// effective bases. Σw² of each book column comes from the same count (the
// crosstab's colSquares, added up over a combined column's combinations like
// its bases); an ordered scale with options off the scale ("Don't know") is
// counted once more with those answers as missing, for the Σw² of its mean's
// respondents. What a banner() count does not give here is added: numeric
// values, and letters within groups or against the rest.
import { banner } from '../crosstab/crosstab';
import type { Crosstab, NetSpec } from '../crosstab/types';
import { keyCount } from '../filter/filter';
import { problem, respondentMessages as RM } from '../messages';
import { fail, ok, type Result } from '../result';
import type { NumericColumn, RespondentTable } from '../table/types';
import { withColumns } from './band';
import { freeIds, resolveBanner, type BannerAxis } from './columns';
import {
  MAX_COMBINED_CELLS,
  combineBanner,
  partOf,
  totalOf,
  type Combined,
  type Part,
} from './combine';
import { kish } from './effective';
import { buildFrame, type Frame } from './frame';
import { compareShares, groupLetters, testableMean, welch, type Mean } from './letters';
import {
  onScale,
  restMoments,
  scoreMoments,
  valueMoments,
  variance,
  type Moments,
} from './moments';
import { filterText, notes } from './notes';
import { netsByRow, rowNets, rowQuestions, type CategoricalRow } from './rows';
import type { OrderedScale } from './scale';
import type { TabBook, TabColumn, TabSpec, TabStats, TabTable, TestSpec } from './types';

const DEFAULT_TESTS: TestSpec = {
  level: 0.95,
  lowerLevel: null,
  compare: 'group',
  correction: 'none',
};

export function tabs(table: RespondentTable, spec: TabSpec): Result<TabBook> {
  const tests = resolveTests(spec.tests);
  if (!tests.ok) return tests;
  const weightId = spec.weightId === undefined ? table.weightId : spec.weightId;

  const resolved = resolveBanner(table, spec.banner);
  if (!resolved.ok) return resolved;
  const { table: withNested, columns, groups, axes, bannerAxes } = resolved.value;

  // Single-answer banner questions combined, each combination counted in one pass.
  const free = freeIds(withNested);
  const combined = combineBanner(
    bannerAxes.map((b) =>
      b.axis.column?.type === 'single' ? { column: b.axis.column } : { column: null },
    ),
    table.rowCount,
    free,
  );
  const work = withColumns(
    withNested,
    combined.map((c) => c.column),
  );
  if (!work.ok) return work;
  const data = work.value;

  const filter = spec.filter ?? [];
  const frame = buildFrame(data, weightId, filter, axes, combined);
  if (!frame.ok) return frame;

  const rows = rowQuestions(table, spec.rows, weightId);
  if (!rows.ok) return rows;
  const nets = netsByRow(spec.nets, rows.value);
  if (!nets.ok) return nets;

  const book: Book = {
    data,
    frame: frame.value,
    columns,
    bannerAxes,
    combined,
    tests: tests.value,
    weightId,
    filter,
    scaleId: free('(scale)'),
  };

  const tables: TabTable[] = [];
  for (const row of rows.value) {
    if (row.type === 'numeric') {
      tables.push(numericTable(book, row));
      continue;
    }
    const n = rowNets(row, nets.value.get(row.id) ?? null, spec.nets === 'top2bottom2');
    if (!n.ok) return n;
    const counted = countRow(book, row, n.value.nets);
    if (!counted.ok) return counted;
    const scaleSquares = onScaleSquares(book, row, n.value.scale);
    if (!scaleSquares.ok) return scaleSquares;
    tables.push(
      categoricalTable(book, { column: row, ...n.value }, counted.value, scaleSquares.value),
    );
  }

  const warnings: string[] = [];
  if (frame.value.weightExcluded > 0 && weightId !== null)
    warnings.push(
      RM.weightExcluded(frame.value.weightExcluded, weightId, frame.value.weightExamples),
    );
  return ok({
    title: table.meta.title,
    notice: table.meta.notice,
    source: table.meta.source,
    columns,
    groups,
    tables,
    weightId,
    filter: filterText(table, filter),
    tests: tests.value,
    warnings,
  });
}

interface Book {
  data: RespondentTable;
  frame: Frame;
  columns: TabColumn[];
  bannerAxes: BannerAxis[];
  combined: Combined[];
  tests: TestSpec | null;
  weightId: string | null;
  filter: NonNullable<TabSpec['filter']>;
  /** An id no column has, for a scale's answers on the scale (onScaleSquares). */
  scaleId: string;
}

function resolveTests(tests: TabSpec['tests']): Result<TestSpec | null> {
  if (tests === false) return ok(null);
  const t: TestSpec = { ...DEFAULT_TESTS, ...tests };
  const inRange = (x: number) => Number.isFinite(x) && x > 0 && x < 1;
  if (!inRange(t.level)) return fail(problem('tabs-bad-level', t.level));
  if (t.lowerLevel !== null && !(inRange(t.lowerLevel) && t.lowerLevel < t.level))
    return fail(problem('tabs-bad-lower-level', t.lowerLevel, t.level));
  if (!['group', 'rest'].includes(t.compare))
    return fail(problem('tabs-bad-compare', String(t.compare)));
  if (!['none', 'bonferroni', 'bh'].includes(t.correction))
    return fail(problem('tabs-bad-correction', String(t.correction)));
  return ok(t);
}

/** A row question counted against Total and each banner question: labels and one part per axis. */
interface Counted {
  labels: string[];
  isNet: boolean[];
  parts: Part[];
}

const wholePart = (x: Crosstab): Part => ({
  counts: x.counts,
  unweightedCounts: x.unweightedCounts,
  colBases: x.colBases,
  unweightedColBases: x.unweightedColBases,
  colSquares: x.colSquares,
});

/** Σw² of each book column's respondents (Total first). */
const squaresOf = (parts: readonly Part[]): number[] => parts.flatMap((p) => p.colSquares);

/**
 * Weighted books, a scale with options off it ("Don't know"): Σw² of each
 * book column's respondents on the scale (its mean's effective base), counted
 * as the scale with those answers made missing; else null (the answered's).
 */
function onScaleSquares(
  book: Book,
  column: CategoricalRow['column'],
  scale: OrderedScale | null,
): Result<number[] | null> {
  if (book.weightId === null || scale === null || column.type !== 'single') return ok(null);
  const on = onScale(column, scale.scores, book.scaleId);
  if (on === null) return ok(null);
  const data = withColumns(book.data, [on]);
  if (!data.ok) return data;
  const counted = countRow({ ...book, data: data.value }, on, []);
  return counted.ok ? ok(squaresOf(counted.value.parts)) : counted;
}

/**
 * One banner() call: Total, each banner question left alone, and each
 * combination of banner questions (or, when the combination would be too
 * large a histogram for this row question, its questions one by one).
 */
function countRow(
  book: Book,
  column: CategoricalRow['column'],
  nets: readonly NetSpec[],
): Result<Counted> {
  const cells = keyCount(column) + nets.length;
  const use = book.combined.filter((c) => cells * c.column.labels.length <= MAX_COMBINED_CELLS);
  const inUse = new Set(use.flatMap((c) => c.digits.map((d) => d.question)));
  // Total from a combination when there is one, else a Total column of its own.
  const ids: (string | null)[] = use.length > 0 ? [] : [null];
  book.bannerAxes.forEach((b, k) => {
    if (!inUse.has(k)) ids.push(b.axis.info.question.id);
  });
  const first = ids.length;
  for (const c of use) ids.push(c.column.id);
  const xs = banner(book.data, { questionId: column.id, nets }, ids, {
    weightId: book.weightId,
    filter: book.filter,
    tests: false,
  });
  if (!xs.ok) return xs;
  const parts: Part[] = [use.length > 0 ? totalOf(xs.value[first]!) : wholePart(xs.value[0]!)];
  let alone = use.length > 0 ? 0 : 1;
  book.bannerAxes.forEach((_, k) => {
    if (!inUse.has(k)) {
      parts.push(wholePart(xs.value[alone++]!));
      return;
    }
    const at = use.findIndex((c) => c.digits.some((d) => d.question === k));
    const digit = use[at]!.digits.find((d) => d.question === k)!;
    parts.push(partOf(xs.value[first + at]!, digit));
  });
  return ok({ labels: xs.value[0]!.rows.labels, isNet: xs.value[0]!.rows.isNet, parts });
}

const percent = (num: number, den: number): number | null => (den > 0 ? (100 * num) / den : null);

/**
 * A categorical row question's table from its counted parts (Total first);
 * scaleSquares: Σw² of the respondents on its scale, when some of its
 * answers are off it (weighted books).
 */
function categoricalTable(
  book: Book,
  row: CategoricalRow,
  counted: Counted,
  scaleSquares: readonly number[] | null,
): TabTable {
  const { column, scale } = row;
  const { labels, parts } = counted;
  const R = labels.length;
  const counts = labels.map((_, r) => parts.flatMap((p) => p.counts[r]!));
  const unweighted = labels.map((_, r) => parts.flatMap((p) => p.unweightedCounts[r]!));
  const bases = {
    unweighted: parts.flatMap((p) => p.unweightedColBases),
    weighted: parts.flatMap((p) => p.colBases),
    effective: [] as number[],
  };
  const colPercents = counts.map((row) => row.map((v, c) => percent(v, bases.weighted[c]!)));
  const squares = book.weightId === null ? null : squaresOf(parts);
  bases.effective =
    squares === null ? [...bases.unweighted] : bases.weighted.map((w, c) => kish(w, squares[c]!));

  const letters = labels.map(() => book.columns.map(() => [] as string[]));
  if (book.tests !== null) {
    const tests = book.tests;
    for (let r = 0; r < R; r++) {
      const share = (c: number) => ({
        p: counts[r]![c]! / bases.weighted[c]!,
        n: bases.effective[c]!,
      });
      const restShare = (c: number) => {
        const w = bases.weighted[0]! - bases.weighted[c]!;
        const n =
          squares === null
            ? bases.unweighted[0]! - bases.unweighted[c]!
            : kish(w, Math.max(0, squares[0]! - squares[c]!));
        return w > 0 && n > 0 ? { p: (counts[r]![0]! - counts[r]![c]!) / w, n } : null;
      };
      forEachTestSet(book, (members) =>
        groupLetters(
          members.filter((c) => bases.unweighted[c]! > 0 && bases.effective[c]! > 0),
          book.columns.map((c) => c.letter),
          tests,
          (a, b) => compareShares(share(a), share(b)),
          (c) => {
            const rest = restShare(c);
            return rest === null ? null : compareShares(share(c), rest);
          },
          letters[r]!,
        ),
      );
    }
  }

  let stats: TabStats | null = null;
  if (scale !== null) {
    const options = scale.scores.length;
    const moments = scoreMoments(
      counts.slice(0, options),
      unweighted.slice(0, options),
      scale.scores,
      scaleSquares ?? squares,
    );
    stats = statsOf(book, moments, 'scores');
  }

  return {
    question: { id: column.id, text: column.text, type: column.type },
    rows: labels,
    isNet: counted.isNet,
    counts,
    colPercents,
    bases,
    letters: letters.map((l) => l.map((cell) => cell.join(''))),
    stats,
    scores: scale?.scores ?? null,
    notes: notes(book, column, bases.unweighted, stats !== null, scale, row.boxes ? scale : null),
  };
}

function numericTable(book: Book, column: NumericColumn): TabTable {
  const moments = valueMoments(book.frame, column.values);
  const stats = statsOf(book, moments, 'values');
  const unweighted = moments.map((m) => m.n);
  return {
    question: { id: column.id, text: column.text, type: 'numeric' },
    rows: [],
    isNet: [],
    counts: [],
    colPercents: [],
    bases: {
      unweighted,
      weighted: moments.map((m) => m.sumW),
      effective: stats.effective,
    },
    letters: [],
    stats,
    scores: null,
    notes: notes(book, column, unweighted, true, null, null),
  };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function statsOf(book: Book, moments: readonly Moments[], of: TabStats['of']): TabStats {
  const effective = moments.map((m) => kish(m.sumW, m.sumW2));
  const asMean = (m: Moments, n: number): Mean => ({ mean: m.mean, variance: variance(m), n });
  const letters = moments.map(() => [] as string[]);
  if (book.tests !== null) {
    const tests = book.tests;
    forEachTestSet(book, (members) =>
      groupLetters(
        members.filter((c) => testableMean(asMean(moments[c]!, effective[c]!))),
        book.columns.map((c) => c.letter),
        tests,
        (a, b) => welch(asMean(moments[a]!, effective[a]!), asMean(moments[b]!, effective[b]!)),
        (c) => {
          const rest = restMoments(moments[0]!, moments[c]!);
          const r = asMean(rest, kish(rest.sumW, rest.sumW2));
          return testableMean(r) ? welch(asMean(moments[c]!, effective[c]!), r) : null;
        },
        letters,
      ),
    );
  }
  return {
    of,
    mean: moments.map((m) => finite(m.mean)),
    sd: moments.map((m) => finite(Math.sqrt(variance(m)))),
    median: moments.map((m) => finite(m.median)),
    n: moments.map((m) => m.n),
    effective,
    letters: letters.map((l) => l.join('')),
  };
}

function forEachTestSet(book: Book, f: (members: number[]) => void): void {
  for (const b of book.bannerAxes) for (const set of b.testSets) f(set);
}
