// Bases from rounding (a GRIM-style test for proportions): a printed percent
// is some whole number k of n respondents, rounded to the decimals printed.
// "29%" cannot come from 40 respondents (11/40 = 27.5%, 12/40 = 30%), so the
// figures a publisher prints say which bases n are possible, and the smallest
// one is a floor on how many people answered.
//
// The test is exact: a figure printed as U / 10^d percent fits n when some
// k in 0..n has |100·k/n − U/10^d| ≤ ½·10^−d, that is, in integers,
// |2·S·k − 2·U·n| ≤ n with S = 100·10^d. Exactly half a unit counts as a fit
// (publishers round half up or half to even). Integers stay below 2^53, or
// the check runs on BigInt.
import type { PublishedOption, PublishedPercent, PublishedSeries } from './types';

/** Bases are searched from 1 up to this many respondents. */
export const BASE_SEARCH_LIMIT = 10_000;
/** How many of the smallest consistent bases are listed. */
const CANDIDATES_LISTED = 10;

export interface BaseInference {
  /** The smallest base every tested figure fits; null when none up to `searchedUpTo` does. */
  smallest: number | null;
  /** The first consistent bases, ascending (at most 10). */
  candidates: number[];
  searchedUpTo: number;
  /** How many bases from 1 to `searchedUpTo` fit every tested figure. */
  count: number;
}

/** A printed figure as an exact fraction: `units` / 10^`decimals` percent. */
interface Exact {
  units: number;
  decimals: number;
  /** 100 · 10^decimals: the printed units of 100%. */
  scale: number;
  /** The same, as BigInt, for figures or bases too large for exact doubles. */
  bigUnits: bigint;
  bigScale: bigint;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** The printed digits of a figure, exactly: "38.07" -> 3807 at 2 decimals. */
function exact(p: PublishedPercent): Exact | null {
  const d = p.decimals;
  if (!Number.isInteger(d) || d < 0 || !Number.isFinite(p.value)) return null;
  let bigUnits: bigint | null = null;
  const scaled = p.value * 10 ** d;
  // Below 2^50 the nearest integer to value·10^d is the printed integer exactly.
  if (Math.abs(scaled) < 2 ** 50) bigUnits = BigInt(Math.round(scaled));
  else bigUnits = unitsFromText(p.text, d);
  if (bigUnits === null) return null;
  const bigScale = 100n * 10n ** BigInt(d);
  return {
    units: Number(bigUnits),
    decimals: d,
    scale: Number(bigScale),
    bigUnits,
    bigScale,
  };
}

/** Reads the digits of "38.07%", "38,07", "-0.5" when the value is too long for a double. */
function unitsFromText(text: string, decimals: number): bigint | null {
  const m = /(-?)(\d+)(?:[.,](\d+))?/.exec(text);
  if (m === null) return null;
  const [, sign = '', whole = '', fraction = ''] = m;
  if (fraction.length !== decimals) return null;
  const units = BigInt(`${whole}${fraction}`);
  return sign === '-' ? -units : units;
}

/** Is the figure some k of n (0 ≤ k ≤ n) rounded as printed? */
function fitsExact(f: Exact, n: number): boolean {
  // |2·S·k − 2·U·n| ≤ n in exact doubles when every term is below 2^53.
  if (2 * f.scale * (n + 1) <= SAFE && 2 * Math.abs(f.units) * n + n <= SAFE) {
    const nearest = Math.min(n, Math.max(0, Math.round((f.units * n) / f.scale)));
    // The rounded quotient may be one off; the nearest k in 0..n is among these.
    for (let k = Math.max(0, nearest - 1); k <= Math.min(n, nearest + 1); k++) {
      if (Math.abs(2 * f.scale * k - 2 * f.units * n) <= n) return true;
    }
    return false;
  }
  return fitsBig(f, BigInt(n));
}

function fitsBig(f: Exact, n: bigint): boolean {
  const target = f.bigUnits * n; // k ≈ target / S
  let nearest = target / f.bigScale; // truncated towards zero
  if (nearest < 0n) nearest = 0n;
  if (nearest > n) nearest = n;
  for (let k = nearest > 0n ? nearest - 1n : 0n; k <= nearest + 1n && k <= n; k++) {
    const gap = 2n * f.bigScale * k - 2n * target;
    if ((gap < 0n ? -gap : gap) <= n) return true;
  }
  return false;
}

/** The figures that say something about the base: numbers, not lower bounds ("30+%"). */
function tested(figures: readonly (PublishedPercent | null)[]): Exact[] {
  const out: Exact[] = [];
  for (const p of figures) {
    if (p === null || p.lowerBound) continue;
    const e = exact(p);
    if (e !== null) out.push(e);
  }
  return out;
}

/**
 * True when every printed figure could be some whole number of `n` respondents,
 * rounded as printed. Lower bounds and blanks impose nothing; `n` below 1 or not
 * whole fits nothing.
 */
export function fitsBase(figures: readonly (PublishedPercent | null)[], n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  return tested(figures).every((f) => fitsExact(f, n));
}

/**
 * The base from which on every base fits every figure in `fs`: a figure of U
 * units (of S = 100·10^d) fits n when some whole k lies within n/(2S) of U·n/S.
 * From n = S on that window is a unit wide, so the nearest whole number to
 * U·n/S (within 0..n when 0 ≤ U ≤ S) is in it: every n ≥ S fits. A figure
 * below 0% or above 100% fits no n (|2·S·k − 2·U·n| ≥ 2n for every k in 0..n).
 * Null when some figure fits no base at all.
 */
function allFitFrom(fs: readonly Exact[]): number | null {
  let from = 1;
  for (const f of fs) {
    if (f.bigUnits < 0n || f.bigUnits > f.bigScale) return null;
    from = Math.max(from, f.scale);
  }
  return from;
}

/**
 * Every base from 1 to `limit` that all printed figures fit. Each figure is
 * tested on its own, as in a multi-answer question (the sum is not required).
 * With no figure to test, every base fits. Bases are tested one by one only
 * below the point from which every base fits (allFitFrom: 1,000 for figures
 * with one decimal), so a survey's first analysis takes a tenth of the time.
 */
export function inferBases(
  figures: readonly (PublishedPercent | null)[],
  limit = BASE_SEARCH_LIMIT,
): BaseInference {
  const fs = tested(figures);
  const candidates: number[] = [];
  let count = 0;
  let smallest: number | null = null;
  const from = allFitFrom(fs);
  if (from === null) return { smallest, candidates, searchedUpTo: limit, count };
  for (let n = 1; n <= Math.min(limit, from - 1); n++) {
    let fits = true;
    for (const f of fs) {
      if (!fitsExact(f, n)) {
        fits = false;
        break;
      }
    }
    if (!fits) continue;
    count++;
    smallest ??= n;
    if (candidates.length < CANDIDATES_LISTED) candidates.push(n);
  }
  if (limit >= from) {
    count += limit - from + 1;
    smallest ??= from;
    for (let n = from; n <= limit && candidates.length < CANDIDATES_LISTED; n++) candidates.push(n);
  }
  return { smallest, candidates, searchedUpTo: limit, count };
}

const figuresOf = (options: readonly PublishedOption[]) =>
  options.map((o) => (o.omitted ? null : o.percent));

/**
 * The bases a published series' figures fit; null when no figure says anything
 * (no numbers, or only lower bounds), so that no base is claimed from nothing.
 */
export function seriesBases(
  series: PublishedSeries,
  limit = BASE_SEARCH_LIMIT,
): BaseInference | null {
  const figures = figuresOf(series.options);
  if (tested(figures).length === 0) return null;
  return inferBases(figures, limit);
}

/** The options of a series whose figures a base of `n` respondents cannot give. */
export function optionsMisfittingBase(series: PublishedSeries, n: number): PublishedOption[] {
  return series.options.filter(
    (o) => !o.omitted && o.percent !== null && !o.percent.lowerBound && !fitsBase([o.percent], n),
  );
}
