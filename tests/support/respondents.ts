// Respondent tables built from arrays of labels, for tests that need a table
// without going through the CSV pipeline.
import type { Result } from '../../src/core/result';
import type {
  Column,
  MultiColumn,
  NumericColumn,
  RespondentTable,
  SingleColumn,
} from '../../src/core/table/types';

const firstSeen = (values: Iterable<string>): string[] => [...new Set(values)];

/** A single-answer column; null is missing. Labels default to the order of first appearance. */
export function single(
  id: string,
  values: readonly (string | null)[],
  labels: string[] = firstSeen(values.filter((v): v is string => v !== null)),
  text = id,
): SingleColumn {
  const codes = new Uint8Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return;
    const k = labels.indexOf(v);
    if (k < 0) throw new Error(`label ${v} not in ${labels.join('|')}`);
    codes[i] = k + 1;
  });
  return { id, text, type: 'single', labels, codes };
}

/** A multi-answer column; null is missing, [] answered but chose none. */
export function multi(
  id: string,
  values: readonly (readonly string[] | null)[],
  labels: string[] = firstSeen(values.flatMap((v) => v ?? [])),
  text = id,
): MultiColumn {
  const words = Math.max(1, Math.ceil(labels.length / 32));
  const patterns = new Map<string, number>();
  const masks: number[] = [];
  const patternOf = new Uint16Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return;
    const mask = new Array<number>(words).fill(0);
    for (const label of v) {
      const j = labels.indexOf(label);
      if (j < 0) throw new Error(`label ${label} not in ${labels.join('|')}`);
      mask[j >>> 5] = (mask[j >>> 5]! | (1 << (j & 31))) >>> 0;
    }
    const key = mask.join(',');
    let p = patterns.get(key);
    if (p === undefined) {
      p = patterns.size + 1;
      patterns.set(key, p);
      masks.push(...mask);
    }
    patternOf[i] = p;
  });
  return {
    id,
    text,
    type: 'multi',
    labels,
    words,
    masks: Uint32Array.from(masks),
    patternCount: patterns.size,
    patternOf,
  };
}

export function numeric(id: string, values: readonly (number | null)[], text = id): NumericColumn {
  return { id, text, type: 'numeric', values: Float64Array.from(values, (v) => v ?? NaN) };
}

export function respondents(
  columns: Column[],
  opts: { weightId?: string | null; notice?: string | null } = {},
): RespondentTable {
  const first = columns[0];
  const rowCount =
    first === undefined
      ? 0
      : first.type === 'single' || first.type === 'text'
        ? first.codes.length
        : first.type === 'multi'
          ? first.patternOf.length
          : first.values.length;
  return {
    format: 'respondents',
    meta: { title: 'test', notice: opts.notice ?? null, source: null },
    rowCount,
    columns,
    weightId: opts.weightId ?? null,
    idColumnId: null,
  };
}

/** Unwraps an ok Result, failing the test with the error message otherwise. */
/** Labels prefix0, prefix1, … prefix(n - 1). */
export const numbered = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, j) => `${prefix}${j}`);

/**
 * A seeded multi-answer column of `rows` respondents: `n` options named
 * id_0 …, each chosen with its own probability (0.08–0.48, drawn first from
 * `rand`); a share `missing` not asked; some answered with none.
 */
export function randomMulti(
  rand: () => number,
  rows: number,
  id: string,
  n: number,
  missing: number,
): MultiColumn {
  const ls = numbered(`${id}_`, n);
  const p = ls.map(() => 0.08 + 0.4 * rand());
  const answers = Array.from({ length: rows }, () =>
    rand() < missing ? null : ls.filter((_, j) => rand() < p[j]!),
  );
  return multi(id, answers, ls);
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
