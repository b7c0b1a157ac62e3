// `crosstab <file> --rows <question> [--cols <question>] [--where <question>=<option>]...
//   [--no-tests] [shared flags]`: the Crosstab (src/core/crosstab/types.ts) as JSON, with the
// load's warnings appended to its own; NaN percents (base 0) print as null. A question is
// named by id or exact text, an option by its exact label. Several --where on one question
// are ORed; --where on different questions are ANDed. The weight is the decided one: the
// definition's, --weight's, or none (--no-weight, or no definition naming one).
import { crosstab } from '../core/crosstab/crosstab';
import type { Crosstab, CrosstabSpec } from '../core/crosstab/types';
import { categoricalColumn, optionIndex } from '../core/filter/columns';
import { located, problem } from '../core/messages';
import { fail, ok } from '../core/result';
import type { Result } from '../core/result';
import type { RespondentTable } from '../core/table/types';
import type { CrosstabArgs } from './args';
import { openSurvey } from './open';
import { crosstabSqlFor } from './sql';
import { printJson, runCommand } from './run';

export function runCrosstab(argv: readonly string[]): Promise<number> {
  return runCommand('crosstab', argv, async (args) => {
    if (args.sql === true) {
      // The same table as one DuckDB query over the same file (core/sql), instead of the table.
      const opened = await openSurvey(args);
      if (!opened.ok) return opened;
      const query = crosstabSqlFor(args, opened.value);
      return query.ok ? ok(`${query.value}\n`) : query;
    }
    const result = await crosstabFile(args);
    return result.ok ? ok(printJson(result.value)) : result;
  });
}

/**
 * --where question=option flags as filter conditions: questions by id or text,
 * options by label; several on one question are ORed, on different ones ANDed.
 */
export function whereFilter(
  table: RespondentTable,
  where: readonly { question: string; option: string }[],
): Result<{ questionId: string; options: number[] }[]> {
  const filter: { questionId: string; options: number[] }[] = [];
  for (const w of where) {
    const column = categoricalColumn(table, w.question);
    if (!column.ok) return column;
    const index = optionIndex(column.value, w.option);
    if (!index.ok) return index;
    const same = filter.find((f) => f.questionId === column.value.id);
    if (same !== undefined) same.options.push(index.value);
    else filter.push({ questionId: column.value.id, options: [index.value] });
  }
  return ok(filter);
}

/** Names to ids and labels to option indexes, with errors that list the valid choices. */
export function resolveCrosstabSpec(
  table: RespondentTable,
  args: Pick<CrosstabArgs, 'rows' | 'cols' | 'where' | 'tests'>,
): Result<CrosstabSpec> {
  const rows = categoricalColumn(table, args.rows);
  if (!rows.ok) return rows;
  let cols: string | null = null;
  if (args.cols !== null) {
    const found = categoricalColumn(table, args.cols);
    if (!found.ok) return found;
    cols = found.value.id;
  }
  const filter = whereFilter(table, args.where);
  if (!filter.ok) return filter;
  return ok({
    rows: { questionId: rows.value.id },
    cols: cols === null ? null : { questionId: cols },
    filter: filter.value,
    tests: args.tests,
  });
}

/** Opens a survey file as the app does and cross-tabulates it. */
export async function crosstabFile(args: Omit<CrosstabArgs, 'json'>): Promise<Result<Crosstab>> {
  const opened = await openSurvey(args);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  if (loaded.kind !== 'respondents')
    return fail(located({ file: args.file }, problem('cli-not-respondents')));
  const spec = resolveCrosstabSpec(loaded.table, args);
  if (!spec.ok) return spec;
  const x = crosstab(loaded.table, spec.value);
  if (!x.ok) return x;
  return ok({ ...x.value, warnings: [...x.value.warnings, ...loaded.detected.warnings] });
}
