// Which numeric columns could weight a table. A survey weight is positive and
// not a whole number, and is usually named like one; an id, an age or a count
// is a whole number. The survey's own weight (its definition's decision) is
// always a candidate. Nothing here chooses a weight: the crosstab page lists
// likely weights first and says why the others are probably not.
import { WEIGHT_NAME } from '../schema/infer';
import type { NumericColumn, RespondentTable } from './types';

export type NotWeightReason = 'integer' | 'nonPositive' | 'name';

export interface WeightCandidate {
  id: string;
  text: string;
  /** True for the survey's weight and for positive, fractional columns named like a weight. */
  likely: boolean;
  /** Why a column is probably not a weight; null when likely. */
  why: NotWeightReason | null;
}

/**
 * What a pass over a numeric column's values says about it as a weight: every
 * value positive (and some value there), every value whole. The pass is the
 * costly part (some 25 ms a column at 1,000,000 respondents in Chromium), so an import
 * records these in its worker (state/models/stored.ts) and the page adopts
 * them (recordWeightFacts) instead of passing over the values again.
 */
export interface WeightFacts {
  id: string;
  /** Some value is there, and every value is above 0. */
  positive: boolean;
  /** Every value there is a whole number. */
  integer: boolean;
}

/** Facts per column object: a loaded column never changes, and derived tables share their columns. */
const known = new WeakMap<NumericColumn, WeightFacts>();

/** One pass over a numeric column's values. */
function factsOf(c: NumericColumn): WeightFacts {
  const recorded = known.get(c);
  if (recorded !== undefined) return recorded;
  let positive = true;
  let integer = true;
  let any = false;
  for (const v of c.values) {
    if (Number.isNaN(v)) continue;
    any = true;
    if (!(v > 0)) positive = false;
    if (!Number.isInteger(v)) integer = false;
  }
  const facts = { id: c.id, positive: any && positive, integer };
  known.set(c, facts);
  return facts;
}

/** The facts of every numeric column of a table, in column order: what an import records. */
export function weightFacts(table: RespondentTable): WeightFacts[] {
  return table.columns.flatMap((c) => (c.type === 'numeric' ? [factsOf(c)] : []));
}

/**
 * Adopt facts recorded at import for this table's columns (matched by id), so
 * that no numeric column is passed over again. A column without recorded facts
 * (a survey stored before they were recorded) is passed over once when first asked.
 */
export function recordWeightFacts(table: RespondentTable, facts: readonly WeightFacts[]): void {
  const byId = new Map(facts.map((f) => [f.id, f]));
  for (const c of table.columns) {
    const f = c.type === 'numeric' ? byId.get(c.id) : undefined;
    if (c.type !== 'numeric' || f === undefined || known.has(c)) continue;
    if (typeof f.positive !== 'boolean' || typeof f.integer !== 'boolean') continue;
    known.set(c, { id: c.id, positive: f.positive, integer: f.integer });
  }
}

/** The table's numeric columns, likely weights first (each group in column order). */
export function weightCandidates(table: RespondentTable): readonly WeightCandidate[] {
  // The crosstab controls ask on every render: the list is made once per table.
  const made = listed.get(table);
  if (made !== undefined) return made;
  const list = candidatesOf(table);
  listed.set(table, list);
  return list;
}

const listed = new WeakMap<RespondentTable, WeightCandidate[]>();

function candidatesOf(table: RespondentTable): WeightCandidate[] {
  const out: WeightCandidate[] = [];
  for (const c of table.columns) {
    if (c.type !== 'numeric') continue;
    const f = factsOf(c);
    const why: NotWeightReason | null =
      c.id === table.weightId
        ? null
        : !f.positive
          ? 'nonPositive'
          : f.integer
            ? 'integer'
            : WEIGHT_NAME.test(c.id) || WEIGHT_NAME.test(c.text)
              ? null
              : 'name';
    out.push({ id: c.id, text: c.text, likely: why === null, why });
  }
  return [...out.filter((c) => c.likely), ...out.filter((c) => !c.likely)];
}
