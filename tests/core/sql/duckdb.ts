// TEST-ONLY: runs crosstabSql()'s queries in DuckDB (@duckdb/node-api, a
// devDependency, opened as perf/peers/duckdb.ts opens it) and compares their
// rows with the engine's crosstab() cell by cell.
import { expect } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { Crosstab, CrosstabSpec } from '../../../src/core/crosstab/types';
import type { Loaded } from '../../../src/core/pipeline';
import { crosstabSql, type SqlSource } from '../../../src/core/sql/crosstab';
import { expectRelClose } from '../../support/numbers';

export interface Duck {
  conn: DuckDBConnection;
  /** The query's rows, BIGINT as number. */
  rows(sql: string): Promise<unknown[][]>;
  /** How many statements DuckDB's parser finds in `sql`. */
  statements(sql: string): Promise<number>;
  close(): void;
}

/** DuckDB in memory, or a sentence saying why it is not available (the native binding did not load). */
export async function openDuck(): Promise<Duck | string> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch (e) {
    return `@duckdb/node-api did not load: ${(e as Error).message.split('\n')[0]}`;
  }
  try {
    const instance = await api.DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    return {
      conn,
      rows: async (sql) =>
        (await conn.runAndReadAll(sql))
          .getRows()
          .map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v))),
      statements: async (sql) => (await conn.extractStatements(sql)).count,
      close: () => {
        conn.closeSync();
        instance.closeSync();
      },
    };
  } catch (e) {
    return `DuckDB did not start: ${(e as Error).message.split('\n')[0]}`;
  }
}

/**
 * Expects the query's rows (row_label, col_label, count) to be the engine's
 * table: every cell with respondents is there with the same count (weighted
 * counts to 1e-9 relative), and nothing else. Returns the cells compared.
 */
export function expectSameCounts(x: Crosstab, rows: unknown[][], what: string): number {
  const sql = new Map<string, number>();
  for (const [r, c, n] of rows) {
    expect(typeof r, `${what}: row_label`).toBe('string');
    expect(typeof c, `${what}: col_label`).toBe('string');
    const key = JSON.stringify([r, c]);
    expect(sql.has(key), `${what}: ${key} twice`).toBe(false);
    sql.set(key, Number(n));
  }
  const seen = new Set<string>();
  let cells = 0;
  x.rows.labels.forEach((r, i) =>
    x.cols.labels.forEach((c, j) => {
      const key = JSON.stringify([r, c]);
      expect(seen.has(key), `${what}: the engine has two cells ${key}`).toBe(false);
      seen.add(key);
      cells++;
      const got = sql.get(key);
      if (x.unweightedCounts[i]![j] === 0) {
        expect(got, `${what}: empty cell ${key}`).toBeUndefined();
        return;
      }
      expect(got, `${what}: cell ${key}`).toBeDefined();
      expectRelClose(got!, x.counts[i]![j]!, 1e-9, `${what}: ${key}`);
    }),
  );
  for (const key of sql.keys()) expect(seen.has(key), `${what}: extra cell ${key}`).toBe(true);
  return cells;
}

type Respondents = Extract<Loaded, { kind: 'respondents' }>;

/**
 * Writes the query for `spec` over `source`, checks that DuckDB parses it as
 * one statement, runs it and compares it with the engine's crosstab() of the
 * loaded table. Returns the cells compared.
 */
export async function expectSqlMatches(
  duck: Duck,
  loaded: Respondents,
  source: SqlSource,
  spec: CrosstabSpec,
  what: string,
): Promise<number> {
  const sql = crosstabSql({ source, schema: loaded.schema, spec, table: loaded.table });
  if (!sql.ok) throw new Error(`${what}: ${sql.error.code}: ${sql.error.message}`);
  expect(await duck.statements(sql.value), `${what}: statements`).toBe(1);
  const x = crosstab(loaded.table, spec);
  if (!x.ok) throw new Error(`${what}: engine: ${x.error.message}`);
  return expectSameCounts(x.value, await duck.rows(sql.value), what);
}
