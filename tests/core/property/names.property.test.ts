// Battery column names (Q5_1, "Q5 [Tea]", "Q5 - Tea", "Q5: Tea") are split by
// linear scans. They must find exactly what the regular expressions of the
// specification find, and stay fast on names of hundreds of kilobytes, where
// the expressions backtracked for tens of seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitName } from '../../../src/core/schema/names';
import type { NamePattern, SplitName } from '../../../src/core/schema/names';

/** The specification: the regular expressions splitName used before (quadratic on long names). */
const SPEC: [NamePattern, RegExp][] = [
  ['bracket', /^([\s\S]*\S)\s*\[([^\]]+)\]\s*$/],
  ['underscore', /^(.+?)_(\d+)$/],
  ['dash', /^([\s\S]*\S)\s+-\s+(.+)$/],
  ['colon', /^(.+?):\s+(.+)$/],
];

function specSplit(name: string): SplitName | null {
  for (const [pattern, re] of SPEC) {
    const m = re.exec(name);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      const stem = m[1].trim();
      const label = m[2].trim();
      if (stem.length > 0 && label.length > 0) return { stem, label, pattern };
    }
  }
  return null;
}

const alphabet = fc.constantFrom(
  'Q',
  'a',
  '5',
  '1',
  ' ',
  '\t',
  '\u00a0',
  '\u3000',
  '\n',
  '\r',
  '\u2028',
  '-',
  '_',
  ':',
  '[',
  ']',
  '微',
);
const name = fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join(''));

describe('splitName', () => {
  it('splits every name exactly as the specification expressions do', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(splitName(n)).toEqual(specSplit(n));
      }),
      { seed: 3101, numRuns: 20_000 },
    );
  });

  it.each<[string, SplitName | null]>([
    ['Q5_1', { stem: 'Q5', label: '1', pattern: 'underscore' }],
    ['Q7 [Tea]', { stem: 'Q7', label: 'Tea', pattern: 'bracket' }],
    ['Q7 [a [b]', { stem: 'Q7 [a', label: 'b', pattern: 'bracket' }],
    ['Which? - Macy’s Parade', { stem: 'Which?', label: 'Macy’s Parade', pattern: 'dash' }],
    ['a - b - c', { stem: 'a - b', label: 'c', pattern: 'dash' }],
    ['Q5: Tea: green', { stem: 'Q5', label: 'Tea: green', pattern: 'colon' }],
    ['Q5:\nTea', { stem: 'Q5', label: 'Tea', pattern: 'colon' }],
    [
      '12. Please rate:  \nScale: 1 = Not at all → 5 = Very [Sweetness]',
      {
        stem: '12. Please rate:  \nScale: 1 = Not at all → 5 = Very',
        label: 'Sweetness',
        pattern: 'bracket',
      },
    ],
    ['Q5', null],
    ['a-b', null],
    ['[x]', null],
  ])('splits %j', (n, expected) => {
    expect(splitName(n)).toEqual(expected);
    expect(specSplit(n)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['"a  -  " repeated, then a line break', `${'a  -  '.repeat(40_000)}\n`],
    ['"a - b" repeated, then a line break', `${'a - b'.repeat(40_000)}\n`],
    ['"a[" repeated', 'a['.repeat(100_000)],
    ['"x: " repeated, then a line break', `${'x: '.repeat(70_000)}\ny`],
    ['"_1" repeated', `${'_1'.repeat(100_000)}x`],
  ])('answers within 100 ms for a 200 KB name: %s', (_what, n) => {
    const start = performance.now();
    splitName(n);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
