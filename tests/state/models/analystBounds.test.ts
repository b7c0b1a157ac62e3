import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import {
  crossCandidates,
  crossGrids,
  isCrossable,
  pairBounds,
  pairChoices,
} from '../../../src/state/models/analystBounds';
import { entryFromSurvey } from '../../../src/state/models/library';
import type { QuestionVM } from '../../../src/state/models/questionModel';

function entryOf(path: string) {
  const r = parseDistributionCsv(
    readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'),
    path,
  );
  if (!r.ok) throw new Error(r.error.message);
  return entryFromSurvey('x', path, 'bundled', r.value);
}

const june = entryOf('surveys/sootoo-2013-06-wechat-users.csv');
const august = entryOf('surveys/sootoo-2013-08-official-accounts.csv');
const q = (entry: typeof june, id: string): QuestionVM => {
  const found = entry.questions.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('how many chose both of two options of a multi-answer question', () => {
  const oa2 = q(june, 'oa2');
  const index = (label: string) => pairChoices(oa2).find((c) => c.label === label)!.index;

  it('bounds leisure (61.29%) and the wisdom of living (41.49%): both 2.78–41.49%, either 61.29–100%', () => {
    const [line] = pairBounds(
      oa2,
      index('For leisure and hobby'),
      index('For getting the wisdom of living'),
    );
    expect(line?.both).toEqual({ low: 2.78, high: 41.49 });
    expect(line?.either).toEqual({ low: 61.29, high: 100 });
    expect(line?.text).toBe(
      'Between 2.78% and 41.49% chose both "For leisure and hobby" and "For getting the wisdom of living"; between 61.29% and 100.00% chose either (or both).',
    );
  });

  it('starts both at 0 when the two shares add up to less than 100% (29.03% and 22.58%)', () => {
    const [line] = pairBounds(oa2, index('For study'), index('Recommendation from friends'));
    expect(line?.both).toEqual({ low: 0, high: 22.58 });
    expect(line?.either).toEqual({ low: 29.03, high: 51.61 });
  });

  it('lets a lower bound ("30+%") raise the ends it cannot fix (August q3: News 65.5%)', () => {
    const q3 = q(august, 'q3');
    const choices = pairChoices(q3);
    const at = (label: string) => choices.find((c) => c.label === label)!.index;
    const [line] = pairBounds(q3, at('Science and technology'), at('News'));
    // Science is at least 30%: both up to all of News, either up to 100%.
    expect(line?.both).toEqual({ low: 0, high: 65.5 });
    expect(line?.either).toEqual({ low: 65.5, high: 100 });
  });

  it('asks for two different options', () => {
    const i = index('For study');
    expect(pairBounds(oa2, i, i).map((l) => l.text)).toEqual(['Choose two different options.']);
  });

  it('offers only options with a figure (no "…" placeholders)', () => {
    const use5 = q(june, 'use5');
    expect(pairChoices(use5).some((c) => c.label.includes('…'))).toBe(false);
    expect(pairChoices(use5).length).toBe(6);
  });
});

describe('the crosstab of two one-answer questions from their marginals', () => {
  const use3 = q(june, 'use3');
  const use4 = q(june, 'use4');

  it('offers the other one-answer questions of the survey, not multi-answer ones', () => {
    expect(crossCandidates(june.questions, use3).map((x) => x.id)).toEqual(['use1', 'use4']);
    expect(isCrossable(q(june, 'oa2'))).toBe(false);
    expect(crossCandidates(june.questions, q(june, 'oa2'))).toEqual([]);
  });

  it('bounds each cell by [max(0, r + c − 100), min(r, c)] of all respondents', () => {
    const [grid] = crossGrids(use3, use4);
    expect(grid?.rows).toEqual([
      'Many times in a day',
      'One time in a day',
      'One time in few days',
      'One time in a week',
    ]);
    expect(grid?.cols).toEqual([
      'Less than 5 minutes',
      '6 to 15 minutes',
      '16 to 30 minutes',
      'More than 31 minutes',
    ]);
    // 27.17% a day × 34% for 6 to 15 minutes: 27.17 + 34 < 100, so 0 to 27.17%.
    expect(grid?.cells[1]?.[1]).toBe('0.00–27.17%');
    expect(grid?.cells[0]).toEqual(['0.00–29.00%', '0.00–34.00%', '0.00–15.00%', '0.00–22.00%']);
    expect(grid?.caption).toBe(
      'Bounds from the marginals, not estimates: How often do you use WeChat? by How many hours do you use WeChat at one time?, each cell as a share of all respondents.',
    );
  });

  it('gives a positive lower end where two shares overlap (60% and 70%: 30–60%)', () => {
    const r = parseDistributionCsv(
      [
        'question_id,question,kind,option,percent',
        'car,Do you have a car?,single,Yes,60%',
        ',,,No,40%',
        'bike,Do you have a bike?,single,Yes,70%',
        ',,,No,30%',
      ].join('\n'),
      'hand.csv',
    );
    if (!r.ok) throw new Error(r.error.message);
    const e = entryFromSurvey('hand', 'hand.csv', 'upload', r.value);
    const [grid] = crossGrids(q(e, 'car'), q(e, 'bike'));
    expect(grid?.cells).toEqual([
      ['30–60%', '0–30%'],
      ['10–40%', '0–30%'],
    ]);
  });
});
