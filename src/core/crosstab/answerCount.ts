// "Number of answers chosen": for each multi-answer question, a derived
// single-answer question whose answers are 0, 1, 2, … options chosen, usable
// on either axis of a crosstab like any other, and the mean per column.
// Respondents whose answer to the multi-answer question is missing are missing
// here too, so its base is the question's own ("% of respondents").
import { respondentMessages as M } from '../messages';
import type { Codes, MultiColumn, RespondentTable, SingleColumn } from '../table/types';
import type { Crosstab } from './types';

/** The id prefix of a derived answer-count question: "answers:" + the multi-answer question's id. */
const ANSWER_COUNT_PREFIX = 'answers:';

/** How many options pattern p (1-based) of `column` holds (bits past its labels do not count). */
export function patternSize(column: MultiColumn, p: number): number {
  let n = 0;
  const base = (p - 1) * column.words;
  for (let w = 0; w < column.words; w++) {
    let bits = column.masks[base + w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      if ((w << 5) + 31 - Math.clz32(low) < column.labels.length) n++;
      bits ^= low;
    }
  }
  return n;
}

/**
 * The derived question: code k + 1 for a respondent who chose k options
 * (labels "0 answers", "1 answer", … up to the most anyone chose), 0 where the
 * multi-answer question is missing. Its labels come from the answer patterns
 * alone; its codes, a pass over every respondent (some 140 ms a question at
 * 10,000,000 in Chromium), are made the first time something reads them (a
 * crosstab with the question on an axis or in a filter) and kept.
 */
export function answerCountColumn(column: MultiColumn): SingleColumn {
  const sizes = new Uint16Array(column.patternCount + 1);
  let most = 0;
  for (let p = 1; p <= column.patternCount; p++) {
    sizes[p] = patternSize(column, p);
    most = Math.max(most, sizes[p]!);
  }
  const out: SingleColumn = {
    type: 'single',
    id: `${ANSWER_COUNT_PREFIX}${column.id}`,
    text: M.answerCountText(column.text),
    labels: Array.from({ length: most + 1 }, (_, k) => M.answerCountLabel(k)),
    codes: new Uint8Array(0),
  };
  const keep = (codes: Codes) =>
    Object.defineProperty(out, 'codes', {
      value: codes,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(out, 'codes', {
    enumerable: true,
    configurable: true,
    get: (): Codes => {
      const codes = countCodes(column, sizes, most);
      keep(codes);
      return codes;
    },
    set: keep,
  });
  return out;
}

/** Code k + 1 for each respondent who chose k options, 0 where the question is missing. */
function countCodes(column: MultiColumn, sizes: Uint16Array, most: number): Codes {
  const n = column.patternOf.length;
  const codes: Codes = most + 2 <= 256 ? new Uint8Array(n) : new Uint16Array(n);
  const keys = column.patternOf;
  for (let i = 0; i < n; i++) {
    const p = keys[i]!;
    codes[i] = p === 0 ? 0 : sizes[p]! + 1;
  }
  return codes;
}

const derived = new WeakMap<RespondentTable, RespondentTable>();

/**
 * The table with an answer-count question after each multi-answer question
 * (the same table when it has none). Computed once per table; each question's
 * codes only when a crosstab first reads them (answerCountColumn).
 */
export function withAnswerCounts(table: RespondentTable): RespondentTable {
  const known = derived.get(table);
  if (known !== undefined) return known;
  const ids = new Set(table.columns.map((c) => c.id));
  const columns = table.columns.flatMap((c) => {
    if (c.type !== 'multi' || ids.has(`${ANSWER_COUNT_PREFIX}${c.id}`)) return [c];
    return [c, answerCountColumn(c)];
  });
  const out = columns.length === table.columns.length ? table : { ...table, columns };
  derived.set(table, out);
  return out;
}

/** Whether a question id names a derived answer-count question. */
export const isAnswerCount = (id: string | null): boolean =>
  id !== null && id.startsWith(ANSWER_COUNT_PREFIX);

/**
 * The mean number of answers chosen, per column and overall, for a crosstab
 * whose rows are an answer-count question (row k = k answers; nets are left
 * out). NaN where a column has no respondents.
 */
export function answerCountMeans(x: Crosstab): { total: number; cols: number[] } {
  const options = x.rows.isNet.filter((n) => !n).length;
  const cols = x.cols.labels.map((_, c) => {
    let sum = 0;
    let base = 0;
    for (let k = 0; k < options; k++) {
      const v = x.counts[k]?.[c] ?? 0;
      sum += k * v;
      base += v;
    }
    return base > 0 ? sum / base : NaN;
  });
  let sum = 0;
  let base = 0;
  for (let k = 0; k < options; k++) {
    sum += k * (x.rowBases[k] ?? 0);
    base += x.rowBases[k] ?? 0;
  }
  return { total: base > 0 ? sum / base : NaN, cols };
}
