import { describe, expect, it } from 'vitest';
import { formatSurveyDate } from '../../../src/core/format/date';

describe('survey dates as people read them', () => {
  it.each([
    ['2013-06', 'June 2013'],
    ['2013-08-12', '12 August 2013'],
    ['2013-01-01', '1 January 2013'],
    ['2013-12-31', '31 December 2013'],
    ['2013', '2013'],
    ['2013-13', '2013'],
    ['2013-02-30', '2013-02-30'],
    ['summer 2013', 'summer 2013'],
    [null, 'Date not given'],
  ])('%j reads as %j, whatever the time zone', (date, text) => {
    expect(formatSurveyDate(date)).toBe(text);
  });
});
