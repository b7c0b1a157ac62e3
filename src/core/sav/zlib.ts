// ZLIB-compressed data ($FL3, ".zsav"): after the dictionary, a 24-byte header
// pointing at a trailer that lists the compressed blocks; each block inflates
// (with fflate) to the bytecode-compressed data of an $FL2 file. Blocks are
// inflated one at a time as the cases are read, so memory holds one block
// (about 4 MB in files SPSS writes), never the whole inflated data. Each
// block's stated size is checked against what DEFLATE can possibly produce
// from its compressed bytes before its buffer is allocated.
import { unzlibSync } from 'fflate';
import { SavError } from './errors';
import { savMessages as M } from '../messages';
import { ByteReader } from './reader';

/** Bytes in order, possibly across block boundaries; `offset` names the place for messages. */
export interface ByteSource {
  /** Copies up to n bytes into `into` at `at`; fewer only at the end of the data. */
  read(into: Uint8Array, at: number, n: number): number;
  /** Where reading is (a file offset; for zlib data, the current block's). */
  offset(): number;
  /** The most bytes the source can give (to bound the number of cases before reading them). */
  readonly size: number;
}

/** The data of an uncompressed-file layout, straight from the file's bytes. */
export function flatSource(bytes: Uint8Array, start: number): ByteSource {
  let pos = start;
  return {
    read(into, at, n) {
      const k = Math.max(0, Math.min(n, bytes.length - pos));
      // Reads are 8 bytes (a command group or a value): a loop beats subarray + set.
      for (let i = 0; i < k; i++) into[at + i] = bytes[pos + i]!;
      pos += k;
      return k;
    },
    offset: () => pos,
    size: Math.max(0, bytes.length - start),
  };
}

interface Block {
  compressedOffset: number;
  compressedSize: number;
  size: number;
}

/** DEFLATE expands at most 1032:1 (RFC 1951's longest match from a 1-bit code). */
const MAX_RATIO = 1032;

/** Reads the zlib header and trailer at `start`, and returns the inflated data as a source. */
export function zlibSource(bytes: Uint8Array, start: number, little: boolean): ByteSource {
  const r = new ByteReader(bytes, little, start);
  const headerOfs = r.i64('the compressed data header');
  const trailerOfs = r.i64('the compressed data header');
  const trailerLen = r.i64('the compressed data header');
  if (headerOfs !== start)
    throw new SavError(start, M.zlibHeader(`says it starts at byte ${headerOfs}, not ${start}`));
  if (trailerOfs < start + 24 || trailerLen < 24 || trailerOfs + trailerLen > bytes.length)
    throw new SavError(
      start,
      M.zlibHeader(
        `places the block list at bytes ${trailerOfs}–${trailerOfs + trailerLen}, outside the file's ${bytes.length} bytes`,
      ),
    );
  const t = new ByteReader(bytes.subarray(0, trailerOfs + trailerLen), little, trailerOfs);
  t.i64('the compressed data trailer'); // the bias again, as an integer
  t.i64('the compressed data trailer');
  t.i32('the compressed data trailer'); // block size
  const countAt = t.pos;
  const n = t.count(t.i32('the compressed data trailer'), 24, 'the compressed blocks', countAt);
  const blocks: Block[] = [];
  for (let k = 0; k < n; k++) {
    const at = t.pos;
    t.i64('a compressed block descriptor');
    const compressedOffset = t.i64('a compressed block descriptor');
    const size = t.i32('a compressed block descriptor');
    const compressedSize = t.i32('a compressed block descriptor');
    if (
      compressedSize <= 0 ||
      compressedOffset < start + 24 ||
      compressedOffset + compressedSize > trailerOfs
    )
      throw new SavError(
        at,
        M.zlibTrailer(
          `places block ${k + 1} outside the compressed data (bytes ${start + 24}–${trailerOfs})`,
        ),
      );
    if (size < 0 || size > compressedSize * MAX_RATIO + 64)
      throw new SavError(
        at,
        M.zlibTrailer(
          `says block ${k + 1} inflates to ${size} bytes, more than ${compressedSize} compressed bytes can hold`,
        ),
      );
    blocks.push({ compressedOffset, compressedSize, size });
  }
  let index = -1;
  let data: Uint8Array = new Uint8Array(0);
  let pos = 0;
  const load = (): boolean => {
    if (index + 1 >= blocks.length) return false;
    index++;
    const b = blocks[index]!;
    let out: Uint8Array;
    try {
      // One byte of room beyond the stated size: fflate stops at the end of the buffer it is
      // given, so a block that inflates to more than it says shows as size + 1.
      out = unzlibSync(bytes.subarray(b.compressedOffset, b.compressedOffset + b.compressedSize), {
        out: new Uint8Array(b.size + 1),
      });
    } catch (e) {
      throw new SavError(
        b.compressedOffset,
        M.zlibBlock(index, e instanceof Error ? e.message : String(e)),
      );
    }
    if (out.length !== b.size)
      throw new SavError(b.compressedOffset, M.zlibBlockSize(index, b.size, out.length));
    data = out;
    pos = 0;
    return true;
  };
  return {
    read(into, at, n) {
      let done = 0;
      while (done < n) {
        if (pos >= data.length && !load()) break;
        const k = Math.min(n - done, data.length - pos);
        for (let i = 0; i < k; i++) into[at + done + i] = data[pos + i]!;
        pos += k;
        done += k;
      }
      return done;
    },
    offset: () => blocks[Math.max(0, index)]?.compressedOffset ?? start,
    size: blocks.reduce((sum, b) => sum + b.size, 0),
  };
}
