// Decompressors for the codecs a file uses, each loaded only when a file needs
// it: snappy is below, gzip is fflate (already in core for .zsav),
// zstd is fzstd, brotli and LZ4 come from hyparquet-compressors' pure
// JavaScript decoders (never its WebAssembly snappy, which the app's Content
// Security Policy refuses). Each one first checks the size a page claims to
// expand to, so a damaged header cannot make the reader allocate gigabytes.
// Snappy is decoded here rather than by hyparquet's decoder, which reads a
// damaged literal length as negative and then walks backwards for seconds.
import { gunzipSync } from 'fflate';
import type { CompressionCodec, Compressors } from 'hyparquet';
import { parquetMessages as M } from '../messages';

type Decompress = (input: Uint8Array, outputLength: number) => Uint8Array;

/** The codecs read: every one Parquet defines except LZO (deprecated, and without a JS decoder). */
export const READABLE_CODECS: ReadonlySet<CompressionCodec> = new Set([
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'ZSTD',
  'BROTLI',
  'LZ4',
  'LZ4_RAW',
]);

/** The largest page this reader expands: far above what any writer makes (they aim at ~1 MB). */
const MAX_PAGE = 1 << 30;
/** Snappy's densest element copies 64 bytes for a 2-byte tag (with a 5-byte length prefix). */
const SNAPPY_RATIO = 32;

/** The decompressors for `codecs`, loading the decoders that are not always there. */
export async function decompressorsFor(
  codecs: ReadonlySet<CompressionCodec>,
): Promise<Compressors> {
  const out: Compressors = {};
  const guarded = (codec: string, run: Decompress, ratio = Infinity): Decompress => {
    return (input, outputLength) => {
      if (outputLength < 0 || outputLength > MAX_PAGE || outputLength > input.length * ratio + 64)
        throw new Error(M.pageTooLarge(codec, outputLength, input.length));
      return run(input, outputLength);
    };
  };
  out.SNAPPY = guarded('snappy', snappyDecompress, SNAPPY_RATIO);
  if (codecs.has('GZIP'))
    out.GZIP = guarded('gzip', (input, n) => gunzipSync(input, { out: new Uint8Array(n) }), 1032);
  if (codecs.has('ZSTD')) {
    const { decompress } = await import('fzstd');
    out.ZSTD = guarded('zstd', (input, n) => decompress(input, new Uint8Array(n)));
  }
  if (codecs.has('BROTLI')) {
    const { decompressBrotli } = await import('hyparquet-compressors/src/brotli.js');
    out.BROTLI = guarded('brotli', decompressBrotli);
  }
  if (codecs.has('LZ4') || codecs.has('LZ4_RAW')) {
    const lz4 = await import('hyparquet-compressors/src/lz4.js');
    out.LZ4 = guarded('LZ4', lz4.decompressLz4, 256);
    out.LZ4_RAW = guarded('LZ4', lz4.decompressLz4Raw, 256);
  }
  return out;
}

/**
 * A snappy block (https://github.com/google/snappy/blob/main/format_description.txt)
 * of `outputLength` bytes. Every length and offset is checked against what is
 * left of the input and what is written of the output, so a damaged block
 * fails at once with the byte where it goes wrong.
 */
export function snappyDecompress(input: Uint8Array, outputLength: number): Uint8Array {
  const out = new Uint8Array(outputLength);
  const end = input.length;
  let pos = 0;
  let stated = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= end || shift > 28) throw new Error('snappy: the length header is cut short');
    const b = input[pos++]!;
    stated += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (stated !== outputLength)
    throw new Error(`snappy: the block says ${stated} bytes, the page ${outputLength}`);
  let at = 0;
  while (pos < end) {
    const tag = input[pos++]!;
    let length: number;
    let offset = 0;
    switch (tag & 3) {
      case 0: {
        length = tag >>> 2;
        if (length >= 60) {
          const bytes = length - 59;
          if (pos + bytes > end)
            throw new Error(`snappy: byte ${pos}: a literal's length is cut short`);
          length = 0;
          for (let k = 0; k < bytes; k++) length += input[pos + k]! * 2 ** (8 * k);
          pos += bytes;
        }
        length += 1;
        if (pos + length > end || at + length > outputLength)
          throw new Error(`snappy: byte ${pos}: a literal of ${length} bytes does not fit`);
        out.set(input.subarray(pos, pos + length), at);
        pos += length;
        at += length;
        continue;
      }
      case 1:
        if (pos >= end) throw new Error('snappy: a copy is cut short');
        length = ((tag >>> 2) & 7) + 4;
        offset = ((tag >>> 5) << 8) | input[pos++]!;
        break;
      case 2:
        if (pos + 2 > end) throw new Error('snappy: a copy is cut short');
        length = (tag >>> 2) + 1;
        offset = input[pos]! | (input[pos + 1]! << 8);
        pos += 2;
        break;
      default:
        if (pos + 4 > end) throw new Error('snappy: a copy is cut short');
        length = (tag >>> 2) + 1;
        offset =
          input[pos]! +
          input[pos + 1]! * 2 ** 8 +
          input[pos + 2]! * 2 ** 16 +
          input[pos + 3]! * 2 ** 24;
        pos += 4;
    }
    if (offset === 0 || offset > at || at + length > outputLength)
      throw new Error(`snappy: byte ${pos}: a copy reaches outside the page`);
    if (offset >= length) out.copyWithin(at, at - offset, at - offset + length);
    else for (let k = 0; k < length; k++) out[at + k] = out[at + k - offset]!;
    at += length;
  }
  if (at !== outputLength)
    throw new Error(`snappy: the block ends after ${at} of ${outputLength} bytes`);
  return out;
}
