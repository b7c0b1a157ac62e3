// The point of reading .xlsx: a workbook reads exactly as the CSV holding the
// same cells. The workbooks here were written by ExcelJS (scripts/make-xlsx-
// fixtures.ts) from the CSV files, numbers as numbers and published percents
// as percentage-formatted fractions, as someone typing them into Excel would.
// - The bundled demo respondents: the same table, column for column, and the
//   same crosstabs, cell for cell, weighted and unweighted.
// - hdv2003 (../shared, 2,000 respondents, 20 columns; skipped when absent):
//   the same, read by detection alone.
// - Sootoo's June 2013 and Eguan's July 2013 published figures: the same
//   survey, figure for figure, decimals and flags included.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { parseDefinition } from '../../../src/core/definition/definition';
import { analyseSurvey } from '../../../src/core/published/analyse';
import type { RespondentTable } from '../../../src/core/table/types';
import { csvToXlsx } from '../../../scripts/make-xlsx-fixtures';
import { fixture, load, respondents, survey, value, type Distribution } from './helpers';

const demoDefinition = value(
  parseDefinition(
    readFileSync(
      new URL('../../../surveys/demo-simulated-wechat-respondents.json', import.meta.url),
      'utf8',
    ),
    'demo.json',
  ),
);

function table(t: RespondentTable, rows: string, cols: string | null, weightId?: string | null) {
  return value(
    crosstab(t, {
      rows: { questionId: rows },
      cols: cols === null ? null : { questionId: cols },
      ...(weightId === undefined ? {} : { weightId }),
    }),
  );
}

const DEMO_PAIRS: [string, string | null][] = [
  ['How often do you use WeChat?', 'age_group'],
  ['What is the reason that you started to use WeChat?', 'gender'],
  ['Which type of official accounts do you follow?', 'city_tier'],
  ['gender', 'What is the reason that you started to use WeChat?'],
  ['age_group', null],
];

describe('the demo respondents as an .xlsx written by ExcelJS', async () => {
  const csv = await respondents(survey('demo-simulated-wechat-respondents.csv'), {
    file: 'demo',
    definition: demoDefinition,
  });
  const xlsx = await respondents(fixture('demo-respondents.xlsx'), {
    file: 'demo',
    definition: demoDefinition,
    sheet: 'Respondents',
  });

  it('reads to the same table, column for column, weighted by the definition', () => {
    expect(xlsx.table.rowCount).toBe(1500);
    expect(xlsx.table.weightId).toBe('weight');
    expect(xlsx.table.columns).toEqual(csv.table.columns);
    expect(xlsx.table.meta).toEqual(csv.table.meta);
  });

  it.each(DEMO_PAIRS)('%s × %s: the same crosstab, cell for cell', (rows, cols) => {
    expect(table(xlsx.table, rows, cols)).toEqual(table(csv.table, rows, cols));
    expect(table(xlsx.table, rows, cols, null)).toEqual(table(csv.table, rows, cols, null));
  });

  it('records the same definition, and the sheet it was read from', () => {
    const { encoding, delimiter, ...rest } = csv.definition;
    expect([encoding, delimiter]).toEqual(['utf-8', ',']);
    expect(xlsx.definition).toEqual({ ...rest, sheet: 'Respondents' });
  });
});

const HDV2003 = new URL(
  '../../../../shared/datasets/questionr/questionr-hdv2003.csv',
  import.meta.url,
);

describe.skipIf(!existsSync(HDV2003))(
  'hdv2003 (questionr, ../shared) as an .xlsx written by ExcelJS',
  { timeout: 60_000 },
  async () => {
    if (!existsSync(HDV2003)) return; // skipped: ../shared/datasets is not on this machine
    const text = readFileSync(HDV2003, 'utf8');
    const csv = await respondents(new TextEncoder().encode(text), { file: 'hdv2003' });
    const xlsx = await respondents(await csvToXlsx(text), { file: 'hdv2003' });

    it('reads by detection alone to the same table, column for column', () => {
      expect(xlsx.table.rowCount).toBe(2000);
      expect(xlsx.table.columns).toEqual(csv.table.columns);
      expect(xlsx.schema.questions.map((q) => [q.id, q.kind])).toEqual(
        csv.schema.questions.map((q) => [q.id, q.kind]),
      );
    });

    it.each([
      ['qualif', 'sexe'],
      ['relig', 'clso'],
      ['nivetud', 'sexe'],
      ['trav.imp', 'trav.satisf'],
    ])('%s × %s: the same crosstab, weighted by poids and unweighted', (rows, cols) => {
      expect(table(xlsx.table, rows, cols, 'poids')).toEqual(table(csv.table, rows, cols, 'poids'));
      expect(table(xlsx.table, rows, cols, null)).toEqual(table(csv.table, rows, cols, null));
    });
  },
);

async function published(bytes: Uint8Array, opts = {}): Promise<Distribution> {
  const l = value(await load(bytes, { file: 'figures', ...opts }));
  if (l.kind !== 'distribution') throw new Error(`read as ${l.kind}`);
  return l;
}

describe('published figures typed as percentages', () => {
  it("Sootoo's June 2013 figures (ExcelJS, 0.00% cells) read as the CSV, figure for figure", async () => {
    const csv = await published(survey('sootoo-2013-06-wechat-users.csv'));
    const xlsx = await published(fixture('sootoo-2013-06.xlsx'));
    expect(xlsx.survey).toEqual(csv.survey);
    expect(analyseSurvey(xlsx.survey)).toEqual(analyseSurvey(csv.survey));
    // "Have you ever used WeChat?": 92.97% was typed as 92.97%, stored as 0.9297.
    expect(xlsx.survey.questions[0]?.series[0]?.options[0]?.percent).toMatchObject({
      text: '92.97%',
      value: 92.97,
      decimals: 2,
    });
    expect(xlsx.detected.warnings).toEqual([
      '37 cells are formatted as a percentage: read as the percentage they hold, in full (0.3807 as 38.07%), as published figures are written.',
    ]);
  });

  it("Eguan's July 2013 shares (hand-written sheet 2 of features.xlsx) read as the CSV", async () => {
    const csv = await published(survey('eguan-2013-07-mobile-im-share.csv'));
    const xlsx = await published(fixture('features.xlsx'), { sheet: 'Published' });
    expect(xlsx.survey).toEqual(csv.survey);
    // 3.80% is stored as 0.038: its two printed decimals come from the 0.00% format.
    const other = xlsx.survey.questions[0]?.series[0]?.options.find((o) =>
      o.label.startsWith('MSN'),
    );
    expect(other?.percent).toMatchObject({ text: '3.80%', decimals: 2 });
  });

  it('respondent data keeps the stored fraction (0.1234 shown as 12%)', async () => {
    const p = await load(fixture('features.xlsx'));
    const l = value(p);
    if (l.kind !== 'respondents') throw new Error(l.kind);
    const share = l.table.columns.find((c) => c.id === 'share');
    expect(share?.type === 'single' ? share.labels : share?.type).toEqual([
      '0.1234',
      '0.25',
      '0.5',
      '1',
    ]);
  });
});
