// Damaged .sav files: every fixture cut short anywhere, and with bits flipped
// anywhere (counts, lengths, offsets, codes), always answers with a Result (a
// table, or a SurveyError whose message names the byte), never an exception,
// and in bounded time: no count read from the file is trusted before it is
// checked against the bytes that remain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile, previewSurveyFile } from '../../../src/core/pipeline';
import { expectNoPrototypePollution, expectWellFormedResult } from '../property/arbitraries';
import { fixture } from './helpers';
import { savFile, SYSMIS } from './writer';

const FILES = [
  'hdv2003.sav',
  'hdv2003-compressed.sav',
  'hdv2003.zsav',
  'starwars.sav',
  'strings.sav',
  'chinese-gbk.sav',
];
/** Per call; a sound read of these files takes a few milliseconds. */
const BOUND_MS = 2000;

function check(bytes: Uint8Array): void {
  for (const read of [loadSurveyFile, previewSurveyFile]) {
    const started = performance.now();
    const r = read(bytes, { file: 'fuzz.sav' });
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expectWellFormedResult(r);
    if (!r.ok && r.error.code.startsWith('sav-') && r.error.code !== 'sav-internal')
      expect(r.error.message).toMatch(/^Byte \d{1,3}(,\d{3})*: /);
    if (!r.ok) expect(r.error.code).not.toBe('sav-internal');
  }
}

describe.each(FILES)('%s, damaged', (name) => {
  const good = fixture(name);

  it('cut short at any byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), (n) => check(good.slice(0, n))),
      { seed: 1501, numRuns: 150 },
    );
  });

  it('with bits flipped anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 7 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (flips) => {
          const bytes = good.slice();
          for (const [at, bit] of flips) bytes[at]! ^= 1 << bit;
          check(bytes);
        },
      ),
      { seed: 1502, numRuns: 150 },
    );
  });

  it('with bits flipped in the dictionary, where counts and lengths live', () => {
    const dictionaryEnd = Math.min(good.length - 1, 4096);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: dictionaryEnd }), fc.integer({ min: 0, max: 7 })),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (flips) => {
          const bytes = good.slice();
          for (const [at, bit] of flips) bytes[at]! ^= 1 << bit;
          check(bytes);
        },
      ),
      { seed: 1503, numRuns: 200 },
    );
    expectNoPrototypePollution();
  });
});

describe('hostile counts', () => {
  it('are refused before anything is allocated for them', () => {
    const base = savFile({ vars: [{ name: 'Q' }], cases: [[1]] });
    for (const [at, value] of [
      [176 + 4, 2_000_000], // the variable's type: a width no string has
      [176 + 12, 3], // three missing values that are not there
      [176 + 8, 1], // a label that is not there
      [68, 0x7fffffff], // a nominal case size (unused: recomputed from the variables)
      [80, 0x7fffffff], // a case count the data cannot hold
    ] as const) {
      const bytes = base.slice();
      new DataView(bytes.buffer).setInt32(at, value, true);
      check(bytes);
    }
    // A header that promises two billion cases of a file holding one.
    const promised = savFile({
      vars: [{ name: 'Q' }],
      cases: [[1], [SYSMIS]],
      ncases: 0x7fffffff,
      compression: 1,
    });
    const r = loadSurveyFile(promised, { file: 'x.sav' });
    expect(r.ok && r.value.kind === 'respondents' && r.value.table.rowCount).toBe(2);
  });
});
