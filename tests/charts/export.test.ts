import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/charts/export';

// standaloneSvg / svgToPngBlob need a DOM and a canvas: they are checked in the browser tests.
describe('wrapping header and footer text for an exported chart', () => {
  it('keeps a short title on one line', () => {
    expect(wrapText('Market share', 200)).toEqual(['Market share']);
  });

  it('breaks at spaces so that no line is wider than allowed (7 px a Latin character)', () => {
    // 70 px holds 10 characters.
    expect(wrapText('Have you ever used WeChat for payments?', 70)).toEqual([
      'Have you',
      'ever used',
      'WeChat for',
      'payments?',
    ]);
  });

  it('breaks CJK text anywhere, 13 px a character', () => {
    // 52 px holds 4 characters.
    expect(wrapText('您使用微信的原因是什么', 52)).toEqual(['您使用微', '信的原因', '是什么']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefghijkl mn', 35)).toEqual(['abcde', 'fghij', 'kl mn']);
  });

  it('folds line breaks and runs of spaces from labels into single spaces', () => {
    expect(wrapText('  two\nlines\t\tand   spaces ', 1000)).toEqual(['two lines and spaces']);
  });

  it('scales the estimate with the font size (15 px: 8.4 px a character)', () => {
    // 84 px at 15 px holds 10 characters.
    expect(wrapText('0123456789 0123456789', 84, 15)).toEqual(['0123456789', '0123456789']);
  });

  it('gives no lines for empty text', () => {
    expect(wrapText('   ', 100)).toEqual([]);
  });
});
