// DuckDB peer through @duckdb/node-api: the same CSV loaded into an in-memory
// table with read_csv (from a temporary file: DuckDB reads files, not JS
// buffers); crosstabs as GROUP BY, multi-answer cells via unnest(string_split).
// The banner's single-answer columns share one GROUPING SETS query.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BenchCase, Cells } from '../cases';
import { SEP } from '../cases';

export interface DuckPeer {
  conn: DuckDBConnection;
  version: string;
  threads: number;
  /** read_csv into the in-memory table, from a file in the OS page cache. */
  loadMs: number;
  close(): void;
}

/** Opens DuckDB and loads the survey; a string says why DuckDB is not available. */
export async function openDuck(bytes: Uint8Array): Promise<DuckPeer | string> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch (e) {
    return `@duckdb/node-api did not load: ${(e as Error).message.split('\n')[0]}`;
  }
  const dir = mkdtempSync(join(tmpdir(), 'survey-bench-'));
  const file = join(dir, 'survey.csv');
  try {
    writeFileSync(file, bytes);
    const instance = await api.DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const t0 = performance.now();
    await conn.run(
      `CREATE TABLE t AS SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"')`,
    );
    const loadMs = performance.now() - t0;
    const info = (
      await conn.runAndReadAll(`SELECT version(), current_setting('threads')`)
    ).getRows()[0]!;
    return {
      conn,
      version: String(info[0]),
      threads: Number(info[1]),
      loadMs,
      close: () => {
        conn.closeSync();
        instance.closeSync();
      },
    };
  } catch (e) {
    return `DuckDB failed: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ident = (id: string): string => `"${id.replace(/"/g, '""')}"`;
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const split = (id: string): string => `unnest(string_split(${ident(id)}, ';'))`;

function where(bc: BenchCase): string {
  if (bc.filter === null) return '';
  return ` WHERE ${ident(bc.filter.questionId)} IN (${bc.filter.labels.map(literal).join(', ')})`;
}

function measures(bc: BenchCase): string {
  return bc.weighted ? 'count(*) AS n, sum(weight) AS w' : 'count(*) AS n';
}

/** One crosstab as SQL: columns r, c, n[, w]. */
function oneSql(bc: BenchCase, col: string, rowMulti: boolean, colMulti: boolean): string {
  const r = rowMulti ? split(bc.rows) : ident(bc.rows);
  if (!colMulti)
    return `SELECT r, c, ${measures(bc)} FROM (SELECT ${r} AS r, ${ident(col)} AS c, weight FROM t${where(bc)}) GROUP BY r, c`;
  const inner = `SELECT ${r} AS r, ${ident(col)} AS cm, weight FROM t${where(bc)}`;
  return `SELECT r, c, ${measures(bc)} FROM (SELECT r, ${split('cm')} AS c, weight FROM (${inner})) GROUP BY r, c`;
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));

function toCells(rows: unknown[][], ri: number, ci: number, vi: number): Cells {
  const out: Cells = new Map();
  for (const row of rows) {
    const r = row[ri];
    const c = row[ci];
    if (r === null || c === null || r === '' || c === '') continue;
    out.set(String(r) + SEP + String(c), num(row[vi]));
  }
  return out;
}

export async function duckCrosstab(
  peer: DuckPeer,
  bc: BenchCase,
  isMulti: (id: string) => boolean,
): Promise<Cells[]> {
  const rowMulti = isMulti(bc.rows);
  const vi = bc.weighted ? 3 : 2;
  const out: (Cells | null)[] = bc.cols.map(() => null);
  const singles = bc.cols.filter((c) => !isMulti(c));
  if (bc.cols.length > 1 && !rowMulti && singles.length > 1) {
    const sets = singles.map((c) => `(${ident(bc.rows)}, ${ident(c)})`).join(', ');
    const cols = singles.map(ident).join(', ');
    const sql = `SELECT ${ident(bc.rows)}, ${cols}, ${measures(bc)} FROM t${where(bc)} GROUP BY GROUPING SETS (${sets})`;
    const rows = (await peer.conn.runAndReadAll(sql)).getRows() as unknown[][];
    const w = bc.weighted ? singles.length + 2 : singles.length + 1;
    singles.forEach((c, k) => (out[bc.cols.indexOf(c)] = toCells(rows, 0, k + 1, w)));
  }
  for (let k = 0; k < bc.cols.length; k++) {
    if (out[k] !== null) continue;
    const col = bc.cols[k]!;
    const sql = oneSql(bc, col, rowMulti, isMulti(col));
    out[k] = toCells((await peer.conn.runAndReadAll(sql)).getRows() as unknown[][], 0, 1, vi);
  }
  return out.map((c) => c!);
}
