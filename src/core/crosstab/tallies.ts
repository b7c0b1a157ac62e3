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
  /** The second part of the respondents, for another thread; null: counted whole, here. */
  job: PartJob | null;
  /** Tallies all but the job, on this thread. */
  count(): void;
  /** Tallies the job on this thread (as another thread would). */
  countJob(): Tally[];
  /** Whether tallies from another thread are the job's: one per column, of its dimensions. */
  fits(part: unknown): part is Tally[];
  /** The tallies, given the job's (or null when there is none); after count(). */
  finish(part: readonly Tally[] | null): Tally[];
}

/**
 * The tallies of `rows` against each of `cols`, in two parts of the
 * respondents when they are many (split.ts): every column alike, so a column
 * is counted the same way in a banner and alone. `specs` name the axes for
 * another thread, `weightId` the weights.
 *
 * Two parts cost one thread more than one whole where a pair's histogram is
 * large (each part fills, compacts and expands its own): Q16 × Q8 weighted,
 * 207,360 joint keys, took 16 ms in two parts on one thread against 13.4
 * whole at 1M respondents of the bench survey, and 8.5–9.2 with a helper
 * thread. The app counts with its helper once it holds the survey, so every
 * pair is split rather than a rule picking some.
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
  const second: Span | null = mid === null ? null : { start: mid, end: rowCount };
  const job: PartJob | null =
    second === null
      ? null
      : {
          rows: specs.rows,
          cols: [...specs.cols],
          weightId: weights === null ? null : weightId,
          span: second,
          include: jobWords(include, second),
        };
  const tally = (span: Span) => tallySpan(span, rowCount, rows, cols, include, weights);
  let tallies: Tally[] = [];
  return {
    job,
    count() {
      tallies = tally(mid === null ? everyone(rowCount) : { start: 0, end: mid });
    },
    countJob: () => (second === null ? [] : tally(second)),
    fits: (part): part is Tally[] =>
      Array.isArray(part) &&
      part.length === cols.length &&
      cols.every((c, k) => tallyFits(emptyTally(rows, c), part[k])),
    finish(part) {
      if (part !== null) tallies.forEach((t, k) => addTally(t, part[k]!));
      return tallies;
    },
  };
}

/**
 * A helper thread's answer to a job over the table it holds: the tallies, or
 * why not (a thrown error included), for the thread that asked. The app's
 * worker and the bench's worker thread both answer through it.
 */
export function answerJob(
  table: RespondentTable,
  job: PartJob,
  resolve: typeof resolveAxis,
): { part: Tally[] } | { problem: string } {
  try {
    const tallied = tallyJob(table, job, resolve);
    return tallied.ok ? { part: tallied.value } : { problem: tallied.error.message };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
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
