// The tallies of one row question against each column question, in two steps
// so that another thread can count alongside (split.ts): planTallies() says
// which part another thread may tally (its job); count() tallies the rest on
// this thread; finish() adds the job's tallies, made here or there by
// tallyJob().
import type { RespondentTable } from '../table/types';
import { problem } from '../messages';
import { fail, ok, type Result } from '../result';
import { numericColumn } from '../filter/columns';
import { resolveAxis, TOTAL_AXIS, type ResolvedAxis } from './axis';
import { BLOCK, countJointMany, everyone, jointPays, type Span } from './count';
import { countSlots } from './slots';
import { jobWords, splitPoint, type PartJob } from './split';
import { addJoint, addSlots, addTally, emptyTally, tallyFits, type Tally } from './tally';
import type { AxisSpec } from './types';

/**
 * The tallies of `rows` against each of `cols` over the respondents of `span`:
 * the pairs with few joint keys counted together block by block (count.ts),
 * the others by slots (slots.ts), keeping the axis with fewer keys and
 * expanding the other. Which way a pair is counted depends on all `rowCount`
 * respondents, not on the span, so both parts of a table count alike.
 */
function tallySpan(
  span: Span,
  rowCount: number,
  rows: ResolvedAxis,
  cols: readonly ResolvedAxis[],
  include: Uint32Array | null,
  weights: Float64Array | null,
): Tally[] {
  const joint = cols.map((c) => jointPays(rows, c, rowCount));
  const counted = countJointMany(
    rowCount,
    rows,
    cols.filter((_, k) => joint[k]),
    include,
    weights,
    span,
  );
  let d = 0;
  return cols.map((c, k) => {
    const t = emptyTally(rows, c);
    if (joint[k]) addJoint(t, rows, c, counted[d++]!);
    else {
      const keptIsRows = rows.nKeys <= c.nKeys;
      const [kept, expanded] = keptIsRows ? [rows, c] : [c, rows];
      // Kish's effective bases are the columns': Σw² by the axis on the columns.
      const squaresBy = keptIsRows ? 'expanded' : 'kept';
      countSlots(span, kept, expanded, include, weights, squaresBy, (h) =>
        addSlots(t, kept, expanded, keptIsRows, h),
      );
    }
    return t;
  });
}

export interface TallyPlan {
  /** The second part of the respondents of the columns split (splitsPair), for another thread; null: none split. */
  job: PartJob | null;
  /** Tallies all but the job, on this thread. */
  count(): void;
  /** Tallies the job on this thread (as another thread would). */
  countJob(): Tally[];
  /** Whether tallies from another thread are the job's: one per column it names, of its dimensions. */
  fits(part: unknown): part is Tally[];
  /** The tallies of every column, given the job's (or null when there is none); after count(). */
  finish(part: readonly Tally[] | null): Tally[];
}

/**
 * The tallies of `rows` against each of `cols`, the pairs that splitsPair()
 * names in two parts of the respondents when they are many (split.ts), the
 * others whole. `specs` name the axes for another thread, `weightId` the weights.
 */
export function planTallies(
  rowCount: number,
  rows: ResolvedAxis,
  cols: readonly ResolvedAxis[],
  specs: { rows: AxisSpec; cols: readonly (AxisSpec | null)[] },
  include: Uint32Array | null,
  weights: Float64Array | null,
  weightId: string | null,
): TallyPlan {
  const mid = splitPoint(rowCount);
  const split = cols.map((c) => mid !== null && splitsPair(rows, c, rowCount));
  const splitCols = cols.filter((_, k) => split[k]);
  const wholeCols = cols.filter((_, k) => !split[k]);
  const second: Span | null =
    mid === null || splitCols.length === 0 ? null : { start: mid, end: rowCount };
  const job: PartJob | null =
    second === null
      ? null
      : {
          rows: specs.rows,
          cols: specs.cols.filter((_, k) => split[k]),
          weightId: weights === null ? null : weightId,
          span: second,
          include: jobWords(include, second),
        };
  const tally = (span: Span, some: readonly ResolvedAxis[]) =>
    some.length === 0 ? [] : tallySpan(span, rowCount, rows, some, include, weights);
  let first: Tally[] = [];
  let whole: Tally[] = [];
  return {
    job,
    count() {
      first = second === null ? [] : tally({ start: 0, end: second.start }, splitCols);
      whole = tally(everyone(rowCount), wholeCols);
    },
    countJob: () => (second === null ? [] : tally(second, splitCols)),
    fits: (part): part is Tally[] =>
      Array.isArray(part) &&
      part.length === splitCols.length &&
      splitCols.every((c, k) => tallyFits(emptyTally(rows, c), part[k])),
    finish(part) {
      if (part !== null) first.forEach((t, k) => addTally(t, part[k]!));
      let f = 0;
      let w = 0;
      return cols.map((_, k) => (split[k] ? first[f++]! : whole[w++]!));
    },
  };
}

/**
 * Joint key histograms up to this many cells are split: past it, each part's
 * histogram (32 bytes a cell, weighted) and the expansion of its cells into
 * options cost more than the second thread saves (measured at 1M respondents
 * of the bench survey: Q16 × Q8, 207k cells, took 19 ms in two parts on one
 * thread against 14 whole, and 12.5 with a helper).
 */
const SPLIT_JOINT_MAX = 1 << 16;

/**
 * Whether a pair is counted in two parts of the respondents (when they are
 * many): pairs counted by slots, and pairs counted by joint keys with a small
 * histogram. It depends on the pair and the number of respondents only, so a
 * column is counted the same way in a banner and alone.
 */
export function splitsPair(rows: ResolvedAxis, cols: ResolvedAxis, rowCount: number): boolean {
  return !jointPays(rows, cols, rowCount) || (rows.nKeys + 1) * cols.nKeys <= SPLIT_JOINT_MAX;
}

/**
 * Tallies a job over `table`, on whichever thread holds it. `resolve` may be
 * a cache of resolveAxis (a helper thread keeps its table's axes).
 */
export function tallyJob(
  table: RespondentTable,
  job: PartJob,
  resolve: typeof resolveAxis = resolveAxis,
): Result<Tally[]> {
  const rows = resolve(table, job.rows);
  if (!rows.ok) return rows;
  const cols: ResolvedAxis[] = [];
  for (const spec of job.cols) {
    const axis = spec === null ? ok(TOTAL_AXIS) : resolve(table, spec);
    if (!axis.ok) return axis;
    cols.push(axis.value);
  }
  let weights: Float64Array | null = null;
  if (job.weightId !== null) {
    const column = numericColumn(table, job.weightId);
    if (!column.ok) return column;
    weights = column.value.values;
  }
  const { start, end } = job.span;
  if (start % BLOCK !== 0 || start < 0 || end > table.rowCount || start > end)
    return fail(problem('crosstab-bad-part', start, end, table.rowCount));
  let include: Uint32Array | null = null;
  if (job.include !== null) {
    include = new Uint32Array((table.rowCount + 31) >>> 5);
    include.set(job.include, start >>> 5);
  }
  return ok(tallySpan(job.span, table.rowCount, rows.value, cols, include, weights));
}
