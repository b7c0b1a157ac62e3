// `tabs <file> --banner <q>[,<q>...] [--rows <q>[,<q>...]] [--where <q>=<option>]...
//   [--band <q>=<cut>,...]... [--nets top2bottom2] [--compare group|rest]
//   [--correction none|bonferroni|bh] [--level 95[/90]] [--no-tests]
//   [--json | --xlsx <out.xlsx> [--one-sheet]] [shared flags]`:
// the TabBook (src/core/tabs/types.ts) as JSON, with the load's warnings appended
// to its own, or the same book written as an Excel workbook. Questions are named
// by id or exact text; a comma inside a question's text is read as part of it
// when the pieces together name a question. "<outer>/<inner>" on the banner
// nests inner within outer. A --band makes <question>_band, and a numeric
// question named on the banner stands there as its band.
import { writeFile } from 'node:fs/promises';
import { cliMessages as M } from '../core/messages';
import { fail, ok } from '../core/result';
import type { Result } from '../core/result';
import type { Column, RespondentTable } from '../core/table/types';
import { band, withColumns } from '../core/tabs/band';
import { defaultRows } from '../core/tabs/rows';
import { tabs } from '../core/tabs/tabs';
import type { BannerColumn, TabBook, TabSpec } from '../core/tabs/types';
import { tabBookXlsx } from '../core/tabs/xlsx';
import type { TabsArgs } from './args';
import { whereFilter } from './crosstab';
import { openSurvey } from './open';
import { printJson, runCommand } from './run';

export function runTabs(argv: readonly string[]): Promise<number> {
  return runCommand('tabs', argv, async (args) => {
    const book = await tabsFile(args);
    if (!book.ok) return book;
    if (args.xlsx === null) return ok(printJson(book.value));
    const bytes = await tabBookXlsx(book.value, {
      layout: args.oneSheet ? 'one-sheet' : 'sheets',
    });
    try {
      await writeFile(args.xlsx, bytes);
    } catch (e) {
      return fail({
        code: 'cli-cannot-write',
        message: M.cannotWrite(args.xlsx, e instanceof Error ? e.message : String(e)),
      });
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
    return fail({ code: 'tabs-not-respondents', message: M.notRespondents, file: args.file });
  const resolved = resolveTabSpec(loaded.table, args);
  if (!resolved.ok) return resolved;
  const book = tabs(resolved.value.table, resolved.value.spec);
  if (!book.ok) return book;
  return ok({ ...book.value, warnings: [...book.value.warnings, ...loaded.detected.warnings] });
}

/** The bands added to the table, and the flags as a TabSpec over it. */
export function resolveTabSpec(
  table: RespondentTable,
  args: Pick<TabsArgs, 'banner' | 'rows' | 'where' | 'bands' | 'nets' | 'tests' | 'weight'>,
): Result<{ table: RespondentTable; spec: TabSpec }> {
  const banded: Column[] = [];
  const bandOf = new Map<string, string>();
  for (const b of args.bands) {
    const column = band(table, b.question, b.cuts);
    if (!column.ok) return column;
    banded.push(column.value);
    const source = table.columns.find((c) => c.id === b.question || c.text === b.question)!;
    bandOf.set(source.id, column.value.id);
  }
  const withBands = banded.length === 0 ? ok(table) : withColumns(table, banded);
  if (!withBands.ok) return withBands;
  const data = withBands.value;
  const idOf = (name: string): string => {
    const column =
      data.columns.find((c) => c.id === name) ?? data.columns.find((c) => c.text === name);
    return column === undefined ? name : (bandOf.get(column.id) ?? column.id);
  };

  const banner: BannerColumn[] = [];
  for (const item of questionList(data, args.banner, true)) {
    const slash = named(data, item) ? -1 : item.lastIndexOf('/');
    if (slash > 0)
      banner.push({ question: idOf(item.slice(slash + 1)), within: idOf(item.slice(0, slash)) });
    else banner.push(idOf(item));
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
  return ok({ table: data, spec });
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
