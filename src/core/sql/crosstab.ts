// crosstabSql(): the engine's crosstab counts as one DuckDB query, for files
// larger than a browser tab holds. The query carries every decision the
// survey's definition made (which columns make which question, missing
// values, batteries and separators, the weight) and the view's (nets,
// filter, weight), and returns row_label, col_label and count: the engine's
// `counts` (weighted when the view is), one row per non-empty cell.
//
// It is built in four steps, one CTE each, so that a reader can check each
// against the engine:
//   cells        each source cell used, as the engine reads it (blank for
//                NULL, trimmed as JavaScript trims);
//   answers      each question's answer per respondent (a label or NULL; a
//                list of labels), and the weight;
//   respondents  the respondents the table counts (the filter, a usable
//                weight), with each axis's labels, nets included;
//   the final    SELECT pairs each respondent's row and column labels and
//                counts (or sums the weights of) the respondents in each pair.
import type { AxisSpec, CrosstabSpec } from '../crosstab/types';
import { respondentMessages as RM } from '../messages';
import { ok, type Result } from '../result';
import type { Schema } from '../schema/types';
import type { RespondentTable } from '../table/types';
import {
  answerExpression,
  batteryChoseAny,
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
import { checkWritable, commentText, ident } from './quote';
import { sourceClause, sqlColumnNames, type SqlSource } from './source';

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
  const { schema, spec, table } = input;
  const source = sourceClause(input.source, schema);
  if (!source.ok) return source;

  // Every source column read gets one trimmed copy in `cells`, named as the file names it.
  const names = sqlColumnNames(schema.columnNames);
  const used = new Map<number, string>();
  const cell = (index: number): string => {
    if (!used.has(index)) used.set(index, ident(names[index]!));
    return used.get(index)!;
  };

  const rows = axis(schema, 'row', spec.rows, table, cell);
  if (!rows.ok) return rows;
  let cols: Axis | null = null;
  if (spec.cols !== null) {
    const found = axis(schema, 'col', spec.cols, table, cell);
    if (!found.ok) return found;
    cols = found.value;
  }

  const answers: string[] = [...rows.value.answers, ...(cols?.answers ?? [])];
  const conditions: string[] = [];
  const described: string[] = [];
  for (const [k, condition] of (spec.filter ?? []).entries()) {
    const q = findQuestion(schema, condition.questionId);
    if (!q.ok) return q;
    const labels = optionLabels(q.value, condition.options, table, (o, n) =>
      RM.optionOutOfRange(q.value.question.id, o, n),
    );
    if (!labels.ok) return labels;
    const checked = checkWritable(labels.value, 'answer');
    if (!checked.ok) return checked;
    const alias = `filter_${k + 1}`;
    if (isBattery(q.value)) {
      // By column, not by label: two columns of a battery may carry one label.
      answers.push(`${batteryChoseAny(q.value, condition.options, cell)} AS ${alias}`);
      conditions.push(alias);
    } else {
      answers.push(`${answerExpression(q.value, cell)} AS ${alias}`);
      conditions.push(choseAny(alias, q.value.type, labels.value));
    }
    described.push(
      `"${q.value.question.text}" is ${labels.value.map((l) => `"${l}"`).join(' or ')}`,
    );
  }

  const weightId = spec.weightId === undefined ? schema.weightId : spec.weightId;
  if (weightId !== null) {
    const weight = weightExpression(schema, weightId, cell);
    if (!weight.ok) return weight;
    answers.push(`${weight.value} AS weight`);
    // crosstab.ts validWeights: a missing, zero, negative or absurd weight leaves the respondent out.
    conditions.push('weight > 0', 'weight <= 1e9');
  }

  const rowList = rows.value.list;
  const colList = cols?.list ?? false;
  const labelled = [
    `${rows.value.labels} AS ${rowList ? 'row_labels' : 'row_label'}`,
    `${cols === null ? "'Total'" : cols.labels} AS ${colList ? 'col_labels' : 'col_label'}`,
    ...(weightId === null ? [] : ['weight']),
  ];
  // A list axis (multi-answer, or with nets) gives one row per label: each
  // respondent is paired once with each of their row and column labels.
  const pairs = [
    'respondents',
    ...(rowList ? ['unnest(respondents.row_labels) AS r(row_label)'] : []),
    ...(colList ? ['unnest(respondents.col_labels) AS c(col_label)'] : []),
  ];
  const present = [
    ...(rowList ? [] : ['row_label IS NOT NULL']),
    ...(colList || cols === null ? [] : ['col_label IS NOT NULL']),
  ];

  const header = [
    `Survey Workbench crosstab: rows "${rows.value.title}", columns ${cols === null ? 'Total' : `"${cols.title}"`}.`,
    weightId === null
      ? 'Unweighted: count is respondents.'
      : `Weighted by "${weightId}": count is the sum of weights.`,
    ...(described.length === 0 ? [] : [`Filter: ${described.join('; and ')}.`]),
    ...source.value.notes,
  ];
  const list = (items: readonly string[]) => items.map((a) => `    ${a}`).join(',\n');
  const lines = [
    ...header.map((h) => `-- ${commentText(h)}`),
    'WITH',
    'cells AS (',
    "  -- Each cell used, as the engine reads it: blank when empty, trimmed as JavaScript's trim() trims.",
    '  SELECT',
    list([...used.entries()].map(([i, name]) => `${cellText(source.value.column(i))} AS ${name}`)),
    `  FROM ${source.value.from}`,
    '),',
    'answers AS (',
    '  -- Each question as the definition reads it: one label or NULL (missing); a list of the labels chosen.',
    '  SELECT',
    list(answers),
    '  FROM cells',
    '),',
    'respondents AS (',
    '  -- The respondents the table counts, with the labels of their row and column (nets included).',
    '  SELECT',
    list(labelled),
    '  FROM answers',
    ...(conditions.length === 0 ? [] : [`  WHERE ${conditions.join('\n    AND ')}`]),
    ')',
    `SELECT row_label, col_label, ${weightId === null ? 'count(*)' : 'sum(weight)'} AS count`,
    `FROM ${pairs.join(', ')}`,
    ...(present.length === 0 ? [] : [`WHERE ${present.join(' AND ')}`]),
    'GROUP BY row_label, col_label',
    'ORDER BY row_label, col_label;',
    '',
  ];
  return ok(lines.join('\n'));
}

interface Axis {
  /** Columns of the `answers` CTE: the answer (`<role>_answer`), and a battery's net conditions. */
  answers: string[];
  /** The axis's labels per respondent (over `answers`): a scalar, or a list when `list`. */
  labels: string;
  list: boolean;
  title: string;
}

function axis(
  schema: Schema,
  role: 'row' | 'col',
  spec: AxisSpec,
  table: RespondentTable | undefined,
  cell: CellRef,
): Result<Axis> {
  const found = findQuestion(schema, spec.questionId);
  if (!found.ok) return found;
  const q: SqlQuestion = found.value;
  const answer = `${role}_answer`;
  const answers = [`${answerExpression(q, cell)} AS ${answer}`];
  const nets: { label: string; condition: string }[] = [];
  for (const [k, net] of (spec.nets ?? []).entries()) {
    const labels = optionLabels(q, net.options, table, (o, n) =>
      RM.badNetOption(net.label, q.question.id, o, n),
    );
    if (!labels.ok) return labels;
    const checked = checkWritable([net.label, ...labels.value], 'net');
    if (!checked.ok) return checked;
    let condition = choseAny(answer, q.type, labels.value);
    if (isBattery(q)) {
      condition = `${role}_net_${k + 1}`;
      answers.push(`${batteryChoseAny(q, net.options, cell)} AS ${condition}`);
    }
    nets.push({ label: net.label, condition });
  }
  return ok({
    answers,
    labels: nets.length === 0 ? answer : withNets(answer, q.type, nets),
    list: q.type === 'multi' || nets.length > 0,
    title: q.question.text,
  });
}
