// `crosstab … --sql` and `tabs … --sql`: instead of the table (or the tab
// book), the DuckDB query that counts it over the same file (src/core/sql),
// for files larger than the CLI or a browser tab can hold. Questions,
// options and the weight are named and decided exactly as for the table
// (resolveCrosstabSpec, resolveTabSpec, the same load), and the query reads
// the file with the encoding and delimiter the load used.
import { located, problem, savMessages } from '../core/messages';
import type { Loaded } from '../core/pipeline';
import { fail, ok, type Result } from '../core/result';
import { crosstabSql, type SqlSource } from '../core/sql/crosstab';
import { tabsSql } from '../core/sql/tabs';
import type { CrosstabArgs, TabsArgs } from './args';
import { resolveCrosstabSpec } from './crosstab';
import { resolveTabSpec } from './tabs';

type Respondents = Extract<Loaded, { kind: 'respondents' }>;

/** The file as DuckDB should read it: as the load read it. */
function sourceOf(
  file: string,
  loaded: Loaded,
): Result<{ loaded: Respondents; source: SqlSource }> {
  if (loaded.kind !== 'respondents') return fail(located({ file }, problem('cli-not-respondents')));
  // An SPSS file has no text form DuckDB reads; its load says so in its own words.
  if (loaded.detected.delimiterReason === savMessages.delimiterReason)
    return fail(located({ file }, problem('sql-not-text')));
  return ok({
    loaded,
    source: {
      kind: 'csv',
      path: file,
      delimiter: loaded.detected.delimiter,
      encoding: loaded.detected.encoding,
    },
  });
}

/** The query text for the table `args` asks of the loaded survey (ends with a newline). */
export function crosstabSqlFor(
  args: Pick<CrosstabArgs, 'file' | 'rows' | 'cols' | 'where' | 'tests'>,
  loaded: Loaded,
): Result<string> {
  const read = sourceOf(args.file, loaded);
  if (!read.ok) return read;
  const spec = resolveCrosstabSpec(read.value.loaded.table, args);
  if (!spec.ok) return spec;
  const sql = crosstabSql({
    source: read.value.source,
    schema: read.value.loaded.schema,
    spec: spec.value,
    table: read.value.loaded.table,
  });
  return sql.ok ? sql : fail({ ...sql.error, file: args.file });
}

/** The query text for the counts of the tab book `args` asks of the loaded survey (ends with a newline). */
export function tabsSqlFor(
  args: Pick<
    TabsArgs,
    'file' | 'banner' | 'rows' | 'where' | 'bands' | 'nets' | 'tests' | 'weight'
  >,
  loaded: Loaded,
): Result<string> {
  const read = sourceOf(args.file, loaded);
  if (!read.ok) return read;
  const { table, definition } = read.value.loaded;
  const resolved = resolveTabSpec(table, args, definition.banner ?? null);
  if (!resolved.ok) return resolved;
  const sql = tabsSql({
    source: read.value.source,
    schema: read.value.loaded.schema,
    table: resolved.value.table,
    spec: resolved.value.spec,
    bands: resolved.value.bands,
  });
  return sql.ok ? sql : fail({ ...sql.error, file: args.file });
}
