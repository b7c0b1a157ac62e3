// Counting a row question against several single-answer banner questions in
// one pass. banner() counts a row question against each of its columns with
// a pass of its own; a tab book of 30 questions against 4 banner questions
// would make 150 passes over the respondents. Instead the banner questions are
// combined into one column whose answer is the combination of theirs (3 × 4 ×
// 5 × 6 options and "missing" make 4 × 5 × 6 × 7 = 840 combinations), that
// column is counted once against the row question, and each banner question's
// cells are sums of the combinations holding its option. Unweighted counts are
// the same integers; weighted ones the same sums added in another order (equal
// to the last bits of rounding).
//
// Multi-answer banner questions stay on their own (an answer pattern is no
// single code), and so does everything when the combination would make the
// histogram large (many combinations, or a multi-answer row question with
// thousands of answer patterns): then the plain per-question pass is faster.
// Nobody is missing from a combination, so its cells also add up to the Total
// column, which then needs no pass of its own.
import type { Crosstab } from '../crosstab/types';
import type { Codes, SingleColumn } from '../table/types';

/** At most this many combinations in one combined column. */
const MAX_COMBINATIONS = 4096;
/** Combine for a row question only while its keys × the combinations stay this few cells. */
export const MAX_COMBINED_CELLS = 1 << 19;

/** One banner question inside a combined column: its answer is (code / stride) % radix. */
export interface Digit {
  /** Index of the banner question (0-based, Total not counted). */
  question: number;
  stride: number;
  /** Its options + 1 (code 0 is missing). */
  radix: number;
}

export interface Combined {
  column: SingleColumn;
  digits: Digit[];
}

/**
 * Combined columns for the single-answer banner questions (by index), in
 * banner order, each of at most MAX_COMBINATIONS combinations; a question
 * left alone is in none. `free` gives an unused column id.
 */
export function combineBanner(
  questions: readonly { column: SingleColumn | null }[],
  rowCount: number,
  free: (base: string) => string,
): Combined[] {
  const out: Combined[] = [];
  let run: number[] = [];
  let size = 1;
  const flush = () => {
    if (run.length >= 2) out.push(combined(questions, run, rowCount, free));
    run = [];
    size = 1;
  };
  questions.forEach((q, k) => {
    if (q.column === null) return; // a multi-answer question stays on its own
    const radix = q.column.labels.length + 1;
    if (size * radix > MAX_COMBINATIONS) flush();
    if (radix > MAX_COMBINATIONS) return;
    run.push(k);
    size *= radix;
  });
  flush();
  return out;
}

function combined(
  questions: readonly { column: SingleColumn | null }[],
  run: readonly number[],
  rowCount: number,
  free: (base: string) => string,
): Combined {
  const digits: Digit[] = [];
  let stride = 1;
  for (const k of run) {
    const radix = questions[k]!.column!.labels.length + 1;
    digits.push({ question: k, stride, radix });
    stride *= radix;
  }
  // Code = 1 + Σ code_b · stride_b: never 0, so nobody is missing from the combination.
  const codes: Codes =
    stride < 0xff
      ? new Uint8Array(rowCount)
      : stride < 0xffff
        ? new Uint16Array(rowCount)
        : new Uint32Array(rowCount);
  codes.fill(1);
  for (const d of digits) {
    const source = questions[d.question]!.column!.codes;
    for (let i = 0; i < rowCount; i++) codes[i]! += source[i]! * d.stride;
  }
  return {
    column: {
      id: free('(banner)'),
      text: '(banner)',
      type: 'single',
      labels: Array.from({ length: stride }, (_, k) => String(k)),
      codes,
    },
    digits,
  };
}

/** A banner question's part of a row question's table: rows × its options. */
export interface Part {
  counts: number[][];
  unweightedCounts: number[][];
  colBases: number[];
  unweightedColBases: number[];
  /** Σw² of each column's respondents (Kish's effective base); the unweighted bases when unweighted. */
  colSquares: number[];
}

/**
 * The Total column from the crosstab of a row question by a combined column:
 * nobody is missing from a combination, so Total is the sum of them all (and
 * needs no pass of its own).
 */
export function totalOf(x: Crosstab): Part {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    counts: x.counts.map((row) => [sum(row)]),
    unweightedCounts: x.unweightedCounts.map((row) => [sum(row)]),
    colBases: [sum(x.colBases)],
    unweightedColBases: [sum(x.unweightedColBases)],
    colSquares: [sum(x.colSquares)],
  };
}

/** The part of one banner question (a digit) in the crosstab of a row question by a combined column. */
export function partOf(x: Crosstab, d: Digit): Part {
  const options = d.radix - 1;
  const part: Part = {
    counts: x.counts.map(() => new Array<number>(options).fill(0)),
    unweightedCounts: x.counts.map(() => new Array<number>(options).fill(0)),
    colBases: new Array<number>(options).fill(0),
    unweightedColBases: new Array<number>(options).fill(0),
    colSquares: new Array<number>(options).fill(0),
  };
  const combos = x.colBases.length;
  for (let k = 0; k < combos; k++) {
    const code = Math.floor(k / d.stride) % d.radix;
    if (code === 0) continue;
    const o = code - 1;
    part.colBases[o]! += x.colBases[k]!;
    part.unweightedColBases[o]! += x.unweightedColBases[k]!;
    part.colSquares[o]! += x.colSquares[k]!;
    for (let r = 0; r < x.counts.length; r++) {
      part.counts[r]![o]! += x.counts[r]![k]!;
      part.unweightedCounts[r]![o]! += x.unweightedCounts[r]![k]!;
    }
  }
  return part;
}
