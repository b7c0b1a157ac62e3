// Arquero 8 peer: a column table of the parsed strings; crosstabs as
// groupby + count (and sum of weights); multi-answer cells via split + unroll.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { BenchCase, Cells } from '../cases';
import { SEP } from '../cases';

/** A table of the `header:false` rows: strings, except `weight` as numbers. */
export function arqueroTable(rows: readonly string[][]): ColumnTable {
  const header = rows[0] ?? [];
  const n = rows.length - 1;
  const columns: Record<string, unknown[]> = {};
  header.forEach((name, c) => {
    const col: unknown[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const v = rows[r + 1]![c] ?? '';
      col[r] = name === 'weight' ? Number(v) : v;
    }
    columns[name] = col;
  });
  return aq.table(columns);
}

function oneTable(
  base: ColumnTable,
  rowId: string,
  colId: string,
  rowMulti: boolean,
  colMulti: boolean,
  weighted: boolean,
): Cells {
  let t = base;
  let r = rowId;
  let c = colId;
  if (rowMulti || colMulti) {
    // Only the columns needed, then one row per chosen option.
    const derived: Record<string, string> = {};
    if (rowMulti) derived.r = `d => op.split(d.${rowId}, ';')`;
    if (colMulti) derived.c = `d => op.split(d.${colId}, ';')`;
    t = t.select(rowId, colId, 'weight').derive(derived);
    if (rowMulti) t = t.unroll((r = 'r'));
    if (colMulti) t = t.unroll((c = 'c'));
  }
  const grouped = t
    .groupby(r, c)
    .rollup(
      weighted ? { n: 'd => op.count()', w: 'd => op.sum(d.weight)' } : { n: 'd => op.count()' },
    );
  const rs = grouped.array(r);
  const cs = grouped.array(c);
  const vs = grouped.array(weighted ? 'w' : 'n');
  const out: Cells = new Map();
  for (let i = 0; i < rs.length; i++) {
    const rv = rs[i] as string;
    const cv = cs[i] as string;
    if (rv === '' || cv === '') continue;
    out.set(rv + SEP + cv, Number(vs[i]));
  }
  return out;
}

export function arqueroCrosstab(
  table: ColumnTable,
  bc: BenchCase,
  isMulti: (id: string) => boolean,
): Cells[] {
  let t = table;
  if (bc.filter !== null)
    t = t
      .params({ keep: bc.filter.labels })
      .filter(`(d, $) => op.includes($.keep, d.${bc.filter.questionId})`);
  return bc.cols.map((col) =>
    oneTable(t, bc.rows, col, isMulti(bc.rows), isMulti(col), bc.weighted),
  );
}
