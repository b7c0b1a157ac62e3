// Stages 1 and 2 of the import pipeline (pipeline.ts) for delimited text, fed
// slice by slice: a file is never needed whole, so one of several gigabytes is
// read from disk as it is parsed (src/app/importWorker.ts reads a File in
// slices), and the same code reads a Uint8Array held in memory (readCsvBytes).
//
// 1 decode bytes -> text, 2 parse text -> rows through the tokenizer, where the
// row sink (rowSink.ts) runs 3 (infer the shape and schema from the first rows)
// and 4 (encode rows into typed-array columns). Once the schema is known, the
// rest of a respondent file goes to the fused parser (table/fused.ts), which
// tokenizes and encodes in one scan.
//
// The rest of a large file may also be read on other threads (chunks.ts): the
// stream then stops at a line start (endForParts) and takes in the other
// threads' parts in file order (splice), exactly as if it had read them itself.
import { csvMessages } from '../messages';
import { shapeChoice, type Detected, type LoadOptions, type Run } from '../pipeline';
import { fail, ok, type Result } from '../result';
import { err, RowSink } from '../rowSink';
import { CELL_CODE, CELL_ID, CELL_NUMBER, type FusedColumns } from '../table/encode';
import type { TableBuilder } from '../table/encode';
import { createFusedParser, type FusedParser } from '../table/fused';
import type { ChunkPlan, ChunkResult } from './chunks';
import { createChunkDecoder } from './decode';
import { detectDelimiter } from './delimiter';
import { detectEncoding, type EncodingGuess } from './encoding';
import { createTokenizer } from './tokenize';

const CHUNK_BYTES = 1 << 20;
/** Past the first 8 MB, slices of 4 MB: fewer, longer decodes and scans (~8% faster on large files). */
const LARGE_CHUNK_FROM = 8 * CHUNK_BYTES;
const LARGE_CHUNK_BYTES = 4 * CHUNK_BYTES;

/**
 * Where the slice of a file of `total` bytes that starts at `offset` ends: 1 MB
 * slices, 4 MB past the first 8 MB. Every reader of a file follows this grid,
 * so the text decoded (and the lines where decoding lost characters) is the
 * same however the file is held.
 */
export function sliceEnd(offset: number, total: number): number {
  return Math.min(offset + (offset >= LARGE_CHUNK_FROM ? LARGE_CHUNK_BYTES : CHUNK_BYTES), total);
}

export interface CsvStream {
  /**
   * The next slice: the bytes from `offset` up to sliceEnd(offset), or up to
   * where other threads take over. After an error, nothing more is read.
   */
  push(slice: Uint8Array): Result<void>;
  /** Bytes pushed so far. */
  readonly offset: number;
  /** The rows wanted were all read (a preview's first rows): push no more. */
  readonly stopped: boolean;
  /**
   * What another thread needs to read a later part of the file into this
   * stream's table (see chunks.ts), once the schema is decided; null while it
   * is not, or when the rest must be read here: not UTF-8, a preview, rows
   * spanning several lines in the sample, questions reading several columns,
   * or characters replaced by decoding.
   */
  chunkPlan(): ChunkPlan | null;
  /**
   * Stop reading here (the last slice ended with a line break) so that later
   * parts read elsewhere are spliced in: null when they can be (a row ends
   * here), else why not (the file must then be read again on one thread).
   */
  endForParts(): string | null;
  /** Take in the next part of the file, read on another thread (after endForParts). */
  splice(part: ChunkResult): void;
  /** No more slices: the last row, and what was read. */
  end(): Result<Run>;
}

/**
 * A stream reading a file of `totalBytes` bytes. `maxBytes`: the limit used
 * when the options give none. `preview`: read only the first rows.
 */
export function createCsvStream(
  opts: LoadOptions,
  totalBytes: number,
  preview: boolean,
  maxBytes: number,
): Result<CsvStream> {
  const file = opts.file;
  if (totalBytes === 0) return fail(err('import-empty', [], file));
  const limit = opts.maxBytes ?? maxBytes;
  if (totalBytes > limit) return fail(err('import-too-large', [totalBytes, limit], file));
  return ok(new Stream(opts, totalBytes, preview));
}

/** A whole file held in memory, read through a stream slice by slice. */
export function readCsvBytes(
  bytes: Uint8Array,
  opts: LoadOptions,
  preview: boolean,
  maxBytes: number,
): Result<Run> {
  const created = createCsvStream(opts, bytes.length, preview, maxBytes);
  if (!created.ok) return created;
  const stream = created.value;
  while (!stream.stopped && stream.offset < bytes.length) {
    const from = stream.offset;
    const pushed = stream.push(bytes.subarray(from, sliceEnd(from, bytes.length)));
    if (!pushed.ok) return pushed;
  }
  return stream.end();
}

class Stream implements CsvStream {
  offset = 0;
  private sink: RowSink | null = null;
  private detected: Detected | null = null;
  private guess: EncodingGuess | null = null;
  private decoder: ReturnType<typeof createChunkDecoder> | null = null;
  private tokenizer: ReturnType<typeof createTokenizer> | null = null;
  private fused: FusedParser | null = null;
  private columns: FusedColumns | null = null;
  /** Rows read through the fused parser, then parts spliced in. */
  private spliced = 0;
  /** Every row the tokenizer gave so far started on the line after the last one's. */
  private oneLineRows = true;
  private lastLine = 0;
  /** The fused parser was ended at a line start: parts come from elsewhere now. */
  private closed = false;
  private failure: Result<never> | null = null;

  constructor(
    private readonly opts: LoadOptions,
    private readonly total: number,
    private readonly preview: boolean,
  ) {}

  get stopped(): boolean {
    return this.sink?.stopped ?? false;
  }

  push(slice: Uint8Array): Result<void> {
    if (this.failure !== null) return this.failure;
    const r = this.pushSlice(slice);
    if (!r.ok) this.failure = r;
    return r;
  }

  private pushSlice(slice: Uint8Array): Result<void> {
    const file = this.opts.file;
    let text: string;
    if (this.sink === null) {
      // 1 decode: the first slice decides the encoding, then the delimiter.
      const opts = this.opts;
      const head = slice.subarray(0, 65536);
      const chosenEncoding = opts.encoding ?? opts.definition?.encoding;
      const guess = chosenEncoding === undefined ? detectEncoding(head) : null;
      const encoding = chosenEncoding ?? guess?.encoding ?? 'utf-8';
      if (!encoding.startsWith('utf-16') && head.indexOf(0) >= 0)
        return fail(err('import-binary', [], file));
      // The decoder tells lossy lines (decoding made U+FFFD) from U+FFFD already in the file.
      const decoder = createChunkDecoder(encoding);
      text = decoder.push(slice);
      // 2 parse (3 and 4 run inside the row sink as rows arrive)
      const chosenDelimiter = opts.delimiter ?? opts.definition?.delimiter;
      const delim = chosenDelimiter === undefined ? detectDelimiter(text.slice(0, 65536)) : null;
      const delimiter = chosenDelimiter ?? delim?.delimiter ?? ',';
      const detected: Detected = {
        encoding,
        encodingReason:
          guess?.reason ?? (opts.encoding ? 'chosen by you' : 'as the definition says'),
        delimiter,
        delimiterReason:
          delim?.reason ?? (opts.delimiter ? 'chosen by you' : 'as the definition says'),
        ...shapeChoice(opts),
        lossyLines: [],
        warnings: [],
      };
      const sink = new RowSink(
        opts,
        detected,
        this.preview,
        this.total,
        delim?.decimalComma ?? false,
      );
      this.tokenizer = createTokenizer({
        delimiter,
        file,
        onRow: (cells, line) => {
          if (line !== this.lastLine + 1) this.oneLineRows = false;
          this.lastLine = line;
          return sink.onRow(cells, line);
        },
      });
      this.sink = sink;
      this.detected = detected;
      this.guess = guess;
      this.decoder = decoder;
    } else {
      if (this.opts.shouldCancel?.() === true) return fail(err('import-cancelled', [], file));
      text = (this.decoder as ReturnType<typeof createChunkDecoder>).push(slice);
    }
    this.offset += slice.length;
    const sink = this.sink;
    const pushed = this.feed(text);
    if (!pushed.ok) return pushed;
    if (sink.error !== null) return fail(sink.error);
    this.countFused();
    this.opts.onProgress?.({ bytes: this.offset, totalBytes: this.total, rows: sink.dataRows });
    return ok(undefined);
  }

  private feed(text: string): Result<void> {
    if (this.fused !== null) return this.fused.push(text);
    const tokenizer = this.tokenizer as ReturnType<typeof createTokenizer>;
    const sink = this.sink as RowSink;
    const pushed = tokenizer.push(text);
    if (!pushed.ok || !sink.handOff) return pushed;
    // Once the schema is known, the rest of a respondent file goes to the fused parser.
    const builder = sink.builder as TableBuilder;
    const rest = tokenizer.remainder();
    const detected = this.detected as Detected;
    this.columns = builder.fused(sink.width);
    const parser = createFusedParser({
      delimiter: detected.delimiter,
      file: this.opts.file,
      width: sink.width,
      columns: this.columns,
      line: rest.line,
      skipLF: rest.skipLF,
    });
    this.fused = parser;
    sink.fusedFrom = sink.dataRows;
    return parser.push(rest.text);
  }

  private countFused(): void {
    const sink = this.sink as RowSink;
    if (this.fused !== null) sink.dataRows = sink.fusedFrom + this.fused.rows + this.spliced;
  }

  private replaced(): boolean {
    const decoder = this.decoder;
    return decoder !== null && decoder.lossyLines().length + decoder.genuineLines().length > 0;
  }

  chunkPlan(): ChunkPlan | null {
    const sink = this.sink;
    const columns = this.columns;
    const detected = this.detected;
    if (this.failure !== null || this.closed || this.preview || sink === null) return null;
    if (this.fused === null || columns === null || sink.schema === null || detected === null)
      return null;
    if (detected.encoding !== 'utf-8' || !this.oneLineRows || this.replaced()) return null;
    if (columns.rowEncoders.length > 0) return null;
    return {
      file: this.opts.file,
      delimiter: detected.delimiter,
      width: sink.width,
      schema: sink.schema,
      bytesPerRow: this.offset / Math.max(1, sink.dataRows),
    };
  }

  endForParts(): string | null {
    const fused = this.fused;
    if (fused === null || this.failure !== null || this.closed) return 'the schema is not decided';
    this.closed = true;
    // At a line start, the fused parser has no row cut short, and ending it reads nothing more.
    if (!fused.end().ok) return 'a quoted value runs across the cut';
    // Decoding lost or met characters: where its slices were cut may change which lines say
    // so, and only a read on one thread gives the same lines.
    return this.replaced() ? 'a character was replaced in decoding' : null;
  }

  splice(part: ChunkResult): void {
    const columns = this.columns as FusedColumns;
    const rows = part.rows;
    part.columns.forEach((c, k) => {
      const kind = columns.kind[k];
      if (c === null) return;
      if (kind === CELL_CODE && c.kind === 'code') {
        const column = columns.code[k];
        if (!column) return;
        // The part's distinct cell texts, in the order they first appear, through this
        // table's own encoder: the codes the cells would have had read here.
        const map = new Uint32Array(c.texts.length + 1);
        c.texts.forEach((t, j) => (map[j + 1] = column.lookupString(t)));
        const codes = column.codes;
        const local = c.codes;
        for (let i = 0; i < rows; i++) codes.push(map[local[i] as number] as number);
      } else if ((kind === CELL_NUMBER || kind === CELL_ID) && c.kind === 'number') {
        const column = columns.number[k];
        if (!column) return;
        const values = c.values;
        let e = 0;
        let next = c.textRows.length > 0 ? (c.textRows[0] as number) : -1;
        for (let i = 0; i < rows; i++) {
          if (i === next) {
            column.pushText(c.texts[e++] as string);
            next = e < c.textRows.length ? (c.textRows[e] as number) : -1;
          } else if (column.fastOk()) column.pushNumber(values[i] as number);
          // Ids read as text from here on: a canonical integer's text is the number's.
          else column.pushText(String(values[i]));
        }
      }
      part.columns[k] = null; // taken in: its memory may go
    });
    for (let i = 0; i < rows; i++) columns.countRow();
    this.spliced += rows;
    this.countFused();
  }

  end(): Result<Run> {
    if (this.failure !== null) return this.failure;
    const sink = this.sink;
    const detected = this.detected;
    const decoder = this.decoder;
    if (sink === null || detected === null || decoder === null)
      return fail(err('import-empty', [], this.opts.file));
    if (!this.closed) {
      if (!sink.stopped) {
        const tail = decoder.end();
        const pushed = this.feed(tail);
        if (!pushed.ok) return pushed;
      }
      const ended: Result<unknown> =
        this.fused !== null
          ? this.fused.end()
          : (this.tokenizer as ReturnType<typeof createTokenizer>).end();
      if (!ended.ok) return ended;
    }
    this.countFused();
    if (sink.error !== null) return fail(sink.error);
    sink.finishSample();
    if (sink.error !== null) return fail(sink.error);
    detected.lossyLines = decoder.lossyLines();
    // U+FFFD already in the file: say so, and do not send the user to another encoding.
    const genuine = decoder.genuineLines();
    if (genuine.length > 0) {
      detected.warnings.push(csvMessages.replacementInFile(genuine));
      const guess = this.guess;
      if (guess !== null && detected.encoding === 'utf-8' && !guess.bom)
        detected.encodingReason = csvMessages.encodingReplacementInFile;
    }
    return ok({ sink, detected });
  }
}
