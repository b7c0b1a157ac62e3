// Options by segment (or wave): published percents side by side, with the
// difference in points and the index against a reference column. Options are
// matched by label, so two reports that list options in another order (or
// leave some out) still line up; an option missing from a column stays blank.
// Where both columns state their bases, each difference gets a two-proportion
// z-test at 95%; without bases there is no test, never a guessed one.
import type { PublishedOption } from '../published/types';
import { roundTo } from '../format/number';
import { twoProportionZ } from '../stats/proportions';

export interface CompareColumn {
  /** Column heading, e.g. "Registered users" or "June 2013". */
  name: string;
  options: readonly PublishedOption[];
  /** Respondents behind the column's percents (the stated base_n); absent or null: unknown. */
  baseN?: number | null;
}

/**
 * A two-sided two-proportion z-test at 95% of one published percent against
 * another, or why there is none: a base is unknown ('no-base'), a value is a
 * lower bound such as "30+%" ('lower-bound'), or both are 0% or both 100% so
 * the pooled variance is zero ('no-variance').
 */
export type ProportionTest =
  | { z: number; p: number; significant: boolean }
  | { untestable: 'no-base' | 'lower-bound' | 'no-variance' };

/** A published percent (0–100) with its base, when known. */
export interface PercentWithBase {
  percent: number;
  /** Respondents behind the percent; null when the source does not say. */
  base: number | null;
  lowerBound?: boolean;
}

/**
 * The pooled two-proportion z-test of `a` against `b` (z positive when a is
 * higher), two-sided, significant when p < alpha. Only with both bases known.
 */
export function testPercents(a: PercentWithBase, b: PercentWithBase, alpha = 0.05): ProportionTest {
  if (!isBase(a.base) || !isBase(b.base)) return { untestable: 'no-base' };
  if (a.lowerBound === true || b.lowerBound === true) return { untestable: 'lower-bound' };
  const t = twoProportionZ(a.percent / 100, a.base, b.percent / 100, b.base);
  if (t === null) return { untestable: 'no-variance' };
  return { z: t.z, p: t.p, significant: t.p < alpha };
}

const isBase = (n: number | null): n is number => n !== null && Number.isFinite(n) && n > 0;

export interface CompareCell {
  /** null when the column does not publish the option. */
  value: number | null;
  /** "30+%": the value is a lower bound, and so are its difference and index. */
  lowerBound: boolean;
  decimals: number;
  /** value − reference value, in points, rounded to the decimals printed; null in the reference column. */
  diff: number | null;
  /** 100 × value / reference value, to one decimal; null where undefined. */
  index: number | null;
  /**
   * This value against the reference column's (z positive when this one is
   * higher); null in the reference column and where either value is missing.
   */
  test: ProportionTest | null;
}

export interface CompareRow {
  label: string;
  cells: CompareCell[];
}

export interface Comparison {
  columns: string[];
  reference: number;
  rows: CompareRow[];
}

const key = (label: string) => label.trim().toLowerCase();

/** Compare columns against column `reference` (default: the first). */
export function comparePublished(columns: readonly CompareColumn[], reference = 0): Comparison {
  const order: string[] = [];
  const labels = new Map<string, string>();
  for (const col of columns) {
    for (const o of col.options) {
      if (o.omitted) continue;
      const k = key(o.label);
      if (!labels.has(k)) {
        labels.set(k, o.label);
        order.push(k);
      }
    }
  }
  const lookup = columns.map((col) => {
    const m = new Map<string, PublishedOption>();
    for (const o of col.options) if (!o.omitted) m.set(key(o.label), o);
    return m;
  });
  const rows = order.map((k) => {
    const ref = lookup[reference]?.get(k)?.percent ?? null;
    const refBase = columns[reference]?.baseN ?? null;
    const cells = lookup.map((m, ci): CompareCell => {
      const p = m.get(k)?.percent ?? null;
      if (p === null)
        return {
          value: null,
          lowerBound: false,
          decimals: 0,
          diff: null,
          index: null,
          test: null,
        };
      const decimals = Math.max(p.decimals, ref?.decimals ?? 0);
      const comparable = ref !== null && ci !== reference;
      return {
        value: p.value,
        lowerBound: p.lowerBound,
        decimals: p.decimals,
        diff: comparable ? roundTo(p.value - ref.value, decimals) : null,
        index: comparable && ref.value !== 0 ? roundTo((100 * p.value) / ref.value, 1) : null,
        test: comparable
          ? testPercents(
              { percent: p.value, base: columns[ci]?.baseN ?? null, lowerBound: p.lowerBound },
              { percent: ref.value, base: refBase, lowerBound: ref.lowerBound },
            )
          : null,
      };
    });
    return { label: labels.get(k) ?? k, cells };
  });
  return { columns: columns.map((c) => c.name), reference, rows };
}
