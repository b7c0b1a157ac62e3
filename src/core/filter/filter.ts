// Filters are bitmasks over respondents (bit i of word i >>> 5 = respondent i
// passes), built in one pass per condition over the typed code arrays.
import type { Codes, RespondentTable } from '../table/types';
import { fail, ok, type Result } from '../result';
import { problem } from '../messages';
import { categoricalColumn, type Categorical } from './columns';

export interface FilterCondition {
  questionId: string;
  /** Label indexes (0-based): the respondent chose any of them. */
  options: readonly number[];
}

/** The code array of a column: single answer codes, or multi-answer pattern codes (0 = missing). */
export function keysOf(column: Categorical): Codes {
  return column.type === 'single' ? column.codes : column.patternOf;
}

/** How many distinct keys (codes or patterns) a column has, counting 0 = missing. */
export function keyCount(column: Categorical): number {
  return column.type === 'single' ? column.labels.length + 1 : column.patternCount + 1;
}

/**
 * selected[k] = 1 when key k (a single answer code or a multi-answer pattern)
 * chose any of `options` (`all`: every one of them). Key 0 (missing) is never
 * selected. A single answer is one option, so it holds all of several only
 * when they are one.
 */
export function keySelection(
  column: Categorical,
  options: readonly number[],
  all = false,
): Uint8Array {
  const selected = new Uint8Array(keyCount(column));
  if (column.type === 'single') {
    if (all && new Set(options).size > 1) return selected;
    for (const o of options) selected[o + 1] = 1;
    return selected;
  }
  const want = new Uint32Array(column.words);
  for (const o of options) want[o >>> 5]! |= 1 << (o & 31);
  for (let p = 1; p <= column.patternCount; p++) {
    const base = (p - 1) * column.words;
    let any = false;
    let every = true;
    for (let w = 0; w < column.words; w++) {
      const hit = column.masks[base + w]! & want[w]!;
      if (hit !== 0) any = true;
      if (hit >>> 0 !== want[w]) every = false;
    }
    if (all ? every && options.length > 0 : any) selected[p] = 1;
  }
  return selected;
}

function checkOptions(column: Categorical, options: readonly number[]): Result<null> {
  for (const o of options) {
    if (!Number.isInteger(o) || o < 0 || o >= column.labels.length) {
      return fail(problem('crosstab-option-out-of-range', column.id, o, column.labels.length));
    }
  }
  return ok(null);
}

/** A mask with the first `rowCount` bits set. */
export function allPass(rowCount: number): Uint32Array {
  const mask = new Uint32Array((rowCount + 31) >>> 5).fill(0xffffffff);
  const rest = rowCount & 31;
  if (rest !== 0) mask[mask.length - 1] = (1 << rest) - 1;
  return mask;
}

/** Clears in `mask` every respondent whose key is not selected. */
function andSelection(
  mask: Uint32Array,
  keys: Codes,
  selected: Uint8Array,
  rowCount: number,
): void {
  const full = rowCount >>> 5;
  for (let w = 0; w < full; w++) {
    if (mask[w] === 0) continue;
    const start = w << 5;
    let bits = 0;
    for (let b = 0; b < 32; b++) bits |= selected[keys[start + b]!]! << b;
    mask[w]! &= bits;
  }
  if (full < mask.length) {
    const start = full << 5;
    let bits = 0;
    for (let b = 0; start + b < rowCount; b++) bits |= selected[keys[start + b]!]! << b;
    mask[full]! &= bits;
  }
}

/**
 * The respondents that pass every condition (AND across questions, OR within
 * one question's options; multi-answer: chose any of them). Ok(null) when there
 * are no conditions: everyone passes. Unknown questions or option numbers give
 * an error naming the valid choices.
 */
export function buildFilter(
  table: RespondentTable,
  conditions: readonly FilterCondition[],
): Result<Uint32Array | null> {
  if (conditions.length === 0) return ok(null);
  const mask = allPass(table.rowCount);
  for (const condition of conditions) {
    const column = categoricalColumn(table, condition.questionId);
    if (!column.ok) return column;
    const checked = checkOptions(column.value, condition.options);
    if (!checked.ok) return checked;
    andSelection(
      mask,
      keysOf(column.value),
      keySelection(column.value, condition.options),
      table.rowCount,
    );
  }
  return ok(mask);
}

/** Respondents whose bit is set. */
export function countPassing(mask: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < mask.length; w++) {
    let v = mask[w]!;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
