// crosstabSql(): the engine's crosstab counts as one DuckDB query, for files
// larger than a browser tab holds. The query carries every decision the
// survey's definition made (which columns make which question, missing
// values, batteries and separators, the weight) and the view's (nets,
// filter, weight), and returns row_label, col_label and count: the engine's
// `counts` (weighted when the view is), one row per non-empty cell.
//
// It is built from the pieces in ./query.ts, which tabsSql() shares.
import type { CrosstabSpec } from '../crosstab/types';
import { ok, type Result } from '../result';
import type { Schema } from '../schema/types';
import type { RespondentTable } from '../table/types';
import {
  addAxis,
  addFilter,
  addWeight,
  labelsItem,
  pairCount,
  queryText,
  startQuery,
} from './query';
import type { SqlSource } from './source';

export type { SqlSource } from './source';

export interface CrosstabSqlInput {
  source: SqlSource;
  /** The loaded survey's schema: which source columns make which question, and how. */
  schema: Schema;
  spec: CrosstabSpec;
  /**
   * The loaded table, only to name options given by number (nets, filters)
   * of questions whose answers come from the data; a battery's options are
   * the schema's own, so it needs none.
   */
  table?: RespondentTable;
}

/**
 * The DuckDB query counting `spec` over `source` as crosstab() counts it over
 * the loaded table: columns row_label, col_label ('Total' for a one-way
 * table) and count, ordered by label.
 */
export function crosstabSql(input: CrosstabSqlInput): Result<string> {
  const { schema, spec } = input;
  const started = startQuery(input.source, schema, input.table);
  if (!started.ok) return started;
  const parts = started.value;

  const rows = addAxis(parts, 'row', spec.rows);
  if (!rows.ok) return rows;
  const cols = spec.cols === null ? null : addAxis(parts, 'col', spec.cols);
  if (cols !== null && !cols.ok) return cols;
  const filtered = addFilter(parts, spec.filter ?? []);
  if (!filtered.ok) return filtered;
  const weighted = addWeight(parts, spec.weightId === undefined ? schema.weightId : spec.weightId);
  if (!weighted.ok) return weighted;

  const header = [
    `Survey Workbench crosstab: rows "${rows.value.title}", columns ${cols === null ? 'Total' : `"${cols.value.title}"`}.`,
  ];
  const labelled = [
    labelsItem(rows.value, 'row'),
    ...(cols === null ? [] : [labelsItem(cols.value, 'col')]),
  ];
  const final = [
    ...pairCount(parts, {
      rows: { axis: rows.value, name: 'row' },
      cols: cols === null ? 'total' : { axis: cols.value, name: 'col' },
    }),
    'ORDER BY row_label, col_label;',
  ];
  return ok(queryText(parts, header, labelled, final));
}
