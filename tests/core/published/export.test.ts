import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/core/export/csv';
import { exportDistributionCsv } from '../../../src/core/published/export';

/** One cell as the one CSV writer writes it. */
const csvCell = (text: string): string => tableToCsv([[text]]).slice(0, -1);
import { parseDistributionCsv } from '../../../src/core/published/parse';
import type { PublishedSurvey } from '../../../src/core/published/types';

function read(text: string, file: string): PublishedSurvey {
  const r = parseDistributionCsv(text, file);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const root = new URL('../../../', import.meta.url);

describe('the canonical export gives the same bytes back', () => {
  it.each([
    'surveys/eguan-2013-07-mobile-im-share.csv',
    'surveys/sootoo-2013-06-wechat-users.csv',
    'surveys/sootoo-2013-08-official-accounts.csv',
    'tests/fixtures/distribution/hand-written.csv',
  ])('for %s', (path) => {
    const text = readFileSync(new URL(path, root), 'utf8');
    expect(exportDistributionCsv(read(text, path))).toBe(text);
  });
});

describe('exporting a file in another layout', () => {
  const loose = [
    'Question,Option,Percent,Rank,Note',
    'Favourite fruit?,Apple,38.5%,#1,',
    ',Pear,61.5%,#2,',
    'Colour?,,,,Shown as a chart only',
    '',
  ].join('\r\n');

  it('writes only the used columns, in canonical order, with "\\n" line ends', () => {
    const out = exportDistributionCsv(read(loose, 'fruit.csv'));
    expect(out).toBe(
      [
        'survey,question_id,question,note,option,percent,rank',
        'fruit,q1,Favourite fruit?,,Apple,38.5%,1',
        ',,,,Pear,61.5%,2',
        ',q2,Colour?,Shown as a chart only,,,',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same survey', () => {
    const survey = read(loose, 'fruit.csv');
    expect(read(exportDistributionCsv(survey), 'fruit.csv')).toEqual(survey);
  });
});

describe('cells that a spreadsheet would run as formulas', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 phone', "'+44 phone"],
    ['-5 years', "'-5 years"],
    ['@home', "'@home"],
    ["'=quoted", "''=quoted"],
    ['plain', 'plain'],
    ["it's fine", "it's fine"],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('%j is written as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('are escaped on export and read back unchanged', () => {
    const text = [
      'question,option,percent',
      "'=1+1?,'-5 years,'-5",
      ",''=quoted,50",
      ',"a, ""b""",55',
      '',
    ].join('\n');
    const survey = read(text, 'x.csv');
    expect(survey.questions[0]?.text).toBe('=1+1?');
    expect(survey.questions[0]?.series[0]?.options.map((o) => [o.label, o.percent?.value])).toEqual(
      [
        ['-5 years', -5],
        ["'=quoted", 50],
        ['a, "b"', 55],
      ],
    );
    const out = exportDistributionCsv(survey);
    expect(read(out, 'x.csv')).toEqual(survey);
    // papaparse reads our quoting back cell for cell
    expect(Papa.parse<string[]>(out, { skipEmptyLines: true }).data[3]).toEqual([
      '',
      '',
      '',
      'a, "b"',
      '55',
    ]);
  });
});
