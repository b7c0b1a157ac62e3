// Crosstabs of real respondent files against GNU R (fixtures made by
// scripts/reference/make-fixtures.sh): counts, percents, chi-square and Kish
// effective bases to 1e-9 relative, and every significance letter (weighted:
// tested on the effective bases).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { Crosstab } from '../../../src/core/crosstab/types';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';
import { expectRelClose } from '../../support/numbers';
import { unwrap } from '../../support/respondents';
import { loadReferenceTable, type ReferenceTable } from './reference-loader';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const FIXTURE = new URL('../../fixtures/reference/crosstab-reference.json', import.meta.url);
const haveData = existsSync(DATA);
if (!haveData) console.warn(`Skipping reference crosstabs: no datasets folder at ${DATA}`);

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  generator: string;
  tables: ReferenceTable[];
};

const closeMatrix = (actual: number[][], expected: number[][], what: string) => {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((row, r) =>
    row.forEach((e, c) => expectRelClose(actual[r]![c]!, e, 1e-9, `${what}[${r}][${c}]`)),
  );
};

function run(ref: ReferenceTable): Crosstab {
  const table = loadReferenceTable(DATA, ref);
  return unwrap(
    crosstab(table, {
      rows: { questionId: ref.kind === 'single' ? ref.rows! : ref.question! },
      cols: { questionId: ref.cols },
      weightId: ref.weight,
      filter: ref.filter
        ? [
            {
              questionId: ref.filter.column,
              options: ref.filter.values.map((v) =>
                table.columns.find((c) => c.id === ref.filter!.column)!.type === 'single'
                  ? (
                      table.columns.find((c) => c.id === ref.filter!.column) as { labels: string[] }
                    ).labels.indexOf(v)
                  : -1,
              ),
            },
          ]
        : [],
    }),
  );
}

describe.skipIf(!haveData)(`crosstabs match ${fixture.generator}`, () => {
  it('has the tables it should (10 reference crosstabs)', () => {
    expect(fixture.tables.length).toBe(10);
  });

  it.each(fixture.tables.filter((t) => t.kind === 'single'))('$name', (ref) => {
    const x = run(ref);
    expect(x.rows.labels).toEqual(ref.rowLabels);
    expect(x.cols.labels).toEqual(ref.colLabels);
    closeMatrix(x.counts, ref.counts, 'counts');
    expect(x.unweightedCounts).toEqual(ref.unweightedCounts);
    closeMatrix(x.colPercents, ref.colPercents!, 'colPercents');
    closeMatrix(x.rowPercents, ref.rowPercents!, 'rowPercents');
    closeMatrix(x.totalPercents, ref.totalPercents!, 'totalPercents');
    expectRelClose(x.total, ref.total, 1e-9, 'total');
    expect(x.unweightedTotal).toBe(ref.unweightedTotal);
    expect(x.missing.rows).toBe(ref.missingRows);
    expect(x.missing.cols).toBe(ref.missingCols);
    expect(x.chiSquare).not.toBeNull();
    expectRelClose(x.chiSquare!.statistic, ref.chiSquare!.statistic, 1e-9, 'chi-square');
    expect(x.chiSquare!.df).toBe(ref.chiSquare!.df);
    expectRelClose(x.chiSquare!.p, ref.chiSquare!.p, 1e-9, 'p');
    expect(x.expectedBelow5!.cells).toBe(ref.expectedBelow5);
    closeMatrix([x.effectiveBases], [ref.effectiveBases], 'effectiveBases');
    expectRelClose(x.effectiveTotal, ref.effectiveTotal, 1e-9, 'effectiveTotal');
    expect(x.tests).toEqual(ref.tests);
  });

  it.each(fixture.tables.filter((t) => t.kind === 'multi'))('$name', (ref) => {
    const x = run(ref);
    expect(x.multi.rows).toBe(true);
    closeMatrix(x.counts, ref.counts, 'counts');
    expect(x.unweightedCounts).toEqual(ref.unweightedCounts);
    closeMatrix([x.colBases], [ref.colBases!], 'colBases');
    closeMatrix([x.colCases!], [ref.colCases!], 'colCases');
    closeMatrix([x.colResponses!], [ref.colResponses!], 'colResponses');
    closeMatrix(x.colPercentsOfRespondents!, ref.colPercentsOfRespondents!, 'ofRespondents');
    closeMatrix(x.colPercentsOfCases!, ref.colPercentsOfCases!, 'ofCases');
    closeMatrix(x.colPercentsOfResponses!, ref.colPercentsOfResponses!, 'ofResponses');
    expectRelClose(x.total, ref.total, 1e-9, 'total');
    closeMatrix([x.effectiveBases], [ref.effectiveBases], 'effectiveBases');
    expectRelClose(x.effectiveTotal, ref.effectiveTotal, 1e-9, 'effectiveTotal');
    expect(x.chiSquare).toBeNull();
    expect(x.tests).toEqual(ref.tests);
  });

  // FiveThirtyEight's published banner (masculinity-survey.csv) is the weighted tabulation
  // of raw-responses.csv, rounded to whole percents.
  it.each([
    {
      table: 'masculinity q0001 x age3, weighted',
      pct: 'colPercents' as const,
      published: {
        'Very masculine': { '18 - 34': 29, '35 - 64': 42, '65 and up': 37 },
        'Somewhat masculine': { '18 - 34': 47, '35 - 64': 46, '65 and up': 47 },
        'Not very masculine': { '18 - 34': 13, '35 - 64': 9, '65 and up': 13 },
        'Not at all masculine': { '18 - 34': 10, '35 - 64': 2, '65 and up': 3 },
        'No answer': { '18 - 34': 0, '35 - 64': 1, '65 and up': 1 },
      },
    },
    {
      table: 'masculinity q0001 x orientation, weighted',
      pct: 'colPercents' as const,
      published: {
        'Very masculine': { Straight: 40, 'Gay/Bisexual': 21 },
        'Somewhat masculine': { Straight: 47, 'Gay/Bisexual': 49 },
        'Not very masculine': { Straight: 10, 'Gay/Bisexual': 19 },
        'Not at all masculine': { Straight: 3, 'Gay/Bisexual': 10 },
      },
    },
    {
      table: 'masculinity q0004 (multi) x age3, weighted',
      pct: 'colPercentsOfRespondents' as const,
      published: {
        'Father or father figure(s)': { '18 - 34': 58, '35 - 64': 66, '65 and up': 64 },
        'Mother or mother figure(s)': { '18 - 34': 42, '35 - 64': 41, '65 and up': 42 },
        Friends: { '18 - 34': 42, '35 - 64': 33, '65 and up': 31 },
        'Other family members': { '18 - 34': 37, '35 - 64': 36, '65 and up': 31 },
        'Pop culture': { '18 - 34': 42, '35 - 64': 17, '65 and up': 12 },
        'Other (please specify)': { '18 - 34': 11, '35 - 64': 18, '65 and up': 21 },
      },
    },
  ])(
    "reproduces FiveThirtyEight's published weighted percents: $table",
    ({ table, pct, published }) => {
      const x = run(fixture.tables.find((t) => t.name === table)!);
      for (const [row, cells] of Object.entries(published)) {
        for (const [col, percent] of Object.entries(cells)) {
          const value = x[pct]![x.rows.labels.indexOf(row)]![x.cols.labels.indexOf(col)]!;
          expect(Math.round(value), `${row} / ${col}`).toBe(percent);
        }
      }
    },
  );
});

// The same tables through the real importer (src/core/pipeline.ts): its label order is
// first appearance, so cells are matched to the reference by label.
describe.skipIf(!haveData)('crosstabs of files read by loadSurveyFile match R', () => {
  const loaded = new Map<string, RespondentTable>();
  const load = (file: string): RespondentTable => {
    let table = loaded.get(file);
    if (table === undefined) {
      const result = unwrap(loadSurveyFile(new Uint8Array(readFileSync(DATA + file)), { file }));
      if (result.kind !== 'respondents') throw new Error(`${file} did not load as respondents`);
      table = result.table;
      loaded.set(file, table);
    }
    return table;
  };
  // hdv2003's leisure battery has no common stem: grouping it is a user's schema override.
  const viaImporter = fixture.tables.filter((t) => t.question !== 'leisure');

  it.each(viaImporter)('$name', (ref) => {
    const table = load(ref.file);
    const labelsOf = (id: string) =>
      (table.columns.find((c) => c.id === id) as { labels: string[] } | undefined)?.labels ?? [];
    const x = unwrap(
      crosstab(table, {
        rows: { questionId: ref.kind === 'single' ? ref.rows! : ref.question! },
        cols: { questionId: ref.cols },
        weightId: ref.weight,
        filter: ref.filter
          ? [
              {
                questionId: ref.filter.column,
                options: ref.filter.values.map((v) => labelsOf(ref.filter!.column).indexOf(v)),
              },
            ]
          : [],
      }),
    );
    const rowAt = ref.rowLabels.map((l) => x.rows.labels.indexOf(l));
    const colAt = ref.colLabels.map((l) => x.cols.labels.indexOf(l));
    expect(rowAt).not.toContain(-1);
    expect(colAt).not.toContain(-1);
    const pick = (m: number[][]) => rowAt.map((r) => colAt.map((c) => m[r]![c]!));
    closeMatrix(pick(x.counts), ref.counts, 'counts');
    expect(pick(x.unweightedCounts)).toEqual(ref.unweightedCounts);
    if (ref.kind === 'single') {
      closeMatrix(pick(x.colPercents), ref.colPercents!, 'colPercents');
      expectRelClose(x.chiSquare!.statistic, ref.chiSquare!.statistic, 1e-9, 'chi-square');
      expectRelClose(x.chiSquare!.p, ref.chiSquare!.p, 1e-9, 'p');
    } else {
      closeMatrix(pick(x.colPercentsOfCases!), ref.colPercentsOfCases!, 'ofCases');
      closeMatrix(pick(x.colPercentsOfResponses!), ref.colPercentsOfResponses!, 'ofResponses');
    }
  });
});
