// The pieces every counting query is made of, shared by crosstabSql() (one
// table) and tabsSql() (a tab book): one rule each for reading cells, a
// question's answers and nets, the filter, the weight, and pairing a row axis
// with a column axis into counts.
//
// A query is built in four steps, one CTE each, so that a reader can check
// each against the engine:
//   cells        each source cell used, as the engine reads it (blank for
//                NULL, trimmed as JavaScript trims);
//   answers      each question's answer per respondent (a label or NULL; a
//                list of labels), and the weight;
//   respondents  the respondents counted (the filter, a usable weight), with
//                each axis's labels, nets included;
//   the final    SELECT pairs each respondent's row and column labels and
//                counts (or sums the weights of) the respondents in each pair.
import type { AxisSpec } from '../crosstab/types';
import type { FilterCondition } from '../filter/filter';
import { problem } from '../messages';
import { ok, type Result } from '../result';
import type { Schema } from '../schema/types';
import type { RespondentTable } from '../table/types';
import {
  answerExpression,
  batteryChoseAll,
  batteryChoseAny,
  choseAll,
  choseAny,
  findQuestion,
  isBattery,
  optionLabels,
  weightExpression,
  withNets,
  type CellRef,
  type SqlQuestion,
} from './answers';
import { cellText } from './cells';
import { checkWritable, commentText, ident, literal } from './quote';
import { sourceClause, sqlColumnNames, type SourceClause, type SqlSource } from './source';

/** A query being built: what it reads, what it computes per respondent, whom it counts. */
export interface QueryParts {
  schema: Schema;
  /** The loaded table, to name options given by number (see CrosstabSqlInput.table). */
  table: RespondentTable | undefined;
  source: SourceClause;
  /** The SQL name of a source cell; each cell read is listed once in `cells`. */
  cell: CellRef;
  /** Columns of the `answers` CTE. */
  answers: string[];
  /** What a respondent must meet to be counted (the filter, a usable weight), over `answers`. */
  conditions: string[];
  /** The filter in words, for the query's header. */
  described: string[];
  /** The weight counted, or null (unweighted). */
  weightId: string | null;
  used: Map<number, string>;
}

export function startQuery(
  source: SqlSource,
  schema: Schema,
  table: RespondentTable | undefined,
): Result<QueryParts> {
  const clause = sourceClause(source, schema);
  if (!clause.ok) return clause;
  // Every source column read gets one trimmed copy in `cells`, named as the file names it.
  const names = sqlColumnNames(schema.columnNames);
  const used = new Map<number, string>();
  const cell = (index: number): string => {
    if (!used.has(index)) used.set(index, ident(names[index]!));
    return used.get(index)!;
  };
  return ok({
    schema,
    table,
    source: clause.value,
    cell,
    answers: [],
    conditions: [],
    described: [],
    weightId: null,
    used,
  });
}

/** The filter: AND across conditions, OR within one condition's options (filter/filter.ts). */
export function addFilter(parts: QueryParts, filter: readonly FilterCondition[]): Result<null> {
  const { schema, table, cell } = parts;
  for (const condition of filter) {
    const q = findQuestion(schema, condition.questionId);
    if (!q.ok) return q;
    const labels = optionLabels(q.value, condition.options, table, (o, n) =>
      problem('crosstab-option-out-of-range', q.value.question.id, o, n),
    );
    if (!labels.ok) return labels;
    const checked = checkWritable(labels.value, 'answer');
    if (!checked.ok) return checked;
    const alias = `filter_${parts.described.length + 1}`;
    if (isBattery(q.value)) {
      // By column, not by label: two columns of a battery may carry one label.
      parts.answers.push(`${batteryChoseAny(q.value, condition.options, cell)} AS ${alias}`);
      parts.conditions.push(alias);
    } else {
      parts.answers.push(`${answerExpression(q.value, cell)} AS ${alias}`);
      parts.conditions.push(choseAny(alias, q.value.type, labels.value));
    }
    parts.described.push(
      `"${q.value.question.text}" is ${labels.value.map((l) => `"${l}"`).join(' or ')}`,
    );
  }
  return ok(null);
}

/** The weight (crosstab.ts validWeights): a missing, zero, negative or absurd weight leaves the respondent out. */
export function addWeight(parts: QueryParts, weightId: string | null): Result<null> {
  if (weightId === null) return ok(null);
  const weight = weightExpression(parts.schema, weightId, parts.cell);
  if (!weight.ok) return weight;
  parts.answers.push(`${weight.value} AS weight`);
  parts.conditions.push('weight > 0', 'weight <= 1e9');
  parts.weightId = weightId;
  return ok(null);
}

/** One axis of a count: each respondent's labels on it. */
export interface Axis {
  /** The axis's labels per respondent (over `answers`): a scalar (NULL: none), or a list when `list`. */
  labels: string;
  list: boolean;
  /** The question's wording, for the header. */
  title: string;
}

/**
 * A question with its nets as an axis named `name` ('row', 'col', 'row_3'…):
 * its answer (`<name>_answer`) and a battery's net conditions join the
 * `answers` CTE.
 */
export function addAxis(parts: QueryParts, name: string, spec: AxisSpec): Result<Axis> {
  const found = findQuestion(parts.schema, spec.questionId);
  if (!found.ok) return found;
  const q: SqlQuestion = found.value;
  const answer = `${name}_answer`;
  parts.answers.push(`${answerExpression(q, parts.cell)} AS ${answer}`);
  const nets: { label: string; condition: string }[] = [];
  for (const [k, net] of (spec.nets ?? []).entries()) {
    const labels = optionLabels(q, net.options, parts.table, (o, n) =>
      problem('crosstab-bad-net', net.label, q.question.id, o, n),
    );
    if (!labels.ok) return labels;
    const checked = checkWritable([net.label, ...labels.value], 'net');
    if (!checked.ok) return checked;
    // "Any of" by default; "All of" (a multi-answer question's) when the net says so.
    let condition =
      net.all === true
        ? choseAll(answer, q.type, labels.value)
        : choseAny(answer, q.type, labels.value);
    if (isBattery(q)) {
      condition = `${name}_net_${k + 1}`;
      const chose = net.all === true ? batteryChoseAll : batteryChoseAny;
      parts.answers.push(`${chose(q, net.options, parts.cell)} AS ${condition}`);
    }
    nets.push({ label: net.label, condition });
  }
  return ok({
    labels: nets.length === 0 ? answer : withNets(answer, q.type, nets),
    list: q.type === 'multi' || nets.length > 0,
    title: q.question.text,
  });
}

/** Everyone counted falls in this one column (a one-way table's, a tab book's Total). */
const TOTAL_AXIS: Axis = { labels: "'Total'", list: false, title: 'Total' };

/** The `respondents` CTE column holding an axis's labels: `<name>_labels` for a list, else `<name>_label`. */
const labelsColumn = (axis: Axis, name: string): string =>
  `${name}_${axis.list ? 'labels' : 'label'}`;

/** The `respondents` CTE item for an axis: its labels, named by labelsColumn. */
export const labelsItem = (axis: Axis, name: string): string =>
  `${axis.labels} AS ${labelsColumn(axis, name)}`;

export interface Pairing {
  rows: { axis: Axis; name: string };
  /** The column axis; the Total axis needs no column of `respondents`. */
  cols: { axis: Axis; name: string } | 'total';
  /** Constant columns selected before row_label (e.g. the tab book's question names). */
  before?: readonly string[];
  /** Constant columns selected between row_label and col_label. */
  between?: readonly string[];
}

/**
 * The SELECT that counts one pairing over `respondents`: row_label, col_label
 * and count (the sum of weights when weighted), one row per non-empty cell.
 * A list axis (multi-answer, or with nets) gives one row per label: each
 * respondent is paired once with each of their row and column labels. The
 * lists are unnested in SELECT lists, one axis after the other (never two in
 * one SELECT, which DuckDB would zip instead of pairing): DuckDB runs that
 * ten to thirty times faster than a lateral join on unnest() in FROM.
 */
export function pairCount(parts: QueryParts, p: Pairing): string[] {
  const rows = labelsColumn(p.rows.axis, p.rows.name);
  const rowList = p.rows.axis.list;
  const cols = p.cols === 'total' ? null : labelsColumn(p.cols.axis, p.cols.name);
  const colList = p.cols !== 'total' && p.cols.axis.list;
  const as = (expr: string, alias: string) => (expr === alias ? alias : `${expr} AS ${alias}`);
  const weight = parts.weightId === null ? [] : ['weight'];
  // Scalar axes: respondents without a label on them are left out before pairing.
  const present = [
    ...(rowList ? [] : [`${rows} IS NOT NULL`]),
    ...(cols === null || colList ? [] : [`${cols} IS NOT NULL`]),
  ];
  const colItem =
    cols === null
      ? `${TOTAL_AXIS.labels} AS col_label`
      : !colList
        ? as(cols, 'col_label')
        : rowList
          ? cols
          : `unnest(${cols}) AS col_label`;
  let pairs = [
    `SELECT ${[rowList ? `unnest(${rows}) AS row_label` : as(rows, 'row_label'), colItem, ...weight].join(', ')}`,
    'FROM respondents',
    ...(present.length === 0 ? [] : [`WHERE ${present.join(' AND ')}`]),
  ];
  if (rowList && colList)
    pairs = [
      `SELECT ${['row_label', `unnest(${cols}) AS col_label`, ...weight].join(', ')}`,
      'FROM (',
      ...pairs.map((line) => `  ${line}`),
      ')',
    ];
  const count = parts.weightId === null ? 'count(*)' : 'sum(weight)';
  const select = [
    ...(p.before ?? []),
    'row_label',
    ...(p.between ?? []),
    'col_label',
    `${count} AS count`,
  ];
  return [
    `SELECT ${select.join(', ')}`,
    'FROM (',
    ...pairs.map((line) => `  ${line}`),
    ')',
    'GROUP BY row_label, col_label',
  ];
}

/** The weight line of a query's header. */
const weightNote = (weightId: string | null): string =>
  weightId === null
    ? 'Unweighted: count is respondents.'
    : `Weighted by "${weightId}": count is the sum of weights.`;

/**
 * The whole query: the header as comments, the three CTEs, then `final` (the
 * counting SELECT and its ORDER BY, ending with ";"). `labelled` are the
 * `respondents` items (each axis's labels); the weight is added when weighted.
 * `materialized`: the final part reads `respondents` more than once.
 */
export function queryText(
  parts: QueryParts,
  header: readonly string[],
  labelled: readonly string[],
  final: readonly string[],
  materialized = false,
): string {
  const list = (items: readonly string[]) => items.map((a) => `    ${a}`).join(',\n');
  const lines = [
    ...[
      ...header,
      weightNote(parts.weightId),
      ...(parts.described.length === 0 ? [] : [`Filter: ${parts.described.join('; and ')}.`]),
      ...parts.source.notes,
    ].map((h) => `-- ${commentText(h)}`),
    'WITH',
    'cells AS (',
    "  -- Each cell used, as the engine reads it: blank when empty, trimmed as JavaScript's trim() trims.",
    '  SELECT',
    list(
      [...parts.used.entries()].map(
        ([i, name]) => `${cellText(parts.source.column(i))} AS ${name}`,
      ),
    ),
    `  FROM ${parts.source.from}`,
    '),',
    'answers AS (',
    '  -- Each question as the definition reads it: one label or NULL (missing); a list of the labels chosen.',
    '  SELECT',
    list(parts.answers),
    '  FROM cells',
    '),',
    `respondents AS${materialized ? ' MATERIALIZED' : ''} (`,
    '  -- The respondents counted, with the labels of each axis (nets included).',
    '  SELECT',
    list([...labelled, ...(parts.weightId === null ? [] : ['weight'])]),
    '  FROM answers',
    ...(parts.conditions.length === 0 ? [] : [`  WHERE ${parts.conditions.join('\n    AND ')}`]),
    ')',
    ...final,
    '',
  ];
  return lines.join('\n');
}

/** A name for a constant column: 'text'. */
export const constant = (text: string, alias: string): string => `${literal(text)} AS ${alias}`;
