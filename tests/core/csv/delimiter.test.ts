import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/core/csv/delimiter';
import type { Delimiter } from '../../../src/core/csv/delimiter';
import { csvMessages } from '../../../src/core/messages';

describe('detectDelimiter', () => {
  it.each([
    [
      'commas',
      'id,q1,q2\n1,Yes,No\n2,No,No\n',
      ',',
      'Comma: all 3 sample lines split into 3 fields',
    ],
    [
      'semicolons',
      'id;q1;q2\n1;Yes;No\n2;No;No\n',
      ';',
      'Semicolon: all 3 sample lines split into 3 fields',
    ],
    [
      'tabs, with commas in the text',
      'id\tcomment\n1\tYes, a lot\n2\tNo, never\n',
      '\t',
      'Tab: all 3 sample lines split into 2 fields',
    ],
    [
      'pipes, with commas in the text',
      'one|two,two|three\nfour|five,five|six\n',
      '|',
      'Pipe: all 2 sample lines split into 3 fields',
    ],
    [
      'semicolons, with commas inside quotes',
      '"a,b";"c,d";e\n"x,y";"z,w";5\n',
      ';',
      'Semicolon: all 2 sample lines split into 3 fields',
    ],
    [
      'commas, with semicolons inside quoted multi-line values',
      'id,answer\n1,"a;b;\nc;d"\n2,"e;f"\n',
      ',',
      'Comma: all 3 sample lines split into 2 fields',
    ],
    [
      'commas, with one ragged line',
      'a,b,c\n1,2,3\n4,5\n6,7,8\n',
      ',',
      'Comma: 3 of 4 sample lines split into 3 fields',
    ],
    [
      'commas over pipes when pipes split one line only',
      'a,b,c\na,b,c|d|e|f\n',
      ',',
      'Comma: all 2 sample lines split into 3 fields',
    ],
    [
      'the earlier candidate on a tie',
      'a;b,c\nd;e,f\n',
      ',',
      'Comma: all 2 sample lines split into 2 fields',
    ],
    [
      'commas in a sample cut mid-line (the cut line is ignored)',
      'a;b,c,d\n1;2,3,4\n5;6,"7',
      ',',
      'Comma: all 2 sample lines split into 3 fields',
    ],
  ] as [string, string, Delimiter, string][])('picks %s', (_name, sample, delimiter, reason) => {
    expect(detectDelimiter(sample)).toEqual({ delimiter, reason, decimalComma: false });
  });

  it('notices decimal commas in semicolon-separated numbers', () => {
    expect(
      detectDelimiter('name;score;weight\nAnna;3,5;1,25\nBen;4;0,8\nCléo;1.234,5;1\n'),
    ).toEqual({
      delimiter: ';',
      reason:
        'Semicolon: all 4 sample lines split into 3 fields' + csvMessages.delimiterDecimalComma,
      decimalComma: true,
    });
  });

  it('does not take decimal points for decimal commas', () => {
    expect(detectDelimiter('name;score\nAnna;3.5\nBen;4.25\n').decimalComma).toBe(false);
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('Just one column\nof prose\n')).toEqual({
      delimiter: ',',
      reason: csvMessages.delimiterNone,
      decimalComma: false,
    });
  });

  it('reads at most 50 sample lines', () => {
    const sample = 'a;b\n' + '1;2\n'.repeat(80);
    expect(detectDelimiter(sample).reason).toBe(
      'Semicolon: all 50 sample lines split into 2 fields',
    );
  });
});
