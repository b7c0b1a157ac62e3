import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cliErrors,
  countsErrors,
  csvErrors,
  definitionErrors,
  errorText,
  exportErrors,
  located,
  parquetErrors,
  problem,
  publishedErrors,
  respondentErrors,
  savErrors,
  schemaErrors,
  shareErrors,
  sqlErrors,
  storageErrors,
  tabBookErrors,
  tabsErrors,
  xlsxErrors,
  type ErrorCode,
} from '../../src/core/messages';

const SRC = join(__dirname, '../../src');
const MESSAGES = join(SRC, 'core/messages');

/** Every .ts and .tsx file under src, but the message catalogue itself. */
function sources(dir = SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === MESSAGES ? [] : sources(path);
    return /\.tsx?$/.test(e.name)
      ? [{ file: relative(SRC, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

const AREAS = {
  cliErrors,
  countsErrors,
  csvErrors,
  definitionErrors,
  exportErrors,
  parquetErrors,
  publishedErrors,
  respondentErrors,
  savErrors,
  schemaErrors,
  shareErrors,
  sqlErrors,
  storageErrors,
  tabBookErrors,
  tabsErrors,
  xlsxErrors,
};

/** A message as written: the string, or the template a function fills in. */
const written = (text: unknown): string =>
  typeof text === 'string' ? text : String(text).replace(/^[^=]*=>\s*/, '');

describe('error codes and their messages', () => {
  const codes = Object.keys(errorText) as ErrorCode[];

  it('joins the areas without losing a code: none is in two areas', () => {
    const all = Object.values(AREAS).flatMap((table) => Object.keys(table));
    expect(all.length).toBe(codes.length);
    expect(new Set(all).size).toBe(codes.length);
  });

  it('writes each code as lowercase words joined by hyphens, its area first', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
  });

  it('gives no two codes the same message', () => {
    const byText = new Map<string, ErrorCode[]>();
    for (const code of codes) {
      const text = written(errorText[code]);
      byText.set(text, [...(byText.get(text) ?? []), code]);
    }
    const shared = [...byText.values()].filter((c) => c.length > 1);
    expect(shared).toEqual([]);
  });

  it('has every code produced somewhere in src, by problem() or a wrapper that calls it', () => {
    const made = new Set(
      sources().flatMap(({ text }) =>
        // problem(), or the readers' place-taking wrappers around it (err, error).
        [...text.matchAll(/\b(?:problem|err|error)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]),
      ),
    );
    expect(codes.filter((c) => !made.has(c))).toEqual([]);
  });

  it('builds no error outside problem(): no code is written as a literal in src', () => {
    const literal = sources().flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line: i + 1, text: line }))
        .filter((l) => /\bcode\s*:\s*['"`]/.test(l.text))
        .map((l) => `${file}:${l.line}: ${l.text.trim()}`),
    );
    expect(literal).toEqual([]);
  });
});

describe('problem() and located()', () => {
  it('fills the code’s one message with its arguments', () => {
    expect(problem('import-too-large', 3 * 1024 ** 3, 2 * 1024 ** 3 - 1)).toEqual({
      code: 'import-too-large',
      message:
        'The file is 3.0 GB, more than the 2.0 GB this app can hold in memory. Split the file or keep fewer columns.',
    });
    expect(problem('counts-two-base-rows', 2)).toEqual({
      code: 'counts-two-base-rows',
      message: 'This is a second Base row (the first is row 2). Keep one row of bases.',
    });
  });

  it('records the place without saying it, unless asked', () => {
    const e = problem('schema-duplicate-header', 'q1', 2, 5);
    expect(located({ file: 'a.csv', line: 1, column: 5 }, e)).toEqual({
      ...e,
      file: 'a.csv',
      line: 1,
      column: 5,
    });
  });

  it('says a file’s line and column, and a pasted table’s row and cell, before the message', () => {
    const bad = problem('distribution-bad-percent', '3o%');
    expect(located({ line: 4, column: 3, say: 'cell', name: 'percent' }, bad).message).toBe(
      `Line 4, column 3 ("percent"): ${bad.message}`,
    );
    const quote = problem('distribution-unclosed-quote');
    expect(located({ line: 9, column: 2, say: 'line' }, quote).message).toBe(
      `Line 9: ${quote.message}`,
    );
    const blank = problem('counts-blank-column-label');
    expect(located({ line: 1, column: 3, say: 'row-cell' }, blank).message).toBe(
      `Row 1, column 3: ${blank.message}`,
    );
    const ragged = problem('counts-ragged-row', 2, 3);
    expect(located({ line: 4, column: 3, say: 'row' }, ragged)).toEqual({
      code: 'counts-ragged-row',
      message:
        'Row 4: This row has 2 cells but the first row has 3. Give each row its label and one value per column (type 0 for none).',
      line: 4,
      column: 3,
    });
  });

  it('isolates and caps a column name it repeats, as any text from a file', () => {
    const e = located(
      { line: 2, column: 1, say: 'cell', name: '\u202Egnp.exe' },
      problem('distribution-question-text-missing'),
    );
    expect(e.message.startsWith('Line 2, column 1 ("\u2068\u202Egnp.exe\u2069"): ')).toBe(true);
    const long = located(
      { line: 1, column: 1, say: 'row-cell', name: 'x'.repeat(500) },
      problem('counts-blank-row-label'),
    );
    expect(long.message).toContain(`("${'x'.repeat(199)}…")`);
  });
});
