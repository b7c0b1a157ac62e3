// Which questions are rows, and each row's nets: as given, or the top-2 and
// bottom-2 boxes of an ordered scale.
import type { NetSpec } from '../crosstab/types';
import { problem, tabsMessages as M } from '../messages';
import { fail, ok, type Result } from '../result';
import type { Column, NumericColumn, RespondentTable } from '../table/types';
import { findColumn } from './columns';
import { orderedScale, type OrderedScale } from './scale';
import type { RowNets, TabSpec } from './types';

export type RowQuestion = Exclude<Column, { type: 'text' }>;

/**
 * The rows of a tab book when none are named: every single, multi and numeric
 * question but the weight, the respondent id and the columns of a battery
 * (whose options the battery's own table shows).
 */
export function defaultRows(table: RespondentTable, weightId: string | null): RowQuestion[] {
  const skip = new Set([weightId, table.weightId, table.idColumnId]);
  return table.columns.filter(
    (c): c is RowQuestion => c.type !== 'text' && !skip.has(c.id) && c.memberOf === undefined,
  );
}

/** The row questions named (by id or text), or by default every question but the weight, the id and battery members. */
export function rowQuestions(
  table: RespondentTable,
  named: readonly string[] | undefined,
  weightId: string | null,
): Result<RowQuestion[]> {
  if (named === undefined) return ok(defaultRows(table, weightId));
  const out: RowQuestion[] = [];
  for (const name of named) {
    const column = findColumn(table, name);
    if (column === undefined) {
      const valid = table.columns.filter((c) => c.type !== 'text').map((c) => c.id);
      return fail(problem('crosstab-unknown-question', name, valid));
    }
    if (column.type === 'text') return fail(problem('tabs-text-row', column.id));
    out.push(column);
  }
  return ok(out);
}

export function netsByRow(
  nets: TabSpec['nets'],
  rows: readonly RowQuestion[],
): Result<Map<string, RowNets>> {
  const out = new Map<string, RowNets>();
  if (nets === undefined || nets === 'top2bottom2') return ok(out);
  for (const [id, n] of Object.entries(nets)) {
    const row = rows.find((r) => r.id === id || r.text === id);
    if (row === undefined)
      return fail(
        problem(
          'tabs-nets-not-row',
          id,
          rows.map((r) => r.id),
        ),
      );
    out.set(row.id, n);
  }
  return ok(out);
}

export interface CategoricalRow {
  column: Exclude<RowQuestion, NumericColumn>;
  nets: readonly NetSpec[];
  scale: OrderedScale | null;
  /** The nets are the scale's top-2 and bottom-2 boxes. */
  boxes: boolean;
}

/** A row question's nets: as given, or its scale's boxes when asked for. */
export function rowNets(
  column: Exclude<RowQuestion, NumericColumn>,
  asked: RowNets | null,
  everyScale: boolean,
): Result<Omit<CategoricalRow, 'column'>> {
  const scale = column.type === 'single' ? orderedScale(column.labels) : null;
  if (asked === 'top2bottom2' || (asked === null && everyScale)) {
    if (scale !== null && scale.top2.length > 0)
      return ok({
        nets: [
          { label: M.top2, options: scale.top2 },
          { label: M.bottom2, options: scale.bottom2 },
        ],
        scale,
        boxes: true,
      });
    if (asked === 'top2bottom2') return fail(problem('tabs-not-a-scale', column.id, column.labels));
  }
  return ok({
    nets: typeof asked === 'string' || asked === null ? [] : asked,
    scale,
    boxes: false,
  });
}
