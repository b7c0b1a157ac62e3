// The .xlsx tab book, written and read back with the same library (ExcelJS):
// sheet names, numbers stored as numbers with their formats, titles, bases,
// letters, notes and source.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TabBook } from '../../../src/core/tabs/types';
import { tabs } from '../../../src/core/tabs/tabs';
import { tabBookXlsx } from '../../../src/core/tabs/xlsx';
import { numeric, respondents, single, unwrap } from '../../support/respondents';

/** 60 men (45 say Yes) and 60 women (15 say Yes), weighted 1 or 2; scores 1–5. */
function book(): TabBook {
  const gender: string[] = [];
  const answer: string[] = [];
  const score: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < 120; i++) {
    const man = i < 60;
    gender.push(man ? 'Men' : 'Women');
    answer.push((man ? i < 45 : i < 75) ? 'Yes' : 'No');
    score.push(1 + (i % 5));
    weight.push(i % 2 === 0 ? 1 : 2);
  }
  const table = respondents(
    [
      single('gender', gender, ['Men', 'Women'], 'Gender'),
      single('q1', answer, ['Yes', 'No'], 'Would you recommend us?'),
      numeric('score', score, 'How many stars?'),
      numeric('w', weight),
    ],
    { weightId: 'w', notice: 'Simulated respondents, not real data' },
  );
  return unwrap(tabs(table, { banner: ['gender'], rows: ['q1', 'score'] }));
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

/** The first row (1-based) whose column A holds this text. */
const rowOf = (sheet: ExcelJS.Worksheet, label: string): number => {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
  throw new Error(`no row ${label} in ${sheet.name}`);
};

describe('a tab book as .xlsx, one sheet per table', () => {
  const b = book();

  it('has a contents sheet and one sheet per table, named by number and question id', async () => {
    const wb = await read(await tabBookXlsx(b));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Contents', '1 q1', '2 score']);
    const contents = wb.getWorksheet('Contents')!;
    expect(contents.getCell(1, 1).value).toBe('test');
    expect(contents.getCell(2, 1).value).toBe('Notice: Simulated respondents, not real data');
    expect(contents.getCell(3, 1).value).toBe('Weight: w');
    const link = contents.getCell(rowOf(contents, 'Tables') + 1, 1)
      .value as ExcelJS.CellHyperlinkValue;
    expect(link).toEqual({ text: 'Table 1: Would you recommend us?', hyperlink: "#'1 q1'!A1" });
  });

  it('stores percents as fractions with a percent format, bases as numbers, letters as text', async () => {
    const wb = await read(await tabBookXlsx(b));
    const sheet = wb.getWorksheet('1 q1')!;
    expect(sheet.getCell(1, 1).value).toBe('Table 1: Would you recommend us?');
    expect(sheet.getCell(2, 1).value).toBe('Question: Would you recommend us? (q1)');
    // Header: the group over its two columns (merged), labels, letters.
    const header = rowOf(sheet, 'Base (unweighted)') - 3;
    expect([sheet.getCell(header, 2).value, sheet.getCell(header, 3).value]).toEqual([
      'Total',
      'Gender',
    ]);
    expect(sheet.getCell(header, 4).isMerged).toBe(true);
    expect([2, 3, 4].map((c) => sheet.getCell(header + 1, c).value)).toEqual([
      'Total',
      'Men',
      'Women',
    ]);
    expect([3, 4].map((c) => sheet.getCell(header + 2, c).value)).toEqual(['(A)', '(B)']);

    const base = rowOf(sheet, 'Base (unweighted)');
    expect([2, 3, 4].map((c) => sheet.getCell(base, c).value)).toEqual([120, 60, 60]);
    expect(sheet.getCell(base, 2).numFmt).toBe('#,##0');
    const weighted = rowOf(sheet, 'Base (weighted)');
    expect([2, 3, 4].map((c) => sheet.getCell(weighted, c).value)).toEqual([180, 90, 90]);
    const effective = rowOf(sheet, 'Effective base');
    // 30 weights of 1 and 30 of 2 a column: 90² / (30 + 120) = 54.
    expect(sheet.getCell(effective, 3).value).toBe(54);
    expect(sheet.getCell(effective, 3).numFmt).toBe('#,##0.0');

    const yes = rowOf(sheet, 'Yes');
    const yesMen = b.tables[0]!.colPercents[0]![1]!;
    expect(sheet.getCell(yes, 3).value).toBeCloseTo(yesMen / 100, 12);
    expect(typeof sheet.getCell(yes, 3).value).toBe('number');
    expect(sheet.getCell(yes, 3).numFmt).toBe('0%');
    // Men (75% Yes) beat women (25%): the letter sits in the row under the percents.
    expect(sheet.getCell(yes + 1, 3).value).toBe('B');

    const texts = sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(b.tables[0]!.notes.find((n) => n.startsWith('Letters:')));
    expect(texts.at(-1)).toBe('Source: test. Tabulated by Survey Workbench.');
  });

  it('gives a numeric question its mean, SD, median and n rows, means to two decimals', async () => {
    const wb = await read(await tabBookXlsx(b));
    const sheet = wb.getWorksheet('2 score')!;
    const mean = rowOf(sheet, 'Mean');
    expect(sheet.getCell(mean, 2).value).toBe(b.tables[1]!.stats!.mean[0]);
    expect(sheet.getCell(mean, 2).numFmt).toBe('0.00');
    expect(sheet.getCell(rowOf(sheet, 'n'), 2).value).toBe(120);
    expect(sheet.getCell(rowOf(sheet, 'Median'), 3).value).toBe(3);
  });
});

describe('a tab book as .xlsx, every table on one sheet', () => {
  it('puts both tables, each with its title, bases and notes, on the sheet "Tables"', async () => {
    const wb = await read(await tabBookXlsx(book(), { layout: 'one-sheet' }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tables']);
    const texts = wb.worksheets[0]!.getColumn(1).values.filter(
      (v): v is string => typeof v === 'string',
    );
    expect(texts.filter((t) => t.startsWith('Table '))).toEqual([
      'Table 1: Would you recommend us?',
      'Table 2: How many stars?',
    ]);
    expect(texts.filter((t) => t === 'Base (unweighted)')).toHaveLength(2);
    expect(texts.filter((t) => t.startsWith('Source: '))).toHaveLength(3);
  });
});
