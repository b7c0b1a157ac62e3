// The tallies of one row question against each column question, in two steps
// so that another thread can count alongside (split.ts): planTallies() says
// which parts another thread may count (jobs); count() counts everything else
// on this thread; finish() adds the jobs' tallies, made here or there.
import { countJointMany, jointPays } from './count';
import type { ResolvedAxis } from './axis';
import { everyone } from './slotRanges';
import { jobWords, splitPoint, tallyPart, type SlotJob } from './split';
import { addJoint, addTally, emptyTally, tallyFits, type Tally } from './tally';
import type { AxisSpec } from './types';

/** A pair counted by slots, keeping the axis with fewer keys and expanding the other. */
interface SlotPair {
  keptIsRows: boolean;
  kept: ResolvedAxis;
  expanded: ResolvedAxis;
  /** Where its respondents are split, or null: counted whole. */
  mid: number | null;
}

export interface TallyPlan {
  /** The second parts of the split pairs, in column order. */
  jobs: SlotJob[];
  /** Counts all but the jobs, on this thread. */
  count(): void;
  /** Tallies job j on this thread (as another thread would). */
  countJob(j: number): Tally;
  /** Whether a tally from another thread has job j's dimensions. */
  fits(j: number, part: unknown): part is Tally;
  /** The tallies, given the jobs' tallies; after count(). */
  finish(parts: readonly Tally[]): Tally[];
}

/**
 * The tally of `rows` against each of `cols`: the pairs with few joint keys
 * counted together block by block (count.ts), the others by slots (slots.ts),
 * in two parts of the respondents when they are many (split.ts). `specs`
 * name the axes for another thread, `weightId` the weights.
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
  const joint = cols.map((c) => jointPays(rows, c, rowCount));
  const jobs: SlotJob[] = [];
  const jobPairs: SlotPair[] = [];
  const pairs = cols.map((c, k): SlotPair | null => {
    if (joint[k]) return null;
    const keptIsRows = rows.nKeys <= c.nKeys;
    const [kept, expanded] = keptIsRows ? [rows, c] : [c, rows];
    const p: SlotPair = { keptIsRows, kept, expanded, mid: splitPoint(rowCount) };
    if (p.mid !== null) {
      const [keptSpec, expandedSpec] = keptIsRows
        ? [specs.rows, specs.cols[k]!]
        : [specs.cols[k]!, specs.rows];
      const span = { start: p.mid, end: rowCount };
      jobs.push({
        kept: keptSpec,
        expanded: expandedSpec,
        keptIsRows,
        weightId: weights === null ? null : weightId,
        span,
        include: jobWords(include, span),
      });
      jobPairs.push(p);
    }
    return p;
  });
  let tallies: Tally[] = [];
  const part = (p: SlotPair, start: number, end: number) =>
    tallyPart({ start, end }, p.kept, p.expanded, p.keptIsRows, include, weights);
  return {
    jobs,
    count() {
      const counted = countJointMany(
        rowCount,
        rows,
        cols.filter((_, k) => joint[k]),
        include,
        weights,
      );
      let d = 0;
      tallies = pairs.map((p, k) => {
        if (p !== null) return part(p, 0, p.mid ?? everyone(rowCount).end);
        const t = emptyTally(rows, cols[k]!);
        addJoint(t, rows, cols[k]!, counted[d++]!);
        return t;
      });
    },
    countJob: (j) => part(jobPairs[j]!, jobs[j]!.span.start, jobs[j]!.span.end),
    fits: (j, p): p is Tally => {
      const pair = jobPairs[j]!;
      const [r, c] = pair.keptIsRows ? [pair.kept, pair.expanded] : [pair.expanded, pair.kept];
      return tallyFits(emptyTally(r, c), p);
    },
    finish(parts) {
      let j = 0;
      pairs.forEach((p, k) => {
        if (p !== null && p.mid !== null) addTally(tallies[k]!, parts[j++]!);
      });
      return tallies;
    },
  };
}
