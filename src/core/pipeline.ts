// The import pipeline, in four numbered stages (Vega-Lite style, one short
// function each): 1 decode bytes -> text, 2 parse text -> rows (streamed through
// the tokenizer in 1 MB chunks, 4 MB past the first 8 MB), 3 infer the shape
// and, for respondent data, the schema from a sample of the first rows, 4 encode
// every row straight into typed-array columns. Respondent files are never held
// as string[][]: once the schema is known, the rest of the file goes to the
// fused parser (table/fused.ts), which tokenizes and encodes in one scan.
import { parseBannerRows } from './published/bannerTable';
import { isSavFile, loadSavFile, previewSavFile } from './sav/index';
import { isParquetFile, loadParquetFile, previewParquetFile } from './parquet/index';
import {
  isOleFile,
  isZipFile,
  loadXlsxFile,
  oleRefusal,
  previewXlsxFile,
  zipNeedsAsync,
} from './xlsx/index';
import { definitionOf } from './definition/apply';
import type { SurveyDefinition } from './definition/definition';
import type { ReadSettings } from './definition/apply';

import { err, PREVIEW_ROWS, RowSink } from './rowSink';
import { parseDistributionRows } from './published/parse';
import type { PastedQuestion } from './counts/pastedQuestion';
import { loadPastedQuestion } from './counts/pastedDecision';
import type { PublishedSurvey } from './published/types';
import { fail, ok } from './result';
import type { Result } from './result';
import { sampleAnswers } from './schema/answers';
import type { Shape } from './schema/shape';
import type { Schema, SchemaOverride } from './schema/types';
import type { Delimiter } from './csv/delimiter';
import type { EncodingName } from './csv/encoding';
import { readCsvBytes } from './csv/stream';
import { applyAnswerOrder, orderLabels, type AnswerOrder } from './table/order';
import type { RespondentTable } from './table/types';

export type { Shape } from './schema/shape';
export type { Delimiter } from './csv/delimiter';
export type { EncodingName } from './csv/encoding';

export interface LoadOptions {
  file: string;
  encoding?: EncodingName;
  delimiter?: Delimiter;
  shape?: Shape;
  missingTokens?: string[];
  weightId?: string | null;
  idColumnId?: string | null;
  schemaOverrides?: SchemaOverride[];
  onProgress?(p: { bytes: number; totalBytes: number; rows: number }): void;
  shouldCancel?(): boolean;
  /** Files above this many bytes are refused (default 2 GB). */
  maxBytes?: number;
  /**
   * An Excel workbook's sheet to read: its name, or its position (1 = first).
   * Absent: the sheet the definition names, else the first visible sheet.
   */
  sheet?: string;
  /** Rows read to infer the schema (default 1,000). */
  sampleRows?: number;
  /**
   * The survey's definition: its questions, weight, id, missing values, answer
   * orders, title, notice and source, and how to read the file. Without one,
   * detection decides the questions and nothing is weighted.
   */
  definition?: SurveyDefinition;
  /**
   * Respondent rows after the sample are tokenized and encoded in one scan
   * (default true). false sends every row through the general tokenizer and
   * the row encoders: the same table, slower (for tests and comparisons).
   */
  fused?: boolean;
}

export type Loaded =
  | {
      kind: 'distribution';
      survey: PublishedSurvey;
      detected: Detected;
      /**
       * A two-column table of labels and percents read as one published
       * question: the decision and its answers (counts/pastedDecision.ts).
       * Absent for a published file, which says all of it itself.
       */
      definition?: SurveyDefinition;
    }
  | {
      kind: 'respondents';
      table: RespondentTable;
      schema: Schema;
      /** Every decision the table was read with, complete: it travels with the survey. */
      definition: SurveyDefinition;
      detected: Detected;
    };

export interface Detected {
  encoding: EncodingName;
  encodingReason: string;
  delimiter: Delimiter;
  delimiterReason: string;
  shape: Shape;
  shapeReason: string;
  /** 1-based physical lines holding U+FFFD made by decoding: text that did not decode cleanly. */
  lossyLines: number[];
  warnings: string[];
}

export interface Preview {
  detected: Detected;
  /** The first rows as read (header lines included), at most PREVIEW_ROWS + header lines. */
  rows: string[][];
  /** Inferred (and overridden) schema for respondent data; null for published figures. */
  schema: Schema | null;
  /** The definition the preview's decisions make so far (respondent data), to download. */
  definition: SurveyDefinition | null;
  /** Each single-answer question's answers in the sample, in the order the table will list them. */
  answers: Record<string, string[]>;
  /** Published figures read from the previewed rows (distribution or banner), else null. */
  survey: PublishedSurvey | null;
  /** Two columns of labels and percents read as respondents: detection proposes one published question. */
  pasted?: PastedQuestion | null;
  /** True when the file has more rows than the preview shows. */
  truncated: boolean;
  /** An Excel workbook's sheets, for the preview's picker; absent for other files. */
  workbook?: WorkbookSheets;
}

export interface WorkbookSheets {
  /** Worksheets in tab order. */
  sheets: { name: string; hidden: boolean }[];
  /** The sheet read. */
  sheet: string;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * The one door for every format. The Parquet and Excel readers are loaded on
 * demand (import()), so the door is asynchronous; CSV and SPSS files go on to
 * loadSurveyFile. Both are recognised by their first bytes, whatever their name.
 */
export async function loadSurveyFileAsync(
  bytes: Uint8Array,
  opts: LoadOptions,
): Promise<Result<Loaded>> {
  if (isParquetFile(bytes)) return loadParquetFile(bytes, opts);
  if (isZipFile(bytes)) return loadXlsxFile(bytes, opts);
  return loadSurveyFile(bytes, opts);
}

/** previewSurveyFile for every format, Parquet and Excel included (see loadSurveyFileAsync). */
export async function previewSurveyFileAsync(
  bytes: Uint8Array,
  opts: LoadOptions,
): Promise<Result<Preview>> {
  if (isParquetFile(bytes)) return previewParquetFile(bytes, opts, PREVIEW_ROWS);
  if (isZipFile(bytes)) return previewXlsxFile(bytes, opts);
  return previewSurveyFile(bytes, opts);
}

/** Reads a CSV or SPSS file synchronously; a Parquet or Excel file needs loadSurveyFileAsync. */
export function loadSurveyFile(bytes: Uint8Array, opts: LoadOptions): Result<Loaded> {
  // An SPSS system file (.sav, .zsav) has its own reader; everything else is delimited text.
  if (isSavFile(bytes)) return loadSavFile(bytes, opts);
  const other = notText(bytes, opts.file);
  if (other !== null) return other;
  const run = runPipeline(bytes, opts, false);
  if (!run.ok) return run;
  return loadedFrom(run.value, opts, run.value.detected);
}

/** A Parquet file or a workbook at the synchronous door, or an OLE file: the reason, else null. */
function notText(bytes: Uint8Array, file: string): Result<never> | null {
  if (isParquetFile(bytes)) return fail(err('import-parquet-async', [], file));
  if (isZipFile(bytes)) return zipNeedsAsync(file);
  if (isOleFile(bytes)) return oleRefusal(file);
  return null;
}

/**
 * The end of stages 3 and 4, for CSV and a workbook's sheet alike: the table
 * and its complete definition (how the file was read: `read`), or the
 * published figures.
 */
export function loadedFrom(run: Run, opts: LoadOptions, read: ReadSettings | null): Result<Loaded> {
  const { sink, detected } = run;
  if (sink.pasted !== null) {
    const pasted = loadPastedQuestion(sink.pasted, opts.file, opts.definition, read);
    if (!pasted.ok) return pasted;
    detected.shape = 'distribution';
    detected.shapeReason = sink.pasted.reason;
    detected.warnings.push(...pasted.value.warnings);
    const { survey, definition } = pasted.value;
    return ok({ kind: 'distribution', survey, detected, definition });
  }
  if (sink.builder !== null && sink.schema !== null) {
    if (sink.builder.rowCount === 0) return fail(err('import-no-rows', [], opts.file));
    const { table: built, warnings } = sink.builder.finish();
    // Numeric-looking answers (age bands, ratings) in numeric order rather than order of
    // first appearance, unless the definition gives the order.
    const table = applyAnswerOrder(orderLabels(built), answerOrderOf(sink.schema));
    detected.warnings.push(...warnings);
    const definition = definitionOf(sink.schema, table, read, opts.definition);
    return ok({ kind: 'respondents', table, schema: sink.schema, definition, detected });
  }
  const survey = parsePublished(sink, detected.shape, opts.file);
  if (!survey.ok) return survey;
  return ok({ kind: 'distribution', survey: survey.value, detected });
}

/** Detected settings, the first rows and the inferred schema, for the import preview. Reads only the first rows. */
export function previewSurveyFile(bytes: Uint8Array, opts: LoadOptions): Result<Preview> {
  if (isSavFile(bytes)) return previewSavFile(bytes, opts, PREVIEW_ROWS);
  const other = notText(bytes, opts.file);
  if (other !== null) return other;
  const run = runPipeline(bytes, opts, true);
  if (!run.ok) return run;
  return previewFrom(run.value, opts, run.value.detected);
}

/** The preview at the end of stage 3, for CSV and a workbook's sheet alike (see loadedFrom). */
export function previewFrom(
  run: Run,
  opts: LoadOptions,
  read: ReadSettings | null,
): Result<Preview> {
  const { sink, detected } = run;
  const rows = sink.previewRows;
  let survey: PublishedSurvey | null = null;
  if (sink.schema === null) {
    const parsed = parsePublished(sink, detected.shape, opts.file);
    if (!parsed.ok) return parsed;
    survey = parsed.value;
  }
  const schema = sink.schema;
  return ok({
    detected,
    rows,
    schema,
    definition: schema === null ? null : definitionOf(schema, null, read, opts.definition),
    answers: schema === null ? {} : sampleAnswers(schema, sink.sample),
    survey,
    truncated: sink.stoppedEarly || sink.rows.length > rows.length,
    // Proposed by the row sink (counts/pastedDecision.ts): the user decides in the preview.
    pasted: schema !== null ? sink.pasted : null,
  });
}

/** The answer orders a schema decides (from a definition), by question id. */
function answerOrderOf(schema: Schema): AnswerOrder {
  const order: Record<string, readonly string[]> = {};
  for (const q of schema.questions) if (q.answers !== undefined) order[q.id] = q.answers;
  return order;
}

function parsePublished(sink: RowSink, shape: Shape, file: string): Result<PublishedSurvey> {
  if (shape === 'banner') return parseBannerRows(sink.rows, file, sink.lines);
  return parseDistributionRows(sink.rows, file, sink.lines);
}

// ---- stages -------------------------------------------------------------------

export interface Run {
  sink: RowSink;
  detected: Detected;
}

/** The shape as the user chose it, or to be detected (its reason is then given by detection). */
export function shapeChoice(opts: LoadOptions): Pick<Detected, 'shape' | 'shapeReason'> {
  return {
    shape: opts.shape ?? 'respondents',
    shapeReason: opts.shape === undefined ? '' : 'chosen by you',
  };
}

/** Stages 1 and 2 for delimited text held in memory (csv/stream.ts reads it slice by slice). */
function runPipeline(bytes: Uint8Array, opts: LoadOptions, preview: boolean): Result<Run> {
  return readCsvBytes(bytes, opts, preview, DEFAULT_MAX_BYTES);
}
