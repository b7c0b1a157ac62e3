// Shared fast-check arbitraries and checks for the robustness property tests:
// CSV-like text built from the characters that break parsers, names that
// collide with Object.prototype, and the shape every Result must have.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Result } from '../../../src/core/result';

/** Names that are properties of every plain object: used as headers, labels and ids. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

/** Markup and script URLs: must come through as plain data. */
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://x")',
] as const;

/** Pieces that CSV readers, encoders and schema inference stumble on. */
const PIECES = [
  ...PROTO_NAMES,
  ...MARKUP,
  '',
  ' ',
  'a',
  'Yes',
  'No',
  'NA',
  'N/A',
  '1',
  '2',
  '3.5',
  '-7',
  '1e3',
  '0',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '|',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\uFEFF',
  '\uFFFD',
  '\uD800',
  '微信',
  '从不',
  'é',
  '😀',
  '\u2028',
  'Q5_1',
  'Q5_2',
  'Q7 [Tea]',
  'question',
  'option',
  'percent',
  '37%',
  '…',
  'weight',
  'id',
  'Not selected',
] as const;

/** A cell: mostly short pieces, sometimes arbitrary unicode, sometimes long. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 })
      .map((p) => p.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '微', '"', ','), fc.integer({ min: 200, max: 5000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

const DELIMITERS = [',', ';', '\t', '|'] as const;
const LINE_ENDS = ['\n', '\r\n', '\r'] as const;

/** Quote a cell as a CSV writer would, or sometimes not at all (to make broken files too). */
function writeCell(cell: string, delimiter: string, quoteMode: 'min' | 'all' | 'none'): string {
  if (quoteMode === 'none') return cell;
  const needs = quoteMode === 'all' || /["\r\n]/.test(cell) || cell.includes(delimiter);
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export interface CsvLike {
  text: string;
  delimiter: string;
}

/** CSV-like text: rows of random cells (maybe ragged, maybe badly quoted), random line ends. */
export const csvLikeText: fc.Arbitrary<CsvLike> = fc
  .record({
    rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: 8 }), {
      minLength: 1,
      maxLength: 12,
    }),
    delimiter: fc.constantFrom(...DELIMITERS),
    lineEnd: fc.constantFrom(...LINE_ENDS),
    quoteMode: fc.constantFrom('min', 'min', 'all', 'none') as fc.Arbitrary<'min' | 'all' | 'none'>,
    finalNewline: fc.boolean(),
  })
  .map(({ rows, delimiter, lineEnd, quoteMode, finalNewline }) => ({
    delimiter,
    text:
      rows
        .map((r) => r.map((c) => writeCell(c, delimiter, quoteMode)).join(delimiter))
        .join(lineEnd) + (finalNewline ? lineEnd : ''),
  }));

/** A rectangular, correctly quoted respondent grid with random (possibly hostile) header names. */
export const wellFormedGrid: fc.Arbitrary<{ header: string[]; rows: string[][]; text: string }> = fc
  .integer({ min: 1, max: 8 })
  .chain((width) =>
    fc.record({
      header: fc.array(cellText, { minLength: width, maxLength: width }),
      rows: fc.array(
        fc.array(
          fc.oneof(
            fc.constantFrom('Yes', 'No', '1', '2', '3', '', 'NA', '微信', ...PROTO_NAMES),
            cellText,
          ),
          { minLength: width, maxLength: width },
        ),
        { minLength: 1, maxLength: 30 },
      ),
      delimiter: fc.constantFrom(...DELIMITERS),
    }),
  )
  .map(({ header, rows, delimiter }) => ({
    header,
    rows,
    text: [header, ...rows]
      .map((r) => r.map((c) => writeCell(c, delimiter, 'all')).join(delimiter))
      .join('\r\n'),
  }));

/** Bytes of a text in one of the encodings a file may arrive in, with or without a BOM. */
export function encodeAs(text: string, how: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom'): Uint8Array {
  if (how === 'utf-8') return new TextEncoder().encode(text);
  if (how === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >>> 8;
  }
  return out;
}

/** Every failure names a stable code and says something in words; positions are 1-based. */
export function expectWellFormedResult(r: Result<unknown>): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) return;
  const e = r.error;
  expect(e.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  expect(typeof e.message).toBe('string');
  expect(e.message.trim().length).toBeGreaterThan(10);
  if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
  if (e.column !== undefined) expect(Number.isInteger(e.column) && e.column >= 1).toBe(true);
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Object.prototype has exactly its own built-in keys and no one set `polluted` on it. */
export function expectNoPrototypePollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
}
