// Writing names and values from files into SQL text. Column names, answer
// labels, missing-value tokens and paths are arbitrary text from a file or a
// definition, so none of them is ever spliced in raw: identifiers go between
// double quotes (a double quote doubled), values between single quotes (a
// single quote doubled). Standard SQL and DuckDB read nothing else specially
// inside either: no backslash escapes, no comment or statement syntax.
import { fail, ok, type Result } from '../result';
import { LONE_SURROGATE } from '../format/unicode';
import { problem } from '../messages';

/** "name", with every " doubled: any text becomes one identifier (DuckDB compares them ignoring case). */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** 'text', with every ' doubled: any text becomes one string value. */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A list value ['a', 'b'] (DuckDB's list literal; VARCHAR[] even when empty). */
export const listLiteral = (items: readonly string[]): string =>
  items.length === 0 ? '[]::VARCHAR[]' : `[${items.map(literal).join(', ')}]`;

/** `expr IN ('a', 'b')`, or FALSE for no values (SQL has no empty IN list). */
export const inList = (expr: string, items: readonly string[]): string =>
  items.length === 0 ? 'FALSE' : `${expr} IN (${items.map(literal).join(', ')})`;

/**
 * Text for a `--` comment: line breaks (which would end the comment and let
 * the rest be read as SQL) and other control characters become spaces.
 */
export const commentText = (text: string): string =>
  Array.from(text, (c) => (isLineOrControl(c.charCodeAt(0)) ? ' ' : c)).join('');

function isLineOrControl(n: number): boolean {
  return n < 0x20 || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029;
}

// A NUL ends the query text in DuckDB's C API (the rest would be cut off), and
// a lone UTF-16 surrogate has no UTF-8 form, so it would reach the database as
// another character (U+FFFD) and name another column or value. Neither can be
// quoted safely; both are refused. Decoded files contain neither.

/** Refuses text that no SQL quoting can carry exactly (see above); `what` names it in the message. */
export function checkWritable(texts: Iterable<string>, what: string): Result<null> {
  for (const text of texts) {
    if (text.includes('\0') || LONE_SURROGATE.test(text))
      return fail(problem('sql-unwritable-text', what, text));
  }
  return ok(null);
}
