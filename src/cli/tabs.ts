// `tabs <file> --banner <q>[,<q>...] [--rows <q>[,<q>...]] [--where <q>=<option>]...
//   [--band <q>=<cut>,...]... [--nets top2bottom2] [--compare group|rest]
//   [--correction none|bonferroni|bh] [--level 95[/90]] [--no-tests]
//   [--json | --xlsx <out.xlsx> [--one-sheet]] [shared flags]`:
// the TabBook (src/core/tabs/types.ts) as JSON, with the load's warnings appended
// to its own, or the same book written as an Excel workbook. Questions are named
// by id or exact text; a comma inside a question's text is read as part of it
// when the pieces together name a question. "<outer>/<inner>" on the banner
// nests inner within outer. A --band makes <question>_band, and a numeric
// question named on the banner stands there as its band. Without --banner, the
// banner saved in the survey definition is used (its bands too; a --band of
// the same question replaces the saved one).
import { writeFile } from 'node:fs/promises';
import { cliMessages as M, located, problem } from '../core/messages';
import { fail, ok } from '../core/result';
import type { Result } from '../core/result';
import type { DefinedBand, DefinedBanner } from '../core/definition/definition';
import { resolveDefinedBanner, withBands } from '../core/definition/banner';
import type { RespondentTable } from '../core/table/types';
import { findColumn } from '../core/tabs/columns';
import { defaultRows } from '../core/tabs/rows';
import { tabs } from '../core/tabs/tabs';
import type { BannerColumn, TabBook, TabSpec } from '../core/tabs/types';
import { tabBookXlsx } from '../core/tabs/xlsx';
import type { TabsArgs } from './args';
import { whereFilter } from './crosstab';
import { openSurvey } from './open';
import { printJson, runCommand } from './run';
import { tabsSqlFor } from './sql';

export function runTabs(argv: readonly string[]): Promise<number> {
  return runCommand('tabs', argv, async (args) => {
    if (args.sql === true) {
      // The book's counts as one DuckDB query over the same file (core/sql), instead of the book.
      const opened = await openSurvey(args);
      if (!opened.ok) return opened;
      const query = tabsSqlFor(args, opened.value);
      return query.ok ? ok(`${query.value}\n`) : query;
    }
    const book = await tabsFile(args);
    if (!book.ok) return book;
    if (args.xlsx === null) return ok(printJson(book.value));
    const bytes = await tabBookXlsx(book.value, {
      layout: args.oneSheet ? 'one-sheet' : 'sheets',
    });
    try {
      await writeFile(args.xlsx, bytes);
    } catch (e) {
      return fail(
        problem('cli-cannot-write', args.xlsx, e instanceof Error ? e.message : String(e)),
      );
    }
    return ok(`${M.wroteXlsx(args.xlsx, book.value.tables.length)}\n`);
  });
}

/** Opens a survey file as the app does and makes its tab book. */
export async function tabsFile(
  args: Omit<TabsArgs, 'json' | 'xlsx' | 'oneSheet'>,
): Promise<Result<TabBook>> {
  const opened = await openSurvey(args);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  if (loaded.kind !== 'respondents')
    return fail(located({ file: args.file }, problem('cli-not-respondents')));
  const resolved = resolveTabSpec(loaded.table, args, loaded.definition.banner ?? null);
  if (!resolved.ok) return resolved;
  const book = tabs(resolved.value.table, resolved.value.spec);
  if (!book.ok) return book;
  return ok({ ...book.value, warnings: [...book.value.warnings, ...loaded.detected.warnings] });
}

/**
 * The bands added to the table, and the flags as a TabSpec over it. `saved`:
 * the survey definition's banner, used when --banner is not given.
 */
export function resolveTabSpec(
  table: RespondentTable,
  args: Pick<TabsArgs, 'banner' | 'rows' | 'where' | 'bands' | 'nets' | 'tests' | 'weight'>,
  saved: DefinedBanner | null = null,
): Result<{ table: RespondentTable; spec: TabSpec; bands: DefinedBand[] }> {
  // --band flags, then the saved bands of other questions.
  const flagged = new Set(args.bands.map((b) => findColumn(table, b.question)?.id ?? b.question));
  const bands: DefinedBand[] = [
    ...args.bands,
    ...(saved?.bands ?? []).filter((b) => !flagged.has(findColumn(table, b.question)?.id ?? '')),
  ];
  let data: RespondentTable;
  let banner: BannerColumn[];
  if (args.banner.trim() === '') {
    if (saved === null) return fail(problem('tabs-no-banner'));
    const resolved = resolveDefinedBanner(table, { columns: saved.columns, bands });
    if (!resolved.ok) return resolved;
    data = resolved.value.table;
    banner = resolved.value.columns;
  } else {
    const banded = withBands(table, bands);
    if (!banded.ok) return banded;
    data = banded.value.table;
    const { idOf } = banded.value;
    banner = [];
    for (const item of questionList(data, args.banner, true)) {
      const slash = named(data, item) ? -1 : item.lastIndexOf('/');
      if (slash > 0)
        banner.push({ question: idOf(item.slice(slash + 1)), within: idOf(item.slice(0, slash)) });
      else banner.push(idOf(item));
    }
  }
  const filter = whereFilter(data, args.where);
  if (!filter.ok) return filter;
  const spec: TabSpec = { banner, filter: filter.value, tests: args.tests ?? false };
  // Every question of the file by default, not the bands made for the banner.
  spec.rows =
    args.rows === null
      ? defaultRows(table, args.weight === undefined ? table.weightId : args.weight).map(
          (c) => c.id,
        )
      : questionList(data, args.rows, false);
  if (args.nets !== null) spec.nets = args.nets;
  // The survey's decided weight unless a flag decided (openSurvey applied it already).
  if (args.weight !== undefined) spec.weightId = args.weight;
  return ok({ table: data, spec, bands });
}

const named = (table: RespondentTable, name: string): boolean =>
  table.columns.some((c) => c.id === name || c.text === name);

/**
 * A comma-separated list of questions, where a question's text may itself hold
 * commas: pieces are joined while that names a question ("Which apps, if any?").
 * On the banner a piece may also be "<outer>/<inner>".
 */
function questionList(table: RespondentTable, list: string, nesting: boolean): string[] {
  const pieces = list.split(',');
  const known = (name: string) =>
    named(table, name) ||
    (nesting && name.includes('/') && named(table, name.slice(name.lastIndexOf('/') + 1)));
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let found = -1;
    for (let j = i; j < pieces.length && found < 0; j++)
      if (
        known(
          pieces
            .slice(i, j + 1)
            .join(',')
            .trim(),
        )
      )
        found = j;
    const end = found < 0 ? i : found;
    const name = pieces
      .slice(i, end + 1)
      .join(',')
      .trim();
    if (name !== '') out.push(name);
    i = end;
  }
  return out;
}
