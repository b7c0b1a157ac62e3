// Reading a typed or pasted table of counts: what each paste becomes, and for
// each mistake the row and column it names and what it says to do.
import { describe, expect, it } from 'vitest';
import { parseCountsTable } from '../../../src/core/counts/parse';
import { parseWholeCell, parsePercentCell } from '../../../src/core/counts/cells';

const read = (text: string) => {
  const r = parseCountsTable(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('reading a table of counts', () => {
  it('reads a tab-separated 2 × 3 paste: labels, counts and the corner cell', () => {
    const t = read('Uses WeChat\t18-24\t25-34\t35+\nDaily\t62\t48\t25\nNot daily\t18\t32\t45\n');
    expect(t.corner).toBe('Uses WeChat');
    expect(t.colLabels).toEqual(['18-24', '25-34', '35+']);
    expect(t.rowLabels).toEqual(['Daily', 'Not daily']);
    expect(t.counts).toEqual([
      [62, 48, 25],
      [18, 32, 45],
    ]);
    expect(t.source).toBe('counts');
    expect(t.notes).toEqual([]);
  });

  it('reads commas, semicolons and pipes alike, and ignores blank lines and trailing empty cells', () => {
    const expected = [
      [3, 1],
      [2, 6],
    ];
    expect(read('x,Trial,Control\nYes,3,1\n\nNo,2,6\n').counts).toEqual(expected);
    expect(read('x;Trial;Control;\nYes;3;1;\nNo;2;6;\n').counts).toEqual(expected);
    expect(read('x|Trial|Control\r\nYes|3|1\r\nNo|2|6').counts).toEqual(expected);
  });

  it('checks a Total row and column against the sums and leaves them out, saying so', () => {
    const t = read('x,A,B,Total\nYes,"1,234",3,"1,237"\nNo,10,2,12\nTotal,"1,244",5,"1,249"\n');
    expect(t.counts).toEqual([
      [1234, 3],
      [10, 2],
    ]);
    expect(t.notes).toEqual([
      'The Total column "Total" is left out: the table computes its own totals.',
      'The Total row "Total" is left out: the table computes its own totals.',
    ]);
  });

  it('reads counts under a Base row of their column totals as counts, and says why', () => {
    const t = read('x,A,B\nYes,4,3\nNo,1,2\nBase,5,5\n');
    expect(t.source).toBe('counts');
    expect(t.counts).toEqual([
      [4, 3],
      [1, 2],
    ]);
    expect(t.notes[0]).toMatch(/^The Base row holds each column's total/);
  });

  it('reconstructs counts from column percents and a Base row without rounding them: 45% of 211 is 94.95', () => {
    const t = read(';Men;Women\nYes;45%;38%\nNo;55%;62%\nBase;211;189\n');
    expect(t.source).toBe('column-percents');
    expect(t.bases).toEqual([211, 189]);
    expect(t.percents).toEqual([
      [45, 38],
      [55, 62],
    ]);
    // 45 × 211 / 100, 38 × 189 / 100, 55 × 211 / 100, 62 × 189 / 100
    expect(t.counts[0]![0]).toBeCloseTo(94.95, 12);
    expect(t.counts[0]![1]).toBeCloseTo(71.82, 12);
    expect(t.counts[1]![0]).toBeCloseTo(116.05, 12);
    expect(t.counts[1]![1]).toBeCloseTo(117.18, 12);
    expect(t.notes).toEqual([
      'The counts are reconstructed from the percents and their bases (percent × base ÷ 100) and are not rounded: 4 of 4 are not whole numbers (45% of 211 is 94.95), because the percents were rounded when printed. The chi-square test, the letters and the intervals use them as they are: read them as approximate.',
    ]);
  });

  it('reconstructs counts from row percents with a Base column: 52% of 320 is 166.4', () => {
    const t = read('Age\tYes\tNo\tBase\n18-34\t52\t48\t320\n55+\t31\t69\t270\n');
    expect(t.source).toBe('row-percents');
    expect(t.counts[0]![0]).toBeCloseTo(166.4, 12);
    expect(t.counts[1]![1]).toBeCloseTo(186.3, 12);
  });

  it('marks column percents over 100% as several answers each, and short ones as incomplete', () => {
    const multi = read('Apps,Men,Women\nWeChat,81%,85%\nQQ,52%,44%\nn,400,380\n');
    expect(multi.overlap).toBe(true);
    expect(multi.notes[0]).toBe(
      'The percents of columns "Men", "Women" add up to more than 100%: respondents could give several answers, so each row is tested as chosen or not.',
    );
    const short = read('x,A,B\nYes,40%,50%\nNo,45%,50%\nBase,100,100\n');
    expect(short.overlap).toBe(false);
    expect(short.notes[0]).toBe(
      'The percents of column "A" add up to 85%: 15% of its respondents are in no row shown. The tests use the rows given.',
    );
  });

  it('allows for rounding: 33% + 33% + 33% is a whole column, not a short one', () => {
    const t = read('x,A\nP,33%\nQ,33%\nR,33%\nBase,300\n');
    expect(t.notes.some((n) => n.includes('add up to'))).toBe(false);
  });

  it.each([
    ['blank', '', 'counts-empty', undefined, undefined, 'The table is empty.'],
    ['one column', 'Yes\nNo\n', 'counts-one-column', 1, undefined, 'Separate the cells with tabs'],
    [
      'a short row',
      'x,A,B\nYes,1,2\nNo,3\n',
      'counts-ragged-row',
      3,
      3,
      'Row 3: This row has 2 cells but the first row has 3.',
    ],
    [
      'a blank column label',
      'x,A,\nYes,1,2\nNo,3,4\n',
      'counts-blank-column-label',
      1,
      3,
      'Row 1, column 3: This column has no label',
    ],
    [
      'a column label twice',
      'x,A,A\nYes,1,2\nNo,3,4\n',
      'counts-duplicate-column-label',
      1,
      3,
      'is already used by column 2',
    ],
    [
      'a row label twice',
      'x,A,B\nYes,1,2\n\nYes,3,4\n',
      'counts-duplicate-row-label',
      4,
      1,
      'Row 4, column 1 ("Yes"): The row label "Yes" is already used on row 2.',
    ],
    [
      'a blank row label',
      'x,A,B\nYes,1,2\n,3,4\n',
      'counts-blank-row-label',
      3,
      1,
      'This row has no label',
    ],
    [
      'a word for a count',
      'x,A,B\nYes,1,two\nNo,3,4\n',
      'counts-not-count',
      2,
      3,
      'Row 2, column 3 ("B"): "two" is not a count. Type a whole number',
    ],
    [
      'a fraction',
      'x,A,B\nYes,1,2\nNo,3.5,4\n',
      'counts-fraction',
      3,
      2,
      '"3.5" is not a whole number.',
    ],
    ['a negative count', 'x,A,B\nYes,1,-2\nNo,3,4\n', 'counts-negative', 2, 3, '"-2" is negative.'],
    [
      'a blank cell',
      'x\tA\tB\nYes\t1\t\nNo\t3\t4\n',
      'counts-blank-cell',
      2,
      3,
      'Type a count (0 when no one)',
    ],
    [
      'a percent without a base',
      'x,A,B\nYes,40%,2\nNo,60%,4\n',
      'counts-percent-without-base',
      2,
      2,
      'percents need their bases. Add a row labelled "Base"',
    ],
    [
      'a Total that does not add up',
      'x,A,B\nYes,1,2\nNo,3,4\nTotal,4,5\n',
      'counts-total-mismatch',
      4,
      3,
      'Row 4, column 3 ("B"): This Total is 5 but the rows above it add up to 6.',
    ],
    [
      'a percent over 100',
      'x,A,B\nYes,140%,20%\nNo,60%,80%\nBase,100,100\n',
      'counts-percent-over-100',
      2,
      2,
      '"140%" is over 100%.',
    ],
    [
      'a lower bound',
      'x,A,B\nYes,30+%,20%\nNo,60%,80%\nBase,100,100\n',
      'counts-lower-bound',
      2,
      2,
      'is a lower bound',
    ],
    [
      'a zero base',
      'x,A,B\nYes,30%,20%\nNo,70%,80%\nBase,0,100\n',
      'counts-zero-base',
      4,
      2,
      'This base is 0',
    ],
    [
      'a blank base',
      'x,A,B\nYes,30%,20%\nNo,70%,80%\nn,,100\n',
      'counts-blank-base',
      4,
      2,
      'This base is blank.',
    ],
    [
      'two Base rows',
      'x,A,B\nYes,30%,20%\nBase,100,100\nn,100,100\n',
      'counts-two-base-rows',
      4,
      undefined,
      'Row 4: This is a second Base row (the first is row 3).',
    ],
    [
      'a Base row and a Base column',
      'x,A,Base\nYes,30%,100\nBase,100,\n',
      'counts-base-row-and-column',
      undefined,
      undefined,
      'both a Base row and a Base column',
    ],
    [
      'row percents over 100%',
      'x,A,B,Base\nYes,70%,50%,100\nNo,50%,50%,100\n',
      'counts-row-percents-over-100',
      2,
      undefined,
      'The percents of row "Yes" add up to 120%.',
    ],
    ['only labels', 'x,A,B\nTotal,1,2\n', 'counts-no-rows', 1, undefined, 'no row of values'],
    ['an unclosed quote', 'x,A,B\nYes,"1,2\nNo,3,4\n', 'csv-unclosed-quote', 2, 2, 'closing quote'],
  ])('refuses %s, naming where and what to do', (_what, text, code, line, column, says) => {
    const r = parseCountsTable(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.line).toBe(line);
    expect(r.error.column).toBe(column);
    expect(r.error.message).toContain(says);
  });

  it('refuses a table over 100 rows, saying what to do instead', () => {
    const rows = Array.from({ length: 101 }, (_, i) => `r${i},1,2`).join('\n');
    const r = parseCountsTable(`x,A,B\n${rows}\n`);
    expect(!r.ok && r.error.code).toBe('counts-too-large');
  });
});

describe('one cell', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1.234', 1234],
    ['1 234', 1234],
    ['1\u00a0234\u00a0567', 1234567],
    ["12'345", 12345],
    [' 0 ', 0],
  ])('reads the count %j as %d', (text, value) => {
    expect(parseWholeCell(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'blank'],
    ['12.5', 'fraction'],
    ['1,23', 'fraction'],
    ['-4', 'negative'],
    ['1,2345', 'fraction'],
    ['1,234.5', 'not-number'],
    ['0.500', 'fraction'],
    ['abc', 'not-number'],
  ])('refuses the count %j (%s)', (text, why) => {
    expect(parseWholeCell(text)).toEqual({ ok: false, why });
  });

  it.each([
    ['45', 45],
    ['45%', 45],
    ['45.5 %', 45.5],
    ['45,5%', 45.5],
    ['0', 0],
    ['100%', 100],
  ])('reads the percent %j as %d', (text, value) => {
    const p = parsePercentCell(text);
    expect(p.ok && p.percent.value).toBe(value);
  });
});
