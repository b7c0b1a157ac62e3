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
import { definitionOf } from './definition/apply';
import type { SurveyDefinition } from './definition/definition';
import { csvMessages, importMessages, parquetMessages } from './messages';
import { err, PREVIEW_ROWS, RowSink } from './rowSink';
import { parseDistributionRows } from './published/parse';
import type { PublishedSurvey } from './published/types';
import { fail, ok } from './result';
import type { Result } from './result';
import { sampleAnswers } from './schema/answers';
import type { Shape } from './schema/shape';
import type { Schema, SchemaOverride } from './schema/types';
import { createChunkDecoder } from './csv/decode';
import { detectDelimiter } from './csv/delimiter';
import type { Delimiter } from './csv/delimiter';
import { detectEncoding } from './csv/encoding';
import type { EncodingName } from './csv/encoding';
import { createTokenizer } from './csv/tokenize';
import { applyAnswerOrder, orderLabels, type AnswerOrder } from './table/order';
import type { TableBuilder } from './table/encode';
import { createFusedParser } from './table/fused';
import type { FusedParser } from './table/fused';
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
  | { kind: 'distribution'; survey: PublishedSurvey; detected: Detected }
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
  /** True when the file has more rows than the preview shows. */
  truncated: boolean;
}

const CHUNK_BYTES = 1 << 20;
/** Past the first 8 MB, chunks of 4 MB: fewer, longer decodes and scans (~8% faster on large files). */
const LARGE_CHUNK_FROM = 8 * CHUNK_BYTES;
const LARGE_CHUNK_BYTES = 4 * CHUNK_BYTES;
const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * The one door for every format. Parquet's reader is loaded on demand (import()),
 * so the door is asynchronous; CSV and SPSS files go on to loadSurveyFile.
 */
export async function loadSurveyFileAsync(
  bytes: Uint8Array,
  opts: LoadOptions,
): Promise<Result<Loaded>> {
  if (isParquetFile(bytes)) return loadParquetFile(bytes, opts);
  return loadSurveyFile(bytes, opts);
}

/** previewSurveyFile for every format, Parquet included (see loadSurveyFileAsync). */
export async function previewSurveyFileAsync(
  bytes: Uint8Array,
  opts: LoadOptions,
): Promise<Result<Preview>> {
  if (isParquetFile(bytes)) return previewParquetFile(bytes, opts, PREVIEW_ROWS);
  return previewSurveyFile(bytes, opts);
}

/** Reads a CSV or SPSS file synchronously; a Parquet file needs loadSurveyFileAsync. */
export function loadSurveyFile(bytes: Uint8Array, opts: LoadOptions): Result<Loaded> {
  // An SPSS system file (.sav, .zsav) has its own reader; everything else is delimited text.
  if (isSavFile(bytes)) return loadSavFile(bytes, opts);
  if (isParquetFile(bytes))
    return fail(err('import-parquet-async', parquetMessages.needsAsync, opts.file));
  const run = runPipeline(bytes, opts, false);
  if (!run.ok) return run;
  const { sink, detected } = run.value;
  if (sink.builder !== null && sink.schema !== null) {
    if (sink.builder.rowCount === 0)
      return fail(err('import-no-rows', importMessages.noRows, opts.file));
    const { table: built, warnings } = sink.builder.finish();
    // Numeric-looking answers (age bands, ratings) in numeric order rather than order of
    // first appearance, unless the definition gives the order.
    const table = applyAnswerOrder(orderLabels(built), answerOrderOf(sink.schema));
    detected.warnings.push(...warnings);
    const definition = definitionOf(sink.schema, table, detected);
    return ok({ kind: 'respondents', table, schema: sink.schema, definition, detected });
  }
  const survey = parsePublished(sink, detected.shape, opts.file);
  if (!survey.ok) return survey;
  return ok({ kind: 'distribution', survey: survey.value, detected });
}

/** Detected settings, the first rows and the inferred schema, for the import preview. Reads only the first rows. */
export function previewSurveyFile(bytes: Uint8Array, opts: LoadOptions): Result<Preview> {
  if (isSavFile(bytes)) return previewSavFile(bytes, opts, PREVIEW_ROWS);
  if (isParquetFile(bytes))
    return fail(err('import-parquet-async', parquetMessages.needsAsync, opts.file));
  const run = runPipeline(bytes, opts, true);
  if (!run.ok) return run;
  const { sink, detected } = run.value;
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
    definition: schema === null ? null : definitionOf(schema, null, detected),
    answers: schema === null ? {} : sampleAnswers(schema, sink.sample),
    survey,
    truncated: sink.stoppedEarly || sink.rows.length > rows.length,
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

interface Run {
  sink: RowSink;
  detected: Detected;
}

function runPipeline(bytes: Uint8Array, opts: LoadOptions, preview: boolean): Result<Run> {
  const file = opts.file;
  if (bytes.length === 0) return fail(err('import-empty', importMessages.emptyFile, file));
  const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit)
    return fail(err('import-too-large', importMessages.tooLarge(bytes.length, limit), file));

  // 1 decode
  const chosenEncoding = opts.encoding ?? opts.definition?.encoding;
  const guess = chosenEncoding === undefined ? detectEncoding(bytes.subarray(0, 65536)) : null;
  const encoding = chosenEncoding ?? guess?.encoding ?? 'utf-8';
  if (!encoding.startsWith('utf-16') && bytes.subarray(0, 65536).indexOf(0) >= 0)
    return fail(err('import-binary', importMessages.binaryFile, file));
  // The decoder tells lossy lines (decoding made U+FFFD) from U+FFFD already in the file.
  const decoder = createChunkDecoder(encoding);

  // 2 parse (3 and 4 run inside the row sink as rows arrive)
  let text = decoder.push(bytes.subarray(0, CHUNK_BYTES));
  const chosenDelimiter = opts.delimiter ?? opts.definition?.delimiter;
  const delim = chosenDelimiter === undefined ? detectDelimiter(text.slice(0, 65536)) : null;
  const delimiter = chosenDelimiter ?? delim?.delimiter ?? ',';
  const detected: Detected = {
    encoding,
    encodingReason: guess?.reason ?? (opts.encoding ? 'chosen by you' : 'as the definition says'),
    delimiter,
    delimiterReason: delim?.reason ?? (opts.delimiter ? 'chosen by you' : 'as the definition says'),
    shape: opts.shape ?? 'respondents',
    shapeReason: opts.shape === undefined ? '' : 'chosen by you',
    lossyLines: [],
    warnings: [],
  };
  const sink = new RowSink(opts, detected, preview, bytes.length, delim?.decimalComma ?? false);
  const tokenizer = createTokenizer({
    delimiter,
    file,
    onRow: (cells, line) => sink.onRow(cells, line),
  });
  // Once the schema is known, the rest of a respondent file goes to the fused parser.
  let fused: FusedParser | null = null;
  const handOff = (): Result<void> => {
    const builder = sink.builder as TableBuilder;
    const rest = tokenizer.remainder();
    const parser = createFusedParser({
      delimiter,
      file,
      width: sink.width,
      columns: builder.fused(sink.width),
      line: rest.line,
      skipLF: rest.skipLF,
    });
    fused = parser;
    sink.fusedFrom = sink.dataRows;
    return parser.push(rest.text);
  };
  const feed = (chunk: string): Result<void> => {
    if (fused !== null) return fused.push(chunk);
    const pushed = tokenizer.push(chunk);
    if (!pushed.ok || !sink.handOff) return pushed;
    return handOff();
  };
  const countFused = (): void => {
    if (fused !== null) sink.dataRows = sink.fusedFrom + fused.rows;
  };
  let offset = Math.min(CHUNK_BYTES, bytes.length);
  for (;;) {
    const pushed = feed(text);
    if (!pushed.ok) return pushed;
    if (sink.error !== null) return fail(sink.error);
    countFused();
    opts.onProgress?.({ bytes: offset, totalBytes: bytes.length, rows: sink.dataRows });
    if (sink.stopped || offset >= bytes.length) break;
    if (opts.shouldCancel?.() === true)
      return fail(err('import-cancelled', importMessages.cancelled, file));
    const size = offset >= LARGE_CHUNK_FROM ? LARGE_CHUNK_BYTES : CHUNK_BYTES;
    text = decoder.push(bytes.subarray(offset, offset + size));
    offset = Math.min(offset + size, bytes.length);
  }
  if (!sink.stopped) {
    const tail = decoder.end();
    const pushed = feed(tail);
    if (!pushed.ok) return pushed;
  }
  const ended: Result<unknown> = fused !== null ? (fused as FusedParser).end() : tokenizer.end();
  if (!ended.ok) return ended;
  countFused();
  if (sink.error !== null) return fail(sink.error);
  sink.finishSample();
  if (sink.error !== null) return fail(sink.error);
  detected.lossyLines = decoder.lossyLines();
  // U+FFFD already in the file: say so, and do not send the user to another encoding.
  const genuine = decoder.genuineLines();
  if (genuine.length > 0) {
    detected.warnings.push(csvMessages.replacementInFile(genuine));
    if (guess !== null && encoding === 'utf-8' && !guess.bom)
      detected.encodingReason = csvMessages.encodingReplacementInFile;
  }
  return ok({ sink, detected });
}
