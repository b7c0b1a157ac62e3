// Finding the columns a crosstab or a filter names, with errors that list the
// valid choices instead of throwing.
import type {
  Column,
  MultiColumn,
  NumericColumn,
  RespondentTable,
  SingleColumn,
} from '../table/types';
import { fail, ok, type Result } from '../result';
import { problem } from '../messages';

export type Categorical = SingleColumn | MultiColumn;

export function isCategorical(column: Column): column is Categorical {
  return column.type === 'single' || column.type === 'multi';
}

/** A single or multi-answer column by id, or else by exact question text. */
export function categoricalColumn(table: RespondentTable, idOrText: string): Result<Categorical> {
  const column =
    table.columns.find((c) => c.id === idOrText) ?? table.columns.find((c) => c.text === idOrText);
  if (column === undefined) {
    const valid = table.columns.filter(isCategorical).map((c) => c.id);
    return fail(problem('crosstab-unknown-question', idOrText, valid));
  }
  if (!isCategorical(column)) {
    return fail(problem('crosstab-not-categorical', column.id, column.type));
  }
  return ok(column);
}

export function numericColumn(table: RespondentTable, id: string): Result<NumericColumn> {
  const column = table.columns.find((c) => c.id === id);
  if (column === undefined || column.type !== 'numeric') {
    const valid = table.columns.filter((c) => c.type === 'numeric').map((c) => c.id);
    return fail(problem('crosstab-unknown-weight', id, valid));
  }
  return ok(column);
}

/** The label index of an option named by its exact label. */
export function optionIndex(column: Categorical, label: string): Result<number> {
  const index = column.labels.indexOf(label);
  if (index < 0) {
    return fail(problem('crosstab-unknown-option', column.id, label, column.labels));
  }
  return ok(index);
}
