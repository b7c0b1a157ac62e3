import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDistributionCsv } from '../../../src/core/published/export';
import { parseDistributionCsv, parseDistributionRows } from '../../../src/core/published/parse';
import { isOmittedPlaceholder } from '../../../src/core/published/percent';
import type {
  PublishedOption,
  PublishedQuestion,
  PublishedSeries,
  PublishedSurvey,
} from '../../../src/core/published/types';

// Text as a user might type it: commas, quotes, line breaks, semicolons, formula
// characters, dots and ellipses, CJK; trimmed and never blank.
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      ' ',
      ',',
      '"',
      "'",
      ';',
      '\t',
      '\n',
      '=',
      '+',
      '-',
      '@',
      '.',
      '…',
      '・',
      '微',
      '信',
      '#',
      '%',
      '1',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((cs) => cs.join('').trim())
  .filter((s) => s !== '');
const maybe = fc.option(text, { nil: null });

const percent = fc
  .record({
    whole: fc.integer({ min: 0, max: 120 }),
    decimals: fc.integer({ min: 0, max: 3 }),
    digits: fc.integer({ min: 0, max: 999 }),
    lowerBound: fc.boolean(),
    sign: fc.boolean(),
  })
  .map(({ whole, decimals, digits, lowerBound, sign }) => {
    const fraction = String(digits).padStart(3, '0').slice(0, decimals);
    const number = decimals === 0 ? String(whole) : `${whole}.${fraction}`;
    const value = Number(number);
    return {
      text: `${number}${lowerBound ? '+' : ''}${sign ? '%' : ''}`,
      value,
      decimals,
      lowerBound,
    };
  });

const option = fc
  .record({
    label: text,
    percent: fc.option(percent, { nil: null }),
    rank: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  })
  .map(({ label, percent, rank }): PublishedOption => ({
    label,
    percent,
    rank,
    omitted: percent === null && isOmittedPlaceholder(label),
  }));

const options = fc
  .array(option, { maxLength: 6 })
  .map((os) =>
    os.filter(
      (o, i) => o.omitted || !os.slice(0, i).some((p) => !p.omitted && p.label === o.label),
    ),
  );

const seriesBody = fc.record({
  base: maybe,
  subgroup: fc.boolean(),
  baseN: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }),
  options,
});

const question = fc
  .record({
    text,
    declaredKind: fc.option(fc.constantFrom('single', 'multi', 'numeric', 'text' as const), {
      nil: null,
    }),
    note: maybe,
    segments: fc.option(fc.uniqueArray(text, { minLength: 1, maxLength: 3 }), { nil: null }),
    bodies: fc.array(seriesBody, { minLength: 3, maxLength: 3 }),
  })
  .map(({ text: t, declaredKind, note, segments, bodies }) => {
    const series: PublishedSeries[] = (segments ?? [null]).map((segment, i) => ({
      segment,
      ...(bodies[i] ?? bodies[0]!),
    }));
    return { text: t, declaredKind, note, series };
  });

const survey = fc
  .record({
    title: text,
    publisher: maybe,
    date: maybe,
    population: maybe,
    source: maybe,
    sourceUrl: maybe,
    questions: fc.array(question, { minLength: 1, maxLength: 4 }),
  })
  .map(({ questions, ...meta }): PublishedSurvey => {
    const qs: PublishedQuestion[] = questions.map((q, i) => ({ id: `id${i}`, ...q }));
    return { format: 'distribution', meta, questions: qs };
  });

describe('export then read gives the same survey back', () => {
  it('for generated surveys with awkward text', () => {
    fc.assert(
      fc.property(survey, (s) => {
        const csv = exportDistributionCsv(s);
        const r = parseDistributionCsv(csv, 'gen.csv');
        if (!r.ok) throw new Error(`${r.error.message}\n${csv}`);
        expect(r.value).toEqual(s);
        expect(exportDistributionCsv(r.value)).toBe(csv);
      }),
      { seed: 20130620, numRuns: 300 },
    );
  });
});

describe('reading never throws', () => {
  it('returns a Result for any rows at all', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        'question',
        'option',
        'percent',
        'segment',
        'rank',
        'kind',
        'question_id',
        '3o%',
        '30+%',
        '…',
        'x',
        '#2',
        'yes',
      ),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const r = parseDistributionRows(rows, 'fuzz.csv');
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
