import { describe, expect, it } from 'vitest';
import {
  categoricalColumn,
  isCategorical,
  numericColumn,
  optionIndex,
} from '../../../src/core/filter/columns';
import type { Column, TextColumn } from '../../../src/core/table/types';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

const comment: TextColumn = {
  id: 'comment',
  text: 'Anything else?',
  type: 'text',
  labels: ['great', 'slow'],
  codes: Uint8Array.of(1, 2, 0),
};
const gender = single('gender', ['M', 'F', 'M'], ['M', 'F'], 'What is your gender?');
const tags = multi('tags', [['a'], ['b'], null], ['a', 'b'], 'Which tags?');
const weight = numeric('weight', [1, 2, 0.5]);
// A column whose text is another column's id: the id wins.
const tricky = single('q9', ['x', 'y', 'x'], ['x', 'y'], 'gender');
const table = respondents([gender, tags, weight, comment, tricky, numeric('age', [30, 40, 50])]);

const error = (r: { ok: boolean; error?: { code: string; message: string } }) => {
  if (r.ok || r.error === undefined) throw new Error('expected an error');
  return r.error;
};

describe('isCategorical', () => {
  it.each<[string, boolean, Column]>([
    ['a single-answer column', true, gender],
    ['a multi-answer column', true, tags],
    ['a numeric column', false, weight],
    ['a free-text column', false, comment],
  ])('%s is categorical: %s', (_, expected, column) => {
    expect(isCategorical(column)).toBe(expected);
  });
});

describe('categoricalColumn', () => {
  it.each([
    ['gender', 'gender'],
    ['tags', 'tags'],
    ['Which tags?', 'tags'],
    ['What is your gender?', 'gender'],
    ['q9', 'q9'],
  ])('finds %j as the column %j', (idOrText, id) => {
    expect(unwrap(categoricalColumn(table, idOrText)).id).toBe(id);
  });

  it('refuses an unknown question, listing the questions that can be cross-tabulated', () => {
    expect(error(categoricalColumn(table, 'Gender'))).toEqual({
      code: 'crosstab-unknown-question',
      message: 'There is no question "Gender" in this survey. Pick one of: "gender", "tags", "q9".',
    });
  });

  it.each([
    ['weight', 'Question "weight" holds numbers, which cannot be cross-tabulated.'],
    ['comment', 'Question "comment" holds free text, which cannot be cross-tabulated.'],
    ['Anything else?', 'Question "comment" holds free text'],
  ])('refuses %j, which has no answer options', (idOrText, message) => {
    const e = error(categoricalColumn(table, idOrText));
    expect(e.code).toBe('crosstab-not-categorical');
    expect(e.message).toContain(message);
  });
});

describe('numericColumn', () => {
  it('finds a numeric column by id', () => {
    expect(Array.from(unwrap(numericColumn(table, 'weight')).values)).toEqual([1, 2, 0.5]);
  });

  it.each([
    [
      'wait',
      'There is no numeric weight column "wait". Pick one of: "weight", "age", or leave the weight out.',
    ],
    [
      'gender',
      'There is no numeric weight column "gender". Pick one of: "weight", "age", or leave the weight out.',
    ],
  ])('refuses %j, listing the numeric columns', (id, message) => {
    expect(error(numericColumn(table, id))).toEqual({ code: 'crosstab-unknown-weight', message });
  });

  it('says when a survey has no numeric column at all', () => {
    expect(error(numericColumn(respondents([gender]), 'weight')).message).toBe(
      'There is no weight column "weight": this survey has no numeric column to weight by. Leave the weight out.',
    );
  });
});

describe('optionIndex', () => {
  it.each([
    ['M', 0],
    ['F', 1],
  ])('finds the option %j at index %i', (label, index) => {
    expect(unwrap(optionIndex(gender, label))).toBe(index);
  });

  it('matches labels exactly, listing the options when none matches', () => {
    expect(error(optionIndex(tags, 'A'))).toEqual({
      code: 'crosstab-unknown-option',
      message: 'Question "tags" has no option "A". Pick one of: "a", "b".',
    });
  });
});
