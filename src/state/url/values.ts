// The values a link holds, one by one: how each kind is checked (zod), and the
// text forms of nets and filters. The table of keys (./keys.ts) puts them together.
import * as z from 'zod/mini';
import type { CrosstabNet } from './view';

// Ids are column names from users' files: any text, kept as data (never markup).
// zod/mini: the tree-shakable API (checks are functions), far smaller in the bundle.
export const id = z.string().check(z.minLength(1), z.maxLength(2000));
export const surveyId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(200),
    z.regex(/^[\p{L}\p{N}_.-]+$/u, 'survey ids hold letters, digits, _ . -'),
  );
export const netText = z
  .string()
  .check(
    z.maxLength(400),
    z.regex(/^\d{1,3}(\.\d{1,3})+$/, 'a net is two or more option indexes joined by "."'),
  );
// A crosstab net may end in "a": respondents who chose all of its options (older links never do).
export const crosstabNetText = z
  .string()
  .check(
    z.maxLength(400),
    z.regex(
      /^\d{1,3}(\.\d{1,3})+a?$/,
      'a net is two or more option indexes joined by "." (ending in "a" for "chose all of")',
    ),
  );
export const ref = z
  .string()
  .check(
    z.maxLength(2201),
    z.regex(/^[\p{L}\p{N}_.-]+:[\s\S]+$/u, 'a compared question is "survey:question"'),
  );
export const filterText = z
  .string()
  .check(
    z.maxLength(2100),
    z.regex(/^\d{1,4}(\.\d{1,4})*:[\s\S]+$/, 'a filter is "optionIndexes:questionId"'),
  );
export const base64url = (max: number, what: string) =>
  z.string().check(z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/, `${what} in a link is base64url`));
export const flag = z.enum(['0', '1']);

export const netsOf = (list: readonly string[]) => list.map((n) => n.split('.').map(Number));
export const netsText = (nets: readonly number[][]) => nets.map((n) => n.join('.'));
export const crosstabNetsOf = (list: readonly string[]): CrosstabNet[] =>
  list.map((n) => ({ options: n.replace(/a$/, '').split('.').map(Number), all: n.endsWith('a') }));
export const crosstabNetsText = (nets: readonly CrosstabNet[]) =>
  nets.map((n) => `${n.options.join('.')}${n.all ? 'a' : ''}`);

/** The text before the first `sep` and after it (without `sep`: the whole text, and ''). */
export function splitFirst(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + sep.length)];
}
