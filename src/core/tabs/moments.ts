// Means, standard deviations and medians per banner column, of a numeric
// question's values or of an ordered scale's scores.
//
// Definitions (the same weighted or not, so that weights of 1 give the
// unweighted figures):
//   mean   x̄ = Σwx / Σw
//   SD     √(Σw(x − x̄)² / (Σw − 1)): frequency weights, as SPSS's and R's
//          weighted variance with weights read as counts; null when Σw ≤ 1
//   median the smallest x whose cumulative weight reaches half the column's
//          total weight: with an even number of unweighted values it is the
//          lower of the two middle ones, not their average (R's median()
//          averages them). In base R: o <- order(x); x[o][which(cumsum(w[o])
//          >= sum(w) / 2)[1]].
// Sums run over the values in respondent order, then the spread about the
// mean in a second pass (not Σwx² − (Σwx)²/Σw, which cancels badly).
import type { SingleColumn } from '../table/types';
import { counted, type Frame } from './frame';

/** What a column's statistics are made of; the rest of the sample is Total minus these. */
export interface Moments {
  /** Respondents with a value. */
  n: number;
  sumW: number;
  sumW2: number;
  mean: number;
  /** Σw(x − x̄)². */
  spread: number;
  median: number;
}

const empty = (): Moments => ({ n: 0, sumW: 0, sumW2: 0, mean: NaN, spread: 0, median: NaN });

/** The variance with frequency weights; NaN when Σw ≤ 1. */
export const variance = (m: Moments): number => (m.sumW > 1 ? m.spread / (m.sumW - 1) : NaN);

/** Per book column, the moments of a numeric question's values (NaN is missing). */
export function valueMoments(frame: Frame, values: Float64Array): Moments[] {
  const out = Array.from({ length: frame.columns }, empty);
  const who = counted(frame, (i) => !Number.isNaN(values[i]!));
  const w = frame.weights;
  const n = new Float64Array(out.length);
  const sumW = new Float64Array(out.length);
  const sumW2 = new Float64Array(out.length);
  const sumWX = new Float64Array(out.length);
  for (const { keys, start, list } of frame.units) {
    for (let j = 0; j < who.length; j++) {
      const i = who[j]!;
      const wi = w === null ? 1 : w[i]!;
      const x = values[i]!;
      const key = keys === null ? 1 : keys[i]!;
      const end = start[key + 1]!;
      for (let m = start[key]!; m < end; m++) {
        const c = list[m]!;
        n[c]!++;
        sumW[c]! += wi;
        sumW2[c]! += wi * wi;
        sumWX[c]! += wi * x;
      }
    }
  }
  const mean = sumWX.map((s, c) => (sumW[c]! > 0 ? s / sumW[c]! : NaN));
  const spread = new Float64Array(out.length);
  for (const { keys, start, list } of frame.units) {
    for (let j = 0; j < who.length; j++) {
      const i = who[j]!;
      const wi = w === null ? 1 : w[i]!;
      const key = keys === null ? 1 : keys[i]!;
      const end = start[key + 1]!;
      for (let m = start[key]!; m < end; m++) {
        const c = list[m]!;
        const d = values[i]! - mean[c]!;
        spread[c]! += wi * d * d;
      }
    }
  }
  // Medians: one walk up the values in order (ties in respondent order, as R's order()).
  const median = new Float64Array(out.length).fill(NaN);
  const cumulative = new Float64Array(out.length);
  const order = byValue(values, who);
  for (const { keys, start, list } of frame.units) {
    for (let j = 0; j < order.length; j++) {
      const i = order[j]!;
      const wi = w === null ? 1 : w[i]!;
      const key = keys === null ? 1 : keys[i]!;
      const end = start[key + 1]!;
      for (let m = start[key]!; m < end; m++) {
        const c = list[m]!;
        if (!Number.isNaN(median[c]!)) continue;
        cumulative[c]! += wi;
        if (cumulative[c]! >= sumW[c]! / 2) median[c] = values[i]!;
      }
    }
  }
  out.forEach((m, c) => {
    m.n = n[c]!;
    m.sumW = sumW[c]!;
    m.sumW2 = sumW2[c]!;
    m.mean = mean[c]!;
    m.spread = spread[c]!;
    m.median = median[c]!;
  });
  return out;
}

/**
 * The respondents `who` (ascending) ordered by value, ties kept in respondent
 * order: the distinct values sorted once, then a counting sort by rank, so a
 * million values need no comparator calls.
 */
function byValue(values: Float64Array, who: Int32Array): Int32Array {
  const sorted = Float64Array.from(who, (i) => values[i]!).sort();
  let u = 0;
  for (let k = 0; k < sorted.length; k++)
    if (k === 0 || sorted[k] !== sorted[u - 1]) sorted[u++] = sorted[k]!;
  const distinct = sorted.subarray(0, u);
  const rank = new Int32Array(who.length);
  const first = new Int32Array(u + 1);
  for (let j = 0; j < who.length; j++) {
    // The value's index among the distinct ones (binary search).
    const x = values[who[j]!]!;
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    rank[j] = lo;
    first[lo + 1]!++;
  }
  for (let r = 0; r < u; r++) first[r + 1]! += first[r]!;
  const order = new Int32Array(who.length);
  for (let j = 0; j < who.length; j++) order[first[rank[j]!]!++] = who[j]!;
  return order;
}

/**
 * Per book column, the moments of an ordered scale's scores, from the table's
 * counts: counts[k][c] (weighted) and unweighted[k][c] of option k, whose
 * score is scores[k] (null: off the scale). Σw² comes from the caller.
 */
export function scoreMoments(
  counts: readonly (readonly number[])[],
  unweighted: readonly (readonly number[])[],
  scores: readonly (number | null)[],
  sumW2: readonly number[] | null,
): Moments[] {
  const columns = counts[0]?.length ?? 0;
  const on = scores
    .map((s, k) => ({ s, k }))
    .filter((e): e is { s: number; k: number } => e.s !== null)
    .sort((a, b) => a.s - b.s);
  return Array.from({ length: columns }, (_, c) => {
    const m = empty();
    let sumWX = 0;
    for (const { s, k } of on) {
      m.n += unweighted[k]![c]!;
      m.sumW += counts[k]![c]!;
      sumWX += counts[k]![c]! * s;
    }
    m.sumW2 = sumW2 === null ? m.sumW : sumW2[c]!;
    if (!(m.sumW > 0)) return m;
    m.mean = sumWX / m.sumW;
    let cumulative = 0;
    for (const { s, k } of on) {
      const d = s - m.mean;
      m.spread += counts[k]![c]! * d * d;
      cumulative += counts[k]![c]!;
      if (Number.isNaN(m.median) && counts[k]![c]! > 0 && cumulative >= m.sumW / 2) m.median = s;
    }
    return m;
  });
}

/** The moments of Total minus a column (the rest of the sample): the column must lie within Total. */
export function restMoments(total: Moments, column: Moments): Moments {
  const sumW = total.sumW - column.sumW;
  const rest: Moments = {
    n: total.n - column.n,
    sumW,
    sumW2: Math.max(0, total.sumW2 - column.sumW2),
    mean: NaN,
    spread: 0,
    median: NaN,
  };
  if (!(sumW > 0) || rest.n === 0) return rest;
  rest.mean = (total.sumW * total.mean - column.sumW * column.mean) / sumW;
  // Total's spread = the parts' spreads + what their means' distance adds.
  const between =
    column.sumW > 0 ? ((column.sumW * sumW) / total.sumW) * (column.mean - rest.mean) ** 2 : 0;
  rest.spread = Math.max(0, total.spread - (column.sumW > 0 ? column.spread : 0) - between);
  return rest;
}

/**
 * A scale's respondents for its mean: the column with the answers off the
 * scale (scores[k] null) made missing, counted for their Σw² (Kish's effective
 * base of the mean); null when every option is on the scale.
 */
export function onScale(
  column: SingleColumn,
  scores: readonly (number | null)[],
  id: string,
): SingleColumn | null {
  if (!scores.some((s) => s === null)) return null;
  const keep = Uint8Array.from([0, ...scores.map((s) => (s === null ? 0 : 1))]);
  const codes = column.codes.slice();
  for (let i = 0; i < codes.length; i++) if (keep[codes[i]!] === 0) codes[i] = 0;
  return { ...column, id, codes };
}
