// Whole files written by GNU PSPP (scripts/reference/make-sav-fixtures.sh):
// labels, code order, missing values, the weight, both kinds of MR set, long
// and very long strings, the three compressions, encodings, the definition a
// .sav yields (and reading a .sav back with it), and the import preview.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkDefinition,
  formatDefinition,
  parseDefinition,
} from '../../../src/core/definition/definition';
import { loadSurveyFile, previewSurveyFile } from '../../../src/core/pipeline';
import { answers, chosen, column, fixture, FIXTURES, load, loaded } from './helpers';

const csvRows = (name: string): string[][] => {
  // The fixtures' CSVs quote only cells with commas; none holds a newline or a quote.
  const text = readFileSync(new URL(name, FIXTURES), 'utf8').trimEnd();
  return text.split('\n').map((line) => {
    const out: string[] = [];
    for (const m of line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)) {
      out.push(m[2] ?? m[1] ?? '');
      if (m[3] === '') break;
    }
    return out;
  });
};

describe('the fixture files', () => {
  it.each([
    'hdv2003.sav',
    'hdv2003-compressed.sav',
    'hdv2003.zsav',
    'hdv2003.csv',
    'starwars.sav',
    'starwars.csv',
    'strings.sav',
    'strings.csv',
    'latin1252.sav',
    'chinese-gbk.sav',
    'pspp-view.csv',
    'pspp-view.txt',
  ])('%s is there and under 100 KB', (name) => {
    expect(statSync(new URL(name, FIXTURES)).size).toBeLessThan(100 * 1024);
  });
});

describe('hdv2003.sav (uncompressed)', () => {
  const r = load('hdv2003.sav');
  const { table, definition, detected } = r;
  const q = (id: string) => definition.questions?.find((x) => x.id === id);

  it('reads 200 respondents, titled by the file label, as respondent data', () => {
    expect(table.rowCount).toBe(200);
    expect(table.meta.title).toBe('French lifestyles (hdv2003): first 200 respondents');
    expect(detected).toMatchObject({
      encoding: 'utf-8',
      encodingReason: 'the file\'s character encoding record says "UTF-8"',
      delimiter: ',',
      shape: 'respondents',
      lossyLines: [],
      warnings: [],
    });
  });

  it('is weighted by the WEIGHT BY variable, a decision the definition records', () => {
    expect(table.weightId).toBe('poids');
    expect(definition.weight).toBe('poids');
    expect(definition.id).toBe('id');
  });

  it('words questions by their variable labels and names them by their long names', () => {
    expect(column(table, 'nivetud').text).toBe("Niveau d'études");
    expect(column(table, 'freres.soeurs').text).toBe('Nombre de frères et sœurs');
    expect(column(table, 'age').text).toBe('Âge');
  });

  it('lists labelled answers in code order, not alphabetically or by first appearance', () => {
    expect(q('qualif')?.answers).toEqual([
      'Ouvrier specialise',
      'Ouvrier qualifie',
      'Technicien',
      'Profession intermediaire',
      'Cadre',
      'Employe',
    ]);
    expect(column(table, 'sexe')).toMatchObject({ type: 'single', labels: ['Homme', 'Femme'] });
  });

  it('reads user-missing values as missing (discrete, and a labelled one in a range) and records them', () => {
    expect(answers(table, 'qualif').filter((a) => a === null)).toHaveLength(49); // 41 blank + 8 "Autre"
    expect(q('qualif')?.missing).toEqual(['Autre']);
    expect(q('relig')?.missing).toEqual(['NSP ou NVPR']);
    expect(q('clso')?.missing).toEqual(['Ne sait pas']);
    expect(answers(table, 'clso').filter((a) => a === null)).toHaveLength(1);
  });

  it('reads an unlabelled numeric variable as numbers, with values in a missing range as missing', () => {
    const c = column(table, 'freres.soeurs');
    expect(c.type).toBe('numeric');
    if (c.type === 'numeric') {
      expect(Array.from(c.values).filter(Number.isNaN)).toHaveLength(1); // the 18, in 15 THRU HIGHEST
      expect(Math.max(...Array.from(c.values).filter((v) => !Number.isNaN(v)))).toBe(14);
    }
    expect(r.schema.questions.find((x) => x.id === 'freres.soeurs')?.reason).toMatch(
      /Values from 15 to HIGHEST are missing/,
    );
  });

  it('reads a string variable with few values as single-answer', () => {
    expect(column(table, 'occup')).toMatchObject({ type: 'single' });
    expect(q('occup')?.answers).toContain('Exerce une profession');
  });

  it('makes the dichotomy set a multi-answer question beside its variables, chosen = the counted value', () => {
    const loisirs = column(table, '$loisirs');
    expect(loisirs).toMatchObject({
      type: 'multi',
      text: 'Loisirs pratiqués',
      labels: [
        'Écoute du hard rock',
        'Lecture de bandes dessinées',
        'Pêche ou chasse',
        'Cuisine',
        'Bricolage',
        'Cinéma',
        'Sport',
      ],
    });
    expect(q('$loisirs')).toMatchObject({
      kind: 'multi',
      columns: ['hard.rock', 'lecture.bd', 'peche.chasse', 'cuisine', 'bricol', 'cinema', 'sport'],
      chosen: ['Oui'],
    });
    expect(column(table, 'sport').memberOf).toBe('$loisirs');
    // Each respondent's options are the leisure items answered "Oui" in the CSV.
    const csv = csvRows('hdv2003.csv');
    const items = [
      'hard.rock',
      'lecture.bd',
      'peche.chasse',
      'cuisine',
      'bricol',
      'cinema',
      'sport',
    ].map((n) => csv[0]!.indexOf(n));
    const expected = csv
      .slice(1)
      .map((row) =>
        items.flatMap((k, j) =>
          row[k] === 'Oui' ? [loisirs.type === 'multi' ? loisirs.labels[j]! : ''] : [],
        ),
      );
    expect(chosen(table, '$loisirs')).toEqual(expected);
  });

  it('yields a definition that validates and reads the file back to the same table', () => {
    const text = formatDefinition(definition);
    const parsed = parseDefinition(text, 'hdv2003.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = load('hdv2003.sav', { definition: parsed.value });
    expect(again.table.columns).toEqual(table.columns);
    expect(again.definition).toEqual(definition);
  });
});

describe('the same file bytecode-compressed and zlib-compressed', () => {
  const plain = load('hdv2003.sav');
  it.each(['hdv2003-compressed.sav', 'hdv2003.zsav'])(
    '%s gives the same table and definition',
    (name) => {
      const other = load(name);
      expect(other.table.columns).toEqual(plain.table.columns);
      expect(other.definition).toEqual(plain.definition);
    },
  );
});

describe('a definition applied to a .sav', () => {
  const base = { format: 'survey-workbench-definition', version: 1 } as const;
  it("keeps the file's weight when silent on it; null leaves the figures unweighted", () => {
    expect(load('hdv2003.sav', { definition: { ...base } }).table.weightId).toBe('poids');
    expect(
      load('hdv2003.sav', { definition: { ...base, weight: null } }).table.weightId,
    ).toBeNull();
    expect(load('hdv2003.sav', { weightId: null }).table.weightId).toBeNull();
    expect(load('hdv2003.sav', { weightId: 'age' }).table.weightId).toBe('age');
  });

  it("listing some questions keeps the file's MR sets and missing values; a listed `missing` replaces them", () => {
    const r = load('hdv2003.sav', {
      definition: {
        ...base,
        questions: [
          {
            id: 'sexe',
            text: 'Gender',
            kind: 'single',
            columns: ['sexe'],
            answers: ['Femme', 'Homme'],
          },
          { id: 'qualif', text: 'Qualification', kind: 'single', columns: ['qualif'], missing: [] },
          { id: 'relig', text: 'Religion', kind: 'single', columns: ['relig'] },
        ],
      },
    });
    expect(column(r.table, 'sexe')).toMatchObject({ text: 'Gender', labels: ['Femme', 'Homme'] });
    expect(column(r.table, '$loisirs').type).toBe('multi');
    expect(answers(r.table, 'qualif')).toContain('Autre');
    expect(answers(r.table, 'relig')).not.toContain('NSP ou NVPR');
  });

  it('can group the variables of an MR set by naming the set (as --multi x=$loisirs does)', () => {
    const r = load('hdv2003.sav', {
      schemaOverrides: [{ type: 'group', id: 'leisure', columns: ['$loisirs'] }],
    });
    expect(chosen(r.table, 'leisure')).toEqual(chosen(r.table, '$loisirs'));
    const byLabel = load('hdv2003.sav', {
      schemaOverrides: [{ type: 'group', id: 'leisure', columns: ['Loisirs pratiqués'] }],
    });
    expect(column(byLabel.table, 'leisure').type).toBe('multi');
  });
});

describe('starwars.sav (bytecode): a category set and counted-value dichotomy sets', () => {
  const r = load('starwars.sav');
  const { table, definition } = r;
  const films = [
    'The Phantom Menace',
    'Attack of the Clones',
    'Revenge of the Sith',
    'A New Hope',
    'The Empire Strikes Back',
    'Return of the Jedi',
  ];

  it('reads the category set: options are the union of value labels in code order', () => {
    expect(column(table, '$seenlist')).toMatchObject({
      type: 'multi',
      text: 'Which of the following Star Wars films have you seen?',
      labels: films,
    });
    expect(column(table, 'seen_1').memberOf).toBe('$seenlist');
    // Each respondent chose the films whose codes any of seen_1…seen_6 holds: the films seen.
    // A respondent who saw none holds no code: not answered in the category set, while the
    // dichotomy set counts them as answering "none of these".
    const dichotomy = chosen(table, '$films').map((c) => (c?.length === 0 ? null : c));
    expect(chosen(table, '$seenlist')).toEqual(dichotomy);
    expect(chosen(table, '$seenlist').filter((c) => c !== null)).toHaveLength(225);
    expect(chosen(table, '$films').filter((c) => c !== null)).toHaveLength(245);
  });

  it("names an E 1 set's options by the counted value's label in each variable", () => {
    expect(column(table, '$films')).toMatchObject({ text: 'Films seen', labels: films });
    expect(definition.questions?.find((q) => q.id === '$films')).toMatchObject({ chosen: films });
  });

  it("words an E 11 set by its first variable's label", () => {
    expect(column(table, '$fans')).toMatchObject({
      text: 'Do you consider yourself to be a fan of the Star Wars film franchise?',
      labels: ['Star Wars', 'Expanded Universe', 'Star Trek'],
    });
  });

  it('writes the category set into the definition as a multi question over its variables, and reads it back', () => {
    const dq = definition.questions?.find((q) => q.id === '$seenlist');
    expect(dq).toEqual({
      id: '$seenlist',
      text: 'Which of the following Star Wars films have you seen?',
      kind: 'multi',
      columns: ['seen_1', 'seen_2', 'seen_3', 'seen_4', 'seen_5', 'seen_6'],
    });
    expect(checkDefinition(definition, 'x').ok).toBe(true);
    const again = load('starwars.sav', { definition });
    expect(again.table.columns).toEqual(table.columns);
    const renamed = load('starwars.sav', {
      definition: {
        ...definition,
        questions: definition
          .questions!.map((q) => (q.id === '$seenlist' ? { ...q, id: 'seen', text: 'Seen' } : q))
          .filter((q) => q.id !== 'seen' || q.kind === 'multi'),
      },
    });
    expect(column(renamed.table, 'seen')).toMatchObject({
      type: 'multi',
      text: 'Seen',
      labels: films,
    });
  });

  it('finds the respondent id and reads unlabelled strings by the CSV rules', () => {
    expect(table.idColumnId).toBe('RespondentID');
    expect(column(table, 'gender')).toMatchObject({ type: 'single', labels: ['Female', 'Male'] });
    expect(column(table, 'shot').type).toBe('single');
  });
});

describe('strings.sav: long strings, very long strings, string MR sets', () => {
  const { table, definition } = load('strings.sav');
  const csv = csvRows('strings.csv');
  const cell = (name: string) => csv.slice(1).map((row) => row[csv[0]!.indexOf(name)]!);
  const q = (id: string) => definition.questions?.find((x) => x.id === id);

  it('joins a very long string (600 bytes, 3 segments) exactly, even where a character straddles segments', () => {
    expect(answers(table, 'essay')).toEqual(cell('essay').map((s) => (s === '' ? null : s)));
    expect(
      Math.max(...cell('essay').map((s) => new TextEncoder().encode(s).length)),
    ).toBeGreaterThan(510);
  });

  it('reads a long string with value labels (subtype 21) and a missing value (subtype 22)', () => {
    expect(answers(table, 'answer')).toEqual(
      cell('answer').map((s) => {
        const labels: Record<string, string | null> = {
          agree: 'I agree',
          disagree: 'I disagree',
          unsure: 'Not sure',
          skip: null,
          '': null,
        };
        return s in labels ? labels[s]! : s;
      }),
    );
    expect(q('answer')).toMatchObject({
      kind: 'single',
      answers: ['I agree', 'I disagree', 'maybe', 'Not sure'],
      missing: ['skip'],
    });
  });

  it('reads a short string with CJK text and a missing value, and free text as text', () => {
    expect(answers(table, 'city')).toEqual(
      cell('city').map((s) => (s === '' || s === '?' ? null : s)),
    );
    expect(column(table, 'comment').type).toBe('text');
  });

  it('reads a string dichotomy set (counted "Yes") and a string category set', () => {
    expect(column(table, '$drinks')).toMatchObject({
      text: 'Drinks you like',
      labels: ['Tea', 'Coffee', 'Juice'],
    });
    const drinks = cell('tea').map((_, i) => {
      const row = ['tea', 'coffee', 'juice'].map((n) => cell(n)[i]!);
      if (row.every((v) => v === '')) return null;
      return ['Tea', 'Coffee', 'Juice'].filter((_, k) => row[k] === 'Yes');
    });
    expect(chosen(table, '$drinks')).toEqual(drinks);
    expect(column(table, '$colours')).toMatchObject({ labels: ['Blue', 'Green', 'pink', 'Red'] });
    const label = (s: string) => ({ red: 'Red', green: 'Green', blue: 'Blue' })[s] ?? s;
    const colours = cell('pick1').map((p1, i) => {
      const picks = [p1, cell('pick2')[i]!].filter((s) => s !== '').map(label);
      return picks.length === 0
        ? null
        : ['Blue', 'Green', 'pink', 'Red'].filter((o) => picks.includes(o));
    });
    expect(chosen(table, '$colours')).toEqual(colours);
  });

  it('puts unlabelled codes among labelled ones in code order, and names a long-named variable', () => {
    expect(q('rating')?.answers).toEqual(['Bad', '2', '3', '4', 'Good']);
    expect(column(table, 'satisfaction_with_service')).toMatchObject({
      text: 'How satisfied are you with the service?',
      labels: ['Unhappy', 'Neutral', 'Happy'],
    });
    const score = column(table, 'score');
    expect(score.type === 'numeric' && Array.from(score.values)).toEqual(
      cell('score').map((s) => (s === '' || s === '-1' || Number(s) >= 90 ? NaN : Number(s))),
    );
  });
});

describe('encodings', () => {
  it('reads Windows-1252 text', () => {
    const { table, detected } = load('latin1252.sav');
    expect(detected.encoding).toBe('windows-1252');
    expect(answers(table, 'ville')).toEqual([
      'Zürich',
      'Genève',
      'Besançon',
      'São Paulo',
      'Málaga',
      'Genève',
    ]);
    expect(column(table, 'ville').text).toBe('Ville où vous habitez');
    expect(column(table, 'sexe')).toMatchObject({
      text: 'Êtes-vous…',
      labels: ['Féminin', 'Masculin'],
    });
  });

  it('reads GBK text', () => {
    const { table, detected, definition } = load('chinese-gbk.sav');
    expect(detected).toMatchObject({
      encoding: 'gb18030',
      encodingReason: 'the file\'s character encoding record says "GBK"',
    });
    expect(definition.encoding).toBe('gb18030');
    expect(answers(table, 'city')).toEqual(['北京', '上海', '广州', '北京', '深圳', '上海']);
    expect(column(table, 'city').text).toBe('您住在哪个城市？');
    expect(column(table, 'sex')).toMatchObject({ text: '性别', labels: ['男', '女'] });
  });
});

describe('the import preview', () => {
  it('shows the variables, the first cases, the schema and the definition without reading on', () => {
    const p = previewSurveyFile(fixture('starwars.sav'), { file: 'starwars.sav' });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.rows[0]).toContain('seen_1');
    expect(p.value.rows).toHaveLength(201);
    expect(p.value.truncated).toBe(true);
    expect(p.value.survey).toBeNull();
    expect(p.value.schema?.questions.find((q) => q.id === '$seenlist')?.kind).toBe('multi');
    expect(p.value.answers.educ?.[0]).toBe('Less than high school degree');
    expect(p.value.definition?.weight).toBeNull();
    const all = previewSurveyFile(fixture('strings.sav'), { file: 'strings.sav' });
    expect(all.ok && all.value.truncated).toBe(false);
  });

  it('loads through the same door as CSV, by content not name', () => {
    const bytes = fixture('hdv2003.sav');
    expect(loaded(loadSurveyFile(bytes, { file: 'renamed.csv' })).table.rowCount).toBe(200);
  });
});
