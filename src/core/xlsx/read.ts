// Reading an .xlsx workbook through the import pipeline's own stages 3 and 4:
// one worksheet's rows, each cell's stored value as text, go into the same
// RowSink a CSV's rows go into, so detection (shape, header, schema), the
// survey definition, the user's changes and the table are exactly a CSV's with
// the same cells. Loaded with import() the first time a workbook arrives
// (index.ts), so the app's bundle does not grow.
//
// Two things a CSV does not have, decided here:
// - Which sheet: the one asked for (opts.sheet: name or position), else the one
//   the survey definition names, else the first visible one. The definition of
//   respondent data records it by name.
// - Percentage-formatted cells: in respondent data a cell is its stored value
//   (0.3807); in a published table, whose percent column or banner cells are
//   very often typed as 38.07% and stored as 0.3807, it is the percentage it
//   holds ("38.07%", in full), or every figure would be a hundred times too
//   small. The shape is detected on the rows with their percentages for that.
//
// Never throws: every problem (a damaged archive, malformed XML, a zip bomb,
// a missing sheet) is a SurveyError naming the part and, where known, the row.
import { located, problem, xlsxMessages as M } from '../messages';
import type { SurveyDefinition } from '../definition/definition';
import {
  DEFAULT_MAX_BYTES,
  loadedFrom,
  previewFrom,
  shapeChoice,
  type Detected,
  type LoadOptions,
  type Loaded,
  type Preview,
  type WorkbookSheets,
} from '../pipeline';
import { fail, ok, type Result, type SurveyError } from '../result';
import { RowSink } from '../rowSink';
import { detectShape, type Shape } from '../schema/shape';
import { columnName } from './cells';
import { XlsxError } from './errors';
import { malformedIn, scanPart } from './parts';
import { SheetReader, type SheetRow } from './sheet';
import { SharedStringsReader } from './strings';
import { StylesReader } from './styles';
import { readWorkbook, type SheetInfo, type WorkbookInfo } from './workbook';
import { openZip, partKey, type Budget, type Zip } from './zip';

/** Rows the schema is inferred from, as for a CSV (rowSink.ts); given to the sink explicitly. */
const SAMPLE_ROWS = 1000;
/**
 * The XML a workbook may expand to: 100 times its size (real workbooks expand
 * 5 to 30 times), at least 256 MB, at most the largest file the app reads.
 */
const EXPANSION = 100;
const MIN_XML_BUDGET = 256 * 1024 ** 2;

/** Reads a whole workbook's chosen sheet: respondent data or published figures. */
export function readXlsx(bytes: Uint8Array, opts: LoadOptions): Result<Loaded> {
  try {
    const run = readSheet(bytes, opts, false);
    if (!run.ok) return run;
    const { sink, detected, sheet } = run.value;
    const loaded = loadedFrom({ sink, detected }, opts, null);
    if (!loaded.ok || loaded.value.kind !== 'respondents') return loaded;
    return ok({ ...loaded.value, definition: withSheet(loaded.value.definition, sheet.name) });
  } catch (e) {
    return fail(caught(e, opts.file));
  }
}

/** The first rows of the chosen sheet, what was detected, and the workbook's sheets to choose from. */
export function previewXlsx(bytes: Uint8Array, opts: LoadOptions): Result<Preview> {
  try {
    const run = readSheet(bytes, opts, true);
    if (!run.ok) return run;
    const { sink, detected, sheet, book } = run.value;
    const preview = previewFrom({ sink, detected }, opts, null);
    if (!preview.ok) return preview;
    const p = preview.value;
    const workbook: WorkbookSheets = {
      sheets: book.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
      sheet: sheet.name,
    };
    return ok({
      ...p,
      definition: p.definition === null ? null : withSheet(p.definition, sheet.name),
      workbook,
    });
  } catch (e) {
    return fail(caught(e, opts.file));
  }
}

interface SheetRun {
  sink: RowSink;
  detected: Detected;
  sheet: SheetInfo;
  book: WorkbookInfo;
}

function readSheet(bytes: Uint8Array, opts: LoadOptions, preview: boolean): Result<SheetRun> {
  const file = opts.file;
  const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit)
    return fail(located({ file }, problem('import-too-large', bytes.length, limit)));
  const zip = openZip(bytes);
  const budget: Budget = {
    limit: Math.min(limit, Math.max(MIN_XML_BUDGET, EXPANSION * bytes.length)),
    used: 0,
  };
  const book = readWorkbook(zip, budget);
  const chosen = pickSheet(book.sheets, opts);
  if (!chosen.ok) return fail({ ...chosen.error, file });
  const sheet = chosen.value;
  const strings = sharedStrings(zip, book, budget);
  const formats = book.styles === null ? null : readStyles(zip, book.styles, budget);

  const detected: Detected = {
    encoding: 'utf-8',
    encodingReason: M.encodingReason,
    delimiter: ',',
    delimiterReason: M.delimiterReason,
    ...shapeChoice(opts),
    lossyLines: [],
    warnings: [],
  };
  const entry = zip.entries.get(partKey(sheet.part));
  const feeder = new Feeder(opts, detected, preview, entry?.compressedSize ?? bytes.length, sheet);
  const reader = new SheetReader({ strings, formats, date1904: book.date1904 }, (row) =>
    feeder.push(row),
  );
  reader.malformed = malformedIn(sheet.part, () => reader.place());
  scanPart(zip, sheet.part, budget, reader, reader.malformed, (read, size) => {
    // Progress as a share of the file, rows as the table has them so far.
    opts.onProgress?.({
      bytes: Math.round((read / Math.max(1, size)) * bytes.length),
      totalBytes: bytes.length,
      rows: feeder.sink?.dataRows ?? 0,
    });
    if (opts.shouldCancel?.() === true) throw new XlsxError(problem('import-cancelled'));
  });
  const sink = feeder.end();
  if (sink.error !== null) return fail(sink.error);
  sink.finishSample();
  if (sink.error !== null) return fail(sink.error);
  notes(reader, feeder, detected);
  return ok({ sink, detected, sheet, book });
}

/** The sheet asked for by name or position, else the definition's, else the first visible one. */
function pickSheet(sheets: readonly SheetInfo[], opts: LoadOptions): Result<SheetInfo> {
  const names = sheets.map((s) => s.name);
  const asked = opts.sheet;
  if (asked !== undefined) {
    const s = byName(sheets, asked) ?? byPosition(sheets, asked);
    return s === undefined ? fail(problem('xlsx-no-such-sheet', asked, names)) : ok(s);
  }
  const defined = opts.definition?.sheet;
  if (defined !== undefined) {
    const s = byName(sheets, defined);
    return s === undefined ? fail(problem('xlsx-definition-sheet', defined, names)) : ok(s);
  }
  return ok(sheets.find((s) => !s.hidden) ?? sheets[0]!);
}

/** Excel's sheet names are unique ignoring case: the exact name first, then ignoring case. */
function byName(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  const folded = name.trim().toLowerCase();
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === folded);
}

function byPosition(sheets: readonly SheetInfo[], text: string): SheetInfo | undefined {
  return /^\s*\d+\s*$/.test(text) ? sheets[Number(text) - 1] : undefined;
}

function sharedStrings(zip: Zip, book: WorkbookInfo, budget: Budget): string[] {
  if (book.sharedStrings === null) return [];
  const reader = new SharedStringsReader();
  scanPart(zip, book.sharedStrings, budget, reader, malformedIn(book.sharedStrings));
  return reader.strings;
}

function readStyles(zip: Zip, part: string, budget: Budget) {
  const malformed = malformedIn(part);
  const reader = new StylesReader(malformed);
  scanPart(zip, part, budget, reader, malformed);
  return reader.formats();
}

/**
 * Between the sheet and the sink: holds the first rows until the sample is
 * complete, decides the width of the table (the widest of those rows, as
 * Excel's CSV pads every row to its used range) and whether percentage cells
 * are read as percentages (a published table), then hands every row on, blank
 * rows left out as a CSV's blank lines are.
 */
class Feeder {
  sink: RowSink | null = null;
  /** Percentage-formatted cells read as percentages (for the note). */
  percentCells = 0;
  private sample: SheetRow[] = [];
  private width = 0;
  private usePercents = false;
  private readonly sampleRows: number;

  constructor(
    private readonly opts: LoadOptions,
    private readonly detected: Detected,
    private readonly preview: boolean,
    private readonly totalBytes: number,
    private readonly sheet: SheetInfo,
  ) {
    this.sampleRows = Math.max(1, opts.sampleRows ?? SAMPLE_ROWS);
  }

  push(r: SheetRow): boolean {
    if (r.cells.length === 0) return true;
    if (this.sink !== null) return this.forward(r);
    this.sample.push(r);
    return this.sample.length < this.sampleRows + 2 || this.decide();
  }

  /** The sheet is read: the sink, with every row it was given. */
  end(): RowSink {
    if (this.sink === null) {
      if (this.sample.length === 0)
        throw new XlsxError(problem('xlsx-empty-sheet', this.sheet.name));
      this.decide();
    }
    return this.sink as RowSink;
  }

  private decide(): boolean {
    for (const r of this.sample) this.width = Math.max(this.width, r.cells.length);
    let shape: Shape | undefined = this.opts.shape;
    if (this.sample.some((r) => r.percents !== null)) {
      if (shape === undefined) {
        // Published figures typed as percentages are found by their percentages.
        const d = detectShape(this.sample.map((r) => withPercents(r)));
        if (d.shape !== 'respondents') {
          shape = d.shape;
          this.detected.shape = d.shape;
          this.detected.shapeReason = d.reason;
        }
      }
      this.usePercents = shape !== undefined && shape !== 'respondents';
    }
    const opts: LoadOptions = { ...this.opts, sampleRows: this.sampleRows, fused: false };
    if (shape !== undefined) opts.shape = shape;
    this.sink = new RowSink(opts, this.detected, this.preview, this.totalBytes, false);
    const sample = this.sample;
    this.sample = [];
    for (const r of sample) if (!this.forward(r)) return false;
    return true;
  }

  private forward(r: SheetRow): boolean {
    const sink = this.sink as RowSink;
    let cells = r.cells;
    if (this.usePercents && r.percents !== null) {
      cells = withPercents(r);
      for (const p of r.percents) if (p !== undefined) this.percentCells++;
    }
    if (cells.length > this.width && sink.schema !== null)
      throw new XlsxError(
        problem(
          'xlsx-beyond-table',
          this.sheet.name,
          r.row,
          columnName(cells.length - 1),
          columnName(this.width - 1),
        ),
        r.row,
      );
    while (cells.length < this.width) cells.push('');
    return sink.onRow(cells, r.row) !== false && sink.error === null;
  }
}

/** A row with its percentage cells as percentages (a copy; the row itself is kept). */
function withPercents(r: SheetRow): string[] {
  if (r.percents === null) return r.cells.slice();
  return r.cells.map((c, i) => r.percents![i] ?? c);
}

/** What the reader noticed, as warnings beside the detection's own. */
function notes(reader: SheetReader, feeder: Feeder, detected: Detected): void {
  const n = reader.notes;
  if (feeder.percentCells > 0) detected.warnings.push(M.percentCells(feeder.percentCells));
  if (n.formulasWithoutValue.count > 0)
    detected.warnings.push(
      M.formulasWithoutValue(n.formulasWithoutValue.count, n.formulasWithoutValue.first),
    );
  if (n.errors.count > 0)
    detected.warnings.push(M.errorCells(n.errors.count, n.errors.first, [...n.errors.kinds]));
  if (n.phantomDate !== null) detected.warnings.push(M.phantomDate(n.phantomDate));
}

/**
 * The definition with the sheet it was read from, placed after how the file is
 * read (title, notice, source, then sheet), so a link or the CLI reads the
 * same sheet.
 */
function withSheet(def: SurveyDefinition, sheet: string): SurveyDefinition {
  const { format, version, title, notice, source, ...rest } = def;
  const out: SurveyDefinition = { format, version };
  if (title !== undefined) out.title = title;
  if (notice !== undefined) out.notice = notice;
  if (source !== undefined) out.source = source;
  out.sheet = sheet;
  return { ...out, ...rest };
}

/** Anything thrown while reading, as the user sees it. */
function caught(e: unknown, file: string): SurveyError {
  if (e instanceof XlsxError) return located({ file, line: e.row }, e.error);
  const why = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError) return located({ file }, problem('file-too-large-for-memory', why));
  // Not an error the reader knows: a bug, reported as such (the fuzz tests look for this code).
  return located({ file }, problem('xlsx-internal', why));
}
