import { describe, expect, it } from 'vitest';
import { benchCases, widestMulti } from '../../perf/cases';
import { benchQuestions } from '../../perf/generate';

describe('the benchmark cases', () => {
  it('cross the two multi-answer questions with the most options: Q20 (13) and Q24 (15)', () => {
    const questions = benchQuestions();
    expect(widestMulti(questions)).toEqual(['Q20', 'Q24']);
    const width = (id: string) => questions.find((q) => q.id === id)!.labels.length;
    expect([width('Q20'), width('Q24')]).toEqual([13, 15]);
    const wide = benchCases(questions).filter((c) => c.key.startsWith('mm-wide'));
    expect(wide.map((c) => [c.key, c.label, c.rows, c.cols, c.weighted])).toEqual([
      ['mm-wide', 'multi × multi, widest (Q20 × Q24)', 'Q20', ['Q24'], false],
      ['mm-wide-w', 'multi × multi, widest, weighted', 'Q20', ['Q24'], true],
    ]);
  });

  it('keep their keys unique, so --cases can name any of them', () => {
    const keys = benchCases(benchQuestions()).map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      'ss',
      'ss-w',
      'ss-f',
      'ms',
      'ms-w',
      'mm',
      'mm-w',
      'mm-wide',
      'mm-wide-w',
      'banner',
      'banner-w',
    ]);
  });
});
