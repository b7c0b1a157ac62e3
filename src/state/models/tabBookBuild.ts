// A tab book built one table at a time, so the page can show progress, stop
// part-way and show each table as it comes (src/app/tabsWorker.ts runs these
// off the page). Each table is the engine's tabs() for one row question
// against the whole banner, which is the same table tabs() makes in a book of
// every row question (tested): nothing here counts or tests.
import { resolveDefinedBanner } from '../../core/definition/banner';
import type { DefinedBanner } from '../../core/definition/definition';
import { fail, ok, type Result } from '../../core/result';
import type { RespondentTable } from '../../core/table/types';
import { defaultRows } from '../../core/tabs/rows';
import { tabs } from '../../core/tabs/tabs';
import type { TabBook, TabSpec, TabTable, TestSpec } from '../../core/tabs/types';
import { problem } from '../../core/messages';

/** What the page asks for: the banner, the rows, the tests, the nets. The weight is the survey's own. */
export interface TabBookRequest {
  banner: DefinedBanner;
  /** Row question ids, in order; null: every question (as the CLI's default). */
  rows: readonly string[] | null;
  tests: TestSpec;
  /** Top-2 and bottom-2 boxes on every ordered scale of four points or more. */
  nets: boolean;
}

/** The book without its tables: banner columns and groups, tests, weight, filter, warnings. */
export type BookHead = Omit<TabBook, 'tables'>;

export interface TabBookPlan {
  /** The survey's table with the banner's bands. */
  table: RespondentTable;
  spec: TabSpec;
  /** The row questions, one table each, in order. */
  rows: string[];
  head: BookHead;
}

/**
 * The request as the engine's spec: the banner resolved (its bands made into
 * columns of the returned table) and the row questions listed. The book and
 * its query (Copy as SQL, copySql.ts) are both made from this.
 */
export function tabSpecOf(
  table: RespondentTable,
  request: TabBookRequest,
): Result<Omit<TabBookPlan, 'head'>> {
  if (request.rows !== null && request.rows.length === 0) return fail(problem('tabs-no-rows'));
  const banner = resolveDefinedBanner(table, request.banner);
  if (!banner.ok) return banner;
  const rows = request.rows ?? defaultRows(table, table.weightId).map((c) => c.id);
  const spec: TabSpec = {
    banner: banner.value.columns,
    tests: request.tests,
    ...(request.nets ? { nets: 'top2bottom2' as const } : {}),
  };
  return ok({ table: banner.value.table, spec, rows: [...rows] });
}

/** The banner resolved, the rows listed and the book's head made: everything but the tables. */
export function planTabBook(table: RespondentTable, request: TabBookRequest): Result<TabBookPlan> {
  const planned = tabSpecOf(table, request);
  if (!planned.ok) return planned;
  // No rows: the book's head alone (its banner checked, its weight's exclusions counted).
  const head = tabs(planned.value.table, { ...planned.value.spec, rows: [] });
  if (!head.ok) return head;
  const { tables: _none, ...rest } = head.value;
  void _none;
  return ok({ ...planned.value, head: rest });
}

/** Table k of the plan (0-based). */
export function planTable(plan: TabBookPlan, k: number): Result<TabTable> {
  const book = tabs(plan.table, { ...plan.spec, rows: [plan.rows[k]!] });
  if (!book.ok) return book;
  return ok(book.value.tables[0]!);
}

/** The whole book at once, table by table: what the worker sends, put together. */
export function buildTabBook(table: RespondentTable, request: TabBookRequest): Result<TabBook> {
  const plan = planTabBook(table, request);
  if (!plan.ok) return plan;
  const tables: TabTable[] = [];
  for (let k = 0; k < plan.value.rows.length; k++) {
    const t = planTable(plan.value, k);
    if (!t.ok) return t;
    tables.push(t.value);
  }
  return ok({ ...plan.value.head, tables });
}
