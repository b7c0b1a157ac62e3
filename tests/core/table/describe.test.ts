import { describe, expect, it } from 'vitest';
import { describeRespondentTable } from '../../../src/core/table/describe';
import type { RespondentTable } from '../../../src/core/table/types';

// Eight respondents, counted by hand:
//   gender  F M F - F M F M   -> 7 answered: Female 4/7 = 57.142…%, Male 3/7
//   apps    {QQ,WeChat} {WeChat} {} - {QQ} {QQ,WeChat} {WeChat} {QQ,WeChat,Weibo}
//           -> 7 answered (one chose none): QQ 4/7, WeChat 5/7, Weibo 1/7
//   age     31 NaN 45 22 NaN 60 18 33 -> 6 answered
const table: RespondentTable = {
  format: 'respondents',
  meta: { title: 'Hand-counted', notice: null, source: null },
  rowCount: 8,
  columns: [
    {
      type: 'single',
      id: 'gender',
      text: 'Gender',
      labels: ['Female', 'Male'],
      codes: Uint8Array.from([1, 2, 1, 0, 1, 2, 1, 2]),
    },
    {
      type: 'multi',
      id: 'apps',
      text: 'Which apps do you use?',
      labels: ['QQ', 'WeChat', 'Weibo'],
      words: 1,
      // patterns: 1 = {QQ,WeChat}, 2 = {WeChat}, 3 = {}, 4 = {QQ}, 5 = {QQ,WeChat,Weibo}
      masks: Uint32Array.from([0b011, 0b010, 0b000, 0b001, 0b111]),
      patternCount: 5,
      patternOf: Uint8Array.from([1, 2, 3, 0, 4, 1, 2, 5]),
    },
    {
      type: 'numeric',
      id: 'age',
      text: 'Age',
      values: Float64Array.from([31, NaN, 45, 22, NaN, 60, 18, 33]),
    },
    {
      type: 'text',
      id: 'why',
      text: 'Why?',
      labels: ['fun', 'work'],
      codes: Uint8Array.from([1, 0, 0, 2, 0, 0, 0, 1]),
    },
  ],
  weightId: null,
  idColumnId: null,
};

describe('a respondent table described like a published survey', () => {
  const d = describeRespondentTable(table);

  it('gives each single-answer option its share among those who answered', () => {
    const gender = d.questions[0];
    expect(gender?.answered).toBe(7);
    expect(gender?.options.map((o) => o.label)).toEqual(['Female', 'Male']);
    expect(gender?.options[0]?.percent).toBeCloseTo(57.142857, 5);
    expect(gender?.options[1]?.percent).toBeCloseTo(42.857143, 5);
  });

  it('counts a multi-answer respondent once per option chosen, and one who chose none in the base', () => {
    const apps = d.questions[1];
    expect(apps?.answered).toBe(7);
    expect(apps?.options.map((o) => Math.round((o.percent ?? 0) * 7) / 100)).toEqual([4, 5, 1]);
  });

  it('lists no options for numbers and free text, but counts who answered', () => {
    expect(d.questions.slice(2).map((q) => [q.id, q.kind, q.answered, q.options])).toEqual([
      ['age', 'numeric', 6, []],
      ['why', 'text', 3, []],
    ]);
  });

  it('has the shape `inspect --json` prints for respondents', () => {
    expect(d).toMatchObject({ format: 'respondents', rowCount: 8, weight: null });
    expect(d.questions[0]).toMatchObject({
      kindInferred: true,
      segment: null,
      total: null,
      flags: [],
    });
    expect(d.questions[0]?.options[0]?.lowerBound).toBe(false);
  });

  it('gives null percents when nobody answered', () => {
    const empty: RespondentTable = {
      ...table,
      rowCount: 2,
      columns: [
        { type: 'single', id: 's', text: 's', labels: ['A'], codes: Uint8Array.from([0, 0]) },
      ],
    };
    expect(describeRespondentTable(empty).questions[0]?.options).toEqual([
      { label: 'A', percent: null, lowerBound: false },
    ]);
  });
});
