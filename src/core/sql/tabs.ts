// tabsSql(): a tab book's counts (src/core/tabs) as one DuckDB query. Every
// categorical row question (its nets and top-2/bottom-2 boxes included) is
// paired with Total and with each banner question, exactly as crosstabSql()
// pairs one row question with one column question (the pieces of ./query.ts):
// one counting SELECT per pair, all of them over one materialised
// `respondents`, joined by UNION ALL. Columns: row_question, row_label,
// col_question, col_label, count (the sum of weights when weighted), one row
// per non-empty cell, in the book's order of questions.
//
// The banner as tabs() builds it: a question (single or multi-answer); a
// numeric question banded by cut points (band.ts: the band is the number of
// cuts at or below the value, labelled as the book labels it); one single
// question nested within another (col_question "outer/inner", col_label
// "outer option / inner option", the nested column's own label). Numeric row
// questions have means, not counts: the header names them and they are left
// out.
import type { AxisSpec } from '../crosstab/types';
import type { DefinedBand } from '../definition/definition';
import { problem, sqlMoreMessages as M, tabsMessages } from '../messages';
import { fail, ok, type Result } from '../result';
import type { Schema } from '../schema/types';
import type { RespondentTable, SingleColumn } from '../table/types';
import { band } from '../tabs/band';
import { findColumn, resolveBanner } from '../tabs/columns';
import { netsByRow, rowNets, rowQuestions } from '../tabs/rows';
import type { TabSpec } from '../tabs/types';
import { numericExpression } from './answers';
import {
  addAxis,
  addFilter,
  addWeight,
  constant,
  labelsItem,
  pairCount,
  queryText,
  startQuery,
  type Axis,
  type QueryParts,
} from './query';
import { checkWritable, literal } from './quote';
import type { SqlSource } from './source';

export interface TabsSqlInput {
  source: SqlSource;
  /** The loaded survey's schema: which source columns make which question, and how. */
  schema: Schema;
  /** The loaded table, with the band columns the spec names (core/tabs/band.ts withColumns). */
  table: RespondentTable;
  spec: TabSpec;
  /** The bands the table was given (the CLI's --band, a definition's banner): a numeric question, its cut points and labels. */
  bands?: readonly DefinedBand[];
}

interface Band {
  column: SingleColumn;
  /** The numeric question banded (its schema id). */
  source: string;
  cuts: readonly number[];
}

export function tabsSql(input: TabsSqlInput): Result<string> {
  const { schema, table, spec } = input;
  const weightId = spec.weightId === undefined ? table.weightId : spec.weightId;

  const bands = new Map<string, Band>();
  for (const b of input.bands ?? []) {
    const column = band(table, b.question, b.cuts, b.labels);
    if (!column.ok) return column;
    const source = findColumn(table, b.question)!;
    bands.set(column.value.id, { column: column.value, source: source.id, cuts: b.cuts });
  }

  // The banner and the rows as tabs() resolves them, with its errors.
  const banner = resolveBanner(table, spec.banner);
  if (!banner.ok) return banner;
  const rows = rowQuestions(table, spec.rows, weightId);
  if (!rows.ok) return rows;
  const nets = netsByRow(spec.nets, rows.value);
  if (!nets.ok) return nets;
  for (const f of spec.filter ?? [])
    if (bands.has(f.questionId)) return fail(problem('sql-band-filter', f.questionId));

  const started = startQuery(input.source, schema, table);
  if (!started.ok) return started;
  const parts = started.value;
  const axes = new Axes(parts, bands);

  const labelled: string[] = [];
  const rowAxes: { id: string; axis: Axis; name: string }[] = [];
  const numeric: string[] = [];
  for (const row of rows.value) {
    if (row.type === 'numeric') {
      numeric.push(row.id);
      continue;
    }
    const n = rowNets(row, nets.value.get(row.id) ?? null, spec.nets === 'top2bottom2');
    if (!n.ok) return n;
    const name = `row_${rowAxes.length + 1}`;
    const axis = axes.question(name, { questionId: row.id, nets: n.value.nets });
    if (!axis.ok) return axis;
    rowAxes.push({ id: row.id, axis: axis.value, name });
    labelled.push(labelsItem(axis.value, name));
  }
  if (rowAxes.length === 0) return fail(problem('sql-no-tabs'));

  const colAxes: { id: string; axis: Axis; name: string }[] = [];
  for (const [k, item] of spec.banner.entries()) {
    const group = banner.value.bannerAxes[k]!.group;
    const name = `col_${k + 1}`;
    const inner = typeof item === 'string' ? item : item.question;
    const within = typeof item === 'string' ? null : (item.within ?? null);
    const axis =
      within === null
        ? axes.question(name, { questionId: inner })
        : axes.nested(name, within, inner);
    if (!axis.ok) return axis;
    colAxes.push({ id: group.id, axis: axis.value, name });
    labelled.push(labelsItem(axis.value, name));
  }

  const filtered = addFilter(parts, spec.filter ?? []);
  if (!filtered.ok) return filtered;
  const weighted = addWeight(parts, weightId);
  if (!weighted.ok) return weighted;
  const named = checkWritable(
    [...rowAxes.map((r) => r.id), ...colAxes.map((c) => c.id)],
    'question id',
  );
  if (!named.ok) return named;

  const branches: string[][] = [];
  rowAxes.forEach((r, i) => {
    const cols = [{ id: 'Total', axis: null, name: '' }, ...colAxes];
    cols.forEach((c, j) =>
      branches.push(
        pairCount(parts, {
          rows: { axis: r.axis, name: r.name },
          cols: c.axis === null ? 'total' : { axis: c.axis, name: c.name },
          before: [`${i + 1} AS row_no`, `${j} AS col_no`, constant(r.id, 'row_question')],
          between: [constant(c.id, 'col_question')],
        }),
      ),
    );
  });
  const header = [
    M.tabsHeader(
      rowAxes.length,
      colAxes.map((c) => c.id),
    ),
    M.tabsColumns,
    ...(numeric.length === 0 ? [] : [M.numericRows(numeric)]),
  ];
  const final = [
    'SELECT row_question, row_label, col_question, col_label, count',
    'FROM (',
    branches.map((b) => b.map((line) => `  ${line}`).join('\n')).join('\n  UNION ALL\n'),
    ')',
    'ORDER BY row_no, col_no, row_label, col_label;',
  ];
  return ok(queryText(parts, header, labelled, final, branches.length > 1));
}

/** Axes by question id: questions of the schema, bands of numeric ones, and one nested within another. */
class Axes {
  constructor(
    private readonly parts: QueryParts,
    private readonly bands: ReadonlyMap<string, Band>,
  ) {}

  question(name: string, spec: AxisSpec): Result<Axis> {
    const b = this.bands.get(spec.questionId);
    if (b === undefined) return addAxis(this.parts, name, spec);
    if ((spec.nets ?? []).length > 0) return fail(problem('sql-band-nets', spec.questionId));
    return this.band(name, b);
  }

  /**
   * A band (band.ts): NULL for a missing value (or one the engine cannot read,
   * such as 1e400), else the label of the band the value falls in: the
   * number of cuts at or below it.
   */
  private band(name: string, b: Band): Result<Axis> {
    const q = this.parts.schema.questions.find((x) => x.id === b.source);
    if (q === undefined) return fail(problem('sql-band-source', b.column.id, b.source));
    const value = numericExpression(this.parts.schema, q, this.parts.cell);
    if (!value.ok) return value;
    const checked = checkWritable(b.column.labels, 'band');
    if (!checked.ok) return checked;
    const v = `${name}_value`;
    this.parts.answers.push(`${value.value} AS ${v}`);
    const labels = b.column.labels;
    const steps = b.cuts.map(
      (c, k) => `WHEN ${v} < ${literal(String(c))}::DOUBLE THEN ${literal(labels[k]!)}`,
    );
    return ok({
      labels: `CASE WHEN isfinite(${v}) THEN CASE ${steps.join(' ')} ELSE ${literal(labels[labels.length - 1]!)} END END`,
      list: false,
      title: b.column.text,
    });
  }

  /**
   * `inner` within `outer`, both single-answer (resolveBanner refused
   * others): the nested column's label ("outer / inner") of each pair of
   * answers, NULL when either is missing.
   */
  nested(name: string, outerId: string, innerId: string): Result<Axis> {
    const outer = this.question(`${name}_outer`, { questionId: outerId });
    if (!outer.ok) return outer;
    const inner = this.question(`${name}_inner`, { questionId: innerId });
    if (!inner.ok) return inner;
    const labelsOf = (id: string) => {
      const c = findColumn(this.parts.table!, id);
      return c?.type === 'single' ? c.labels : [];
    };
    const outerLabels = labelsOf(outerId);
    const innerLabels = labelsOf(innerId);
    const pairs = outerLabels.map((o) => {
      const each = innerLabels.map(
        (i) => `WHEN ${literal(i)} THEN ${literal(tabsMessages.nestedLabel(o, i))}`,
      );
      return `WHEN ${literal(o)} THEN CASE ${inner.value.labels} ${each.join(' ')} END`;
    });
    const checked = checkWritable(
      outerLabels.flatMap((o) => innerLabels.map((i) => tabsMessages.nestedLabel(o, i))),
      'answer',
    );
    if (!checked.ok) return checked;
    return ok({
      labels:
        pairs.length === 0 || innerLabels.length === 0
          ? 'NULL::VARCHAR'
          : `CASE ${outer.value.labels} ${pairs.join(' ')} END`,
      list: false,
      title: tabsMessages.nestedText(inner.value.title, outer.value.title),
    });
  }
}
