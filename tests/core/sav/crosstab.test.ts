// The point of reading .sav files: the same crosstabs as the CSV they came
// from, cell for cell, and as PSPP itself counts them.
// - Each .sav against its CSV, both loaded through loadSurveyFile. The CSV is
//   read with the definition the .sav yields (minus category sets, which no
//   CSV layout expresses), so its questions, missing values, weight and
//   batteries are the file's; the questions that need no definition are also
//   compared with the CSV read by detection alone.
// - Counts against PSPP's CROSSTABS and FREQUENCIES of the same .sav files
//   (tests/fixtures/sav/pspp-view.csv, written by make-sav-fixtures.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { Crosstab } from '../../../src/core/crosstab/types';
import type { SurveyDefinition } from '../../../src/core/definition/definition';
import type { RespondentTable } from '../../../src/core/table/types';
import { FIXTURES, load, type Respondents } from './helpers';

function table(
  t: RespondentTable,
  rows: string,
  cols: string | null,
  weightId?: string | null,
): Crosstab {
  const r = crosstab(t, {
    rows: { questionId: rows },
    cols: cols === null ? null : { questionId: cols },
    ...(weightId === undefined ? {} : { weightId }),
    tests: false,
  });
  if (!r.ok) throw new Error(`${rows} × ${cols}: ${r.error.message}`);
  return r.value;
}

/** Counts by (row label, column label): the comparison must not depend on label order. */
function byLabel(x: Crosstab, counts: number[][] = x.counts): Map<string, number> {
  const out = new Map<string, number>();
  x.rows.labels.forEach((r, i) =>
    x.cols.labels.forEach((c, j) => out.set(`${r} | ${c}`, counts[i]![j]!)),
  );
  return out;
}

function expectSameCrosstab(a: Crosstab, b: Crosstab, what: string): void {
  expect(new Set(a.rows.labels), what).toEqual(new Set(b.rows.labels));
  expect(new Set(a.cols.labels), what).toEqual(new Set(b.cols.labels));
  expect(byLabel(a, a.unweightedCounts), what).toEqual(byLabel(b, b.unweightedCounts));
  const wa = byLabel(a);
  const wb = byLabel(b);
  for (const [k, v] of wa) expect(wb.get(k), `${what}: ${k}`).toBeCloseTo(v, 6);
  expect(a.total, what).toBeCloseTo(b.total, 6);
}

/** The definition a .sav yields, for its CSV: category sets left out (no CSV layout expresses them). */
function forCsv(r: Respondents): SurveyDefinition {
  const categories = new Set(
    r.schema.questions.filter((q) => q.kind === 'multi' && q.multi === null).map((q) => q.id),
  );
  return {
    ...r.definition,
    questions: r.definition.questions?.filter((q) => !categories.has(q.id)),
  };
}

const HDV_PAIRS: [string, string | null][] = [
  ['qualif', 'sexe'],
  ['relig', 'clso'],
  ['nivetud', 'sexe'],
  ['occup', 'qualif'],
  ['trav.imp', 'trav.satisf'],
  ['$loisirs', 'sexe'],
  ['sexe', '$loisirs'],
  ['$loisirs', '$loisirs'],
  ['$loisirs', null],
  ['qualif', null],
];

describe.each(['hdv2003.sav', 'hdv2003-compressed.sav', 'hdv2003.zsav'])(
  '%s against hdv2003.csv',
  (name) => {
    const sav = load(name);
    const csv = load('hdv2003.csv', { definition: forCsv(sav) });

    it('reads the CSV with the same weight and questions', () => {
      expect(csv.table.weightId).toBe('poids');
      expect(csv.table.columns.map((c) => [c.id, c.type])).toEqual(
        sav.table.columns.map((c) => [c.id, c.type]),
      );
    });

    it.each(HDV_PAIRS)('%s × %s: the same counts, weighted and unweighted', (rows, cols) => {
      expectSameCrosstab(
        table(sav.table, rows, cols),
        table(csv.table, rows, cols),
        `${rows} × ${cols}`,
      );
      expectSameCrosstab(
        table(sav.table, rows, cols, null),
        table(csv.table, rows, cols, null),
        `${rows} × ${cols} unweighted`,
      );
    });

    it('gives the same counts as the CSV read by detection alone where no missing value is declared', () => {
      const plain = load('hdv2003.csv');
      for (const [rows, cols] of [
        ['occup', 'sexe'],
        ['trav.imp', 'trav.satisf'],
        ['nivetud', 'sexe'],
      ] as const)
        expectSameCrosstab(
          table(sav.table, rows, cols, null),
          table(plain.table, rows, cols, null),
          `${rows} × ${cols}`,
        );
    });
  },
);

describe('starwars.sav against the CSV PSPP wrote from it', () => {
  const sav = load('starwars.sav');
  const csv = load('starwars.csv', { definition: forCsv(sav) });
  it.each([
    ['seen', 'gender'],
    ['$films', 'gender'],
    ['$fans', 'age'],
    ['educ', 'age'],
    ['shot', 'gender'],
    ['income', 'location'],
    ['film1', '$fans'],
  ] as const)('%s × %s: the same counts', (rows, cols) => {
    expectSameCrosstab(
      table(sav.table, rows, cols),
      table(csv.table, rows, cols),
      `${rows} × ${cols}`,
    );
  });
});

// ---- PSPP's own counts -------------------------------------------------------

/** The CSV output of PSPP, split into tables by their "Table: …" titles. */
function psppTables(): Map<string, string[][]> {
  const lines = readFileSync(new URL('pspp-view.csv', FIXTURES), 'utf8').split('\n');
  const tables = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const line of lines) {
    if (line.startsWith('Table: ')) {
      current = [];
      // A title seen before (the same table weighted) becomes "title (2)".
      let title = line.slice(7);
      for (let k = 2; tables.has(title); k++) title = `${line.slice(7)} (${k})`;
      tables.set(title, current);
    } else if (line === '') current = null;
    else current?.push(splitCsv(line));
  }
  return tables;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)) {
    out.push(m[2] !== undefined ? m[2].replaceAll('""', '"') : (m[1] ?? ''));
    if (m[3] === '') break;
  }
  return out;
}

const PSPP = psppTables();

/** A PSPP CROSSTABS table as counts by "row | column" (blank labels are PSPP's blank strings). */
function psppCrosstab(title: string): Map<string, number> {
  const t = PSPP.get(title);
  if (t === undefined) throw new Error(`no PSPP table "${title}"`);
  const cols = t[1]!.slice(3, -1);
  const out = new Map<string, number>();
  for (const row of t.slice(2)) {
    if (row[0] === 'Total') break;
    cols.forEach((c, j) => out.set(`${row[1]} | ${c}`, Number(row[3 + j])));
  }
  return out;
}

/** PSPP's frequency of one value in a FREQUENCIES table. */
function psppFrequency(title: string, value: string): number {
  const row = PSPP.get(title)?.find((r) => r[1] === value && (r[0] === 'Valid' || r[0] === ''));
  return Number(row?.[2] ?? NaN);
}

describe("PSPP's own counts of the same files", () => {
  const hdv = load('hdv2003.sav').table;
  const sw = load('starwars.sav').table;

  it.each([
    ['qualif', 'sexe', 'Qualification × Sexe'],
    ['relig', 'sexe', 'Pratique et croyance religieuse × Sexe'],
    ['nivetud', 'sexe', "Niveau d'études × Sexe"],
    [
      'relig',
      'clso',
      "Pratique et croyance religieuse × Sentiment d'appartenance à une classe sociale",
    ],
  ])('%s × %s (unweighted) equals CROSSTABS', (rows, cols, title) => {
    const ours = byLabel(
      table(hdv, rows, cols, null),
      table(hdv, rows, cols, null).unweightedCounts,
    );
    const theirs = psppCrosstab(title);
    expect(ours).toEqual(new Map([...theirs].filter(([k]) => ours.has(k))));
    expect([...theirs.values()].reduce((a, b) => a + b, 0)).toBe(
      [...ours.values()].reduce((a, b) => a + b, 0),
    );
  });

  it('qualif × sexe weighted by poids equals CROSSTABS under WEIGHT BY poids', () => {
    const ours = byLabel(table(hdv, 'qualif', 'sexe'));
    // The weighted table comes second under the same title; PSPP prints 7 decimals.
    const theirs = psppCrosstab('Qualification × Sexe (2)');
    expect(theirs.size).toBe(12);
    for (const [k, v] of theirs) expect(ours.get(k), k).toBeCloseTo(v, 6);
  });

  it("$loisirs × sexe: each option's count equals CROSSTABS of its variable (Oui)", () => {
    const x = table(hdv, '$loisirs', 'sexe', null);
    const titles = [
      'Écoute du hard rock',
      'Lecture de bandes dessinées',
      'Pêche ou chasse',
      'Cuisine',
      'Bricolage',
      'Cinéma',
      'Sport',
    ];
    titles.forEach((label, i) => {
      const theirs = psppCrosstab(`${label} × Sexe`);
      expect(x.rows.labels[i]).toBe(label);
      expect(x.unweightedCounts[i]).toEqual(x.cols.labels.map((c) => theirs.get(`Oui | ${c}`)));
    });
  });

  it("$seenlist (category set) × gender: each option's count equals PSPP's count of respondents holding that code", () => {
    const x = table(sw, '$seenlist', 'gender', null);
    x.rows.labels.forEach((label, i) => {
      const theirs = psppCrosstab(`$seenlist: ${label} × Gender`);
      expect(x.unweightedCounts[i], label).toEqual(
        x.cols.labels.map((c) => theirs.get(`1 | ${c}`)),
      );
    });
  });

  it('$films (E 1) × gender and $fans (E 11) × age equal CROSSTABS of their variables', () => {
    const films = table(sw, '$films', 'gender', null);
    films.rows.labels.forEach((label, i) => {
      const theirs = psppCrosstab(
        `Seen: Episode ${['I', 'II', 'III', 'IV', 'V', 'VI'][i]} × Gender`,
      );
      expect(films.unweightedCounts[i], label).toEqual(
        films.cols.labels.map((c) => theirs.get(`${label} | ${c}`)),
      );
    });
    const fans = table(sw, '$fans', 'age', null);
    const titles = ['Star Wars film franchise', 'Expanded Universe', 'Star Trek franchise'];
    fans.rows.labels.forEach((label, i) => {
      const theirs = psppCrosstab(
        `Do you consider yourself to be a fan of the ${titles[i]}? × Age`,
      );
      expect(fans.unweightedCounts[i], label).toEqual(
        fans.cols.labels.map((c) => theirs.get(`${label} | ${c}`)),
      );
    });
  });

  it('$colours and $drinks (string MR sets) equal FREQUENCIES of their indicators', () => {
    const strings = load('strings.sav').table;
    const colours = table(strings, '$colours', null, null);
    colours.rows.labels.forEach((label, i) =>
      expect(colours.unweightedCounts[i]![0], label).toBe(
        psppFrequency(`$colours: ${label}`, '1.00'),
      ),
    );
    const drinks = table(strings, '$drinks', null, null);
    drinks.rows.labels.forEach((label, i) =>
      expect(drinks.unweightedCounts[i]![0], label).toBe(psppFrequency(label, 'Yes')),
    );
  });
});
