// A cell's stored value as text: numbers by their shortest round-trip text,
// percentages by moving the decimal point, date serials in both date systems
// (with Excel's phantom 29 February 1900), and which number formats are dates,
// times or percentages. Expected values are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnName,
  isoDateText,
  numberText,
  parseStored,
  percentText,
  serialText,
  unescapeXstring,
} from '../../../src/core/xlsx/cells';
import { formatOf } from '../../../src/core/xlsx/styles';

describe('cell references', () => {
  it('turn column letters into 0-based columns, up to Excel last column XFD', () => {
    expect(['A', 'Z', 'AA', 'AZ', 'BA', 'XFD', 'B7', 'b7'].map(columnIndex)).toEqual([
      0, 25, 26, 51, 52, 16383, 1, 1,
    ]);
    // XFE is column 16,385, past Excel's last; "7", "A1B" and "AAAA1" are no references.
    expect(['XFE1', '7', 'A1B', 'AAAA1', ''].map(columnIndex)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('name columns back for messages', () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

describe('numbers as stored', () => {
  it('are written as the shortest text of the same double', () => {
    const texts = ['2.1000000000000001', '1E-3', '0.1234', '-0', '12345678901234567890', '1e21'];
    expect(texts.map((t) => numberText(parseStored(t)))).toEqual([
      '2.1',
      '0.001',
      '0.1234',
      '0',
      '12345678901234567000',
      '1e+21',
    ]);
  });

  it('refuse what Number() would take but a cell cannot hold', () => {
    for (const t of ['0x1F', 'Infinity', 'NaN', '', '1,5', '1.2.3', ' '])
      expect(parseStored(t), t).toBeNaN();
  });
});

describe('percentages of published figures', () => {
  it('move the decimal point two places instead of multiplying', () => {
    // 0.07 * 100 is 7.000000000000001 in binary floating point; the text is exact.
    expect(0.07 * 100).not.toBe(7);
    expect(percentText(0.07, 0)).toBe('7%');
    expect(percentText(0.1234, 0)).toBe('12.34%');
    expect(percentText(0.9297, 2)).toBe('92.97%');
    expect(percentText(1, 0)).toBe('100%');
    expect(percentText(12.5, 0)).toBe('1250%');
    expect(percentText(1e-7, 0)).toBe('0.00001%');
    expect(percentText(-0.5, 1)).toBe('-50.0%');
  });

  it('keep as many decimals as the format shows: 0.381 shown as 0.00% was printed 38.10%', () => {
    expect(percentText(0.381, 2)).toBe('38.10%');
    expect(percentText(0.07, 2)).toBe('7.00%');
    expect(percentText(0.038, 2)).toBe('3.80%');
  });
});

describe('date serials', () => {
  it('count days from 1900 with the phantom 29 February 1900 (day 60)', () => {
    const days = [1, 59, 60, 61, 45413, 2958465];
    expect(days.map((d) => serialText(d, false, 'date'))).toEqual([
      '1900-01-01',
      '1900-02-28',
      '1900-02-29',
      '1900-03-01',
      '2024-05-01',
      '9999-12-31',
    ]);
  });

  it('count days from 1904 in Mac workbooks: 2024-05-01 is day 43,951 (45,413 − 1,462)', () => {
    expect(serialText(0, true, 'date')).toBe('1904-01-01');
    expect(serialText(43951, true, 'date')).toBe('2024-05-01');
    expect(serialText(45413 - 1462, true, 'datetime')).toBe('2024-05-01T00:00:00');
  });

  it('write the time when the value has one, or when the format shows one', () => {
    expect(serialText(45413.5, false, 'datetime')).toBe('2024-05-01T12:00:00');
    expect(serialText(45413, false, 'datetime')).toBe('2024-05-01T00:00:00');
    expect(serialText(45413.25, false, 'date')).toBe('2024-05-01T06:00:00');
    // 8:30 is 0.354166… of a day, stored with 17 digits: rounded to the millisecond.
    expect(serialText(0.35416666666666669, false, 'time')).toBe('08:30:00');
    // A quarter of a second past noon.
    expect(serialText(0.5 + 250 / 86_400_000, false, 'time')).toBe('12:00:00.25');
    // 1.5 in a time format is noon on day 1: the day is kept.
    expect(serialText(1.5, false, 'time')).toBe('1900-01-01T12:00:00');
    // [h]:mm:ss counts hours past 24.
    expect(serialText(1.5, false, 'elapsed')).toBe('36:00:00');
  });

  it('leave numbers that are no date to the caller', () => {
    expect(serialText(-1, false, 'date')).toBeNull();
    expect(serialText(2958466, false, 'date')).toBeNull();
    expect(serialText(Number.NaN, false, 'date')).toBeNull();
  });

  it('stored as ISO text (t="d") drop a midnight time', () => {
    expect(isoDateText('2024-05-04T00:00:00Z')).toBe('2024-05-04');
    expect(isoDateText('2024-05-04T00:00:00.000')).toBe('2024-05-04');
    expect(isoDateText('2024-05-04T08:30:00')).toBe('2024-05-04T08:30:00');
  });
});

describe('number formats', () => {
  it('tell dates, times, elapsed times and percentages from numbers', () => {
    const kinds = (codes: string[]) => codes.map((c) => formatOf(c));
    expect(kinds(['d-mmm-yy', 'mmm yyyy', '[$-409]mmmm d, yyyy;@', 'yyyy"年"m"月"d"日"'])).toEqual(
      Array(4).fill({ kind: 'date' }),
    );
    expect(kinds(['yyyy\\-mm\\-dd\\ hh:mm', 'm/d/yy h:mm'])).toEqual(
      Array(2).fill({ kind: 'datetime' }),
    );
    expect(kinds(['h:mm AM/PM', 'mm:ss', 'hh:mm:ss'])).toEqual(Array(3).fill({ kind: 'time' }));
    expect(kinds(['[h]:mm:ss', '[mm]:ss'])).toEqual(Array(2).fill({ kind: 'elapsed' }));
    expect(kinds(['0%', '0.00%', '#,##0.0%'])).toEqual([
      { kind: 'percent', decimals: 0 },
      { kind: 'percent', decimals: 2 },
      { kind: 'percent', decimals: 1 },
    ]);
  });

  it('read quoted text, escapes, fills and brackets as saying nothing about the value', () => {
    const numbers = [
      'General',
      '0.00E+00',
      '"Day "0',
      '0.0 "ms"',
      '[Red]#,##0;[Blue]-#,##0',
      '#,##0_);(#,##0)',
      '[>=100]0;0.00',
      '* #,##0',
      '\\d0',
      '@',
    ];
    for (const code of numbers) expect(formatOf(code), code).toEqual({ kind: 'number' });
  });
});

describe('escaped characters in strings', () => {
  it('are OOXML _xHHHH_ escapes, _x005F_ escaping a literal underscore', () => {
    expect(unescapeXstring('a_x000D_b')).toBe('a\rb');
    expect(unescapeXstring('_x005F_x0041_')).toBe('_x0041_');
    expect(unescapeXstring('plain_x')).toBe('plain_x');
  });
});
