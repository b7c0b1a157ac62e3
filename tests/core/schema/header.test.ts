import { describe, expect, it } from 'vitest';
import { resolveHeader } from '../../../src/core/schema/header';

const names = (rows: string[][]) => {
  const r = resolveHeader(rows, 'x.csv');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('a one-line header', () => {
  it.each([
    [
      ['id', ' Q1 ', 'Q2'],
      ['id', 'Q1', 'Q2'],
    ],
    [
      ['id', '', 'Q3', '  '],
      ['id', 'Column 2', 'Q3', 'Column 4'],
    ],
    [
      ['性别', 'Âge'],
      ['性别', 'Âge'],
    ],
  ])('%j gives the column names %j', (header, expected) => {
    expect(names([header, ['1', 'a', 'b', 'c']])).toEqual({
      names: expected,
      headerLines: 1,
      warnings: [],
    });
  });

  it('is one line when the second line fills the first column, as a data row does', () => {
    const h = names([
      ['id', 'Q5', ''],
      ['17', 'Red', 'Green'],
    ]);
    expect(h.headerLines).toBe(1);
    expect(h.names).toEqual(['id', 'Q5', 'Column 3']);
  });

  it('gives an empty file no names', () => {
    expect(names([])).toEqual({ names: [], headerLines: 1, warnings: [] });
  });
});

describe('a two-line header (a stem over blank cells, option labels underneath)', () => {
  it('names each option column "stem [label]" and keeps the other columns as they are', () => {
    const h = names([
      ['RespondentID', 'Which films have you seen?', '', '', 'Gender'],
      ['', 'Episode I', 'Episode II', 'Episode III', ''],
      ['3292879998', 'Episode I', '', 'Episode III', 'Male'],
    ]);
    expect(h).toEqual({
      names: [
        'RespondentID',
        'Which films have you seen? [Episode I]',
        'Which films have you seen? [Episode II]',
        'Which films have you seen? [Episode III]',
        'Gender',
      ],
      headerLines: 2,
      warnings: [],
    });
  });

  it('is not two lines when a blank header cell has no label underneath', () => {
    const h = names([
      ['id', 'Q5', '', ''],
      ['', 'Red', 'Green', ''],
    ]);
    expect(h.headerLines).toBe(1);
    expect(h.names).toEqual(['id', 'Q5', 'Column 3', 'Column 4']);
  });
});

describe('repeated column names', () => {
  it('refuses two columns of the same name, saying which columns and where', () => {
    const r = resolveHeader([['id', 'Q1', 'Q2', 'Q1']], 'survey.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      code: 'schema-duplicate-header',
      file: 'survey.csv',
      line: 1,
      column: 4,
    });
    expect(r.error.message).toContain('Columns 2 and 4 are both named "Q1"');
  });

  it.each([['Other (please specify)'], ['Autre, précisez'], ['Please specify']])(
    'numbers the repeats of the free-text column "%s" and warns',
    (other) => {
      const h = names([['Q1', other, 'Q2', other, other]]);
      expect(h.names).toEqual(['Q1', other, 'Q2', `${other} (2)`, `${other} (3)`]);
      expect(h.warnings).toEqual([
        `Column 4 repeats the name "${other}" (a free-text "other" column); it is read as "${other} (2)".`,
        `Column 5 repeats the name "${other}" (a free-text "other" column); it is read as "${other} (3)".`,
      ]);
    },
  );

  it('skips a number already taken by another column', () => {
    const h = names([['Other', 'Other (2)', 'Other']]);
    expect(h.names).toEqual(['Other', 'Other (2)', 'Other (3)']);
  });
});
