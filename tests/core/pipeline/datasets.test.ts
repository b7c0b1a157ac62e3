// Conformance over the real survey files in ../shared/datasets (not part of the
// project; skipped, saying so, when the folder is absent). Expected question
// counts, kinds and groupings were checked by reading each file.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Loaded } from '../../../src/core/pipeline';
import type { MultiColumn, NumericColumn } from '../../../src/core/table/types';
import { column, load, multiCounts } from '../../support/pipeline';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const present = existsSync(DATA);
if (!present) console.warn(`Skipping dataset conformance: ${DATA} is absent.`);

type Respondents = Extract<Loaded, { kind: 'respondents' }>;

function read(path: string, opts = {}): Loaded {
  const r = load(new Uint8Array(readFileSync(DATA + path)), { file: path, ...opts });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (line ${r.error.line})`);
  return r.value;
}

function respondents(path: string, opts = {}): Respondents {
  const v = read(path, opts);
  if (v.kind !== 'respondents') throw new Error(`${path} read as ${v.kind}`);
  return v;
}

const kinds = (v: Respondents) =>
  v.schema.questions.reduce<Record<string, number>>(
    (m, q) => ({ ...m, [q.kind]: (m[q.kind] ?? 0) + 1 }),
    {},
  );

describe.skipIf(!present)('real survey files', { timeout: 30_000 }, () => {
  it('StarWars: 835 respondents saw at least one film and 471 saw all six', () => {
    const v = respondents('fivethirtyeight/star-wars-survey/StarWars.csv');
    expect(v.detected.encoding).not.toBe('utf-8');
    expect(v.schema.headerLines).toBe(2);
    expect(v.table.rowCount).toBe(1186);
    expect(v.table.idColumnId).toBe('RespondentID');
    const seen = column(
      v.table,
      'Which of the following Star Wars films have you seen? Please select all that apply.',
    ) as MultiColumn;
    expect(seen.type).toBe('multi');
    expect(seen.labels.length).toBe(6);
    expect(seen.labels[4]).toBe('Star Wars: Episode V The Empire Strikes Back');
    const { counts, answered } = multiCounts(seen, v.table.rowCount);
    expect(answered).toBe(835);
    let all = 0;
    for (let i = 0; i < v.table.rowCount; i++) {
      const p = seen.patternOf[i] ?? 0;
      if (p > 0 && seen.masks[p - 1] === 0b111111) all++;
    }
    expect(all).toBe(471);
    expect(counts['Star Wars: Episode V The Empire Strikes Back']).toBe(758);
    // 39 questions: id, 1 multi beside its 6 film columns (never hidden), two grids
    // (6 ranks, 14 characters) and 11 singles. The adjacent Yes/No questions ("Are you
    // familiar with the Expanded Universe?" …) are questions, not a battery.
    expect(v.schema.questions.length).toBe(39);
    expect(kinds(v)).toEqual({ id: 1, single: 37, multi: 1 });
    expect(v.schema.questions.filter((q) => q.memberOf === seen.id).length).toBe(6);
    expect(v.schema.questions.filter((q) => q.grid !== null).length).toBe(20);
  });

  it('masculinity raw responses: 1,615 rows, a weight and nine multi-answer questions', () => {
    const path = 'fivethirtyeight/masculinity-survey/raw-responses.csv';
    // The weight is proposed, not applied: the figures stay unweighted until it is chosen.
    const proposed = respondents(path);
    expect(proposed.table.weightId).toBeNull();
    expect(proposed.schema.proposedWeightId).toBe('weight');
    expect(proposed.detected.warnings.some((w) => w.startsWith('"weight" looks like'))).toBe(true);
    expect(proposed.definition.weight).toBeNull();
    const v = respondents(path, { weightId: 'weight' });
    expect(v.table.rowCount).toBe(1615);
    expect(v.table.weightId).toBe('weight');
    expect(v.definition.weight).toBe('weight');
    const w = column(v.table, 'weight') as NumericColumn;
    expect(w.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1615, 6);
    const multis = v.schema.questions
      .filter((q) => q.kind === 'multi')
      .map((q) => [q.id, q.sourceColumns.length]);
    expect(multis).toEqual([
      ['q0004', 6],
      ['q0008', 12],
      ['q0010', 8],
      ['q0011', 5],
      ['q0012', 7],
      ['q0019', 7],
      ['q0020', 6],
      ['q0021', 4],
      ['q0025', 3],
    ]);
    expect(v.schema.questions.filter((q) => q.grid === 'q0007').length).toBe(11);
    // 36 singles plus the 58 columns of the nine batteries, each still its own question.
    expect(kinds(v)).toEqual({ id: 1, text: 2, single: 94, multi: 9, weight: 1 });
    const q4 = multiCounts(column(v.table, 'q0004') as MultiColumn, 1615);
    expect(q4.answered).toBe(1615);
    expect(q4.counts).toEqual({
      'Father or father figure(s)': 1109,
      'Mother or mother figure(s)': 655,
      'Other family members': 564,
      'Pop culture': 303,
      Friends: 559,
      'Other (please specify)': 329,
    });
    // Asked only of the employed: 735 rows are NA in every q0010 column.
    expect(multiCounts(column(v.table, 'q0010') as MultiColumn, 1615).answered).toBe(880);
  });

  it('masculinity banner table: 35 questions across 10 banner segments', () => {
    const v = read('fivethirtyeight/masculinity-survey/masculinity-survey.csv');
    if (v.kind !== 'distribution') throw new Error('expected published figures');
    expect(v.detected.shape).toBe('banner');
    expect(v.survey.questions.length).toBe(35);
    const q1 = v.survey.questions[0];
    expect(q1?.series.length).toBe(10);
    expect(q1?.series.map((s) => s.segment)).toContain('Sexual Orientation: Gay/Bisexual');
    expect(q1?.series[0]?.options.map((o) => o.percent?.value)).toEqual([37, 46, 11, 5, 1]);
    const ideas = v.survey.questions[2]?.series[0]?.options.reduce(
      (t, o) => t + (o.percent?.value ?? 0),
      0,
    );
    expect(ideas).toBe(215); // "Select all that apply": over 100%
    expect(v.survey.questions.filter((q) => q.series[0]?.subgroup).length).toBe(7);
  });

  it('thanksgiving: "Question - Option" multi-answer blocks and free-text "other" copies', () => {
    const v = respondents('fivethirtyeight/thanksgiving-2015/thanksgiving-2015-poll-data.csv');
    expect(v.table.rowCount).toBe(1058);
    expect(v.detected.warnings.filter((w) => w.includes('repeats the name')).length).toBe(3);
    expect(v.schema.questions.length).toBe(69);
    expect(kinds(v)).toEqual({ id: 1, single: 57, text: 7, multi: 4 });
    const sides = v.schema.questions.find((q) => q.id.startsWith('Which of these side dishes'));
    expect(sides?.sourceColumns.length).toBe(14);
    const sideCounts = multiCounts(column(v.table, sides?.id ?? '') as MultiColumn, 1058);
    expect(sideCounts.answered).toBe(964);
    expect(sideCounts.counts['Mashed potatoes']).toBe(817);
    const pies = multiCounts(
      column(
        v.table,
        v.schema.questions.find((q) => q.id.startsWith('Which type of pie'))?.id ?? '',
      ) as MultiColumn,
      1058,
    );
    expect(pies.counts).toMatchObject({
      Apple: 514,
      Pumpkin: 729,
      None: 40,
      'Other (please specify)': 71,
    });
  });

  it('coffee (Google Forms): options joined by ";" in one cell', () => {
    const v = respondents('nneune-coffee-survey/coffee_survey.csv');
    expect(v.table.rowCount).toBe(64);
    expect(v.schema.questions.length).toBe(47);
    expect(kinds(v)).toEqual({ text: 5, multi: 6, single: 36 });
    const when = column(v.table, '6. When do you usually drink coffee?') as MultiColumn;
    const { counts, answered } = multiCounts(when, 64);
    expect(answered).toBe(55);
    expect(counts).toMatchObject({
      'After lunch': 38,
      'First thing in the morning': 26,
      'Mid-morning': 24,
      'With breakfast': 12,
    });
  });

  it.each(['derived/coffee_survey.gb18030.csv', 'derived/coffee_survey.utf8-bom.csv'])(
    '%s loads exactly like the original coffee file',
    (path) => {
      const original = respondents('nneune-coffee-survey/coffee_survey.csv');
      const v = respondents(path);
      expect(v.detected.lossyLines).toEqual([]);
      expect(v.table.columns).toEqual(original.table.columns);
    },
  );

  it('questionr hdv2003: weight poids proposed; the Oui/Non leisure battery is proposed by detection and grouped by an override', () => {
    const plain = respondents('questionr/questionr-hdv2003.csv');
    expect(plain.table.rowCount).toBe(2000);
    expect(plain.table.weightId).toBeNull();
    expect(plain.schema.proposedWeightId).toBe('poids');
    expect(plain.table.idColumnId).toBe('id');
    expect(kinds(plain)).toEqual({ id: 1, numeric: 4, single: 15, multi: 1 });
    // The seven Oui/Non items share no name stem; detection proposes them as one question.
    const proposed = column(plain.table, 'hard.rock … sport') as MultiColumn;
    expect(multiCounts(proposed, 2000).counts).toEqual({
      'hard.rock': 14,
      'lecture.bd': 47,
      'peche.chasse': 224,
      cuisine: 881,
      bricol: 853,
      cinema: 826,
      sport: 723,
    });
    expect(column(plain.table, 'sport').type).toBe('single');
    const leisure = [
      'hard.rock',
      'lecture.bd',
      'peche.chasse',
      'cuisine',
      'bricol',
      'cinema',
      'sport',
    ];
    const v = respondents('questionr/questionr-hdv2003.csv', {
      schemaOverrides: [{ type: 'group', id: 'loisirs', text: 'Loisirs', columns: leisure }],
    });
    const { counts, answered } = multiCounts(column(v.table, 'loisirs') as MultiColumn, 2000);
    expect(answered).toBe(2000);
    expect(Object.values(counts)).toEqual([14, 47, 224, 881, 853, 826, 723]);
  });

  it('food world cup: 1-5 rating grid with N/A as missing', () => {
    const v = respondents('fivethirtyeight/food-world-cup/food-world-cup-data.csv');
    expect(v.table.rowCount).toBe(1373);
    expect(v.schema.questions.length).toBe(48);
    expect(kinds(v)).toEqual({ id: 1, single: 47 });
    const italy = v.table.columns.find((c) => c.id.endsWith('cuisine of Italy.'));
    expect(italy?.type === 'single' && italy.labels).toEqual(['1', '2', '3', '4', '5']);
  });

  it('ahca polls: a small table of toplines with numeric Favor and Oppose', () => {
    const v = respondents('fivethirtyeight/ahca-polls/ahca_polls.csv');
    expect(v.table.rowCount).toBe(15);
    expect(v.schema.questions.map((q) => [q.id, q.kind])).toEqual([
      ['Start', 'text'],
      ['End', 'text'],
      ['Pollster', 'single'],
      ['Favor', 'numeric'],
      ['Oppose', 'numeric'],
      ['Url', 'text'],
      ['Text', 'text'],
    ]);
    const favor = column(v.table, 'Favor') as NumericColumn;
    expect(favor.values[0]).toBe(24);
  });
});
