// Counting a crosstab (or a banner) in two parts of the respondents, so that
// another thread (a Web Worker in the app, a worker thread in the bench) can
// tally the second part while this one tallies the first: over
// a million respondents, about half the time. The parts, and the order in
// which their tallies are added (first part, then second), are the same
// whether one thread counts both or two share them, so a crosstab's numbers
// do not depend on how many threads counted it: the CLI, the bench and the
// app print the same numbers, to the last bit.
import type { RespondentTable } from '../table/types';
import type { Result } from '../result';
import { resolveAxis, type ResolvedAxis } from './axis';
import { BLOCK, type Span } from './count';
import type { Tally } from './tally';
import type { AxisSpec } from './types';

/**
 * Tables of fewer respondents are counted whole: they take a millisecond or
 * two, about what handing a part to another thread and back costs.
 */
export const SPLIT_MIN = 1 << 16;

/** Where the respondents of a table are split (a multiple of BLOCK near the middle), or null: counted whole. */
export function splitPoint(rowCount: number): number | null {
  return rowCount < SPLIT_MIN ? null : Math.round(rowCount / 2 / BLOCK) * BLOCK;
}

/**
 * The second part of a banner, as another thread holding the same table
 * tallies it: plain data (structured-cloneable), the axes by their specs.
 */
export interface PartJob {
  rows: AxisSpec;
  /** null: the Total column. */
  cols: (AxisSpec | null)[];
  /** The weight column (only valid weights are left in `include`), or null. */
  weightId: string | null;
  span: Span;
  /** The include mask's words for `span`, from word span.start / 32; null: everyone. */
  include: Uint32Array | null;
}

/** Another thread that tallies jobs over its own copy of the table (one tally per column); rejects if it cannot. */
export interface CrosstabHelper {
  count(job: PartJob): Promise<Tally[]>;
}

/** The include mask's words a job carries for its span. */
export function jobWords(include: Uint32Array | null, span: Span): Uint32Array | null {
  return include === null ? null : include.slice(span.start >>> 5, (span.end + 31) >>> 5);
}

/**
 * resolveAxis with a memory, for a helper thread that keeps one table and is
 * asked for the same axes again and again (Q24's 11,899 answer patterns take
 * about half a millisecond to resolve).
 */
export function rememberingResolve(): typeof resolveAxis {
  const known = new WeakMap<RespondentTable, Map<string, Result<ResolvedAxis>>>();
  return (table, spec) => {
    let axes = known.get(table);
    if (axes === undefined) known.set(table, (axes = new Map()));
    const key = JSON.stringify([spec.questionId, spec.nets ?? []]);
    let axis = axes.get(key);
    if (axis === undefined) axes.set(key, (axis = resolveAxis(table, spec)));
    return axis;
  };
}
