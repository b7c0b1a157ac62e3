// The one formula-neutralising rule (OWASP "CSV Injection"), for every CSV and
// TSV this app writes, and its exact inverse for the published format's reader.
// A cell that starts with = + - @, a tab or a carriage return gets a leading
// "'", so a spreadsheet shows it as text instead of running it. On purpose:
// - Leading white space of any kind is looked past (" =1+1", a no-break space
//   or an ideographic space before "="): spreadsheets trim cells on import or
//   paste, which would expose the "=". So are bidi controls: exports isolate
//   right-to-left labels in FSI … PDI (src/core/format/bidi.ts), and a label may
//   start with U+202E; a program that drops them would expose the "=" too.
// - A plain number is left alone: "-3.5", "+2.3", "-1,234.5", "12.5%" are
//   numbers in every spreadsheet, never formulas, and a report needs them as
//   numbers. Anything else after the sign ("-2+3", "+cmd|…") is neutralised.
// - A cell that already starts with "'" before such a start (or before another
//   "'") gets one more, so that unescapeCell gives back exactly what was
//   written: the published format reads its own exports byte for byte.
// No dependency: the worker's reader imports this without the CSV writer.

// JS's \s covers every Unicode space separator (no-break, ideographic, …) and the BOM.
const CONTROL_START = /^\p{Bidi_Control}*[\t\r]/u;
const SIGN_START = /^[\s\p{Bidi_Control}]*[=+\-@]/u;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

/** Whether a cell would start a formula in a spreadsheet (the one rule). */
function startsFormula(s: string): boolean {
  return (
    CONTROL_START.test(s) ||
    (SIGN_START.test(s) && !PLAIN_NUMBER.test(s.replace(BIDI_CONTROLS, '').trim()))
  );
}

/**
 * Whether a cell needs the escape: it starts a formula, or it starts with "'"
 * before what an escape precedes (a sign, "'", a tab: files written before
 * numbers were exempt held "'-5"), so reading it back cannot strip its "'".
 */
function needsEscape(s: string): boolean {
  return startsFormula(s) || looksEscaped(s);
}

function looksEscaped(s: string): boolean {
  return s.startsWith("'") && (ESCAPED.test(s) || startsFormula(s.slice(1)));
}

const ESCAPED = /^'[=+\-@'\t\r]/;

/** "=SUM(A1)" -> "'=SUM(A1)"; "-3.5" and "+2.3%" stay numbers; "Other" is unchanged. */
export function neutraliseCell(s: string): string {
  return needsEscape(s) ? `'${s}` : s;
}

/** The exact inverse of neutraliseCell: "'=SUM(A1)" -> "=SUM(A1)"; anything it did not escape stays. */
export function unescapeCell(s: string): string {
  return looksEscaped(s) ? s.slice(1) : s;
}
