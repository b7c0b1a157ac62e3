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
// effective bases. What a banner() count does not give here is added: Σw² of
// the book's columns (effective.ts, which finds every row question's missing
// answers in one pass; a combined banner column holds several questions),
// numeric values, and letters within groups or against the rest.
import { banner } from '../crosstab/crosstab';
import type { Crosstab } from '../crosstab/types';
import { keyCount, keysOf } from '../filter/filter';
import { problem, respondentMessages as RM } from '../messages';
import { fail, ok, type Result } from '../result';
import type { NumericColumn, RespondentTable } from '../table/types';
import { withColumns } from './band';
import { freeId, resolveBanner, type BannerAxis } from './columns';
import {
  MAX_COMBINED_CELLS,
  combineBanner,
  partOf,
  totalOf,
  type Combined,
  type Part,
} from './combine';
import { allSquares, kish, missingSquares, squaresKept, type Sums } from './effective';
import { buildFrame, type Frame } from './frame';
import { compareShares, groupLetters, testableMean, welch, type Mean } from './letters';
import {
  offScaleKeys,
  restMoments,
  scoreMoments,
  valueMoments,
  variance,
  type Moments,
} from './moments';
import { filterText, notes } from './notes';
import { netsByRow, rowNets, rowQuestions, type CategoricalRow } from './rows';
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
  const combined = combineBanner(
    bannerAxes.map((b) =>
      b.axis.column?.type === 'single' ? { column: b.axis.column } : { column: null },
    ),
    table.rowCount,
    (base) => freeId(withNested, base),
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
    squares: weightId === null ? null : allSquares(frame.value),
  };

  // Weighted: the missing answers' Σw² of every categorical row question, in one pass.
  const categorical = rows.value.filter((r) => r.type !== 'numeric');
  const missing =
    weightId === null
      ? null
      : missingSquares(
          frame.value,
          categorical.map((r) => keysOf(r)),
        );

  const tables: TabTable[] = [];
  for (const row of rows.value) {
    if (row.type === 'numeric') {
      tables.push(numericTable(book, row));
      continue;
    }
    const n = rowNets(row, nets.value.get(row.id) ?? null, spec.nets === 'top2bottom2');
    if (!n.ok) return n;
    const counted = countRow(book, { column: row, ...n.value });
    if (!counted.ok) return counted;
    const gone = missing?.[categorical.indexOf(row)];
    tables.push(categoricalTable(book, { column: row, ...n.value }, counted.value, gone));
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
  /** Σw² per column over everyone counted (weighted books only). */
  squares: Float64Array | null;
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
});

/**
 * One banner() call: Total, each banner question left alone, and each
 * combination of banner questions (or, when the combination would be too
 * large a histogram for this row question, its questions one by one).
 */
function countRow(book: Book, row: CategoricalRow): Result<Counted> {
  const cells = keyCount(row.column) + row.nets.length;
  const use = book.combined.filter((c) => cells * c.column.labels.length <= MAX_COMBINED_CELLS);
  const inUse = new Set(use.flatMap((c) => c.digits.map((d) => d.question)));
  // Total from a combination when there is one, else a Total column of its own.
  const ids: (string | null)[] = use.length > 0 ? [] : [null];
  book.bannerAxes.forEach((b, k) => {
    if (!inUse.has(k)) ids.push(b.axis.info.question.id);
  });
  const first = ids.length;
  for (const c of use) ids.push(c.column.id);
  const xs = banner(book.data, { questionId: row.column.id, nets: row.nets }, ids, {
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

/** A categorical row question's table from its counted parts (Total first). */
function categoricalTable(
  book: Book,
  row: CategoricalRow,
  counted: Counted,
  missing: Sums | undefined,
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
  const keys = keysOf(column);
  const squares =
    book.squares === null ? null : squaresKept(book.frame, book.squares, keys, null, missing);
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
    const drop = offScaleKeys(scale.scores);
    const scaleSquares =
      book.squares === null
        ? null
        : drop.some((d, k) => k > 0 && d === 1)
          ? squaresKept(book.frame, book.squares, keys, drop)
          : squares;
    const moments = scoreMoments(
      counts.slice(0, options),
      unweighted.slice(0, options),
      scale.scores,
      scaleSquares,
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
