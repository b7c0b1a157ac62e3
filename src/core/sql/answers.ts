// Questions as SQL: which source columns a question reads and how (the
// schema's decision), what a respondent's answer is (one label, or the list
// of labels chosen), and which labels a net or a filter names.
//
// Counts need only what each respondent chose: a respondent missing on an
// axis gives that axis no label (NULL or an empty list), so pairing the two
// axes leaves them out of the table as the engine does, and "answered but
// chose none" gives no label either. Each respondent stays one row until the
// final pairing, so nobody is counted twice and no row number is needed.
import { problem } from '../messages';
import { fail, ok, type Result, type SurveyError } from '../result';
import type { Schema, SchemaQuestion } from '../schema/types';
import type { RespondentTable } from '../table/types';
import {
  BREAK,
  batteryAnswer,
  batteryChosen,
  delimitedAnswer,
  numberValue,
  singleAnswer,
} from './cells';
import { checkWritable, inList, listLiteral, literal } from './quote';

export interface SqlQuestion {
  question: SchemaQuestion;
  type: 'single' | 'multi';
  /** The question's missing values: the survey's and its own. */
  missing: string[];
}

/** A question by id, or else by exact text, as the engine finds it (filter/columns.ts). */
export function findQuestion(schema: Schema, idOrText: string): Result<SqlQuestion> {
  const q =
    schema.questions.find((x) => x.id === idOrText) ??
    schema.questions.find((x) => x.text === idOrText);
  if (q === undefined) {
    const valid = schema.questions
      .filter((x) => x.kind === 'single' || x.kind === 'multi')
      .map((x) => x.id);
    return fail(problem('crosstab-unknown-question', idOrText, valid));
  }
  if (q.kind !== 'single' && q.kind !== 'multi') {
    const type = q.kind === 'weight' || q.kind === 'numeric' ? 'numeric' : 'text';
    return fail(problem('crosstab-not-categorical', q.id, type));
  }
  const missing = missingOf(schema, q);
  const options =
    q.multi?.encoding === 'columns' ? [...q.multi.options, ...(q.multi.chosen ?? [])] : [];
  const checked = checkWritable([...missing, ...options], 'value');
  if (!checked.ok) return checked;
  return ok({ question: q, type: q.kind, missing });
}

/** The survey's missing values and the question's own (table/encode.ts encoderFor). */
const missingOf = (schema: Schema, q: SchemaQuestion): string[] => [
  ...new Set([...schema.missingTokens, ...(q.missing ?? [])]),
];

/** Reads the (trimmed) text of source column `index`. */
export type CellRef = (index: number) => string;

/**
 * The respondent's answer: for a single question one label or NULL; for a
 * multi-answer question the list of labels chosen (possibly empty).
 */
export function answerExpression(q: SqlQuestion, cell: CellRef): string {
  const { question, missing } = q;
  const first = question.sourceColumns[0] ?? 0;
  if (q.type === 'single') return singleAnswer(cell(first), missing);
  const multi = question.multi;
  if (multi?.encoding === 'columns') {
    const chosen = question.sourceColumns.map((c) =>
      batteryChosen(cell(c), multi.style, missing, multi.chosen),
    );
    return batteryAnswer(multi.options, chosen);
  }
  return delimitedAnswer(cell(first), multi?.separator ?? ';', missing);
}

/**
 * The labels of options given by index (a net's or a filter's). A battery's
 * options are the schema's; other questions' labels come from the data, in
 * the order the table lists them, so the loaded table is needed to name them.
 */
export function optionLabels(
  q: SqlQuestion,
  options: readonly number[],
  table: RespondentTable | undefined,
  badOption: (index: number, count: number) => SurveyError,
): Result<string[]> {
  if (options.length === 0) return ok([]);
  const multi = q.question.multi;
  let labels: readonly string[] | undefined;
  if (q.type === 'multi' && multi?.encoding === 'columns') labels = multi.options;
  else {
    const column = table?.columns.find((c) => c.id === q.question.id);
    if (column !== undefined && (column.type === 'single' || column.type === 'multi'))
      labels = column.labels;
  }
  if (labels === undefined) return fail(problem('sql-needs-labels', q.question.id));
  const out: string[] = [];
  for (const o of options) {
    if (!Number.isInteger(o) || o < 0 || o >= labels.length)
      return fail(badOption(o, labels.length));
    out.push(labels[o]!);
  }
  return ok(out);
}

/** Whether the question is a battery (a multi-answer question over one column per option). */
export const isBattery = (q: SqlQuestion): boolean =>
  q.type === 'multi' && q.question.multi?.encoding === 'columns';

/**
 * Whether a battery's respondent chose any of `options`, over its own columns
 * by position: two of its columns may carry one label, so labels cannot say
 * which column a net or a filter means.
 */
export function batteryChoseAny(q: SqlQuestion, options: readonly number[], cell: CellRef): string {
  const multi = q.question.multi;
  if (multi?.encoding !== 'columns' || options.length === 0) return 'FALSE';
  const chosen = [...new Set(options)].map((o) =>
    batteryChosen(cell(q.question.sourceColumns[o]!), multi.style, q.missing, multi.chosen),
  );
  return chosen.length === 1 ? chosen[0]! : chosen.map((c) => `(${c})`).join(' OR ');
}

/**
 * Whether a battery's respondent chose every one of `options` (an "All of"
 * net, filter/filter.ts keySelection): by column, as batteryChoseAny; no
 * options: nobody.
 */
export function batteryChoseAll(q: SqlQuestion, options: readonly number[], cell: CellRef): string {
  const multi = q.question.multi;
  if (multi?.encoding !== 'columns' || options.length === 0) return 'FALSE';
  const chosen = [...new Set(options)].map((o) =>
    batteryChosen(cell(q.question.sourceColumns[o]!), multi.style, q.missing, multi.chosen),
  );
  return chosen.length === 1 ? chosen[0]! : chosen.map((c) => `(${c})`).join(' AND ');
}

/**
 * Whether the answer `answer` chose every one of `labels` (an "All of" net):
 * a single answer only when the labels are one answer; no labels: nobody.
 */
export function choseAll(
  answer: string,
  type: 'single' | 'multi',
  labels: readonly string[],
): string {
  const distinct = [...new Set(labels)];
  if (distinct.length === 0 || (type === 'single' && distinct.length > 1)) return 'FALSE';
  return type === 'single'
    ? inList(answer, distinct)
    : `list_has_all(${answer}, ${listLiteral(distinct)})`;
}

/** Whether the answer `answer` (of question type `type`) chose any of `labels`. */
export function choseAny(
  answer: string,
  type: 'single' | 'multi',
  labels: readonly string[],
): string {
  if (labels.length === 0) return 'FALSE';
  return type === 'single'
    ? inList(answer, labels)
    : `list_has_any(${answer}, ${listLiteral(labels)})`;
}

/**
 * An axis's labels for a respondent, nets included: the answer's labels, then
 * each net's label when its condition holds.
 */
export function withNets(
  answer: string,
  type: 'single' | 'multi',
  nets: readonly { label: string; condition: string }[],
): string {
  const netItems = nets.map((n) => `CASE WHEN ${n.condition} THEN ${literal(n.label)} END`);
  const present = (items: string[]) =>
    `list_filter([${BREAK}  ${items.join(`,${BREAK}  `)}${BREAK}], lambda label: label IS NOT NULL)`;
  if (type === 'single') return present([answer, ...netItems]);
  return `list_concat(${answer}, ${present(netItems)})`;
}

/** A weight question by id, as numericColumn finds it: a numeric column of the file. */
export function weightExpression(schema: Schema, id: string, cell: CellRef): Result<string> {
  const q = schema.questions.find((x) => x.id === id);
  if (q === undefined || (q.kind !== 'numeric' && q.kind !== 'weight')) {
    const valid = schema.questions
      .filter((x) => x.kind === 'numeric' || x.kind === 'weight')
      .map((x) => x.id);
    return fail(problem('crosstab-unknown-weight', id, valid));
  }
  return numericExpression(schema, q, cell);
}

/** A numeric question's value per respondent as the engine reads it: a DOUBLE, NULL when missing. */
export function numericExpression(
  schema: Schema,
  q: SchemaQuestion,
  cell: CellRef,
): Result<string> {
  const checked = checkWritable(missingOf(schema, q), 'missing value');
  if (!checked.ok) return checked;
  const column = q.sourceColumns[0];
  if (column === undefined) return fail(problem('sql-no-weight-column', q.id));
  return ok(numberValue(cell(column), missingOf(schema, q), schema.decimalComma));
}
