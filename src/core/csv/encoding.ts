// Guess the text encoding of a file from its bytes: byte order marks first,
// then UTF-8 validity, then a plausibility score for the legacy encodings that
// survey exports still arrive in (GB18030/GBK from Chinese tools, Windows-1252
// and Mac Roman from older Western software). Decoding itself is TextDecoder's.
import { csvMessages } from '../messages';

export type EncodingName =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252' | 'macintosh';

/** Every encoding the app reads, for pickers and command-line checks. */
export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'windows-1252',
  'macintosh',
] as const satisfies readonly EncodingName[];

export interface EncodingGuess {
  encoding: EncodingName;
  /** The bytes start with this encoding's byte order mark. */
  bom: boolean;
  /** User-facing: why this encoding, e.g. "UTF-8 byte order mark". */
  reason: string;
}

/** Bytes read from the start of the file. */
const PREFIX_BYTES = 64 * 1024;
/** Extra windows sampled further into large files (a late é must not be missed). */
const WINDOWS = 8;
const WINDOW_BYTES = 8 * 1024;

/**
 * Guess the encoding of `bytes` from a sample: the first 64 KB plus a few
 * 8 KB windows spread over the rest of a large file (each aligned to start
 * after a line feed, which is a character boundary in every candidate).
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bom: true, reason: csvMessages.encodingBom('UTF-8') };
  if (b0 === 0xff && b1 === 0xfe)
    return { encoding: 'utf-16le', bom: true, reason: csvMessages.encodingBom('UTF-16 LE') };
  if (b0 === 0xfe && b1 === 0xff)
    return { encoding: 'utf-16be', bom: true, reason: csvMessages.encodingBom('UTF-16 BE') };

  const prefix = bytes.subarray(0, PREFIX_BYTES);
  const utf16 = utf16WithoutBom(prefix);
  if (utf16 !== null)
    return {
      encoding: utf16,
      bom: false,
      reason: csvMessages.encodingUtf16NoBom(utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'),
    };

  const samples = sampleWindows(bytes);
  if (samples.every((s) => isValidUtf8(s)))
    return {
      encoding: 'utf-8',
      bom: false,
      reason: samples.some(hasHighByte) ? csvMessages.encodingUtf8 : csvMessages.encodingAscii,
    };

  // Not UTF-8: score each legacy candidate on the samples that hold non-ASCII bytes.
  const withHigh = samples.filter(hasHighByte);
  const scores: Record<'gb18030' | 'windows-1252' | 'macintosh', number> = {
    gb18030: 0,
    'windows-1252': 0,
    macintosh: 0,
  };
  for (const s of withHigh) {
    const gb = scoreGb18030(s);
    scores.gb18030 = gb === null || scores.gb18030 === -Infinity ? -Infinity : scores.gb18030 + gb;
    scores['windows-1252'] += scoreSingleByte(decodeWith('windows-1252', s));
    scores.macintosh += scoreSingleByte(decodeWith('macintosh', s));
  }
  // Ties go to the more common encoding.
  // GB18030 must also show positive evidence of Chinese text.
  let best: 'gb18030' | 'windows-1252' | 'macintosh' = 'windows-1252';
  if (scores.macintosh > scores[best]) best = 'macintosh';
  if (scores.gb18030 > 0 && scores.gb18030 > scores[best]) best = 'gb18030';
  const reason =
    best === 'gb18030'
      ? csvMessages.encodingGb18030
      : best === 'macintosh'
        ? csvMessages.encodingMacintosh
        : csvMessages.encodingWindows1252;
  return { encoding: best, bom: false, reason };
}

function sampleWindows(bytes: Uint8Array): Uint8Array[] {
  const out = [bytes.subarray(0, PREFIX_BYTES)];
  if (bytes.length <= PREFIX_BYTES) return out;
  const rest = bytes.length - PREFIX_BYTES;
  const step = Math.max(WINDOW_BYTES, Math.floor(rest / WINDOWS));
  for (let at = PREFIX_BYTES; at < bytes.length; at += step) {
    const start = bytes.indexOf(0x0a, at);
    if (start < 0) break;
    let end = Math.min(bytes.length, start + 1 + WINDOW_BYTES);
    if (end < bytes.length) {
      const nl = bytes.lastIndexOf(0x0a, end - 1);
      end = nl > start ? nl + 1 : end;
    }
    out.push(bytes.subarray(start + 1, end));
  }
  // The last bytes of the file too (often where late additions sit).
  const tailNl = bytes.indexOf(0x0a, Math.max(PREFIX_BYTES, bytes.length - WINDOW_BYTES));
  if (tailNl >= 0 && tailNl + 1 < bytes.length) out.push(bytes.subarray(tailNl + 1));
  return out;
}

function hasHighByte(s: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) if ((s[i] as number) >= 0x80) return true;
  return false;
}

function isValidUtf8(s: Uint8Array): boolean {
  try {
    // stream: true so that a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(s, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function decodeWith(encoding: EncodingName, s: Uint8Array): string {
  return new TextDecoder(encoding).decode(s, { stream: true });
}

/**
 * UTF-16 text without a BOM: mostly-ASCII text has a zero in every other byte.
 * Returns null unless at least 90% of the even (or odd) bytes are zero and
 * almost none of the others are.
 */
function utf16WithoutBom(s: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(s.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (s[i] === 0) evenZero++;
    if (s[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= 0.9 * pairs && evenZero <= 0.05 * pairs) return 'utf-16le';
  if (evenZero >= 0.9 * pairs && oddZero <= 0.05 * pairs) return 'utf-16be';
  return null;
}

/**
 * GB18030 plausibility, or null when the sample is not valid GB18030 at all.
 * Real Chinese text is mostly GB2312-range pairs (both bytes 0xA1-0xFE) and, in
 * true GB18030, four-byte sequences (byte, digit, byte, digit). Latin-1 text
 * that happens to be valid GB18030 pairs an accented byte with the ASCII letter
 * after it ("Pokémon": E9 6D), which lands in the rare GBK extension area.
 */
function scoreGb18030(s: Uint8Array): number | null {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(s, { stream: true });
  } catch {
    return null;
  }
  let score = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const b = s[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = s[i + 1];
    if (t === undefined) break;
    if (t >= 0x30 && t <= 0x39) {
      // Four-byte sequence: a structure Latin text essentially never has.
      score += 3;
      i += 4;
      continue;
    }
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) score += 3;
    else if (t >= 0x80)
      score -= 2; // GBK extension area: rare characters
    else score -= 3; // GBK extension with an ASCII trail byte: typical of an accident
    i += 2;
  }
  return score;
}

const GOOD_PUNCT = new Set(
  '\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u00a3\u00b0\u00a9\u00ae\u2122\u00ab\u00bb\u00bf\u00a1\u00b7\u00a7\u00d7\u00bd\u00bc\u00be\u00b2\u00b3'.split(
    '',
  ),
);
const APOSTROPHES = new Set(['\u2019', '\u2018']);

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * How plausible a single-byte decoding is, summed over its non-ASCII characters:
 * accented letters inside words (lower case after lower case), typographic
 * punctuation and no-break spaces score up; control characters, upper-case
 * letters glued to lower-case words, odd symbols and letters in runs of
 * non-ASCII characters score down.
 */
function scoreSingleByte(text: string): number {
  let score = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const ch = text[i] as string;
    if (c <= 0x9f || c === 0xfffd) {
      score -= 10;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
    const prevCh = i > 0 ? (text[i - 1] as string) : ' ';
    const besideAsciiLetter = isAsciiLetter(prev) || isAsciiLetter(next);
    // Latin text has its accented letters one at a time; runs of them are
    // what multi-byte text (or earlier mojibake) looks like.
    const inRun = prev >= 0x80 || next >= 0x80;
    if (GOOD_PUNCT.has(ch)) {
      if (APOSTROPHES.has(ch) && isAsciiLetter(prev) && isAsciiLetter(next)) score += 3;
      else if (!inRun) score += 2;
      continue;
    }
    if (isLower(ch)) {
      score += inRun ? -1 : besideAsciiLetter ? 2 : 0;
      continue;
    }
    if (isUpper(ch)) {
      score += isLower(prevCh) ? -3 : inRun ? -1 : besideAsciiLetter ? 1 : 0;
      continue;
    }
    score -= 2;
  }
  return score;
}
