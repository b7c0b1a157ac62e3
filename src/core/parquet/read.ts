// Reading a Parquet file into the engine's structures: the same
// RespondentTable, Schema and SurveyDefinition a CSV import produces.
//
// hyparquet (pure JavaScript, no eval, no WebAssembly) decodes the footer and
// then one column of one row group at a time; the values go straight into the
// CSV reader's own table builder through its per-column interface
// (TableBuilder.fused): dictionary codes for single and text questions,
// numbers for numeric ones, so no row of strings is ever made except for the
// columns that several questions read (a battery's members) and for the
// sample. The sample (the first 1,000 rows, as text: cells.ts) goes through
// the CSV detection, then the survey definition (the caller's, or the one in
// the file's metadata), then the user's changes, exactly as for a CSV.
//
// Never throws: a damaged file becomes a SurveyError naming the bytes (the
// footer, or the column chunk) where reading failed.
import { parquetScan, type DecodedArray } from 'hyparquet';
import { applyDefinition, definitionOf } from '../definition/apply';
import { parseDefinition, type SurveyDefinition } from '../definition/definition';
import { definitionMessages, located, parquetMessages as M, problem } from '../messages';
import type { Detected, LoadOptions, Loaded, Preview } from '../pipeline';
import { fail, ok, type Result, type SurveyError } from '../result';
import { sampleAnswers } from '../schema/answers';
import { inferSchema } from '../schema/infer';
import { applyOverrides } from '../schema/overrides';
import { DEFAULT_MISSING_TOKENS, type Schema, type SchemaOverride } from '../schema/types';
import { fileStem } from '../surveys';
import {
  CELL_CODE,
  CELL_ID,
  CELL_NUMBER,
  CELL_TEXT,
  createTableBuilder,
  type FusedColumns,
} from '../table/encode';
import { isCanonicalInteger } from '../table/encoders/cells';
import { applyAnswerOrder, orderLabels, type AnswerOrder } from '../table/order';
import type { RespondentMeta } from '../table/types';
import { cellNumber, cellText, float32Text, PARSERS, type ValueColumn } from './cells';
import { open, Place, type Opened, type Source } from './footer';

const DEFAULT_SAMPLE = 1000;
/** Capacity hint cap: buffers grow by doubling past it, so a lying footer costs nothing. */
const MAX_CAPACITY_HINT = 1 << 22;
/** Distinct values remembered per column (value -> code) before every cell is looked up by its text. */
const MAX_CACHED = 1 << 16;

interface Prepared {
  opened: Opened;
  sample: string[][];
  schema: Schema;
  detected: Detected;
  /** What the definition that was applied says about reading a CSV (kept so it still reads one). */
  csv: Pick<SurveyDefinition, 'encoding' | 'delimiter'>;
  /** The definition applied (the caller's, or the file's own): its banner is kept. */
  applied: SurveyDefinition | undefined;
  title: RespondentMeta;
}

/** Reads a whole Parquet file. */
export async function readParquet(bytes: Uint8Array, opts: LoadOptions): Promise<Result<Loaded>> {
  const place = new Place();
  try {
    const prepared = await prepare(
      bytes,
      opts,
      Math.max(1, opts.sampleRows ?? DEFAULT_SAMPLE),
      place,
    );
    if (!prepared.ok) return prepared;
    return await build(prepared.value, bytes.length, opts, place);
  } catch (e) {
    return fail(damaged(e, opts.file, place));
  }
}

/** The columns, the first rows and the schema, for the import preview. */
export async function previewParquet(
  bytes: Uint8Array,
  opts: LoadOptions,
  previewRows: number,
): Promise<Result<Preview>> {
  const place = new Place();
  try {
    const size = Math.max(previewRows, opts.sampleRows ?? DEFAULT_SAMPLE);
    const prepared = await prepare(bytes, opts, size, place);
    if (!prepared.ok) return prepared;
    const { opened, sample, schema, detected, csv, applied } = prepared.value;
    const shown = sample.slice(0, previewRows);
    return ok({
      detected,
      rows: [schema.columnNames.slice(), ...shown],
      schema,
      definition: withCsvSettings(definitionOf(schema, null, null, applied), csv),
      answers: sampleAnswers(schema, sample),
      survey: null,
      truncated: opened.rows > shown.length,
    });
  } catch (e) {
    return fail(damaged(e, opts.file, place));
  }
}

// ---- the sample and the schema -------------------------------------------------

async function prepare(
  bytes: Uint8Array,
  opts: LoadOptions,
  sampleSize: number,
  place: Place,
): Promise<Result<Prepared>> {
  const file = opts.file;
  const opened = await open(bytes, opts, place);
  if (!opened.ok) return opened;
  const o = opened.value;

  // The caller's definition wins; else the one the file carries.
  let definition = opts.definition;
  const fromFile = definition === undefined && o.stored !== null;
  if (fromFile) {
    const parsed = parseDefinition(o.stored as string, file);
    if (!parsed.ok) return fail(fromFileError(parsed.error));
    definition = parsed.value;
  }
  if (definition?.missing !== undefined)
    definition = { ...definition, missing: withBlank(definition.missing) };

  const sample = await readSample(o, Math.min(o.rows, sampleSize), place);
  const names = o.sources.map((s) => s.name);
  const inferred = inferSchema({
    names,
    headerLines: 1,
    rows: sample,
    missingTokens: withBlank(definition?.missing ?? opts.missingTokens ?? DEFAULT_MISSING_TOKENS),
  });
  // Detection proposes; the definition, then the user's own changes, decide.
  const defined =
    definition === undefined ? ok(inferred) : applyDefinition(inferred, definition, file, sample);
  if (!defined.ok) return fail(fromFile ? fromFileError(defined.error) : defined.error);
  const overrides: SchemaOverride[] = [...(opts.schemaOverrides ?? [])];
  if (opts.weightId !== undefined) overrides.unshift({ type: 'weight', id: opts.weightId });
  if (opts.idColumnId !== undefined) overrides.unshift({ type: 'id', id: opts.idColumnId });
  const overridden = applyOverrides(defined.value, overrides, file, sample);
  if (!overridden.ok) return overridden;
  // A null is how a Parquet cell says "no answer": blank stays missing whatever else is listed.
  const schema = { ...overridden.value, missingTokens: withBlank(overridden.value.missingTokens) };

  const detected: Detected = {
    encoding: 'utf-8',
    encodingReason: M.encodingReason,
    delimiter: definition?.delimiter ?? ',',
    delimiterReason: M.delimiterReason,
    shape: 'respondents',
    shapeReason: fromFile ? M.shapeReasonDefinition : M.shapeReason,
    lossyLines: [],
    warnings: [...o.warnings, ...schema.warnings],
  };
  const weightDecided =
    definition?.weight !== undefined || overrides.some((x) => x.type === 'weight');
  if (!weightDecided && schema.weightId === null && schema.proposedWeightId !== null)
    detected.warnings.push(definitionMessages.weightProposed(schema.proposedWeightId));
  const csv: Prepared['csv'] = {};
  if (definition?.encoding !== undefined) csv.encoding = definition.encoding;
  if (definition?.delimiter !== undefined) csv.delimiter = definition.delimiter;
  const title: RespondentMeta = {
    title: definition?.title ?? fileStem(file),
    notice: definition?.notice ?? null,
    source: definition?.source ?? null,
  };
  return ok({ opened: o, sample, schema, detected, csv, title, applied: definition });
}

/** The first `n` rows of every column, as the text a CSV would hold. */
async function readSample(o: Opened, n: number, place: Place): Promise<string[][]> {
  const rows: string[][] = Array.from({ length: n }, () => new Array<string>(o.sources.length));
  if (n === 0) return rows;
  for (let c = 0; c < o.sources.length; c++) {
    const s = o.sources[c]!;
    let at = 0;
    for (let g = 0; g < o.groups.length && at < n; g++) {
      const { start, end } = o.groups[g]!;
      const stop = Math.min(end, n);
      if (stop <= start) continue;
      const data = await readChunk(o, s, g, start, stop, place);
      for (let i = 0; i < stop - start; i++) rows[at++]![c] = cellText(data[i], s.value);
    }
  }
  return rows;
}

/** Rows [start, end) of one column within row group g: exactly that many values. */
async function readChunk(
  o: Opened,
  s: Source,
  g: number,
  start: number,
  end: number,
  place: Place,
): Promise<DecodedArray> {
  const chunk = s.chunks[g]!;
  place.what = (why) => M.chunk(s.name, g, chunk.from, chunk.to, why);
  // A scan per chunk: a scan keeps the last values it read of each column, and one
  // row group of every column at once is the whole file when a writer makes one group.
  const scan = await parquetScan({
    file: o.file,
    metadata: o.metadata,
    columns: [s.key],
    compressors: o.compressors,
    parsers: PARSERS,
    useOffsetIndex: false,
  });
  const data = await scan.readColumn({ column: s.key, rowStart: start, rowEnd: end });
  if (data.length !== end - start)
    throw new Error(`it holds ${data.length} values for ${end - start} rows`);
  place.what = null;
  return data;
}

// ---- the table --------------------------------------------------------------------

async function build(
  p: Prepared,
  totalBytes: number,
  opts: LoadOptions,
  place: Place,
): Promise<Result<Loaded>> {
  const { opened: o, schema, detected } = p;
  if (o.rows === 0) return fail(located({ file: opts.file }, problem('import-no-rows')));
  const width = o.sources.length;
  const builder = createTableBuilder(schema, p.title, Math.min(o.rows, MAX_CAPACITY_HINT));
  const cols = builder.fused(width);
  const caches = o.sources.map(() => new Map<unknown, number>());
  const text: number[] = [];
  for (let c = 0; c < width; c++) if (cols.kind[c] === CELL_TEXT) text.push(c);
  const cells = new Array<string>(width).fill('');

  let done = 0;
  for (let g = 0; g < o.groups.length; g++) {
    const { start, end } = o.groups[g]!;
    const n = end - start;
    if (n === 0) continue;
    for (let c = 0; c < width; c++) {
      const kind = cols.kind[c];
      if (kind !== CELL_CODE && kind !== CELL_NUMBER && kind !== CELL_ID) continue;
      const s = o.sources[c]!;
      const data = await readChunk(o, s, g, start, end, place);
      if (kind === CELL_CODE) encodeCodes(cols, c, s.value, data, caches[c]!);
      else encodeNumbers(cols, c, s.value, data, kind === CELL_ID);
      opts.onProgress?.({ bytes: s.chunks[g]!.to, totalBytes, rows: done });
      if (opts.shouldCancel?.() === true)
        return fail(located({ file: opts.file }, problem('import-cancelled')));
    }
    // Columns that several questions read (a battery's members) go in as rows of text.
    if (text.length > 0) {
      const data: DecodedArray[] = [];
      for (const c of text) data.push(await readChunk(o, o.sources[c]!, g, start, end, place));
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < text.length; k++) {
          const c = text[k]!;
          cells[c] = cellText(data[k]![i], o.sources[c]!.value);
        }
        for (const e of cols.rowEncoders) e.push(cells);
      }
    }
    for (let i = 0; i < n; i++) cols.countRow();
    done = end;
    const lastByte = Math.max(...o.sources.map((s) => s.chunks[g]!.to));
    opts.onProgress?.({ bytes: Math.min(lastByte, totalBytes), totalBytes, rows: done });
    if (opts.shouldCancel?.() === true)
      return fail(located({ file: opts.file }, problem('import-cancelled')));
  }
  opts.onProgress?.({ bytes: totalBytes, totalBytes, rows: done });

  const { table: built, warnings } = builder.finish();
  detected.warnings.push(...warnings);
  // As for a CSV: numeric-looking answers in numeric order, unless the definition orders them.
  const table = applyAnswerOrder(orderLabels(built), answerOrderOf(schema));
  const definition = withCsvSettings(definitionOf(schema, table, null, p.applied), p.csv);
  return ok({ kind: 'respondents', table, schema, definition, detected });
}

/** A single, text or one-cell multi-answer question's column: each value's code, remembered by value. */
function encodeCodes(
  cols: FusedColumns,
  c: number,
  value: ValueColumn,
  data: DecodedArray,
  cache: Map<unknown, number>,
): void {
  const column = cols.code[c]!;
  const codes = column.codes;
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    let code = cache.get(v);
    if (code === undefined) {
      code = column.lookupString(cellText(v, value));
      if (cache.size < MAX_CACHED) cache.set(v, code);
    }
    codes.push(code);
  }
}

/** A numeric (or id) question's column: numbers go in as numbers, anything else as its text. */
function encodeNumbers(
  cols: FusedColumns,
  c: number,
  value: ValueColumn,
  data: DecodedArray,
  id: boolean,
): void {
  const column = cols.number[c]!;
  const numeric = value.kind === 'number' || value.kind === 'float32';
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    let x = numeric ? cellNumber(v) : undefined;
    if (x !== undefined && value.kind === 'float32' && Number.isFinite(x))
      x = Number(float32Text(x));
    if (
      x !== undefined &&
      Number.isFinite(x) &&
      column.fastOk() &&
      (!id || isCanonicalInteger(String(x)))
    )
      column.pushNumber(x);
    else column.pushText(cellText(v, value));
  }
}

// ---- helpers -----------------------------------------------------------------------

function answerOrderOf(schema: Schema): AnswerOrder {
  const order: Record<string, readonly string[]> = {};
  for (const q of schema.questions) if (q.answers !== undefined) order[q.id] = q.answers;
  return order;
}

const withBlank = (tokens: readonly string[]): string[] =>
  tokens.includes('') ? [...tokens] : ['', ...tokens];

/**
 * The definition as the table was read, keeping what the applied definition
 * said about reading a CSV (encoding, delimiter): the same document must still
 * read the CSV the Parquet file was made from. A Parquet file itself has none.
 */
function withCsvSettings(
  def: SurveyDefinition,
  csv: Pick<SurveyDefinition, 'encoding' | 'delimiter'>,
): SurveyDefinition {
  const { format, version, title, notice, source, ...rest } = def;
  const out: SurveyDefinition = { format, version };
  if (title !== undefined) out.title = title;
  if (notice !== undefined) out.notice = notice;
  if (source !== undefined) out.source = source;
  if (csv.encoding !== undefined) out.encoding = csv.encoding;
  if (csv.delimiter !== undefined) out.delimiter = csv.delimiter;
  return { ...out, ...rest };
}

function fromFileError(e: SurveyError): SurveyError {
  return { ...e, ...problem('parquet-definition', e.message) };
}

/** An exception while decoding, as the user sees it: which bytes, what went wrong, what to do. */
function damaged(e: unknown, file: string, place: Place): SurveyError {
  const raw = e instanceof Error ? e.message : String(e);
  // Memory ran out: the file may be fine, and too large for this tab.
  if (e instanceof RangeError && /memory|allocation failed/i.test(raw))
    return located({ file }, problem('file-too-large-for-memory', raw));
  // hyparquet's own errors say what is wrong; a JavaScript error inside it only that something is.
  const why =
    e instanceof TypeError
      ? M.structure
      : e instanceof RangeError && /bounds|offset/i.test(raw)
        ? M.pastEnd
        : e instanceof RangeError
          ? M.tooManyValues
          : raw.replace(/^parquet /, '').replace(/\.$/, '');
  const where = place.what;
  const detail = where === null ? M.unreadable(why) : where(why);
  return located({ file }, problem('parquet-damaged', detail));
}
