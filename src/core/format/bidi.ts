// Bidirectional text from files and links. A label holding U+202E (RIGHT-TO-LEFT
// OVERRIDE) shows "gnp.exe" as "exe.png" and, left open, also reverses whatever
// the app writes after it on the same line ("… is not in this library" reads
// backwards). The one rule, for every place data text sits beside the app's own
// words (messages, chart labels, the header lines of exports): wrap it in FIRST
// STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE (U+2069). Inside, the text
// keeps its own direction; at the PDI every embedding or override it opened
// ends, so nothing reaches the text around it. React pages do the same with
// <bdi>, the isolate as an element.
//
// - Only text that can move its neighbours is wrapped: text holding a bidi
//   control or a right-to-left letter. Latin, CJK and digits cannot reorder
//   anything around them, so ordinary labels (and exports of them) stay
//   byte for byte as they were.
// - The text is balanced before it is wrapped: a stray PDI inside would close
//   the wrapper early and let an override after it out, so PDIs without their
//   opening isolate are dropped, and isolates the text opens but never closes
//   are closed before the wrapper's PDI (a label cut to fit can lose its PDI).

export const FSI = '\u2068';
export const PDI = '\u2069';

/** ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_CONTROL = /\p{Bidi_Control}/u;
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;
/**
 * Right-to-left letters and Arabic digits: Hebrew, Arabic, Syriac, Thaana, NKo
 * and their neighbours (U+0590–U+08FF), the Hebrew and Arabic presentation
 * forms, and the right-to-left blocks of the supplementary planes. A few
 * combining marks in these ranges are matched too: wrapping them is harmless.
 */
const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** LRI, RLI, FSI: the isolate initiators a PDI closes. */
const OPENS_ISOLATE = new Set(['\u2066', '\u2067', FSI]);

/** The most characters of a link's parameter a message repeats back. */
export const ECHO_LIMIT = 200;

/** Whether the text holds a bidi control character (an override, embedding, isolate or mark). */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Whether the text could reorder the text beside it: a bidi control or a right-to-left letter. */
export function needsIsolation(text: string): boolean {
  return BIDI_CONTROL.test(text) || RIGHT_TO_LEFT.test(text);
}

/** The text without bidi controls: for file names, which cannot be isolated. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Drops PDIs that close nothing and closes the isolates the text leaves open. */
function balance(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (OPENS_ISOLATE.has(ch)) depth++;
    else if (ch === PDI) {
      if (depth === 0) continue;
      depth--;
    }
    out += ch;
  }
  return out + PDI.repeat(depth);
}

/** Whether the text is already one isolate: FSI first, its own PDI last, balanced inside. */
function isIsolated(text: string): boolean {
  if (!text.startsWith(FSI) || !text.endsWith(PDI)) return false;
  let depth = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (OPENS_ISOLATE.has(ch)) depth++;
    else if (ch === PDI && --depth === 0) return i === chars.length - 1;
  }
  return false;
}

/**
 * Data text ready to sit beside other text: wrapped in FSI … PDI (balanced
 * inside) when it holds a bidi control or a right-to-left letter; otherwise
 * unchanged. Wrapping twice gives the same as wrapping once.
 */
export function isolate(text: string): string {
  if (!needsIsolation(text) || isIsolated(text)) return text;
  return `${FSI}${balance(text)}${PDI}`;
}

/**
 * Text wrapped onto several lines, each drawn on its own (SVG <text>): an
 * isolate the wrapping cut in two is closed at the end of its first line and
 * opened again at the start of the next, so every line is balanced and the
 * app's words on a later line stay outside it.
 */
export function balanceLines(lines: readonly string[]): string[] {
  const open: string[] = [];
  return lines.map((line) => {
    let out = open.join('');
    for (const ch of line) {
      if (OPENS_ISOLATE.has(ch)) open.push(ch);
      else if (ch === PDI) {
        if (open.length === 0) continue;
        open.pop();
      }
      out += ch;
    }
    return out + PDI.repeat(open.length);
  });
}

/**
 * A link's parameter as a message repeats it: at most `max` characters (code
 * points; the last one "…" when cut), isolated. A link is written by anyone:
 * its text must neither flood the page nor turn the message around it.
 */
export function capEcho(text: string, max: number = ECHO_LIMIT): string {
  const chars = Array.from(text);
  const kept = chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
  return isolate(kept);
}
