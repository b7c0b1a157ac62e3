// Column names that mark one column per option of a multi-answer question (or
// one item of a grid): `Q5_1`, `Q5: Label`, `Q5 - Label`, `Q5 [Label]`.

export type NamePattern = 'bracket' | 'underscore' | 'colon' | 'dash';

export interface SplitName {
  stem: string;
  label: string;
  pattern: NamePattern;
}

// The four forms, as regular expressions (the specification):
//   bracket     /^([\s\S]*\S)\s*\[([^\]]+)\]\s*$/
//   underscore  /^(.+?)_(\d+)$/
//   dash        /^([\s\S]*\S)\s+-\s+(.+)$/
//   colon       /^(.+?):\s+(.+)$/
// Backtracking makes the bracket and dash expressions quadratic in the length of
// the name ("a  -  a  -  …" of 200 KB took 45 s), and a header cell may hold
// megabytes, so each form is matched by a linear scan that finds the same split
// (tests/core/property/names.property.test.ts checks them against the expressions).

const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** `\s`: white space or a line terminator (the characters trim() removes). */
const isSpace = (c: string): boolean => c !== '' && c.trim() === '';

/** Index of the first character at or after `from` that is not white space (or the length). */
function skipSpace(name: string, from: number): number {
  let i = from;
  while (i < name.length && isSpace(name.charAt(i))) i++;
  return i;
}

/** Where the label starts after a separator at `sep` followed by white space, or -1. */
function labelStart(name: string, sep: number, lineStart: number): number {
  // `\s+(.+)$`: one or more spaces, then at least one character and no line break to the end.
  const start = Math.max(sep + 2, lineStart);
  if (start > name.length - 1) return -1;
  return skipSpace(name, sep + 1) >= start ? start : -1;
}

type Split = [stem: string, label: string] | null;

function bracket(name: string): Split {
  const t = name.trimEnd();
  const close = t.length - 1;
  if (close < 2 || t.charAt(close) !== ']') return null;
  // The last "[" that leaves a non-empty label with no "]" in it.
  const open = t.lastIndexOf('[', close - 2);
  if (open < 0 || t.lastIndexOf(']', close - 1) > open) return null;
  return [t.slice(0, open), t.slice(open + 1, close)];
}

function underscore(name: string): Split {
  const i = name.lastIndexOf('_');
  if (i < 1 || !/^\d+$/.test(name.slice(i + 1)) || LINE_BREAK.test(name)) return null;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** Index just after the last line break, or 0. */
function lineStartOf(name: string): number {
  let i = name.length - 1;
  while (i >= 0 && !LINE_BREAK.test(name.charAt(i))) i--;
  return i + 1;
}

function dash(name: string): Split {
  const lineStart = lineStartOf(name);
  const firstText = skipSpace(name, 0);
  // The last " - " with text before it and a one-line label after it (greedy stem).
  for (let d = name.lastIndexOf('-', name.length - 3); d > 0; d = name.lastIndexOf('-', d - 1)) {
    if (firstText >= d - 1) return null;
    if (!isSpace(name.charAt(d - 1))) continue;
    const start = labelStart(name, d, lineStart);
    if (start >= 0) return [name.slice(0, d), name.slice(start)];
  }
  return null;
}

function colon(name: string): Split {
  const lineStart = lineStartOf(name);
  const firstBreak = name.search(LINE_BREAK);
  const stemEnd = firstBreak < 0 ? name.length : firstBreak;
  // The first ":" after a one-line stem with white space and a one-line label after it (lazy stem).
  for (let c = name.indexOf(':', 1); c >= 1 && c <= stemEnd; c = name.indexOf(':', c + 1)) {
    const start = labelStart(name, c, lineStart);
    if (start >= 0) return [name.slice(0, c), name.slice(start)];
  }
  return null;
}

const FORMS: [NamePattern, (name: string) => Split][] = [
  ['bracket', bracket],
  ['underscore', underscore],
  ['dash', dash],
  ['colon', colon],
];

/** Splits a column name into the stem shared by a battery and the item's own label, if it has that form. */
export function splitName(name: string): SplitName | null {
  for (const [pattern, split] of FORMS) {
    const m = split(name);
    if (m !== null) {
      const stem = m[0].trim();
      const label = m[1].trim();
      if (stem.length > 0 && label.length > 0) return { stem, label, pattern };
    }
  }
  return null;
}

export interface NameRun {
  stem: string;
  pattern: NamePattern;
  /** 0-based column indexes, consecutive in the file. */
  columns: number[];
  labels: string[];
}

const SELECT_ALL = /select all|all that apply|check all|tick all|plusieurs r[ée]ponses/i;

/**
 * Runs of adjacent columns whose names share a stem and a pattern. A run of one
 * column counts only when its stem says "select all that apply" (a one-option
 * multi-answer question, as thanksgiving's "… - Macy's Parade").
 */
export function findNameRuns(names: string[], skip: ReadonlySet<number>): NameRun[] {
  const runs: NameRun[] = [];
  let current: NameRun | null = null;
  names.forEach((name, i) => {
    const split = skip.has(i) ? null : splitName(name);
    if (
      split !== null &&
      current !== null &&
      current.stem === split.stem &&
      current.pattern === split.pattern
    ) {
      current.columns.push(i);
      current.labels.push(split.label);
      return;
    }
    if (current !== null) runs.push(current);
    current =
      split === null
        ? null
        : { stem: split.stem, pattern: split.pattern, columns: [i], labels: [split.label] };
  });
  if (current !== null) runs.push(current);
  return runs.filter((r) => r.columns.length >= 2 || SELECT_ALL.test(r.stem));
}
