// Tab books of real respondent files against GNU R (fixtures made by
// scripts/reference/make-fixtures.sh): counts, percents, effective bases,
// weighted means, SDs and medians to 1e-9 relative, and every significance
// letter (Welch's t and pooled z on effective bases; no correction,
// Bonferroni and Benjamini–Hochberg; 95% and 90%). The files are read by the
// real importer, whose label order is first appearance: cells and letters are
// matched to R's by label.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';
import { tabs } from '../../../src/core/tabs/tabs';
import type { TabBook, TabSpec, TabTable } from '../../../src/core/tabs/types';
import { expectRelClose } from '../../support/numbers';
import { unwrap } from '../../support/respondents';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const FIXTURE = new URL('../../fixtures/reference/tabs-reference.json', import.meta.url);
const haveData = existsSync(DATA);
if (!haveData) console.warn(`Skipping reference tab books: no datasets folder at ${DATA}`);

interface RStats {
  mean: (number | null)[];
  sd: (number | null)[];
  median: (number | null)[];
  n: number[];
  sumW: number[];
  effective: number[];
  letters: string[][];
}
interface RTable {
  question: string;
  type: 'numeric' | 'single' | 'multi';
  stats?: RStats;
  rows?: string[];
  counts?: number[][];
  colPercents?: (number | null)[][];
  bases?: { unweighted: number[]; weighted: number[]; effective: number[] };
  letters?: string[][][];
  scale?: { scores: Record<string, number | null>; stats: RStats };
}
interface RBook {
  name: string;
  file: string;
  weight: string | null;
  filter: { column: string; values: string[] } | null;
  banner: string[];
  tests: {
    level: number;
    lowerLevel: number | null;
    compare: 'group' | 'rest';
    correction: 'none' | 'bonferroni' | 'bh';
  };
  nets: 'top2bottom2' | null;
  columns: { group: string; label: string }[];
  tables: RTable[];
}

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { generator: string; books: RBook[] };

const loaded = new Map<string, RespondentTable>();
function load(file: string, weight: string | null): RespondentTable {
  const key = `${file}\u0000${weight}`;
  let table = loaded.get(key);
  if (table === undefined) {
    const result = unwrap(
      loadSurveyFile(new Uint8Array(readFileSync(DATA + file)), { file, weightId: weight }),
    );
    if (result.kind !== 'respondents') throw new Error(`${file} did not load as respondents`);
    table = result.table;
    loaded.set(key, table);
  }
  return table;
}

function run(ref: RBook): TabBook {
  const table = load(ref.file, ref.weight);
  const labelsOf = (id: string) =>
    (table.columns.find((c) => c.id === id) as { labels: string[] }).labels;
  const spec: TabSpec = {
    banner: ref.banner,
    rows: ref.tables.map((t) => t.question),
    weightId: ref.weight,
    tests: ref.tests,
    filter: ref.filter
      ? [
          {
            questionId: ref.filter.column,
            options: ref.filter.values.map((v) => labelsOf(ref.filter!.column).indexOf(v)),
          },
        ]
      : [],
  };
  if (ref.nets !== null) spec.nets = ref.nets;
  return unwrap(tabs(table, spec));
}

/** A book cell's letters as R writes them: "U:<label>" (95%) or "L:<label>" of the beaten column. */
function asLabels(book: TabBook, letters: string): string[] {
  return [...letters]
    .map((ch) => {
      const column = book.columns.find((c) => c.letter === ch.toUpperCase())!;
      return `${ch === ch.toUpperCase() ? 'U' : 'L'}:${column.label}`;
    })
    .sort();
}
const sorted = (cells: string[][]): string[][] => cells.map((c) => [...c].sort());

const close = (actual: (number | null)[], expected: (number | null)[], what: string) => {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((e, k) => {
    if (e === null) expect(actual[k], `${what}[${k}]`).toBeNull();
    else expectRelClose(actual[k]!, e, 1e-9, `${what}[${k}]`);
  });
};

function checkStats(
  book: TabBook,
  at: number[],
  stats: TabTable['stats'],
  ref: RStats,
  what: string,
) {
  expect(stats, what).not.toBeNull();
  const pick = <T>(xs: T[]) => at.map((c) => xs[c]!);
  close(pick(stats!.mean), ref.mean, `${what} mean`);
  close(pick(stats!.sd), ref.sd, `${what} sd`);
  close(pick(stats!.median), ref.median, `${what} median`);
  expect(pick(stats!.n), `${what} n`).toEqual(ref.n);
  close(pick(stats!.effective), ref.effective, `${what} effective`);
  expect(
    pick(stats!.letters).map((l) => asLabels(book, l)),
    `${what} letters`,
  ).toEqual(sorted(ref.letters));
}

describe.skipIf(!haveData)(`tab books match ${fixture.generator}`, () => {
  it('has the books it should (6 reference tab books, 20 tables, 192 letters)', () => {
    expect(fixture.books.length).toBe(6);
    expect(fixture.books.flatMap((b) => b.tables).length).toBe(20);
    // Letters to match: 165 at 95% and 27 at 90% only.
    const all = JSON.stringify(fixture.books);
    expect([all.match(/"U:/g)?.length, all.match(/"L:/g)?.length]).toEqual([165, 27]);
  });

  // The books are run while the tests are collected, which a skipped describe still does: none without data.
  describe.each(haveData ? fixture.books : [])('$name', (ref) => {
    const book = run(ref);
    // R's columns (banner options sorted) as book column indexes.
    const at = ref.columns.map((rc) =>
      book.columns.findIndex((c) => c.group === rc.group && c.label === rc.label),
    );

    it('has every column R has, Total first, each group holding its options', () => {
      expect(at).not.toContain(-1);
      expect(at[0]).toBe(0);
      expect(book.columns.length).toBe(ref.columns.length);
    });

    it.each(ref.tables.filter((t) => t.type === 'numeric'))(
      'numeric $question: mean, SD, median, n, effective base and letters',
      (t) => {
        const table = book.tables.find((x) => x.question.id === t.question)!;
        expect(table.question.type).toBe('numeric');
        checkStats(book, at, table.stats, t.stats!, t.question);
        close(
          at.map((c) => table.bases.weighted[c]!),
          t.stats!.sumW,
          'weighted base',
        );
        close(
          at.map((c) => table.bases.effective[c]!),
          t.stats!.effective,
          'effective base',
        );
      },
    );

    it.each(ref.tables.filter((t) => t.type !== 'numeric'))(
      '$type $question: counts, percents, three bases and letters',
      (t) => {
        const table = book.tables.find((x) => x.question.id === t.question)!;
        const rowAt = t.rows!.map((l) => table.rows.indexOf(l));
        expect(rowAt).not.toContain(-1);
        expect(table.rows.length).toBe(t.rows!.length);
        rowAt.forEach((r, k) => {
          close(
            at.map((c) => table.counts[r]![c]!),
            t.counts![k]!,
            `counts ${t.rows![k]}`,
          );
          close(
            at.map((c) => table.colPercents[r]![c]!),
            t.colPercents![k]!,
            `% ${t.rows![k]}`,
          );
          expect(
            at.map((c) => asLabels(book, table.letters[r]![c]!)),
            `letters ${t.rows![k]}`,
          ).toEqual(sorted(t.letters![k]!));
        });
        expect(at.map((c) => table.bases.unweighted[c]!)).toEqual(t.bases!.unweighted);
        close(
          at.map((c) => table.bases.weighted[c]!),
          t.bases!.weighted,
          'weighted base',
        );
        close(
          at.map((c) => table.bases.effective[c]!),
          t.bases!.effective,
          'effective base',
        );
        if (t.scale !== undefined) {
          const scores = Object.fromEntries(
            table.rows.map((l, r) => [l, table.scores?.[r] ?? null]),
          );
          for (const [label, score] of Object.entries(t.scale.scores))
            expect(scores[label], label).toBe(score);
          checkStats(book, at, table.stats, t.scale.stats, `${t.question} scores`);
        } else if (t.type === 'single') {
          expect(table.stats).toBeNull();
        }
      },
    );
  });
});
