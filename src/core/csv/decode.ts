// Bytes -> text with TextDecoder, whole or in chunks, stripping a byte order
// mark and recording which lines hold characters the decoding could not read
// (U+FFFD), so that mojibake is never shown silently.
//
// Line numbers count line breaks the way the tokenizer does (LF, CRLF and a
// lone CR each end a line, also inside quoted values), so a lossy line number
// matches the `line` the tokenizer reports for the same text.
import type { EncodingName } from './encoding';

/**
 * Lossy lines recorded at most: enough to say where a file went wrong, bounded
 * so a file decoded in the wrong encoding throughout costs no memory per line.
 */
const MAX_LOSSY_LINES = 1000;

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** 1-based lines holding U+FFFD made by decoding (ascending, each once). */
  lossyLines: number[];
}

export interface ChunkDecoder {
  /** Decode the next chunk; bytes of a character cut at the chunk's end wait for the next chunk. */
  push(chunk: Uint8Array): string;
  /** Flush what is left (an incomplete last character becomes U+FFFD). */
  end(): string;
  /** Lines with U+FFFD made by decoding, so far (additive to the shared contract). */
  lossyLines(): number[];
  /**
   * Lines holding U+FFFD that the file's own bytes hold (UTF-8 EF BF BD):
   * characters lost before the file reached us, which no encoding brings back.
   */
  genuineLines(): number[];
}

const FFFD = 0xfffd;
/** Windows-1252 leaves five bytes undefined; TextDecoder maps them (and only them) to C1 controls. */
const HAS_C1 = /[\u0080-\u009f]/;
const ALL_C1 = /[\u0080-\u009f]/g;

/** Decode a whole file. Strips a byte order mark. */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingName): Decoded {
  const decoder = createChunkDecoder(encoding);
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding, lossyLines: decoder.lossyLines() };
}

/**
 * A streaming decoder: feed chunks of any size (split anywhere, even inside a
 * character or a CRLF) and get the same text as decoding the whole at once.
 * Windows-1252's five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) become
 * U+FFFD and count as lossy, rather than invisible control characters.
 */
export function createChunkDecoder(
  encoding: EncodingName,
  opts: {
    /** Keep track of lossy lines (default true); false skips that work for a caller that does not ask. */
    lossyLines?: boolean;
    /**
     * The first bytes are the file's first (default true). false: they start a
     * line in the middle of the file (a part read on another thread), where a
     * U+FEFF is data, not a byte order mark.
     */
    fileStart?: boolean;
  } = {},
): ChunkDecoder {
  const track = opts.lossyLines ?? true;
  const fileStart = opts.fileStart ?? true;
  // TextDecoder strips a UTF-8/UTF-16 BOM itself (ignoreBOM defaults to false).
  const decoder = new TextDecoder(encoding, { ignoreBOM: !fileStart });
  const lossy: number[] = [];
  const genuine: number[] = [];
  let first = fileStart;
  /** Line number at the start of the next decoded text. */
  let line = 1;
  /** The previous text ended with CR: a LF starting the next text ends no extra line. */
  let afterCr = false;
  /** Last two bytes pushed (UTF-8 only needs them). */
  let tail: number[] = [];

  const take = (raw: string, bytes: Uint8Array | null): string => {
    let text = raw;
    if (first && text.length > 0) {
      first = false;
      // Other encodings can carry an encoded U+FEFF too (GB18030: 84 31 95 33).
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (encoding === 'windows-1252' && HAS_C1.test(text)) text = text.replace(ALL_C1, '\uFFFD');
    if (!track) return text;
    const prevTail = tail;
    if (bytes !== null && bytes.length > 0)
      tail = [tail[tail.length - 1] ?? -1, ...bytes.subarray(-2)].slice(-2);
    if (text.length === 0) return text;
    const madeByDecoding =
      text.indexOf('\uFFFD') >= 0 &&
      countFffd(text) !==
        (encoding === 'utf-8' && bytes !== null ? countGenuine(prevTail, bytes) : 0);
    if (madeByDecoding) line = scanLossy(text, line, afterCr, lossy);
    else if (text.indexOf('\uFFFD') >= 0) line = scanLossy(text, line, afterCr, genuine);
    else line += countBreaks(text, afterCr);
    afterCr = text.charCodeAt(text.length - 1) === 13;
    return text;
  };

  if (encoding === 'utf-8') {
    // Streaming UTF-8 decoding makes each large chunk an external string in
    // Node, and external memory forces full garbage collections (seconds on a
    // large live heap). Decoding whole characters without `stream` gives an
    // ordinary heap string and the same text: a chunk is cut before the last
    // lead byte (>= 0xC0) of an incomplete character, which waits for the next.
    // The byte order mark is stripped only until the first character.
    const bomDecoder = decoder;
    const plain = new TextDecoder('utf-8', { ignoreBOM: true });
    let started = !fileStart;
    let held: Uint8Array | null = null;
    const decodeWhole = (b: Uint8Array): string => {
      const out = (started ? plain : bomDecoder).decode(b);
      if (out.length > 0) started = true;
      return out;
    };
    return {
      push: (chunk) => {
        let all = chunk;
        if (held !== null) {
          all = new Uint8Array(held.length + chunk.length);
          all.set(held);
          all.set(chunk, held.length);
          held = null;
        }
        let cut = all.length;
        for (let q = all.length - 1; q >= 0 && q >= all.length - 3; q--) {
          const c = all[q] as number;
          if (c < 0x80) break;
          if (c >= 0xc0) {
            const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            if (all.length - q < need) cut = q;
            break;
          }
        }
        if (cut < all.length) held = all.slice(cut);
        return take(decodeWhole(cut < all.length ? all.subarray(0, cut) : all), chunk);
      },
      end: () => {
        const rest = held;
        held = null;
        return take(rest === null ? '' : decodeWhole(rest), null);
      },
      lossyLines: () => lossy.slice(),
      genuineLines: () => genuine.slice(),
    };
  }

  return {
    push: (chunk) => take(decoder.decode(chunk, { stream: true }), chunk),
    end: () => take(decoder.decode(), null),
    lossyLines: () => lossy.slice(),
    genuineLines: () => genuine.slice(),
  };
}

/**
 * In UTF-8, a U+FFFD may be in the file itself (bytes EF BF BD: damage done
 * before the file reached us). When the bytes complete as many of those as the
 * decoded text holds U+FFFD, decoding made none. `tail` holds the previous
 * chunk's last two bytes, so a sequence cut between chunks still counts.
 */
function countGenuine(tail: number[], bytes: Uint8Array): number {
  const at = (i: number): number | undefined => (i < 0 ? tail[tail.length + i] : bytes[i]);
  let n = 0;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0xbd && at(i - 1) === 0xbf && at(i - 2) === 0xef) n++;
  return n;
}

function countFffd(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Line breaks in `text` (LF, CRLF, lone CR); a CR ending the text counts, so a LF after it does not. */
function countBreaks(text: string, afterCr: boolean): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  if (afterCr && text.charCodeAt(0) === 10) n--;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** One pass over a text holding U+FFFD: record the line of each, return the line after the text. */
function scanLossy(text: string, startLine: number, afterCr: boolean, out: number[]): number {
  let line = startLine;
  const n = text.length;
  let i = afterCr && text.charCodeAt(0) === 10 ? 1 : 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) line++;
    } else if (c === FFFD && out[out.length - 1] !== line && out.length < MAX_LOSSY_LINES)
      out.push(line);
  }
  return line;
}
