import { describe, expect, it } from 'vitest';
import { resolveAxis, TOTAL_AXIS, type ResolvedAxis } from '../../../src/core/crosstab/axis';
import type { MultiColumn } from '../../../src/core/table/types';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

const table = respondents([
  single('gender', ['M', 'F', 'M', null, 'F'], ['M', 'F'], 'What is your gender?'),
  // Patterns in order of first appearance: 1 = {a, b}, 2 = {} (answered, chose none), 3 = {c}.
  multi('tags', [['a', 'b'], [], null, ['c'], ['a', 'b']], ['a', 'b', 'c'], 'Which tags?'),
  numeric('age', [30, 41, 25, 60, 19]),
]);

/** The output indexes key k counts in. */
const members = (axis: ResolvedAxis, k: number): number[] =>
  Array.from(axis.memberList.subarray(axis.memberStart[k], axis.memberStart[k + 1]));

describe('resolveAxis on a single-answer question', () => {
  const axis = unwrap(
    resolveAxis(table, { questionId: 'gender', nets: [{ label: 'Anyone', options: [0, 1] }] }),
  );

  it('keys respondents by their answer codes, with 0 for missing', () => {
    expect(Array.from(axis.keys!)).toEqual([1, 2, 1, 0, 2]);
    expect(axis.nKeys).toBe(3);
    expect(axis.optionCount).toBe(2);
  });

  it('lists the options, then the nets, and says which are nets', () => {
    expect(axis.info).toEqual({
      question: { id: 'gender', text: 'What is your gender?', type: 'single' },
      labels: ['M', 'F', 'Anyone'],
      isNet: [false, false, true],
    });
  });

  it.each([
    [0, []],
    [1, [0, 2]],
    [2, [1, 2]],
  ])('counts key %i in outputs %j', (k, expected) => {
    expect(members(axis, k)).toEqual(expected);
  });

  it('gives every answer one mention, and the missing key none', () => {
    expect(Array.from(axis.chose)).toEqual([0, 1, 1]);
    expect(Array.from(axis.mentions)).toEqual([0, 1, 1]);
  });
});

describe('resolveAxis on a multi-answer question', () => {
  const axis = unwrap(
    resolveAxis(table, { questionId: 'tags', nets: [{ label: 'a or c', options: [0, 2] }] }),
  );

  it('keys respondents by their answer patterns', () => {
    expect(Array.from(axis.keys!)).toEqual([1, 2, 0, 3, 1]);
    expect(axis.nKeys).toBe(4);
    expect(axis.info.question.type).toBe('multi');
    expect(axis.info.labels).toEqual(['a', 'b', 'c', 'a or c']);
  });

  it.each([
    [0, [], 0, 0],
    [1, [0, 1, 3], 1, 2],
    [2, [], 0, 0],
    [3, [2, 3], 1, 1],
  ])('counts pattern %i in outputs %j (chose: %i, mentions: %i)', (k, expected, chose, n) => {
    expect(members(axis, k)).toEqual(expected);
    expect([axis.chose[k], axis.mentions[k]]).toEqual([chose, n]);
  });

  it('finds options in every 32-bit word of a pattern, and ignores bits beyond the labels', () => {
    const labels = Array.from({ length: 40 }, (_, j) => `o${j}`);
    const wide: MultiColumn = {
      id: 'wide',
      text: 'wide',
      type: 'multi',
      labels,
      words: 2,
      // Pattern 1: options 0, 31 and 33; pattern 2: option 39 and the stray bits 40 and 63.
      masks: Uint32Array.of(0x80000001, 0b10, 0, (1 << 7) | (1 << 8) | 0x80000000),
      patternCount: 2,
      patternOf: Uint8Array.of(1, 2),
    };
    const a = unwrap(resolveAxis(respondents([wide]), { questionId: 'wide' }));
    expect([members(a, 1), members(a, 2)]).toEqual([[0, 31, 33], [39]]);
    expect(Array.from(a.mentions)).toEqual([0, 3, 1]);
  });
});

describe('resolveAxis refuses', () => {
  it.each([
    [{ questionId: 'nope' }, 'crosstab-unknown-question', 'Pick one of: "gender", "tags".'],
    [{ questionId: 'age' }, 'crosstab-not-categorical', 'holds numbers'],
    [
      { questionId: 'gender', nets: [{ label: 'Both', options: [0, 2] }] },
      'crosstab-bad-net',
      'The net "Both" names option number 2, but question "gender" has 2 options (0 to 1). Fix the net.',
    ],
    [
      { questionId: 'tags', nets: [{ label: 'Half', options: [0.5] }] },
      'crosstab-bad-net',
      'names option number 0.5',
    ],
    [{ questionId: 'tags', nets: [{ label: 'Minus', options: [-1] }] }, 'crosstab-bad-net', '-1'],
  ])('%j with %s', (spec, code, message) => {
    const r = resolveAxis(table, spec);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toContain(message);
  });

  it('finds a question by its exact text when no id matches', () => {
    const axis = unwrap(resolveAxis(table, { questionId: 'Which tags?' }));
    expect(axis.info.question.id).toBe('tags');
  });
});

describe('TOTAL_AXIS', () => {
  it('puts every respondent (key 1) in the one "Total" output', () => {
    expect(TOTAL_AXIS.keys).toBeNull();
    expect(TOTAL_AXIS.nKeys).toBe(2);
    expect(TOTAL_AXIS.info).toEqual({
      question: { id: '', text: 'Total', type: 'total' },
      labels: ['Total'],
      isNet: [false],
    });
    expect([members(TOTAL_AXIS, 0), members(TOTAL_AXIS, 1)]).toEqual([[], [0]]);
    expect([Array.from(TOTAL_AXIS.chose), Array.from(TOTAL_AXIS.mentions)]).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});
