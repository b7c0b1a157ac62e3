import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDistributionHeader } from '../../../src/core/published/columns';
import {
  isDistributionCsv,
  parseDistributionCsv,
  parseDistributionRows,
} from '../../../src/core/published/parse';
import type { PublishedSurvey } from '../../../src/core/published/types';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

function parsed(text: string, file = 'test.csv'): PublishedSurvey {
  const r = parseDistributionCsv(text, file);
  if (!r.ok) throw new Error(`expected a survey, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const bundled = (name: string) =>
  readFileSync(new URL(`../../../surveys/${name}.csv`, import.meta.url), 'utf8');

describe('the distribution header', () => {
  it.each([
    [['question', 'option', 'percent'], true],
    [[' Question ', 'OPTION', 'Percent'], true],
    [['\uFEFFquestion', 'option', 'percent', 'rank'], true],
    [['question', 'option'], false],
    [['id', 'gender', 'age'], false],
  ])('%j is a distribution header: %s', (header, expected) => {
    expect(isDistributionHeader(header)).toBe(expected);
  });

  it('recognises the bundled files by their first line', () => {
    expect(isDistributionCsv(bundled('eguan-2013-07-mobile-im-share'))).toBe(true);
    expect(isDistributionCsv('id,gender\n1,Male\n')).toBe(false);
  });
});

describe('reading the bundled Eguan file', () => {
  const survey = parsed(bundled('eguan-2013-07-mobile-im-share'), 'surveys/eguan.csv');

  it('reads the survey-level columns from the first row', () => {
    expect(survey.meta).toEqual({
      title: 'Market share of mobile instant messenger services in China',
      publisher: 'Eguan',
      date: '2013-07',
      population: 'Mobile instant messenger users in China',
      source: "Eguan, as reported on a blog about China's social media on 25 July 2013",
      sourceUrl: null,
    });
  });

  it('reads one question with two segments of eight options each', () => {
    expect(survey.questions).toHaveLength(1);
    const [q] = survey.questions;
    expect(q?.id).toBe('share');
    expect(q?.series.map((s) => [s.segment, s.base, s.subgroup, s.options.length])).toEqual([
      [
        'Registered users',
        'Share of the total registered number of mobile instant messenger users',
        false,
        8,
      ],
      ['Active users', 'Share of active mobile instant messenger users', false, 8],
    ]);
    expect(q?.series[1]?.options[0]).toEqual({
      label: 'QQ (Tencent)',
      percent: { text: '42.54%', value: 42.54, decimals: 2, lowerBound: false },
      rank: null,
      omitted: false,
    });
  });
});

describe('reading the bundled Sootoo files', () => {
  it('keeps placeholders, ranks, lower bounds and the chart without numbers', () => {
    const june = parsed(bundled('sootoo-2013-06-wechat-users'));
    expect(june.questions.map((q) => q.id)).toEqual([
      'use1',
      'use2',
      'use3',
      'use4',
      'use5',
      'oa1',
      'oa2',
      'oa3',
      'oa4',
    ]);
    const use5 = june.questions[4]?.series[0]?.options ?? [];
    expect(use5.map((o) => (o.omitted ? '…' : o.percent?.value))).toEqual([
      93.51,
      77.28,
      61.66,
      53.55,
      '…',
      22.52,
      '…',
      7.91,
    ]);
    const oa4 = june.questions[8];
    expect(oa4?.series).toHaveLength(1);
    expect(oa4?.series[0]?.options).toEqual([]);
    expect(oa4?.note).toBe('Published as a chart without numbers: no figures are recorded.');

    const august = parsed(bundled('sootoo-2013-08-official-accounts'));
    const q3 = august.questions[2]?.series[0]?.options ?? [];
    expect(q3.map((o) => o.rank)).toEqual([1, 2, 3, 5, 9]);
    expect(q3[2]?.percent).toEqual({ text: '30+%', value: 30, decimals: 0, lowerBound: true });
    const q5 = august.questions[4]?.series[0];
    expect(q5?.subgroup).toBe(true);
    expect(q5?.base).toBe(
      'Only those who cancelled following an official account (13.4% of respondents in q4)',
    );
  });
});

describe('a file written by hand', () => {
  it('may use any header case, no question_id, "#3" ranks and a semicolon with decimal commas', () => {
    const survey = parsed(
      csv(
        'Question;Option;Percent;Rank',
        'Favourite fruit?;Apple;38,5 %;#1',
        ';Pear;61,5 %;#2',
        'Favourite colour?;Red;100;',
      ),
      'folder/fruit survey.csv',
    );
    expect(survey.meta.title).toBe('fruit survey');
    expect(survey.questions.map((q) => [q.id, q.text, q.series[0]?.options.length])).toEqual([
      ['q1', 'Favourite fruit?', 2],
      ['q2', 'Favourite colour?', 1],
    ]);
    expect(survey.questions[0]?.series[0]?.options[1]).toEqual({
      label: 'Pear',
      percent: { text: '61,5 %', value: 61.5, decimals: 1, lowerBound: false },
      rank: 2,
      omitted: false,
    });
  });

  it('un-escapes formula-like cells and ignores a BOM, blank lines and blank unnamed columns', () => {
    const survey = parsed(
      `\uFEFF${csv('question,option,percent,', "'=Q1,'-5 years,50,", '', ",'@home,50%,")}`,
    );
    const q = survey.questions[0];
    expect(q?.text).toBe('=Q1');
    expect(q?.series[0]?.options.map((o) => o.label)).toEqual(['-5 years', '@home']);
  });

  it('reads a declared kind in any case and a base_n with thousands separators', () => {
    const survey = parsed(
      csv('question,kind,base_n,option,percent', 'Q?,MULTI,"1,200",A,60', ',,,B,70'),
    );
    expect(survey.questions[0]?.declaredKind).toBe('multi');
    expect(survey.questions[0]?.series[0]?.baseN).toBe(1200);
  });

  it('starts a question on a row of its own when options follow on the next rows', () => {
    const survey = parsed(csv('question,option,percent', 'Q?,,', ',Yes,60', ',No,40'));
    expect(survey.questions[0]?.series[0]?.options.map((o) => o.label)).toEqual(['Yes', 'No']);
  });

  it('accepts repeated question- and segment-level values on later rows', () => {
    const survey = parsed(
      csv(
        'question_id,question,segment,base,option,percent',
        'a,Q?,Men,All men,Yes,60',
        'a,Q?,Men,All men,No,40',
        ',,Women,All women,Yes,55',
        ',,,,No,45',
      ),
    );
    expect(survey.questions[0]?.series.map((s) => [s.segment, s.base, s.options.length])).toEqual([
      ['Men', 'All men', 2],
      ['Women', 'All women', 2],
    ]);
  });

  it('treats a question_id column left blank as absent (ids q1, q2, …)', () => {
    const survey = parsed(csv('question_id,question,option,percent', ',A?,x,1', ',B?,y,2'));
    expect(survey.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
  });
});

describe('format errors say where and what to do', () => {
  it.each([
    [
      'distribution-bad-percent',
      csv('question,option,percent', 'Q?,Yes,60%', ',No,3o%'),
      3,
      3,
      '"3o%"',
    ],
    [
      'distribution-bad-rank',
      csv('question,option,percent,rank', 'Q?,Yes,60%,first'),
      2,
      4,
      '"first"',
    ],
    ['distribution-unknown-column', csv('question,option,percnet', 'Q?,Yes,60'), 1, 3, '"percnet"'],
    [
      'distribution-unknown-column',
      csv('question,option,percent,comment', 'Q?,Yes,60,'),
      1,
      4,
      '"source_url"',
    ],
    [
      'distribution-duplicate-column',
      csv('question,option,percent,Option', 'Q?,Yes,60,'),
      1,
      4,
      'twice',
    ],
    [
      'distribution-unnamed-column',
      csv('question,option,percent,', 'Q?,Yes,60,', ',No,40,oops'),
      3,
      4,
      'no name',
    ],
    [
      'distribution-extra-field',
      csv('question,option,percent', 'Q?,Yes,60,extra'),
      2,
      4,
      '4 fields',
    ],
    [
      'distribution-survey-conflict',
      csv('survey,question,option,percent', 'A,Q?,Yes,60', 'B,,No,40'),
      3,
      1,
      'line 2',
    ],
    [
      'distribution-row-before-question',
      csv('question,option,percent', ',Yes,60'),
      2,
      1,
      'question',
    ],
    [
      'distribution-question-text-missing',
      csv('question_id,question,option,percent', 'a,,Yes,60'),
      2,
      2,
      'blank',
    ],
    [
      'distribution-question-conflict',
      csv('question_id,question,option,percent', 'a,Q?,Yes,60', ',Other?,No,40'),
      3,
      2,
      '"Q?"',
    ],
    [
      'distribution-question-conflict',
      csv('question,note,option,percent', 'Q?,n1,Yes,60', ',n2,No,40'),
      3,
      2,
      '"n1"',
    ],
    [
      'distribution-duplicate-question-id',
      csv('question_id,question,option,percent', 'a,A?,x,1', 'b,B?,y,2', 'a,A?,z,3'),
      4,
      1,
      'line 2',
    ],
    [
      'distribution-bad-kind',
      csv('question,kind,option,percent', 'Q?,select all that apply,Yes,60'),
      2,
      2,
      'single, multi, numeric or text',
    ],
    [
      'distribution-segment-missing',
      csv('question,segment,option,percent', 'Q?,,Yes,60', ',Women,Yes,55'),
      3,
      2,
      '"Women"',
    ],
    [
      'distribution-duplicate-segment',
      csv('question,segment,option,percent', 'Q?,Men,Yes,60', ',Women,Yes,55', ',Men,No,40'),
      4,
      2,
      'line 2',
    ],
    [
      'distribution-segment-conflict',
      csv('question,base,option,percent', 'Q?,All,Yes,60', ',Some,No,40'),
      3,
      2,
      '"All"',
    ],
    [
      'distribution-bad-subgroup',
      csv('question,subgroup,option,percent', 'Q?,maybe,Yes,60'),
      2,
      2,
      'yes or no',
    ],
    [
      'distribution-bad-base-n',
      csv('question,base_n,option,percent', 'Q?,about 500,Yes,60'),
      2,
      2,
      'whole number',
    ],
    ['distribution-missing-option', csv('question,option,percent', 'Q?,,60'), 2, 2, '"60"'],
    [
      'distribution-duplicate-option',
      csv('question,option,percent', 'Q?,Yes,60', ',Yes,40'),
      3,
      2,
      'line 2',
    ],
  ])(
    'reports %s with its line, column and column name (case %#)',
    (code, text, line, column, mentions) => {
      const r = parseDistributionCsv(text, 'bad.csv');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({ code, file: 'bad.csv', line, column });
      expect(r.error.message).toContain(mentions);
      expect(r.error.message).toMatch(
        // The column's name, when it has one (an unnamed column or a value past the header has none).
        new RegExp(`^Line ${line}, column ${column}(?: \\("[a-z_]+"\\))?: `),
      );
    },
  );

  it('names the missing required columns', () => {
    const r = parseDistributionCsv(csv('question,answer,percent', 'Q?,Yes,60'), 'bad.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // "answer" is unknown, and reported first so that the user can rename it.
    expect(r.error.code).toBe('distribution-unknown-column');
    const r2 = parseDistributionRows(
      [
        ['question', 'percent'],
        ['Q?', '60'],
      ],
      'bad.csv',
    );
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.error).toMatchObject({ code: 'distribution-missing-columns', line: 1 });
    expect(r2.error.message).toContain('"option"');
  });

  it.each([
    ['', 'import-empty'],
    ['\n\n', 'import-empty'],
    ['question,option,percent\n', 'distribution-no-rows'],
  ])('refuses %j with %s', (text, code) => {
    const r = parseDistributionCsv(text, 'bad.csv');
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it('counts physical lines, so a quoted line break does not shift the reported line', () => {
    const text = csv(
      'question,note,option,percent',
      'Q?,"a note',
      'on two lines",Yes,60',
      ',,No,4o',
    );
    const r = parseDistributionCsv(text, 'bad.csv');
    expect(r.ok ? null : [r.error.line, r.error.column]).toEqual([4, 4]);
  });

  it('uses the lines the caller gives for each row', () => {
    const r = parseDistributionRows(
      [
        ['question', 'option', 'percent'],
        ['Q?', 'Yes', 'x'],
      ],
      'bad.csv',
      [1, 7],
    );
    expect(r.ok ? null : r.error.line).toBe(7);
  });

  it('reports an unclosed quote with its line', () => {
    const r = parseDistributionCsv(
      csv('question,option,percent', 'Q?,"Yes,60', ',No,40'),
      'bad.csv',
    );
    expect(r.ok ? null : [r.error.code, r.error.line]).toEqual(['distribution-unclosed-quote', 2]);
  });
});
