// Hostile files, generated in code. The small ones are also kept as
// tests/fixtures/hostile/*.csv, so the browser test can upload them; hostile.test.ts
// checks those files are exactly what this module makes. To rewrite them:
//   npx tsx tests/core/property/hostile.ts --write
import { writeFileSync } from 'node:fs';

export const FIXTURE_DIR = new URL('../../fixtures/hostile/', import.meta.url);

export const XSS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  js: 'javascript:alert(1)',
  svg: '"><svg onload=alert(1)>',
} as const;

const quote = (cell: string): string =>
  /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
const csv = (rows: readonly (readonly string[])[]): string =>
  `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;

/** Respondents: markup in every header and in the answers (a single-answer question and a text one). */
export const MARKUP_HEADERS = [XSS.script, XSS.img, XSS.js, XSS.svg] as const;
export const MARKUP_ROWS: readonly (readonly string[])[] = Array.from({ length: 12 }, (_, i) => [
  [XSS.script, XSS.img, 'Yes'][i % 3]!,
  [XSS.js, 'No'][i % 2]!,
  String(i + 1),
  `${XSS.svg} answer ${i}`,
]);

/** Respondents: column names and labels that are properties of every JavaScript object. */
export const PROTO_HEADERS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
] as const;
export const PROTO_ROWS: readonly (readonly string[])[] = Array.from({ length: 10 }, (_, i) => [
  ['__proto__', 'constructor'][i % 2]!,
  ['prototype', 'toString', '__proto__'][i % 3]!,
  ['hasOwnProperty', 'valueOf'][i % 2]!,
  ['constructor', '__defineGetter__'][i % 2]!,
  ['isPrototypeOf', '__proto__'][i % 2]!,
  ['toString', 'polluted'][i % 2]!,
]);

/** Published figures: a javascript: source_url, markup and prototype names as question ids and labels. */
const DISTRIBUTION_ROWS: readonly (readonly string[])[] = [
  ['survey', 'source', 'source_url', 'question_id', 'question', 'option', 'percent'],
  [XSS.script, XSS.img, XSS.js, '__proto__', XSS.script, XSS.img, '40%'],
  ['', '', '', '', '', '__proto__', '35%'],
  ['', '', '', '', '', 'constructor', '25%'],
  ['', '', '', 'constructor', 'toString', 'prototype', '60%'],
  ['', '', '', '', '', XSS.js, '40%'],
  ['', '', '', 'hasOwnProperty', '\'=HYPERLINK("http://x","y")', "'=1+1", '100%'],
];

/** Respondents where a spreadsheet formula stands in the header and the answers. */
export const FORMULA_ROWS: readonly (readonly string[])[] = [
  ['=1+1', '@SUM(A1)', 'id'],
  ...Array.from({ length: 8 }, (_, i) => [
    ['=HYPERLINK("http://evil.example","click")', '+1', '-1'][i % 3]!,
    ['@cmd', 'ok'][i % 2]!,
    String(i + 1),
  ]),
];

/** A NUL byte inside the text, as a binary file renamed .csv would have. */
export const NUL_TEXT = 'q1,q2\nYes,No\nNo,\0Yes\n';

export const FIXTURES: Record<string, string> = {
  'markup-headers.csv': csv([MARKUP_HEADERS, ...MARKUP_ROWS]),
  'prototype-names.csv': csv([PROTO_HEADERS, ...PROTO_ROWS]),
  'distribution-javascript-url.csv': csv(DISTRIBUTION_ROWS),
  'formula-cells.csv': csv(FORMULA_ROWS),
  'nul-byte.csv': NUL_TEXT,
};

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** One quoted cell of `size` characters holding commas, quotes and line breaks. */
export function bigCell(size: number): string {
  const unit = 'Lorem, "ipsum"\n微信 <b>x</b> ';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A header of `n` columns and two rows. */
export function wideText(n: number): string {
  const header = Array.from({ length: n }, (_, i) => `c${i}`).join(',');
  const row = Array.from({ length: n }, (_, i) => String(i % 2)).join(',');
  return `${header}\n${row}\n${row}\n`;
}

if (process.argv.includes('--write')) {
  for (const [name, text] of Object.entries(FIXTURES))
    writeFileSync(new URL(name, FIXTURE_DIR), text);
}
