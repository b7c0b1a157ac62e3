import { describe, expect, it } from 'vitest';
import {
  entryFromSurvey,
  entryFromTable,
  libraryOf,
  questionFlags,
} from '../../../src/state/models/library';
import type { PublishedSurvey } from '../../../src/core/published/types';
import { respondents, single } from '../../support/respondents';

// A banner file's question asked only of a subgroup, published for ten banner columns.
const segments = [
  'Adult Men',
  '18 - 34',
  '35 - 64',
  '65 and up',
  'White',
  'Non-white',
  'A',
  'B',
  'C',
  'D',
];
const banner: PublishedSurvey = {
  format: 'distribution',
  meta: {
    title: 'masculinity',
    publisher: null,
    date: null,
    population: null,
    source: null,
    sourceUrl: null,
  },
  questions: [
    {
      id: 'q1',
      text: 'Have you seen a harassment incident at work?',
      declaredKind: 'single',
      note: null,
      series: segments.map((segment) => ({
        segment,
        base: 'AMONG EMPLOYED',
        subgroup: true,
        baseN: null,
        options: [
          {
            label: 'Yes',
            percent: { text: '40%', value: 40, decimals: 0, lowerBound: false },
            rank: null,
            omitted: false,
          },
          {
            label: 'No',
            percent: { text: '60%', value: 60, decimals: 0, lowerBound: false },
            rank: null,
            omitted: false,
          },
        ],
      })),
    },
  ],
};

describe('the library', () => {
  it('groups a flag said alike for ten segments into one, counted once', () => {
    const entry = entryFromSurvey('m', 'masculinity-survey.csv', 'upload', banner);
    const flags = questionFlags(entry.questions[0]!);
    expect(flags.map((f) => [f.flag.code, f.segments.length])).toEqual([['subgroup-base', 10]]);
    expect(entry.flagCount).toBe(1);
  });

  it('shows respondent data without a publisher or a made-up date, with its number of respondents', () => {
    const table = respondents([single('q', ['a', 'b', 'a'])]);
    const entry = entryFromTable('r', 'mine.csv', 'upload', table);
    expect(entry.publisher).toBeNull();
    expect(entry.date).toBeNull();
    expect(entry.respondents).toBe(3);
    expect(entry.subtitle).toBe('3 respondents');
    expect(libraryOf([entry]).groups.map((g) => g.publisher)).toEqual(['Respondent data']);
  });
});
