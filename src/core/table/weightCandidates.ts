// Which numeric columns could weight a table. A survey weight is positive and
// not a whole number, and is usually named like one; an id, an age or a count
// is a whole number. The survey's own weight (its definition's decision) is
// always a candidate. Nothing here chooses a weight: the crosstab page lists
// likely weights first and says why the others are probably not.
import { WEIGHT_NAME } from '../schema/infer';
import type { RespondentTable } from './types';

export type NotWeightReason = 'integer' | 'nonPositive' | 'name';

export interface WeightCandidate {
  id: string;
  text: string;
  /** True for the survey's weight and for positive, fractional columns named like a weight. */
  likely: boolean;
  /** Why a column is probably not a weight; null when likely. */
  why: NotWeightReason | null;
}

/** The table's numeric columns, likely weights first (each group in column order). */
export function weightCandidates(table: RespondentTable): readonly WeightCandidate[] {
  // A loaded table never changes, and the crosstab controls ask on every
  // render: scan its numeric columns once (18–55 ms at 1M respondents).
  const known = scanned.get(table);
  if (known !== undefined) return known;
  const found = scan(table);
  scanned.set(table, found);
  return found;
}

const scanned = new WeakMap<RespondentTable, WeightCandidate[]>();

function scan(table: RespondentTable): WeightCandidate[] {
  const out: WeightCandidate[] = [];
  for (const c of table.columns) {
    if (c.type !== 'numeric') continue;
    let positive = true;
    let integer = true;
    let any = false;
    for (const v of c.values) {
      if (Number.isNaN(v)) continue;
      any = true;
      if (!(v > 0)) positive = false;
      if (!Number.isInteger(v)) integer = false;
    }
    const why: NotWeightReason | null =
      c.id === table.weightId
        ? null
        : !any || !positive
          ? 'nonPositive'
          : integer
            ? 'integer'
            : WEIGHT_NAME.test(c.id) || WEIGHT_NAME.test(c.text)
              ? null
              : 'name';
    out.push({ id: c.id, text: c.text, likely: why === null, why });
  }
  return [...out.filter((c) => c.likely), ...out.filter((c) => !c.likely)];
}
