// A later part of a large respondent file, read on another thread (a Web
// Worker in the app, a worker thread in the bench) while the import's own
// stream reads the part before it (stream.ts, parallel.ts).
//
// The part starts at a line start and is parsed by the same fused parser as
// the rest, into columns of its own: for each coded column, the codes of the
// part's own distinct cell texts (in the order they first appear) and those
// texts; for each number column, its numbers and the cells that are not plain
// numbers, as text. The stream that splices the part in puts those texts and
// cells through its own encoders, in file order, so its table is the one it
// would have read alone: same labels, same codes, same order, same warnings.
//
// A part that could differ from a read on one thread says why (`problem`):
// an error (reported with the right line only by a read from the start),
// a character decoding replaced, or a quoted value running in from the part
// before (endForParts tells). The file is then read again on one thread.
import type { Schema } from '../schema/types';
import { CodeBuffer, copyString, FloatBuffer } from '../table/codes';
import {
  CELL_CODE,
  CELL_ID,
  CELL_NUMBER,
  CodeColumn,
  createTableBuilder,
  type FusedColumns,
  type NumberColumn,
} from '../table/encode';
import { createFusedParser } from '../table/fused';
import type { Codes } from '../table/types';
import { createChunkDecoder } from './decode';
import type { Delimiter } from './delimiter';

/** What a thread needs to read a part of the file: plain data, so it can be posted to a worker. */
export interface ChunkPlan {
  file: string;
  delimiter: Delimiter;
  /** Fields a data row has. */
  width: number;
  schema: Schema;
  /** Bytes per row so far, to size the part's columns. */
  bytesPerRow: number;
}

export type ChunkColumn =
  | {
      kind: 'code';
      /** Per row: 1 + the index of its cell's text in `texts`. */
      codes: Codes;
      /** The part's distinct cell texts, in the order they first appear. */
      texts: string[];
    }
  | {
      kind: 'number';
      /** Per row: the plain number read (NaN at rows in `textRows`). */
      values: Float64Array;
      /** Rows (ascending) whose cell is not a plain number. */
      textRows: Int32Array;
      /** Those cells' texts. */
      texts: string[];
    };

export interface ChunkResult {
  /** Data rows read. */
  rows: number;
  /** Why the part cannot be spliced in (the file must then be read on one thread); null: it can. */
  problem: string | null;
  /** Per source column; null for a column no question reads. */
  columns: (ChunkColumn | null)[];
}

/** A file (or bytes) read by ranges: a Blob in the app, a buffer in Node. */
export interface ByteSource {
  readonly size: number;
  read(from: number, to: number): Promise<Uint8Array>;
}

/** The buffers of a part's columns, to transfer rather than copy between threads. */
export function chunkBuffers(part: ChunkResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of part.columns) {
    if (c === null) continue;
    if (c.kind === 'code') out.push(c.codes.buffer as ArrayBuffer);
    else out.push(c.values.buffer as ArrayBuffer, c.textRows.buffer as ArrayBuffer);
  }
  return out;
}

/** A number column of a part: plain numbers as read, other cells kept as text for the splice. */
class NumberPart implements NumberColumn {
  readonly values: FloatBuffer;
  readonly textRows: number[] = [];
  readonly texts: string[] = [];

  constructor(
    private readonly fast: boolean,
    capacity: number,
  ) {
    this.values = new FloatBuffer(capacity);
  }

  fastOk(): boolean {
    return this.fast;
  }

  pushNumber(n: number): void {
    this.values.push(n);
  }

  pushText(cell: string): void {
    this.textRows.push(this.values.length);
    this.texts.push(copyString(cell));
    this.values.push(NaN);
  }

  truncate(n: number): void {
    if (this.values.length > n) this.values.length = n;
    while (this.textRows.length > 0 && (this.textRows[this.textRows.length - 1] as number) >= n) {
      this.textRows.pop();
      this.texts.pop();
    }
  }
}

export interface ChunkReader {
  /** The part's next bytes; false once the part cannot be spliced (read no more). */
  push(bytes: Uint8Array): boolean;
  /** Data rows read so far. */
  readonly rows: number;
  end(): ChunkResult;
}

/** Reads a part of the file that starts at a line start, `rowsHint` rows or so. */
function createChunkReader(plan: ChunkPlan, rowsHint: number): ChunkReader {
  // The table's own builder says how each column is read (the rule is in one place).
  const own = createTableBuilder(plan.schema, { title: '', notice: null, source: null }, 16);
  const real = own.fused(plan.width);
  const capacity = Math.max(16, Math.min(64 * 1024 * 1024, Math.ceil(rowsHint)));
  const texts: (string[] | null)[] = [];
  const code: (CodeColumn | null)[] = [];
  const number: (NumberPart | null)[] = [];
  for (let k = 0; k < plan.width; k++) {
    const kind = real.kind[k];
    let c: CodeColumn | null = null;
    let n: NumberPart | null = null;
    let t: string[] | null = null;
    if (kind === CELL_CODE) {
      const seen: string[] = [];
      t = seen;
      // Each text new to the part gets the next local code; the splice maps them.
      c = new CodeColumn(
        { codeOf: (cell) => seen.push(copyString(cell)) },
        new CodeBuffer(capacity),
      );
    } else if (kind === CELL_NUMBER || kind === CELL_ID) {
      n = new NumberPart(real.number[k]?.fastOk() ?? false, capacity);
    }
    code.push(c);
    number.push(n);
    texts.push(t);
  }
  let rows = 0;
  const columns: FusedColumns = {
    kind: real.kind,
    code,
    number,
    rowEncoders: [],
    countRow: () => void rows++,
    rowCount: () => rows,
    decimalComma: real.decimalComma,
  };
  let problem: string | null =
    real.rowEncoders.length > 0 ? 'questions read several columns' : null;
  const parser = createFusedParser({
    delimiter: plan.delimiter,
    file: plan.file,
    width: plan.width,
    columns,
  });
  const decoder = createChunkDecoder('utf-8', { lossyLines: false, fileStart: false });
  const take = (text: string): boolean => {
    if (problem !== null) return false;
    if (text.indexOf('\uFFFD') >= 0) problem = 'a character was replaced in decoding';
    else {
      const r = parser.push(text);
      if (!r.ok) problem = r.error.message;
    }
    return problem === null;
  };
  return {
    push: (bytes) => take(decoder.push(bytes)),
    get rows() {
      return rows;
    },
    end() {
      if (take(decoder.end())) {
        const r = parser.end();
        if (!r.ok) problem = r.error.message;
      }
      if (problem !== null) return { rows: 0, problem, columns: [] };
      return {
        rows,
        problem: null,
        columns: real.kind.reduce<(ChunkColumn | null)[]>((out, _kind, k) => {
          const c = code[k];
          const n = number[k];
          if (c) out.push({ kind: 'code', codes: c.codes.finish(), texts: texts[k] as string[] });
          else if (n)
            out.push({
              kind: 'number',
              values: n.values.finish(),
              textRows: Int32Array.from(n.textRows),
              texts: n.texts,
            });
          else out.push(null);
          return out;
        }, []),
      };
    },
  };
}

/** Slices a part is read in. */
const PART_SLICE = 4 << 20;

/** Reads bytes [from, to) of a source as one part (see createChunkReader). */
export async function readChunk(
  source: ByteSource,
  plan: ChunkPlan,
  from: number,
  to: number,
  onProgress?: (bytes: number, rows: number) => void,
): Promise<ChunkResult> {
  const reader = createChunkReader(plan, ((to - from) / Math.max(1, plan.bytesPerRow)) * 1.1);
  for (let at = from; at < to;) {
    const end = Math.min(at + PART_SLICE, to);
    if (!reader.push(await source.read(at, end))) break;
    at = end;
    onProgress?.(at - from, reader.rows);
  }
  return reader.end();
}

/**
 * The first line start at or after `at` (the position after a LF), or -1 when
 * there is none before the end. Read in small slices: lines are short.
 */
export async function lineStartFrom(source: ByteSource, at: number): Promise<number> {
  const step = 1 << 16;
  for (let from = at; from < source.size; from += step) {
    const bytes = await source.read(from, Math.min(from + step, source.size));
    const lf = bytes.indexOf(10);
    if (lf >= 0) return from + lf + 1 < source.size ? from + lf + 1 : -1;
  }
  return -1;
}
