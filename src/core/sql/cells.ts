// Cell values as the engine reads them (src/core/table/encoders), in SQL.
// Each expression takes the SQL text of one trimmed cell and says what the
// engine makes of it: an answer or missing, chosen or not, a number or not.
import type { MultiSeparator } from '../schema/types';
import { YES_NO_PAIRS } from '../schema/tokens';
import { inList, listLiteral, literal } from './quote';

/**
 * A line break inside an expression, indented under the SELECT item it
 * belongs to (items sit at four spaces). Written only between clauses, never
 * inside a quoted name or value.
 */
export const BREAK = '\n      ';

// Lists are filtered and mapped with list_filter/list_transform and DuckDB's
// `lambda x: …` syntax (DuckDB 1.3 and later), not with list comprehensions:
// in `[p FOR p IN … IF …]` a bare `p` names a source column called p, when
// there is one, instead of the list's element.

// The characters JavaScript's String.prototype.trim removes (the engine trims
// every cell with it): ECMAScript WhiteSpace (tab, VT, FF, U+FEFF and every
// space separator, Unicode category Zs) and LineTerminator (LF, CR, U+2028,
// U+2029). DuckDB's trim(s) removes spaces only, and trim(s, characters) runs
// about ten times slower than a regular expression on large files, hence RE2,
// written in ASCII (no invisible characters to lose in a copy and paste).
const JS_SPACE = '[\\t-\\r\\p{Zs}\\x{2028}\\x{2029}\\x{FEFF}]';
const TRIM_PATTERN = literal(`^${JS_SPACE}+|${JS_SPACE}+$`);

/** `text` trimmed as String.prototype.trim trims it. */
export const trimmed = (text: string): string =>
  `regexp_replace(${text}, ${TRIM_PATTERN}, '', 'g')`;

/**
 * A cell as the engine sees it before deciding anything: an absent or empty
 * field is '' (DuckDB reads both as NULL), then trimmed. Most cells start and
 * end with a printable ASCII character, which no trim removes: those skip the
 * regular expression, which halves the time a large file takes.
 */
export const cellText = (column: string): string => {
  const printable = (c: string) => `ord(${c}) BETWEEN 33 AND 126`;
  return [
    `CASE WHEN ${printable(column)} AND ${printable(`right(${column}, 1)`)} THEN ${column}`,
    `ELSE ${trimmed(`coalesce(${column}, '')`)} END`,
  ].join(BREAK);
};

/** Whether the (trimmed) cell `v` is one of the missing values. */
const isMissing = (v: string, missing: readonly string[]): string => inList(v, missing);

/** A single answer: the trimmed cell, or NULL when it is a missing value. */
export const singleAnswer = (v: string, missing: readonly string[]): string =>
  missing.length === 0 ? v : `CASE WHEN ${isMissing(v, missing)} THEN NULL ELSE ${v} END`;

/**
 * A multi-answer cell: the options it names, each once. A missing cell names
 * none (the respondent was not asked); so does a cell of separators only
 * (answered, chose none); for counts the two differ in nothing. Parts are
 * trimmed and empty parts dropped, as DelimitedMultiEncoder does; missing
 * values are tested on the whole cell only, also as it does.
 */
export function delimitedAnswer(
  v: string,
  separator: MultiSeparator,
  missing: readonly string[],
): string {
  const parts = `list_transform(string_split(${v}, ${literal(separator)}), lambda part: ${trimmed('part')})`;
  const options = `list_distinct(list_filter(${parts}, lambda part: part <> ''))`;
  return missing.length === 0
    ? options
    : [`CASE WHEN ${isMissing(v, missing)} THEN []::VARCHAR[]`, `ELSE ${options} END`].join(BREAK);
}

/** What the engine reads as "chosen" in a yes/no battery without a definition's `chosen` (tokens.ts). */
const BUILT_IN_CHOSEN = ['checked', 'selected', 'x', ...YES_NO_PAIRS.map(([yes]) => yes)];

/**
 * `/^(not selected|not checked|unchecked|0)$/i` (isNotSelectedLabel) as an RE2
 * pattern: a JavaScript /i regex without the u flag folds ASCII letters only,
 * which [nN][oO]… matches exactly, where RE2's (?i) would fold more.
 */
const NOT_SELECTED_PATTERN = literal(
  ['not selected', 'not checked', 'unchecked', '0']
    .map((w) => w.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`))
    .join('|'),
);

/**
 * Whether the (trimmed) cell `v` of one battery column counts as chosen
 * (ColumnsMultiEncoder): in the label style any value but blank, missing or
 * "Not selected"; in the yes/no style one of the `chosen` values (compared
 * ignoring case), or of the built-in yes tokens when the definition names none.
 */
export function batteryChosen(
  v: string,
  style: 'label' | 'binary',
  missing: readonly string[],
  chosen: readonly string[] | undefined,
): string {
  const notMissing = missing.length === 0 ? 'TRUE' : `NOT ${isMissing(v, missing)}`;
  if (style === 'label')
    return `${v} <> '' AND ${notMissing} AND NOT regexp_full_match(${v}, ${NOT_SELECTED_PATTERN})`;
  const yes =
    chosen === undefined ? BUILT_IN_CHOSEN : [...new Set(chosen.map((c) => c.toLowerCase()))];
  return `${notMissing} AND ${inList(`lower(${v})`, yes)}`;
}

/** A battery: the labels of the columns chosen, each once. */
export function batteryAnswer(labels: readonly string[], chosen: readonly string[]): string {
  const items = labels.map((label, j) => `CASE WHEN ${chosen[j]!} THEN ${literal(label)} END`);
  return items.length === 0
    ? listLiteral([])
    : `list_distinct(list_filter([${BREAK}  ${items.join(`,${BREAK}  `)}${BREAK}], lambda option: option IS NOT NULL))`;
}

// Number(text) of a trimmed cell (schema/profile.ts parseNumber): a decimal
// literal, or an integer in hex (0x…), binary (0b…) or octal (0o…). DuckDB's
// casts read more ("inf", "nan", "1_000") and octal not at all, so patterns
// admit exactly JavaScript's forms, and octal digits are spelled out in bits.
const DECIMAL = literal('[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?');
const HEX_OR_BINARY = literal('0[xX][0-9a-fA-F]+|0[bB][01]+');
const OCTAL = literal('0[oO][0-7]+');

/** '0b' and the bits of the octal digits after "0o" in `t` (each digit to a letter, each letter to 3 bits). */
function octalAsBinary(t: string): string {
  let bits = `translate(substr(${t}, 3), '01234567', 'abcdefgh')`;
  for (let d = 0; d < 8; d++)
    bits = `replace(${bits}, '${'abcdefgh'[d]}', '${d.toString(2).padStart(3, '0')}')`;
  return `'0b' || ${bits}`;
}

/**
 * A numeric cell as the engine reads it: NULL for a missing value or text
 * that is not a number. With a decimal comma, the first comma is the point.
 * A literal too large for a double (1e400) is NaN to the engine and infinite
 * to DuckDB: as a weight, left out either way.
 */
export function numberValue(v: string, missing: readonly string[], decimalComma: boolean): string {
  const t = decimalComma ? `regexp_replace(${v}, ',', '.')` : v;
  const parse = [
    `WHEN regexp_full_match(${t}, ${DECIMAL}) THEN TRY_CAST(${t} AS DOUBLE)`,
    `WHEN regexp_full_match(${t}, ${HEX_OR_BINARY}) THEN TRY_CAST(${t} AS UBIGINT)::DOUBLE`,
    `WHEN regexp_full_match(${t}, ${OCTAL}) THEN TRY_CAST(${octalAsBinary(t)} AS UBIGINT)::DOUBLE`,
  ];
  const miss = missing.length === 0 ? [] : [`WHEN ${isMissing(v, missing)} THEN NULL`];
  return ['CASE', ...[...miss, ...parse].map((w) => `  ${w}`), 'END'].join(BREAK);
}
