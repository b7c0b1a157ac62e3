// Column names that mark one column per option of a multi-answer question (or
// one item of a grid): `Q5_1`, `Q5: Label`, `Q5 - Label`, `Q5 [Label]`.

export type NamePattern = 'bracket' | 'underscore' | 'colon' | 'dash';

export interface SplitName {
  stem: string;
  label: string;
  pattern: NamePattern;
}

const BRACKET = /^([\s\S]*\S)\s*\[([^\]]+)\]\s*$/;
const UNDERSCORE = /^(.+?)_(\d+)$/;
const COLON = /^(.+?):\s+(.+)$/;
const DASH = /^([\s\S]*\S)\s+-\s+(.+)$/;

/** Splits a column name into the stem shared by a battery and the item's own label, if it has that form. */
export function splitName(name: string): SplitName | null {
  const patterns: [NamePattern, RegExp][] = [
    ['bracket', BRACKET],
    ['underscore', UNDERSCORE],
    ['dash', DASH],
    ['colon', COLON],
  ];
  for (const [pattern, re] of patterns) {
    const m = re.exec(name);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      const stem = m[1].trim();
      const label = m[2].trim();
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
