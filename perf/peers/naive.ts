// The naive baseline: one object per respondent (built from papaparse's rows),
// and a crosstab as a loop over the objects into a Map keyed by label pairs.
import type { BenchCase, Cells } from '../cases';
import { SEP } from '../cases';

export type RowObject = Record<string, string | number>;

/** Row objects from `header:false` rows: the first row names the fields; `weight` becomes a number. */
export function rowObjects(rows: readonly string[][]): RowObject[] {
  const header = rows[0] ?? [];
  const out: RowObject[] = new Array(Math.max(0, rows.length - 1));
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const o: RowObject = {};
    for (let c = 0; c < header.length; c++) {
      const name = header[c]!;
      o[name] = name === 'weight' ? Number(cells[c]) : (cells[c] ?? '');
    }
    out[r - 1] = o;
  }
  return out.filter((o) => o !== undefined);
}

const answers = (v: string | number | undefined, multi: boolean): string[] => {
  if (v === undefined || v === '') return [];
  return multi ? String(v).split(';') : [String(v)];
};

export function naiveCrosstab(
  objects: readonly RowObject[],
  bc: BenchCase,
  isMulti: (id: string) => boolean,
): Cells[] {
  const maps: Cells[] = bc.cols.map(() => new Map());
  const rowMulti = isMulti(bc.rows);
  const colMulti = bc.cols.map(isMulti);
  const keep = bc.filter === null ? null : new Set(bc.filter.labels);
  const filterId = bc.filter?.questionId ?? '';
  for (const o of objects) {
    if (keep !== null && !keep.has(o[filterId] as string)) continue;
    const w = bc.weighted ? (o.weight as number) : 1;
    const rs = answers(o[bc.rows], rowMulti);
    if (rs.length === 0) continue;
    for (let k = 0; k < bc.cols.length; k++) {
      const cs = answers(o[bc.cols[k]!], colMulti[k]!);
      const m = maps[k]!;
      for (const r of rs)
        for (const c of cs) {
          const key = r + SEP + c;
          m.set(key, (m.get(key) ?? 0) + w);
        }
    }
  }
  return maps;
}
