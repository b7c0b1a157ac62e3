import { describe, expect, it } from 'vitest';
import { buildFilter, countPassing } from '../../../src/core/filter/filter';
import { multi, respondents, single, unwrap } from '../../support/respondents';

// 70 respondents, so the mask spans three 32-bit words (the last one partial).
const n = 70;
const colour = Array.from({ length: n }, (_, i) =>
  i % 7 === 0 ? null : ['red', 'green', 'blue'][i % 3]!,
);
const tags = Array.from({ length: n }, (_, i) =>
  i % 10 === 9 ? null : ['a', 'b', 'c'].filter((_, j) => (i >> j) & 1),
);
const t = respondents([
  single('colour', colour, ['red', 'green', 'blue']),
  multi('tags', tags, ['a', 'b', 'c']),
]);

const passing = (mask: Uint32Array | null) =>
  Array.from({ length: n }, (_, i) => mask === null || ((mask[i >>> 5]! >>> (i & 31)) & 1) === 1);

describe('buildFilter', () => {
  it('passes everyone (null) when there are no conditions', () => {
    expect(unwrap(buildFilter(t, []))).toBeNull();
  });

  it('ORs options within a single-answer question and never passes a missing answer', () => {
    const mask = unwrap(buildFilter(t, [{ questionId: 'colour', options: [0, 2] }]))!;
    const expected = colour.map((c) => c === 'red' || c === 'blue');
    expect(passing(mask)).toEqual(expected);
    expect(countPassing(mask)).toBe(expected.filter(Boolean).length);
    expect(mask.length).toBe(3);
    expect(mask[2]! >>> 6).toBe(0); // no bits beyond respondent 69
  });

  it('passes a multi-answer respondent who chose any of the options', () => {
    const mask = unwrap(buildFilter(t, [{ questionId: 'tags', options: [1, 2] }]))!;
    expect(passing(mask)).toEqual(
      tags.map((g) => g !== null && (g.includes('b') || g.includes('c'))),
    );
  });

  it('ANDs conditions across questions', () => {
    const mask = unwrap(
      buildFilter(t, [
        { questionId: 'colour', options: [1] },
        { questionId: 'tags', options: [0] },
      ]),
    )!;
    expect(passing(mask)).toEqual(
      colour.map((c, i) => c === 'green' && tags[i]?.includes('a') === true),
    );
    expect(countPassing(mask)).toBe(9);
  });

  it.each([
    [{ questionId: 'shape', options: [0] }, 'crosstab-unknown-question'],
    [{ questionId: 'colour', options: [3] }, 'crosstab-option-out-of-range'],
    [{ questionId: 'tags', options: [-1] }, 'crosstab-option-out-of-range'],
  ])('rejects %j with %s', (condition, code) => {
    const result = buildFilter(t, [condition]);
    expect(!result.ok && result.error.code).toBe(code);
  });
});
