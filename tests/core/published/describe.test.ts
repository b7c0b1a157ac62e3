import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describePublishedSurvey } from '../../../src/core/published/describe';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import type { PublishedSurvey } from '../../../src/core/published/types';
import { unwrap } from '../../support/respondents';

function fixture(name: string): PublishedSurvey {
  const url = new URL(`../../fixtures/distribution/${name}`, import.meta.url);
  return unwrap(parseDistributionCsv(readFileSync(url, 'utf8'), name));
}

const described = describePublishedSurvey(fixture('hand-written.csv'));

describe('describePublishedSurvey on the hand-written example', () => {
  it('copies the survey metadata and lists one entry per question and segment', () => {
    expect(described.format).toBe('distribution');
    expect(described.survey).toEqual({
      title: 'Commuting habits (hand-written example)',
      publisher: 'Example Research',
      date: '2024-03',
      population: 'Adults who work outside the home',
      source: 'Invented figures, written by hand to test the file format: not real data',
      sourceUrl: 'https://example.org/commuting',
    });
    expect(described.questions.map((q) => [q.id, q.segment])).toEqual([
      ['mode', '2023'],
      ['mode', '2024'],
      ['reasons', null],
      ['time', null],
    ]);
  });

  it.each([
    // id, segment, kind, inferred, total, decimals, lower bound, tolerance, answers, partial, has data, base n
    ['mode', '2023', 'single', false, 100, 0, false, 2.5, null, false, true, 1200],
    ['mode', '2024', 'single', false, 100, 0, false, 2.5, null, false, true, 1150],
    ['reasons', null, 'multi', false, 52.5, 1, true, 0.1, 0.53, true, true, null],
    ['time', null, 'single', true, null, 0, false, 0, null, false, false, null],
  ])(
    '%s (%s) is %s (inferred: %s), totals %s to %i decimals',
    (id, segment, kind, inferred, total, decimals, lower, tolerance, answers, partial, data, n) => {
      const q = described.questions.find((x) => x.id === id && x.segment === segment);
      expect(q).toMatchObject({
        kind,
        kindInferred: inferred,
        total,
        totalDecimals: decimals,
        totalLowerBound: lower,
        tolerance,
        answersPerRespondent: answers,
        partial,
        hasData: data,
        baseN: n,
      });
    },
  );

  it('gives each option its number, its printed text, lower bound, rank and gap', () => {
    const reasons = described.questions.find((q) => q.id === 'reasons');
    expect(reasons?.options).toEqual([
      {
        label: 'It is faster, door to door',
        percent: 30,
        printed: '30+%',
        lowerBound: true,
        rank: 1,
        omitted: false,
      },
      {
        label: 'It is cheaper',
        percent: 22.5,
        printed: '22.5%',
        lowerBound: false,
        rank: 2,
        omitted: false,
      },
      { label: '…', percent: null, printed: null, lowerBound: false, rank: null, omitted: true },
    ]);
  });

  it('keeps the question text, note, base and subgroup, and the flags of the analysis', () => {
    const reasons = described.questions.find((q) => q.id === 'reasons');
    expect(reasons).toMatchObject({
      text: 'Why do you drive to work?',
      note: 'Only the top reasons are published; the report calls them "the big two".',
      base: 'Those who commute by car',
      subgroup: true,
    });
    expect(reasons?.flags.map((f) => f.code)).toEqual([
      'partial-list',
      'lower-bound',
      'subgroup-base',
    ]);
    const time = described.questions.find((q) => q.id === 'time');
    expect(time?.options).toEqual([]);
    expect(time?.flags.map((f) => f.code)).toEqual(['kind-inferred', 'no-data']);
  });

  it('is plain data that survives JSON (what `cli inspect --json` prints)', () => {
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
  });

  it('describes a survey without questions as an empty list', () => {
    const empty = describePublishedSurvey({
      format: 'distribution',
      meta: {
        title: 'Empty',
        publisher: null,
        date: null,
        population: null,
        source: null,
        sourceUrl: null,
      },
      questions: [],
    });
    expect(empty).toEqual({
      format: 'distribution',
      survey: {
        title: 'Empty',
        publisher: null,
        date: null,
        population: null,
        source: null,
        sourceUrl: null,
      },
      questions: [],
    });
  });
});
