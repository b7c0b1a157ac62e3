import { describe, expect, it } from 'vitest';
import {
  isNotSelectedLabel,
  isNotSelectedToken,
  isSelectedToken,
  YES_NO_PAIRS,
} from '../../../src/core/schema/tokens';

describe('cells of a one-column-per-option question', () => {
  it.each([
    ['1', true, false],
    ['0', false, true],
    ['Yes', true, false],
    ['NO', false, true],
    ['y', true, false],
    ['n', false, true],
    ['Oui', true, false],
    ['non', false, true],
    ['TRUE', true, false],
    ['false', false, true],
    ['是', true, false],
    ['否', false, true],
    ['X', true, false],
    ['Checked', true, false],
    ['selected', true, false],
    ['Not selected', false, true],
    ['unchecked', false, true],
    ['NOT CHECKED', false, true],
    ['Red', false, false],
    ['', false, false],
    ['2', false, false],
  ])('"%s" is chosen: %s, not chosen: %s', (cell, chosen, notChosen) => {
    expect(isSelectedToken(cell)).toBe(chosen);
    expect(isNotSelectedToken(cell)).toBe(notChosen);
  });

  it('pairs every "chosen" word with its "not chosen" word, in lower case', () => {
    for (const [yes, no] of YES_NO_PAIRS) {
      expect([yes.toLowerCase(), no.toLowerCase()]).toEqual([yes, no]);
      expect([isSelectedToken(yes), isNotSelectedToken(no)]).toEqual([true, true]);
      expect([isSelectedToken(no), isNotSelectedToken(yes)]).toEqual([false, false]);
    }
  });
});

describe('isNotSelectedLabel (a label-style column for an option not chosen)', () => {
  it.each([
    ['Not selected', true],
    ['not checked', true],
    ['Unchecked', true],
    ['0', true],
    ['No', false],
    ['Not selected at all', false],
    [' 0', false],
    ['Red', false],
  ])('"%s" -> %s', (cell, expected) => {
    expect(isNotSelectedLabel(cell)).toBe(expected);
  });
});
