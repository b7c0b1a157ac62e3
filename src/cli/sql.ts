// `crosstab … --sql`: instead of the table, the DuckDB query that counts it
// over the same file (src/core/sql), for files larger than the CLI or a
// browser tab can hold. Questions, options and the weight are named and
// decided exactly as for the table (resolveCrosstabSpec, the same load), and
// the query reads the file with the encoding and delimiter the load used.
import { cliMessages as M, savMessages } from '../core/messages';
import type { Loaded } from '../core/pipeline';
import { fail, type Result } from '../core/result';
import { crosstabSql } from '../core/sql/crosstab';
import { sqlMessages as SM } from '../core/messages';
import type { CrosstabArgs } from './args';
import { resolveCrosstabSpec } from './crosstab';

/** The query text for the table `args` asks of the loaded survey (ends with a newline). */
export function crosstabSqlFor(
  args: Pick<CrosstabArgs, 'file' | 'rows' | 'cols' | 'where' | 'tests'>,
  loaded: Loaded,
): Result<string> {
  if (loaded.kind !== 'respondents')
    return fail({ code: 'crosstab-not-respondents', message: M.notRespondents, file: args.file });
  // An SPSS file has no text form DuckDB reads; its load says so in its own words.
  if (loaded.detected.delimiterReason === savMessages.delimiterReason)
    return fail({ code: 'sql-not-text', message: SM.savNotRead, file: args.file });
  const spec = resolveCrosstabSpec(loaded.table, args);
  if (!spec.ok) return spec;
  const sql = crosstabSql({
    source: {
      kind: 'csv',
      path: args.file,
      delimiter: loaded.detected.delimiter,
      encoding: loaded.detected.encoding,
    },
    schema: loaded.schema,
    spec: spec.value,
    table: loaded.table,
  });
  return sql.ok ? sql : fail({ ...sql.error, file: args.file });
}
