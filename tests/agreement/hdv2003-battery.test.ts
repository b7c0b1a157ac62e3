// hdv2003's leisure battery (seven Oui/Non columns that share no name stem) by
// sexe, read by the importer with no override at all: detection proposes the
// battery ("hard.rock … sport"), and its crosstab equals GNU R's, weighted by
// poids as the R reference was (tests/fixtures/reference/crosstab-reference.json,
// made by scripts/reference/make-fixtures.sh).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { crosstab } from '../../src/core/crosstab/crosstab';
import type { Crosstab } from '../../src/core/crosstab/types';
import { loadSurveyFile, type LoadOptions } from '../../src/core/pipeline';
import type { RespondentTable } from '../../src/core/table/types';

const DATA = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const FIXTURE = new URL('../fixtures/reference/crosstab-reference.json', import.meta.url);
const FILE = 'questionr/questionr-hdv2003.csv';
const BATTERY = 'hard.rock … sport';
const LEISURE = ['hard.rock', 'lecture.bd', 'peche.chasse', 'cuisine', 'bricol', 'cinema', 'sport'];
const present = existsSync(DATA + FILE);

interface Reference {
  name: string;
  file: string;
  question?: string;
  optionColumns?: string[];
  cols: string;
  weight: string | null;
  rowLabels: string[];
  colLabels: string[];
  counts: number[][];
  unweightedCounts: number[][];
  colBases: number[];
  colCases: number[];
  colResponses: number[];
  colPercentsOfRespondents: number[][];
  colPercentsOfCases: number[][];
  colPercentsOfResponses: number[][];
  total: number;
  unweightedTotal: number;
  tests: string[][];
}

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  generator: string;
  tables: Reference[];
};
const reference = fixture.tables.find((t) => t.file === FILE && t.question === 'leisure')!;

/** |actual - expected| <= tol * max(1, |expected|). */
function expectClose(actual: number, expected: number, what: string, tol = 1e-9) {
  const ok = Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
  expect(ok, `${what}: ${actual} vs R ${expected}`).toBe(true);
}

function load(opts: Partial<LoadOptions>): RespondentTable {
  const r = loadSurveyFile(new Uint8Array(readFileSync(DATA + FILE)), { file: FILE, ...opts });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error(`read as ${r.value.kind}`);
  return r.value.table;
}

function batteryBySexe(table: RespondentTable): Crosstab {
  const x = crosstab(table, { rows: { questionId: BATTERY }, cols: { questionId: 'sexe' } });
  if (!x.ok) throw new Error(x.error.message);
  return x.value;
}

describe('the R reference for the leisure battery', () => {
  it('is weighted by poids, over the seven leisure columns by sexe', () => {
    expect(reference).toMatchObject({
      name: 'hdv2003 leisure (multi) x sexe, weighted',
      optionColumns: LEISURE,
      rowLabels: LEISURE,
      cols: 'sexe',
      colLabels: ['Femme', 'Homme'],
      weight: 'poids',
      unweightedTotal: 2000,
    });
  });
});

describe.skipIf(!present)(
  present
    ? `hdv2003's detected leisure battery by sexe matches ${fixture.generator}`
    : `hdv2003's detected leisure battery by sexe matches R (skipped: the shared datasets in ../shared/datasets are absent)`,
  () => {
    // Loaded before the tests run (never while collecting them, so a skipped suite reads nothing).
    let table: RespondentTable;
    let x: Crosstab;
    let rowAt: number[];
    let colAt: number[];
    beforeAll(() => {
      table = load({ weightId: 'poids' });
      x = batteryBySexe(table);
      // The importer's order of answers may differ from R's: cells are matched by label.
      rowAt = reference.rowLabels.map((l) => x.rows.labels.indexOf(l));
      colAt = reference.colLabels.map((l) => x.cols.labels.indexOf(l));
    });
    const pick = <T>(m: T[][]) => rowAt.map((r) => colAt.map((c) => m[r]![c]!));
    const pickCols = (v: number[]) => colAt.map((c) => v[c]!);
    const closeMatrix = (actual: number[][], expected: number[][], what: string) =>
      expected.forEach((row, r) =>
        row.forEach((e, c) =>
          expectClose(
            actual[r]![c]!,
            e,
            `${what}[${reference.rowLabels[r]}][${reference.colLabels[c]}]`,
          ),
        ),
      );

    it('is proposed by detection, weighted by poids, with the seven columns as options', () => {
      expect(table.weightId).toBe('poids');
      expect(x.weightId).toBe('poids');
      expect(x.rows.question).toMatchObject({ id: BATTERY, type: 'multi' });
      expect(x.rows.labels).toEqual(LEISURE);
      // Femme first: the first row of the file is a woman's.
      expect(x.cols.labels).toEqual(['Femme', 'Homme']);
      expect(x.multi.rows).toBe(true);
    });

    it("has R's weighted and unweighted counts", () => {
      closeMatrix(pick(x.counts), reference.counts, 'counts');
      expect(pick(x.unweightedCounts)).toEqual(reference.unweightedCounts);
      expectClose(x.total, reference.total, 'total');
      expect(x.unweightedTotal).toBe(reference.unweightedTotal);
    });

    it("has R's bases: respondents, those who chose any, and answers given", () => {
      closeMatrix([pickCols(x.colBases)], [reference.colBases], 'colBases');
      closeMatrix([pickCols(x.colCases!)], [reference.colCases], 'colCases');
      closeMatrix([pickCols(x.colResponses!)], [reference.colResponses], 'colResponses');
    });

    it("has R's column percents of respondents, of cases and of responses", () => {
      closeMatrix(
        pick(x.colPercentsOfRespondents!),
        reference.colPercentsOfRespondents,
        'ofRespondents',
      );
      closeMatrix(pick(x.colPercentsOfCases!), reference.colPercentsOfCases, 'ofCases');
      closeMatrix(pick(x.colPercentsOfResponses!), reference.colPercentsOfResponses, 'ofResponses');
      // For a multi-answer row question, colPercents are the percents of respondents.
      closeMatrix(pick(x.colPercents), reference.colPercentsOfRespondents, 'colPercents');
    });

    it('marks the same significant differences as the reference', () => {
      // Letters name columns by position (A = Femme, B = Homme), so the order must be R's.
      expect(x.cols.labels).toEqual(reference.colLabels);
      expect(pick(x.tests ?? [])).toEqual(reference.tests);
    });

    // Independently of R and of the importer: the CSV read with papaparse, "Oui" = chosen.
    it('has the unweighted counts the CSV gives, counted with papaparse', () => {
      const rows = Papa.parse<Record<string, string>>(readFileSync(DATA + FILE, 'utf8'), {
        header: true,
        skipEmptyLines: true,
      }).data;
      expect(rows.length).toBe(2000);
      const bySexe = (sexe: string) =>
        LEISURE.map((c) => rows.filter((r) => r.sexe === sexe && r[c] === 'Oui').length);
      const femme = bySexe('Femme');
      const homme = bySexe('Homme');
      expect(femme.map((f, k) => f + homme[k]!)).toEqual([14, 47, 224, 881, 853, 826, 723]);
      expect(pick(x.unweightedCounts)).toEqual(femme.map((f, k) => [f, homme[k]!]));
      const unweighted = batteryBySexe(load({}));
      expect(unweighted.weightId).toBeNull();
      expect(pick(unweighted.counts)).toEqual(femme.map((f, k) => [f, homme[k]!]));
      expect(unweighted.total).toBe(2000);
    });
  },
);
