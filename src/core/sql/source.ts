// The FROM clause: the same file the engine read, as DuckDB should read it.
//
// A CSV is read with sniffing off (auto_detect = false) and every setting
// given: the delimiter and encoding the engine used, RFC 4180 quotes, every
// column VARCHAR, and the engine's own column names. The sniffer could
// otherwise guess another dialect, skip "dirty" first lines, or take a `#`
// for a comment, and DuckDB would name columns its own way (a blank header
// cell, duplicates, a two-line header). Column names are given in `columns`,
// so the header line is skipped, never read: the query refers to columns by
// the names the survey's definition uses.
import type { Delimiter } from '../csv/delimiter';
import type { EncodingName } from '../csv/encoding';
import { fail, ok, type Result } from '../result';
import type { Schema } from '../schema/types';
import { problem, sqlMessages as M } from '../messages';
import { checkWritable, ident, literal } from './quote';

export type SqlSource =
  | { kind: 'csv'; path: string; delimiter: Delimiter; encoding?: EncodingName }
  /** A Parquet file (or a glob of them) with the survey's columns, best all VARCHAR (see README). */
  | { kind: 'parquet'; path: string };

/**
 * The SQL name of each source column. DuckDB compares identifiers ignoring
 * case, so two headers that differ only in case ("Q1", "q1") would be one
 * column to it; the later one is renamed "q1_2" (then _3…). SQL has no empty
 * identifier: a blank name becomes "Column 3", as the engine names a blank
 * header cell. Every other name is the engine's own.
 */
export function sqlColumnNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((original, i) => {
    const name = original === '' ? `Column ${i + 1}` : original;
    let out = name;
    for (let k = 2; seen.has(out.toLowerCase()); k++) out = `${name}_${k}`;
    seen.add(out.toLowerCase());
    return out;
  });
}

/**
 * The encodings DuckDB reads natively, and the names its `encodings`
 * extension (ICU converters) gives the others. The engine names encodings as
 * the WHATWG Encoding Standard (TextDecoder) does.
 */
const DUCKDB_ENCODING: Record<Exclude<EncodingName, 'utf-16be'>, string> = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16',
  gb18030: 'gb18030',
  'windows-1252': 'windows-1252-2000',
  macintosh: 'macos-0_2-10.2',
};
const NATIVE = new Set(['utf-8', 'utf-16']);

export interface SourceClause {
  /** `read_csv(…)` or `read_parquet(…)`. */
  from: string;
  /** SQL text of each source column (by index in schema.columnNames), VARCHAR or NULL. */
  column(index: number): string;
  /** Comment lines the query should start with (e.g. an extension it needs). */
  notes: string[];
}

export function sourceClause(source: SqlSource, schema: Schema): Result<SourceClause> {
  const checked = checkWritable([source.path], 'file path');
  if (!checked.ok) return checked;
  const names = sqlColumnNames(schema.columnNames);
  const named = checkWritable(names, 'column name');
  if (!named.ok) return named;
  if (source.kind === 'parquet') {
    // Parquet columns may be typed (a DOUBLE weight, an INTEGER code): read as
    // text, like the CSV cells the engine read.
    return ok({
      from: `read_parquet(${literal(source.path)})`,
      column: (i) => `CAST(${ident(names[i]!)} AS VARCHAR)`,
      notes: [],
    });
  }
  const encoding = source.encoding ?? 'utf-8';
  if (encoding === 'utf-16be') return fail(problem('sql-utf16be'));
  const duck = DUCKDB_ENCODING[encoding];
  const columns = names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ');
  const options = [
    literal(source.path),
    'auto_detect = false',
    'header = true',
    // A two-line header (labels under blank continuation cells): skip its first line too.
    `skip = ${schema.headerLines - 1}`,
    `delim = ${source.delimiter === '\t' ? "'\\t'" : literal(source.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `encoding = ${literal(duck)}`,
    // With sniffing off, strict mode takes the first line break in the file for
    // the only one, even inside quotes: an Excel header with a line break in a
    // cell (LF) before CRLF rows would read as no rows at all, silently.
    'strict_mode = false',
    `columns = {${columns}}`,
  ];
  return ok({
    from: `read_csv(${options.join(', ')})`,
    column: (i) => ident(names[i]!),
    notes: NATIVE.has(duck) ? [] : [M.needsEncodings(encoding)],
  });
}
