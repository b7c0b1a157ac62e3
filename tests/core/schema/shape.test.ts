import { describe, expect, it } from 'vitest';
import { detectShape } from '../../../src/core/schema/shape';

describe('detectShape', () => {
  it.each([
    [
      'a header with question, option and percent columns',
      [
        ['question', 'option', 'percent'],
        ['How often?', 'Daily', '38.07'],
      ],
      'distribution',
      'The header has question, option and percent columns.',
    ],
    [
      'those columns in another case, with a BOM and other columns',
      [
        ['\uFEFFQuestion_ID', ' Question ', 'OPTION', 'Percent', 'rank'],
        ['q1', 'How often?', 'Daily', '38.07%', '1'],
      ],
      'distribution',
      'The header has question, option and percent columns.',
    ],
    [
      'question rows followed by option rows of percent cells',
      [
        ['', '', 'Adult men', 'Age 18-34'],
        ['How masculine do you feel?', '', '', ''],
        ['', 'Very', '37%', '29%'],
        ['', 'Somewhat', '46%', '47%'],
        ['', 'Not very', '11%', '13%'],
      ],
      'banner',
      'Question rows are followed by option rows of percent cells across banner columns.',
    ],
    [
      'one row per respondent',
      [
        ['id', 'gender', 'question'],
        ['1', 'Male', 'Yes'],
        ['2', 'Female', 'No'],
      ],
      'respondents',
      'One row per respondent (neither a distribution nor a banner table).',
    ],
    [
      'no rows at all',
      [],
      'respondents',
      'One row per respondent (neither a distribution nor a banner table).',
    ],
  ])('reads %s as %s', (_, rows, shape, reason) => {
    expect(detectShape(rows)).toEqual({ shape, reason });
  });

  it('reads a banner table with more stray rows than half its option rows as respondents', () => {
    const rows = [
      ['', '', 'Adult men'],
      ['How masculine do you feel?', '', ''],
      ['', 'Very', '37%'],
      ['', 'Somewhat', '46%'],
      ['note', 'x', 'y'],
      ['note', 'x', 'y'],
    ];
    expect(detectShape(rows).shape).toBe('respondents');
  });
});
