// The notes and the edge cases of a table of counts' tests; the numbers
// themselves are checked against R in reference.test.ts.
import { describe, expect, it } from 'vitest';
import { analyseCounts } from '../../../src/core/counts/analyse';
import { parseCountsTable } from '../../../src/core/counts/parse';

const analyse = (text: string) => {
  const r = parseCountsTable(text);
  if (!r.ok) throw new Error(r.error.message);
  return analyseCounts(r.value);
};

describe('analysing a table of counts', () => {
  it('letters a 2 × 3 table as crosstabs do: 62 of 80 and 48 of 80 are higher than 25 of 70', () => {
    const a = analyse('x\tA\tB\tC\nDaily\t62\t48\t25\nNot daily\t18\t32\t45\n');
    expect(a.letters).toEqual(['A', 'B', 'C']);
    expect(a.colBases).toEqual([80, 80, 70]);
    expect(a.tests).toEqual([
      ['C', 'C', ''],
      ['', '', 'AB'],
    ]);
    expect(a.colPercents[0]![0]).toBe(77.5);
    expect(a.total).toBe(230);
    expect(a.chiSquare!.df).toBe(2);
    expect(a.notes).toEqual([]);
  });

  it('says when expected counts below 5 make the chi-square unreliable, and marks small bases', () => {
    const a = analyse('Tried it,Trial,Control\nYes,3,1\nNo,2,6\n');
    // Expected counts: 4 × 5 / 12 = 1.67, 4 × 7 / 12 = 2.33, 8 × 5 / 12 = 3.33, 8 × 7 / 12 = 4.67.
    expect(a.chiSquare!.expectedBelow5).toBe(4);
    expect(a.smallBase).toEqual([true, true]);
    expect(a.notes).toEqual([
      '4 of 4 cells (100.0%) have an expected count below 5: the chi-square p-value may be unreliable.',
      'Small base (fewer than 30 respondents) in: "Trial", "Control". Read these percentages with care.',
    ]);
  });

  it('withholds the chi-square when respondents could give several answers, but still letters and bounds', () => {
    const a = analyse('Apps,Men,Women\nWeChat,81%,85%\nQQ,52%,44%\nn,400,380\n');
    expect(a.chiSquare).toBeNull();
    expect(a.notes).toContain(
      'No chi-square test: with several answers each, a respondent may sit in several cells, which the test does not allow.',
    );
    // The column bases are the typed bases, not the sums of the reconstructed counts (533 and 491.4).
    expect(a.colBases).toEqual([400, 380]);
    expect(a.intervals[0]![0]).not.toBeNull();
  });

  it('leaves a row with no respondents out of the chi-square and names it; its percents are 0%', () => {
    const a = analyse('x,A,B\nYes,10,20\nNever,0,0\nNo,30,15\n');
    expect(a.chiSquare!.df).toBe(1);
    expect(a.notes[0]).toBe(
      'The row "Never" has no respondents and is left out of the chi-square test.',
    );
    expect(a.colPercents[1]).toEqual([0, 0]);
    // Wilson at 0%: from exactly 0 (R's prop.test gives 0 too) to 100 × z² / (n + z²) with n = 40.
    expect(a.intervals[1]![0]!.low).toBe(0);
    expect(a.intervals[1]![0]!.high).toBeCloseTo(
      (100 * 1.959963984540054 ** 2) / (40 + 1.959963984540054 ** 2),
      10,
    );
  });

  it('has no letters with one column and no chi-square with one row, and never a NaN', () => {
    const one = analyse('x,Only\nYes,10\nNo,30\n');
    expect(one.tests).toBeNull();
    expect(one.chiSquare).toBeNull();
    expect(one.notes[0]).toBe(
      'No chi-square test: a test of independence needs at least two columns with respondents.',
    );
    const empty = analyse('x,A,B\nYes,10,0\nNo,30,0\n');
    expect(empty.colPercents.flat()).toEqual([25, null, 75, null]);
    expect(empty.intervals[0]![1]).toBeNull();
    expect(empty.tests).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });
});
