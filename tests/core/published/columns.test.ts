import { describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_COLUMNS,
  isDistributionColumn,
  isDistributionHeader,
  normaliseHeaderCell,
  REQUIRED_COLUMNS,
  SURVEY_COLUMNS,
} from '../../../src/core/published/columns';

describe('the columns of the published-distribution format', () => {
  it('lists 17 columns in canonical order: survey, question, segment, then option columns', () => {
    expect(DISTRIBUTION_COLUMNS).toEqual([
      'survey',
      'publisher',
      'date',
      'population',
      'source',
      'source_url',
      'question_id',
      'question',
      'kind',
      'note',
      'segment',
      'base',
      'subgroup',
      'base_n',
      'option',
      'percent',
      'rank',
    ]);
  });

  it('requires question, option and percent, and puts the first six at survey level', () => {
    expect(REQUIRED_COLUMNS).toEqual(['question', 'option', 'percent']);
    expect(SURVEY_COLUMNS).toEqual(DISTRIBUTION_COLUMNS.slice(0, 6));
  });

  it.each([
    ['Question', 'question'],
    ['  PERCENT ', 'percent'],
    ['\uFEFFsurvey', 'survey'],
    ['Source_URL', 'source_url'],
    ['base n', 'base n'],
    ['', ''],
  ])('reads the header cell %j as %j', (cell, name) => {
    expect(normaliseHeaderCell(cell)).toBe(name);
  });

  it.each([
    ['base_n', true],
    ['rank', true],
    ['Rank', false],
    ['base n', false],
    ['weight', false],
  ])('%j is a column name: %s', (name, expected) => {
    expect(isDistributionColumn(name)).toBe(expected);
  });
});

describe('isDistributionHeader', () => {
  it.each([
    [['question', 'option', 'percent'], true],
    [['\uFEFFQuestion', ' Option', 'PERCENT ', 'rank', 'extra'], true],
    [['option', 'percent'], false],
    [['question', 'answer', 'percent'], false],
    [['id', 'gender', 'age'], false],
    [[], false],
  ])('%j: %s', (header, expected) => {
    expect(isDistributionHeader(header)).toBe(expected);
  });
});
