// The survey definition: every decision about a respondent file, in one
// versioned JSON document. Detection proposes (a weight column, a grouping, a
// kind); the user or the file decides, and the decision is recorded here. The
// definition travels with the survey: IndexedDB, links, the CLI
// (`--definition`, or `<name>.json` beside the data), downloads. Like an SPSS
// dictionary, it names source columns, never positions, so it applies to any
// file with those columns.
import * as z from 'zod/mini';
import { ENCODINGS } from '../csv/encoding';
import type { Delimiter } from '../csv/delimiter';
import type { EncodingName } from '../csv/encoding';
import { bannerMessages as BM, definitionMessages as M, located, problem } from '../messages';
import { fail, ok, type Result, type SurveyError } from '../result';

export const DEFINITION_FORMAT = 'survey-workbench-definition';
export const DEFINITION_VERSION = 1;

export type DefinedKind = 'single' | 'multi' | 'numeric' | 'text';

export interface DefinedQuestion {
  /** The question's id: how links, filters and the CLI name it. */
  id: string;
  /** Its wording. */
  text: string;
  kind: DefinedKind;
  /** The source columns it reads, by header name: one, or one per option for a multi-answer battery. */
  columns: string[];
  /** A multi-answer question in one column: what joins the chosen options inside a cell. */
  separator?: ';' | '|' | ',';
  /**
   * A multi-answer battery (several columns): the cell values that mean "chosen"
   * (e.g. ["Oui"]); absent: each cell holds its option's label or is blank.
   */
  chosen?: string[];
  /** Single answer: the order of its answers. Battery: the option label of each column. */
  answers?: string[];
  /** Values read as missing in this question, besides the survey's own missing values. */
  missing?: string[];
}

/** A numeric question cut into bands (age into 18–24, 25–34…), so that it can stand on a banner. */
export interface DefinedBand {
  /** The numeric question's id. */
  question: string;
  /** Cut points in increasing order; each starts a band: [25, 35] makes 18–24, 25–34 and 35+. */
  cuts: number[];
  /** One label per band (one more than the cut points); absent: made from the cut points. */
  labels?: string[];
}

/**
 * A two-column table of labels and percents read as one published question
 * (content "published-question"): what the file itself does not say.
 */
export interface DefinedPublishedQuestion {
  /** The question's wording; absent: the file's name. */
  question?: string;
  /** Who published the figures; absent or null: unknown. */
  publisher?: string | null;
  /** When: "2024-05" or "2024-05-17"; absent or null: unknown. */
  date?: string | null;
  /** Single or multiple answers; absent: proposed from the total of the percents. */
  kind?: 'single' | 'multi';
  /** The number of respondents; absent or null: unknown (the bases the figures fit are shown). */
  baseN?: number | null;
}

/** What the file's rows are: one per respondent, or one per option of a published question. */
export type DefinedContent = 'respondents' | 'published-question';

/** A banner question nested within another (gender within age): both single-answer. */
export interface DefinedNesting {
  question: string;
  within: string;
}

/**
 * The tab book's banner: the columns every table is crossed with, after Total.
 * Saved with the survey, so the same banner serves every table and travels
 * with the definition.
 */
export interface DefinedBanner {
  /** Question ids in order; a banded numeric question's id stands for its band. */
  columns: (string | DefinedNesting)[];
  /** Numeric questions banded so that they can stand on the banner. */
  bands?: DefinedBand[];
}

export interface SurveyDefinition {
  format: typeof DEFINITION_FORMAT;
  version: typeof DEFINITION_VERSION;
  /**
   * What the rows are. Absent: detection proposes (a two-column table of
   * labels and percents is proposed as one published question, anything else
   * is respondent rows); present: the file is read so, whatever detection says.
   */
  content?: DefinedContent;
  /** The published question's wording, publisher, date, kind and base (content "published-question"). */
  published?: DefinedPublishedQuestion;
  title?: string;
  /** e.g. "Simulated respondents, not real data": shown with every table. */
  notice?: string | null;
  source?: string | null;
  encoding?: EncodingName;
  delimiter?: Delimiter;
  /** An Excel workbook's sheet, by name: the one the data was read from. */
  sheet?: string;
  /** Cell values that mean "no answer" in every column (default: blank, NA, N/A, n/a, #N/A). */
  missing?: string[];
  /** The weight column. Absent or null: unweighted (a weight is never guessed). */
  weight?: string | null;
  /** The respondent id column; absent: detected; null: none. */
  id?: string | null;
  /**
   * The questions. Absent: detection decides. Present: every question made of
   * several columns, or of another kind than detection would give, is listed;
   * any column no listed question reads on its own becomes its own question by
   * detection, so no column is ever hidden.
   */
  questions?: DefinedQuestion[];
  /** The tab book's banner (absent: none saved). */
  banner?: DefinedBanner;
}

// Bounds keep a hostile definition (from a link or a file) from costing unbounded memory.
const name = z.string().check(z.minLength(1), z.maxLength(2000));
const text = z.string().check(z.maxLength(10000));
const values = z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(10000));

const questionSchema = z.strictObject({
  id: name,
  text,
  kind: z.enum(['single', 'multi', 'numeric', 'text']),
  columns: z.array(name).check(z.minLength(1), z.maxLength(10000)),
  separator: z.optional(z.enum([';', '|', ','])),
  chosen: z.optional(values),
  answers: z.optional(values),
  missing: z.optional(values),
});

const bandSchema = z.strictObject({
  question: name,
  cuts: z.array(z.number()).check(z.minLength(1), z.maxLength(1000)),
  labels: z.optional(z.array(name).check(z.maxLength(1001))),
});

const bannerSchema = z.strictObject({
  columns: z
    .array(z.union([name, z.strictObject({ question: name, within: name })]))
    .check(z.maxLength(100)),
  bands: z.optional(z.array(bandSchema).check(z.maxLength(100))),
});

const publishedSchema = z.strictObject({
  question: z.optional(text),
  publisher: z.optional(z.nullable(text)),
  date: z.optional(z.nullable(text)),
  kind: z.optional(z.enum(['single', 'multi'])),
  baseN: z.optional(z.nullable(z.number())),
});

const definitionSchema = z.strictObject({
  format: z.literal(DEFINITION_FORMAT),
  version: z.literal(DEFINITION_VERSION),
  content: z.optional(z.enum(['respondents', 'published-question'])),
  published: z.optional(publishedSchema),
  title: z.optional(text),
  notice: z.optional(z.nullable(text)),
  source: z.optional(z.nullable(text)),
  encoding: z.optional(z.enum(ENCODINGS)),
  delimiter: z.optional(z.enum([',', ';', '\t', '|'])),
  sheet: z.optional(name),
  missing: z.optional(values),
  weight: z.optional(z.nullable(name)),
  id: z.optional(z.nullable(name)),
  questions: z.optional(z.array(questionSchema).check(z.maxLength(20000))),
  banner: z.optional(bannerSchema),
});

// The schema and the contract must stay one type: this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesContract: Same<z.infer<typeof definitionSchema>, SurveyDefinition> = true;
void schemaMatchesContract;

/** An empty definition: detection decides everything, and nothing is weighted. */
export const emptyDefinition = (): SurveyDefinition => ({
  format: DEFINITION_FORMAT,
  version: DEFINITION_VERSION,
});

/** 1-based line and column of a character offset, for error messages. */
function lineAndColumn(textValue: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = textValue.indexOf('\n'); i >= 0 && i < offset; i = textValue.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** A JSON syntax error's offset: V8 names a position, or the text ended early. */
function syntaxOffset(message: string, length: number): number {
  const m = /position (\d+)/.exec(message);
  return m?.[1] !== undefined ? Math.min(length, Number(m[1])) : length;
}

/** Reads a definition document (a file, a link's payload, a CLI flag), with errors that say where and what. */
export function parseDefinition(textValue: string, file: string): Result<SurveyDefinition> {
  let value: unknown;
  try {
    value = JSON.parse(textValue);
  } catch (e) {
    const at = lineAndColumn(
      textValue,
      syntaxOffset(e instanceof Error ? e.message : '', textValue.length),
    );
    return fail(
      located(
        { file, line: at.line, column: at.column },
        problem('definition-not-json', at.line, at.column),
      ),
    );
  }
  return checkDefinition(value, file);
}

/** Validates a parsed value as a definition (a link's payload arrives parsed). */
export function checkDefinition(value: unknown, file: string): Result<SurveyDefinition> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(located({ file }, problem('definition-not-object')));
  const record = value as Record<string, unknown>;
  if ('answerOrder' in record)
    return fail(located({ file }, problem('definition-answer-order-moved')));
  const version = record.version;
  if (typeof version === 'number' && version > DEFINITION_VERSION)
    return fail(located({ file }, problem('definition-version', version)));
  const parsed = definitionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    // zod/mini carries no message locale: say what is wrong from the issue itself.
    const why =
      issue?.code === 'unrecognized_keys'
        ? M.unknownKeys(issue.keys)
        : issue?.code === 'invalid_value'
          ? M.notAllowed(issue.values.map(String))
          : issue?.code === 'invalid_type'
            ? M.wrongType(issue.expected)
            : M.outOfBounds;
    return fail(located({ file }, problem('definition-invalid', path, why)));
  }
  const def = parsed.data;
  const content = contentProblem(def);
  if (content !== null) return fail(located({ file }, content));
  const ids = new Set<string>();
  for (const q of def.questions ?? []) {
    if (ids.has(q.id)) return fail(located({ file }, problem('definition-duplicate-id', q.id)));
    ids.add(q.id);
    if (q.kind !== 'multi' && q.columns.length !== 1)
      return fail(located({ file }, problem('definition-one-column', q.id, q.kind)));
    // One column: options joined by a separator, or a battery of one (its answers say so).
    if (
      q.kind === 'multi' &&
      q.columns.length === 1 &&
      q.separator === undefined &&
      q.answers === undefined
    )
      return fail(located({ file }, problem('definition-needs-separator', q.id)));
    if (q.kind === 'multi' && q.columns.length > 1 && q.separator !== undefined)
      return fail(located({ file }, problem('definition-separator-one-column', q.id)));
    if (q.kind === 'multi' && q.separator === undefined && q.answers !== undefined)
      if (q.answers.length !== q.columns.length)
        return fail(located({ file }, problem('definition-answers-per-column', q.id)));
  }
  const banner = def.banner === undefined ? null : bannerProblem(def.banner);
  if (banner !== null) return fail(located({ file }, banner));
  return ok(def);
}

/**
 * A published question's details without content "published-question", or a
 * published question with respondent decisions (questions, a weight, an id, a
 * banner): contradictions, said rather than ignored.
 */
function contentProblem(def: SurveyDefinition): SurveyError | null {
  if (def.content !== 'published-question')
    return def.published === undefined ? null : problem('definition-published-without-content');
  const keys = (['questions', 'weight', 'id', 'banner'] as const).filter(
    (k) => def[k] !== undefined && def[k] !== null,
  );
  return keys.length === 0 ? null : problem('definition-published-respondent-keys', keys);
}

/**
 * A banner written on its own (a link carries one that is not saved yet), read
 * by the same rules as a definition's: the error says what is wrong.
 */
export function parseBanner(textValue: string, file: string): Result<DefinedBanner> {
  let value: unknown;
  try {
    value = JSON.parse(textValue);
  } catch {
    return fail(located({ file }, problem('definition-invalid', 'banner', BM.notJsonValue)));
  }
  const def = checkDefinition(
    { format: DEFINITION_FORMAT, version: DEFINITION_VERSION, banner: value },
    file,
  );
  if (!def.ok) return def;
  return ok(def.value.banner!);
}

/** A banner as a link writes it: compact JSON, as a definition holds it. */
export const formatBanner = (banner: DefinedBanner): string => JSON.stringify(banner);

/**
 * What is wrong with a banner as a document (against the table, see
 * banner.ts): a question twice, a question nested within itself, a band given
 * twice, cut points out of order, or labels that are not one per band.
 */
function bannerProblem(banner: DefinedBanner): SurveyError | null {
  const seen = new Set<string>();
  for (const c of banner.columns) {
    const key = typeof c === 'string' ? c : `${c.within}\u0000${c.question}`;
    if (seen.has(key))
      return problem('definition-banner-twice', typeof c === 'string' ? c : c.question);
    seen.add(key);
    if (typeof c !== 'string' && c.question === c.within)
      return problem('definition-banner-nested', c.question);
  }
  const banded = new Set<string>();
  for (const b of banner.bands ?? []) {
    if (banded.has(b.question)) return problem('definition-band-twice', b.question);
    banded.add(b.question);
    if (b.cuts.some((c, i) => i > 0 && !(c > b.cuts[i - 1]!)))
      return problem('definition-band-cuts', b.question, b.cuts);
    if (b.labels !== undefined && b.labels.length !== b.cuts.length + 1)
      return problem('definition-band-labels', b.question, b.labels.length, b.cuts.length + 1);
  }
  return null;
}

/** The definition as a file to download: stable key order, two-space indent. */
export function formatDefinition(def: SurveyDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}
