// One rule for significance letters (issue #11): a crosstab is a tab book's
// banner of one group (pairwise, Bonferroni, 95%), and weighted proportions
// are tested on Kish effective bases (Σw)²/Σw² in both. Before, the crosstab
// tested weighted proportions on the unweighted column bases, so its letters
// could differ from the tab book's group of the same pair.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { loadSurveyFile } from '../../../src/core/pipeline';
import { twoProportionZ } from '../../../src/core/stats/proportions';
import type { RespondentTable } from '../../../src/core/table/types';
import { columnProportionTests, CROSSTAB_TESTS } from '../../../src/core/tabs/letters';
import { tabs } from '../../../src/core/tabs/tabs';
import { expectRelClose } from '../../support/numbers';
import { numeric, respondents, single, unwrap } from '../../support/respondents';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const HDV2003 = 'questionr/questionr-hdv2003.csv';
const haveHdv2003 = existsSync(DATA + HDV2003);

function load(path: string | URL, file: string, weightId: string): RespondentTable {
  const loaded = unwrap(loadSurveyFile(new Uint8Array(readFileSync(path)), { file, weightId }));
  if (loaded.kind !== 'respondents') throw new Error(`${file} did not load as respondents`);
  return loaded.table;
}

/**
 * Column A: 200 respondents of weight 1, 100 of them chose "yes" (50%).
 * Column B: 100 of weight 0.2 and 100 of weight 1.8, 40 of each chose "yes":
 * (40 × 0.2 + 40 × 1.8) / 200 = 40%. B's effective base is
 * 200² / (100 × 0.04 + 100 × 3.24) = 40,000 / 328 = 121.95.
 */
const seeded = respondents(
  [
    single(
      'group',
      Array.from({ length: 400 }, (_, i) => (i < 200 ? 'A' : 'B')),
      ['A', 'B'],
    ),
    single(
      'answer',
      Array.from({ length: 400 }, (_, i) => {
        if (i < 200) return i < 100 ? 'yes' : 'no';
        return (i - 200) % 100 < 40 ? 'yes' : 'no';
      }),
      ['yes', 'no'],
    ),
    numeric(
      'w',
      Array.from({ length: 400 }, (_, i) => (i < 200 ? 1 : i < 300 ? 0.2 : 1.8)),
    ),
  ],
  { weightId: 'w' },
);

describe('the crosstab rule (one group, pairwise, Bonferroni, 95%)', () => {
  it('skips columns that are not testable (a net) or have no base, and lists lower columns in order', () => {
    // 90% vs 10% of 200 each: z = 16, p ≈ 1e-57, far below 0.05 / 3 pairs.
    expect(
      columnProportionTests(
        [0.9, 0.1, 0.1, 0.5, 0.2],
        [200, 200, 200, 200, 0],
        [true, true, true, false, true],
        ['A', 'B', 'C', 'D', 'E'],
      ),
    ).toEqual(['BC', '', '', '', '']);
  });

  it('corrects by the pairs of a row: p = 0.0444 is a letter with two columns, none with three', () => {
    // 50% vs 40% of 200 each: p = 0.0444 (prop.test); three columns make three pairs, 3p = 0.133.
    expect(columnProportionTests([0.5, 0.4], [200, 200], [true, true], ['A', 'B'])).toEqual([
      'B',
      '',
    ]);
    expect(
      columnProportionTests([0.5, 0.4, 0.45], [200, 200, 200], [true, true, true], ['A', 'B', 'C']),
    ).toEqual(['', '', '']);
  });
});

describe('weighted letters on effective bases', () => {
  it('drop a letter the unweighted bases gave: 50% of 200 vs 40% of an effective 121.95', () => {
    const x = unwrap(
      crosstab(seeded, { rows: { questionId: 'answer' }, cols: { questionId: 'group' } }),
    );
    expect(x.colPercents[0]![0]!).toBeCloseTo(50, 12);
    expect(x.colPercents[0]![1]!).toBeCloseTo(40, 12);
    expect(x.unweightedColBases).toEqual([200, 200]);
    expect(x.effectiveBases[0]!).toBeCloseTo(200, 12);
    expect(x.effectiveBases[1]!).toBeCloseTo(40_000 / 328, 12);
    // R: prop.test(c(100, 80), c(200, 200), correct = FALSE)$p.value = 0.0444 (a letter at 95%);
    // on the effective bases the pooled z-test's p is 0.0808 (none).
    expectRelClose(twoProportionZ(0.5, 200, 0.4, 200)!.p, 0.044423184850006008, 1e-9, 'n');
    expectRelClose(
      twoProportionZ(0.5, 200, 0.4, 40_000 / 328)!.p,
      0.080846839767977588,
      1e-9,
      'n_eff',
    );
    const testable = [true, true];
    const shares = [0.5, 0.4];
    expect(columnProportionTests(shares, [200, 200], testable, ['A', 'B'])).toEqual(['B', '']);
    expect(x.tests).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(x.testNote).toContain('Kish effective bases');
  });

  it('are the tab book’s letters for the same pair', () => {
    const book = unwrap(
      tabs(seeded, { banner: ['group'], rows: ['answer'], tests: { correction: 'bonferroni' } }),
    );
    expect(book.tables[0]!.letters).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(book.tables[0]!.bases.effective[2]!).toBeCloseTo(40_000 / 328, 9);
  });

  it('unweighted, keep the letter the crosstab always gave', () => {
    const x = unwrap(
      crosstab(seeded, {
        rows: { questionId: 'answer' },
        cols: { questionId: 'group' },
        weightId: null,
      }),
    );
    // Unweighted B chose "yes" 80 of 200 times: 50% vs 40% of 200 each, p = 0.0444.
    expect(x.effectiveBases).toEqual([200, 200]);
    expect(x.tests).toEqual([
      ['B', ''],
      ['', 'A'],
    ]);
  });
});

/**
 * For every categorical row question and every banner group of a weighted
 * tab book (tested as a crosstab is: pairwise, Bonferroni, 95%), the crosstab
 * of that row by that banner question: the same effective bases (the book's
 * come from combined banner columns, each crosstab's from its own count) to
 * 1e-9, and the same letters. Returns how many cells carry letters.
 */
function expectBookEqualsCrosstabs(
  table: RespondentTable,
  banner: string[],
  weightId: string,
): number {
  const book = unwrap(tabs(table, { banner, weightId, tests: CROSSTAB_TESTS }));
  let lettered = 0;
  for (const t of book.tables) {
    if (t.question.type === 'numeric') continue;
    for (const g of book.groups) {
      if (g.type === 'total') continue;
      const x = unwrap(
        crosstab(table, {
          rows: { questionId: t.question.id },
          cols: { questionId: g.id },
          weightId,
        }),
      );
      const what = `${t.question.id} by ${g.id}`;
      expect(x.rows.labels, what).toEqual(t.rows);
      t.bases.effective
        .slice(g.start, g.end)
        .forEach((e, c) => expectRelClose(x.effectiveBases[c]!, e, 1e-9, `${what}: base ${c}`));
      // The crosstab's own letters (A, B… within the group, fewer than 26 here)
      // renamed to the book's (A, B… across the whole banner, then AA, AB…).
      const inBook = (letters: string) =>
        letters
          .split('')
          .map((l) => book.columns[g.start + l.charCodeAt(0) - 65]!.letter)
          .join('');
      const fromBook = t.letters.map((row) => row.slice(g.start, g.end));
      expect(
        x.tests!.map((row) => row.map(inBook)),
        what,
      ).toEqual(fromBook);
      lettered += fromBook.flat().filter((l) => l !== '').length;
    }
  }
  return lettered;
}

describe('crosstab letters equal the tab book group letters', () => {
  it('for every banner group of the demo survey weighted by weight (gender, age_group, city_tier)', () => {
    const demo = load(
      new URL('../../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
      'demo.csv',
      'weight',
    );
    const lettered = expectBookEqualsCrosstabs(
      demo,
      ['gender', 'age_group', 'city_tier'],
      'weight',
    );
    // 37 lettered cells over the demo's six questions by three banner groups.
    expect(lettered).toBe(37);
  });

  it.skipIf(!haveHdv2003)(
    'for every banner group of hdv2003 weighted by poids (sexe, qualif, occup, relig, nivetud)',
    () => {
      const hdv = load(DATA + HDV2003, 'questionr-hdv2003.csv', 'poids');
      const lettered = expectBookEqualsCrosstabs(
        hdv,
        ['sexe', 'qualif', 'occup', 'relig', 'nivetud'],
        'poids',
      );
      // 244 lettered cells over every categorical question by five banner groups.
      expect(lettered).toBe(244);
    },
  );

  it.skipIf(!haveHdv2003)(
    'hdv2003 nivetud by sexe: "technique ou professionnel long" men (9.0%) over women (6.3%) is p = 0.030 on the unweighted 1,043 and 845, p = 0.090 on the effective 624.2 and 524.7: no letter',
    () => {
      const hdv = load(DATA + HDV2003, 'questionr-hdv2003.csv', 'poids');
      const x = unwrap(
        crosstab(hdv, { rows: { questionId: 'nivetud' }, cols: { questionId: 'sexe' } }),
      );
      const r = x.rows.labels.indexOf('Enseignement technique ou professionnel long');
      const [f, h] = [x.cols.labels.indexOf('Femme'), x.cols.labels.indexOf('Homme')];
      // R (scripts/reference): shares and Kish bases of the 1,888 who answered both.
      expectRelClose(x.colPercents[r]![f]! / 100, 0.063059116996032907, 1e-9, 'Femme %');
      expectRelClose(x.colPercents[r]![h]! / 100, 0.089509621160511102, 1e-9, 'Homme %');
      expect([x.unweightedColBases[f], x.unweightedColBases[h]]).toEqual([1043, 845]);
      expectRelClose(x.effectiveBases[f]!, 624.24137592607508, 1e-9, 'Femme n_eff');
      expectRelClose(x.effectiveBases[h]!, 524.69215389285125, 1e-9, 'Homme n_eff');
      const p = (nf: number, nh: number) =>
        twoProportionZ(x.colPercents[r]![f]! / 100, nf, x.colPercents[r]![h]! / 100, nh)!.p;
      expectRelClose(p(1043, 845), 0.029925381361451835, 1e-9, 'on n');
      expectRelClose(
        p(x.effectiveBases[f]!, x.effectiveBases[h]!),
        0.090241470242791944,
        1e-9,
        'on n_eff',
      );
      expect(x.tests![r]![h]).toBe('');
    },
  );
});
