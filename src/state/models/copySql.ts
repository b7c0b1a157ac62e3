// "Copy as SQL": the DuckDB query for what a page shows, made by the same
// writers as `crosstab --sql` and `tabs --sql` (core/sql) from the survey's
// schema (how its file was read) and the view. The query reads the survey's
// original file by its name; the user points it at their copy. Where the view
// cannot be written as a query, the reason, never a wrong query.
import { isAnswerCount } from '../../core/crosstab/answerCount';
import type { Crosstab, CrosstabSpec, NetSpec } from '../../core/crosstab/types';
import type { DefinedBand } from '../../core/definition/definition';
import { fail, ok, type Result } from '../../core/result';
import type { Schema } from '../../core/schema/types';
import { crosstabSql, type SqlSource } from '../../core/sql/crosstab';
import { copySqlMessages as M, problem } from '../../core/messages';
import { commentText } from '../../core/sql/quote';
import { tabsSql } from '../../core/sql/tabs';
import type { RespondentTable } from '../../core/table/types';
import type { TabSpec } from '../../core/tabs/types';
import type { CrosstabNet, CrosstabView } from '../url/view';
import { crosstabTable } from './crosstabModel';
import { tabSpecOf, type TabBookRequest } from './tabBookBuild';
import type { LibraryEntry } from './library';

/**
 * How the survey's file was read (column names in file order, header lines,
 * questions): kept with a survey imported since the library records it
 * (StoredSurvey.schema); null for older ones.
 */
const schemaOf = (entry: LibraryEntry): Schema | null =>
  (entry as LibraryEntry & { schema?: Schema | null }).schema ?? null;

interface Readable {
  schema: Schema;
  table: RespondentTable;
  source: SqlSource;
}

/** The survey's file as DuckDB reads it, or why no query can read it. */
function readable(entry: LibraryEntry): Result<Readable> {
  const why = (message: string) => fail(problem('sql-no-query', message));
  if (entry.table === null) return why(M.notRespondents);
  const schema = schemaOf(entry);
  const read = entry.definition;
  if (schema === null || read === null) return why(M.noDefinition);
  const extension = /\.([^.]*)$/.exec(entry.file)?.[1]?.toLowerCase() ?? '';
  if (extension === 'sav' || extension === 'zsav') return why(M.notText);
  if (extension === 'parquet')
    return ok({ schema, table: entry.table, source: { kind: 'parquet', path: entry.file } });
  if (read.delimiter === undefined) return why(M.noDefinition);
  return ok({
    schema,
    table: entry.table,
    source: {
      kind: 'csv',
      path: entry.file,
      delimiter: read.delimiter,
      ...(read.encoding === undefined ? {} : { encoding: read.encoding }),
    },
  });
}

/** The query with a first line saying which file it reads. */
const withFileNote = (file: string, sql: string): string =>
  `-- ${commentText(M.fileNote(file))}\n${sql}`;

/** The nets of an axis as the engine named them: options and "all" from the view, labels from the table. */
function netsOf(axis: Crosstab['rows'], nets: readonly CrosstabNet[]): NetSpec[] {
  const first = axis.labels.length - nets.length;
  return nets.map((n, j) => ({
    label: axis.labels[first + j]!,
    options: n.options,
    ...(n.all ? { all: true } : {}),
  }));
}

/**
 * The crosstab page's table as one query: the rows, columns, nets and weight
 * of `shown` (the engine's result for the view) and the view's filter.
 */
export function crosstabQuery(
  entry: LibraryEntry,
  view: CrosstabView,
  shown: Crosstab,
): Result<string> {
  const r = readable(entry);
  if (!r.ok) return r;
  const rows = shown.rows.question;
  const cols = shown.cols.question;
  const made = [
    rows.id,
    ...(cols.type === 'total' ? [] : [cols.id]),
    ...view.filters.map((f) => f.question),
  ];
  const derived = made.find((id) => isAnswerCount(id));
  if (derived !== undefined) {
    const text =
      crosstabTable(r.value.table).columns.find((c) => c.id === derived)?.text ?? derived;
    return fail(problem('sql-no-query', M.answerCount(text)));
  }
  const spec: CrosstabSpec = {
    rows: { questionId: rows.id, nets: netsOf(shown.rows, view.rowNets) },
    cols:
      cols.type === 'total'
        ? null
        : { questionId: cols.id, nets: netsOf(shown.cols, view.colNets) },
    filter: view.filters.map((f) => ({ questionId: f.question, options: f.options })),
    weightId: shown.weightId,
  };
  const sql = crosstabSql({ ...r.value, spec });
  return sql.ok
    ? ok(withFileNote(entry.file, sql.value))
    : fail(problem('sql-no-query', sql.error.message));
}

/**
 * The tab-book page's book as one query: the banner (and its bands), rows,
 * nets and weight of the request it was built from, planned as the book is
 * (tabSpecOf).
 */
export function tabBookRequestQuery(
  entry: LibraryEntry,
  table: RespondentTable,
  request: TabBookRequest,
): Result<string> {
  const planned = tabSpecOf(table, request);
  if (!planned.ok) return fail(problem('sql-no-query', planned.error.message));
  const { table: banded, spec, rows } = planned.value;
  return tabBookQuery(entry, banded, { ...spec, rows }, request.banner.bands ?? []);
}

/**
 * A tab book's counts as one query: `table` is the survey's table with the
 * bands `spec` names, made from `bands`.
 */
export function tabBookQuery(
  entry: LibraryEntry,
  table: RespondentTable,
  spec: TabSpec,
  bands: readonly DefinedBand[] = [],
): Result<string> {
  const r = readable(entry);
  if (!r.ok) return r;
  const sql = tabsSql({ source: r.value.source, schema: r.value.schema, table, spec, bands });
  return sql.ok
    ? ok(withFileNote(entry.file, sql.value))
    : fail(problem('sql-no-query', sql.error.message));
}
