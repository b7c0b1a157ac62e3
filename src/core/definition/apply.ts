// A definition meets a file: its questions replace what detection proposed
// (resolving column names to positions), and the survey's decided schema is
// written back out as a definition, so every decision can travel.
import type { Delimiter } from '../csv/delimiter';
import type { EncodingName } from '../csv/encoding';
import { located, problem } from '../messages';
import { fail, ok, type Result } from '../result';
import { canBeWeight, classifySingle, labelOf } from '../schema/infer';
import { profileColumn } from '../schema/profile';
import { withMembers } from '../schema/members';
import type { Schema, SchemaQuestion } from '../schema/types';
import type { RespondentTable } from '../table/types';
import {
  DEFINITION_FORMAT,
  DEFINITION_VERSION,
  type DefinedBanner,
  type DefinedQuestion,
  type SurveyDefinition,
} from './definition';

/**
 * The schema a definition decides for a file whose columns and sample
 * detection has read. Defined questions replace the detected ones; a column no
 * defined question reads on its own becomes its own question by detection.
 * The weight is the definition's (none when it names none): never a guess.
 */
export function applyDefinition(
  inferred: Schema,
  def: SurveyDefinition,
  file: string,
  sample: readonly string[][],
): Result<Schema> {
  const names = inferred.columnNames;
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  const missing = new Set(def.missing ?? inferred.missingTokens);
  const profile = (c: number) => profileColumn(sample, c, missing, inferred.decimalComma);

  let questions: SchemaQuestion[];
  if (def.questions === undefined) {
    // Detection decides the questions; only weight and id are the definition's.
    questions = inferred.questions.map((q) => ({ ...q }));
  } else {
    questions = [];
    for (const dq of def.questions) {
      const columns: number[] = [];
      for (const c of dq.columns) {
        const i = index.get(c);
        if (i === undefined)
          return fail(located({ file }, problem('definition-unknown-column', c, dq.id, names)));
        columns.push(i);
      }
      questions.push(definedQuestion(dq, columns, profile));
    }
    // Every column stays addressable on its own: those no defined question reads alone
    // become what detection made of them alone (an id, a numeric, a single; never a group).
    const own = (q: SchemaQuestion) =>
      q.sourceColumns.length === 1 && q.multi?.encoding !== 'columns';
    const alone = new Set(questions.filter(own).map((q) => q.sourceColumns[0]));
    const ids = new Set(questions.map((q) => q.id));
    const inferredAlone = new Map(
      inferred.questions.filter(own).map((q) => [q.sourceColumns[0]!, q] as const),
    );
    names.forEach((n, c) => {
      if (alone.has(c)) return;
      const found = inferredAlone.get(c);
      const q = found === undefined ? detected(n, c, profile) : { ...found };
      questions.push(ids.has(q.id) ? { ...q, id: `${q.id} (column)` } : q);
    });
  }

  const byId = new Map(questions.map((q) => [q.id, q]));
  const ownColumn = (column: string): SchemaQuestion | undefined =>
    questions.find((q) => q.sourceColumns.length === 1 && names[q.sourceColumns[0]!] === column);

  // Reset detection's role kinds: roles are decided below.
  for (const q of questions) {
    if (q.kind === 'weight') {
      q.kind = 'numeric';
      q.reason = 'Numeric.';
    }
    if (q.kind === 'id' && def.id !== undefined) q.kind = 'text';
  }
  let weightId: string | null = null;
  if (def.weight !== undefined && def.weight !== null) {
    const q = ownColumn(def.weight);
    if (q === undefined)
      return fail(located({ file }, problem('definition-unknown-weight', def.weight, names)));
    const p = profile(q.sourceColumns[0]!);
    if (sample.length > 0 && !canBeWeight(p))
      return fail(located({ file }, problem('schema-weight-not-numeric', def.weight)));
    q.kind = 'weight';
    q.multi = null;
    q.reason = 'The weight, as the definition decides.';
    weightId = q.id;
  }
  let idColumnId = def.id === undefined ? inferred.idColumnId : null;
  if (idColumnId !== null && byId.get(idColumnId)?.kind !== 'id') idColumnId = null;
  if (def.id !== undefined && def.id !== null) {
    const q = ownColumn(def.id);
    if (q === undefined)
      return fail(located({ file }, problem('definition-unknown-id', def.id, names)));
    q.kind = 'id';
    q.multi = null;
    q.reason = 'The respondent id, as the definition decides.';
    idColumnId = q.id;
  }
  return ok(
    withMembers({
      ...inferred,
      questions,
      missingTokens: [...missing],
      weightId,
      idColumnId,
    }),
  );
}

function definedQuestion(
  dq: DefinedQuestion,
  columns: number[],
  profile: (c: number) => ReturnType<typeof profileColumn>,
): SchemaQuestion {
  const q: SchemaQuestion = {
    id: dq.id,
    text: dq.text,
    kind: dq.kind,
    sourceColumns: columns,
    multi: null,
    grid: null,
    reason: 'As the survey definition says.',
  };
  if (dq.missing !== undefined && dq.missing.length > 0) q.missing = [...dq.missing];
  if (dq.kind === 'single' && dq.answers !== undefined) q.answers = [...dq.answers];
  if (dq.kind === 'multi') {
    // A separator means options joined in one cell; otherwise a battery, of one column or more.
    if (dq.separator !== undefined) q.multi = { encoding: 'delimited', separator: dq.separator };
    else {
      const options =
        dq.answers ??
        columns.map((c, k) =>
          dq.chosen === undefined ? labelOf(profile(c), dq.columns[k]!) : dq.columns[k]!,
        );
      q.multi =
        dq.chosen === undefined
          ? { encoding: 'columns', style: 'label', options }
          : { encoding: 'columns', style: 'binary', options, chosen: [...dq.chosen] };
    }
  }
  return q;
}

function detected(
  name: string,
  c: number,
  profile: (c: number) => ReturnType<typeof profileColumn>,
): SchemaQuestion {
  return {
    id: name,
    text: name,
    sourceColumns: [c],
    grid: null,
    ...classifySingle(name, profile(c)),
  };
}

/** How the file was read, recorded so a link's recipient reads it the same way. */
export interface ReadSettings {
  encoding: EncodingName;
  delimiter: Delimiter;
}

/**
 * The complete definition of a loaded survey: every question (with the answer
 * order the table ended up with), the weight, the id and the missing values;
 * and what the definition it was read with (`given`) decided beyond the file's
 * reading, its tab book banner, kept as given.
 */
export function definitionOf(
  schema: Schema,
  table: RespondentTable | null,
  read: ReadSettings | null,
  given?: SurveyDefinition,
): SurveyDefinition {
  const names = schema.columnNames;
  const byId = new Map(table?.columns.map((c) => [c.id, c]));
  const column = (id: string) => byId.get(id);
  const col = (i: number) => names[i] ?? `Column ${i + 1}`;
  const questions: DefinedQuestion[] = schema.questions
    .filter((q) => q.kind !== 'weight' && q.kind !== 'id')
    .map((q) => {
      const kind = q.kind as DefinedQuestion['kind'];
      const dq: DefinedQuestion = {
        id: q.id,
        text: q.text,
        kind,
        columns: q.sourceColumns.map(col),
      };
      if (q.multi?.encoding === 'delimited') dq.separator = q.multi.separator;
      if (q.multi?.encoding === 'columns') {
        dq.answers = [...q.multi.options];
        if (q.multi.style === 'binary') dq.chosen = [...(q.multi.chosen ?? BUILT_IN_CHOSEN)];
      }
      const c = column(q.id);
      if (kind === 'single' && c?.type === 'single') dq.answers = [...c.labels];
      else if (kind === 'single' && q.answers !== undefined) dq.answers = [...q.answers];
      if (q.missing !== undefined && q.missing.length > 0) dq.missing = [...q.missing];
      return dq;
    });
  const def: SurveyDefinition = { format: DEFINITION_FORMAT, version: DEFINITION_VERSION };
  // Respondent rows as decided (a two-column table of percents would be proposed as a published question).
  if (given?.content === 'respondents') def.content = 'respondents';
  if (table !== null) {
    def.title = table.meta.title;
    def.notice = table.meta.notice;
    def.source = table.meta.source;
  }
  if (read !== null) {
    def.encoding = read.encoding;
    def.delimiter = read.delimiter;
  }
  def.missing = [...schema.missingTokens];
  const nameOf = (id: string | null) => {
    if (id === null) return null;
    const q = schema.questions.find((x) => x.id === id);
    return q === undefined ? null : col(q.sourceColumns[0] ?? 0);
  };
  def.weight = nameOf(schema.weightId);
  def.id = nameOf(schema.idColumnId);
  def.questions = questions;
  if (given?.banner !== undefined) def.banner = copyBanner(given.banner);
  return def;
}

/** A banner as plain data of its own (a definition is stored, sent and edited as a whole). */
export function copyBanner(banner: DefinedBanner): DefinedBanner {
  const out: DefinedBanner = {
    columns: banner.columns.map((c) => (typeof c === 'string' ? c : { ...c })),
  };
  if (banner.bands !== undefined)
    out.bands = banner.bands.map((b) => ({
      question: b.question,
      cuts: [...b.cuts],
      ...(b.labels === undefined ? {} : { labels: [...b.labels] }),
    }));
  return out;
}

/**
 * What "chosen" meant when detection read a battery by the built-in yes/no
 * tokens: written out, so the definition states it (compared ignoring case).
 */
const BUILT_IN_CHOSEN = ['1', 'Y', 'Yes', 'Oui', 'TRUE', '是', 'x', 'checked', 'selected'];
