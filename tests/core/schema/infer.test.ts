import { describe, expect, it } from 'vitest';
import type { MultiColumn } from '../../../src/core/table/types';
import { answers, column, loadRespondents } from '../../support/pipeline';

describe('multi-answer questions are grouped from each encoding', () => {
  it.each([
    {
      encoding: 'options joined by ";" in one cell',
      csv: 'id,Q1\n1,A;B\n2,B\n3,\n4,A;C\n5,C\n',
      id: 'Q1',
      labels: ['A', 'B', 'C'],
      rows: [['A', 'B'], ['B'], null, ['A', 'C'], ['C']],
    },
    {
      encoding: 'options joined by "|" in one cell',
      csv: 'id,Q1\n1,Red|Blue\n2,Blue\n3,Red\n4,NA\n',
      id: 'Q1',
      labels: ['Red', 'Blue'],
      rows: [['Red', 'Blue'], ['Blue'], ['Red'], null],
    },
    {
      encoding: 'options joined by "," inside quotes',
      csv: 'id,Q1\n1,"Red, Blue"\n2,Red\n3,Blue\n4,"Blue, Green"\n5,Green\n',
      id: 'Q1',
      labels: ['Red', 'Blue', 'Green'],
      rows: [['Red', 'Blue'], ['Red'], ['Blue'], ['Blue', 'Green'], ['Green']],
    },
    {
      encoding: 'Q5_1… columns holding 1/0',
      csv: 'id,Q5_1,Q5_2,Q5_3\n1,1,0,1\n2,0,0,0\n3,,,\n4,0,1,0\n',
      id: 'Q5',
      labels: ['Q5_1', 'Q5_2', 'Q5_3'],
      rows: [['Q5_1', 'Q5_3'], [], null, ['Q5_2']],
    },
    {
      encoding: '"Q5: Label" columns holding Yes/No',
      csv: 'id,Q5: Tea,Q5: Coffee\n1,Yes,No\n2,No,Yes\n3,Yes,Yes\n',
      id: 'Q5',
      labels: ['Tea', 'Coffee'],
      rows: [['Tea'], ['Coffee'], ['Tea', 'Coffee']],
    },
    {
      encoding: '"Q5 - Label" columns holding the label or blank',
      csv: 'id,Pets - Cat,Pets - Dog\n1,Cat,\n2,,Dog\n3,,\n4,Cat,Dog\n',
      id: 'Pets',
      labels: ['Cat', 'Dog'],
      rows: [['Cat'], ['Dog'], null, ['Cat', 'Dog']],
    },
    {
      encoding: '"Q5 [Label]" columns holding Oui/Non',
      csv: 'id,Loisirs [Cinema],Loisirs [Sport]\n1,Oui,Non\n2,Non,Non\n3,Oui,Oui\n',
      id: 'Loisirs',
      labels: ['Cinema', 'Sport'],
      rows: [['Cinema'], [], ['Cinema', 'Sport']],
    },
    {
      encoding: 'label or "Not selected", all NA when not asked',
      csv: 'id,q4_1,q4_2\n1,Father,Not selected\n2,Not selected,Not selected\n3,NA,NA\n4,Father,Mother\n',
      id: 'q4',
      labels: ['Father', 'Mother'],
      rows: [['Father'], [], null, ['Father', 'Mother']],
    },
    {
      encoding: 'a two-line header whose second line holds the option labels',
      csv: 'RespondentID,Seen which films?,,Gender\n,Film I,Film II,Response\n11,Film I,,Male\n12,,Film II,Female\n13,,,Male\n14,Film I,Film II,\n',
      id: 'Seen which films?',
      labels: ['Film I', 'Film II'],
      rows: [['Film I'], ['Film II'], null, ['Film I', 'Film II']],
    },
  ])('$encoding', ({ csv, id, labels, rows }) => {
    const { table, schema } = loadRespondents(csv);
    const col = column(table, id) as MultiColumn;
    expect(col.type).toBe('multi');
    expect(col.labels).toEqual(labels);
    expect(answers(col, table.rowCount)).toEqual(rows);
    expect(schema.questions.find((q) => q.id === id)?.reason).toMatch(/^Multi-answer/);
  });

  it('keeps a grid of Often/Sometimes items as separate single questions of one battery', () => {
    const { table, schema } = loadRespondents(
      'Q7_1,Q7_2\nOften,Rarely\nSometimes,Often\nRarely,Sometimes\n',
    );
    expect(table.columns.map((c) => [c.id, c.type])).toEqual([
      ['Q7_1', 'single'],
      ['Q7_2', 'single'],
    ]);
    expect(schema.questions.map((q) => q.grid)).toEqual(['Q7', 'Q7']);
  });

  it('does not split ordinary labels that contain a comma', () => {
    const csv =
      'Q\nOften\n"Never, but open to it"\n"Never, and not open to it"\nRarely\n"Never, but open to it"\nOften\n';
    const { table } = loadRespondents(csv);
    const col = column(table, 'Q');
    expect(col.type).toBe('single');
    expect(answers(col, 6)).toEqual([
      'Often',
      'Never, but open to it',
      'Never, and not open to it',
      'Rarely',
      'Never, but open to it',
      'Often',
    ]);
  });

  it('splits a free-text copy of a duplicated "Other (please specify)" header out of the multi-answer question', () => {
    const csv =
      'Pie - Apple,Pie - Other (please specify),Pie - Other (please specify)\nApple,,\n,Other (please specify),mincemeat\nApple,Other (please specify),chess\n';
    const r = loadRespondents(csv);
    const multi = column(r.table, 'Pie') as MultiColumn;
    expect(multi.labels).toEqual(['Apple', 'Other (please specify)']);
    expect(column(r.table, 'Pie - Other (please specify) (2)').type).toBe('single');
    expect(r.detected.warnings[0]).toContain(
      'Column 3 repeats the name "Pie - Other (please specify)"',
    );
  });
});

describe('column kinds', () => {
  const numbers = (n: number, f: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => f(i));

  it.each([
    {
      what: 'ratings 1-5 are categories in numeric order',
      cells: ['3', '1', '5', '2', '4', '1'],
      kind: 'single',
      labels: ['1', '2', '3', '4', '5'],
    },
    {
      what: 'ages with many distinct values are numeric',
      cells: numbers(40, (i) => String(18 + i)),
      kind: 'numeric',
      labels: null,
    },
    {
      what: 'decimals are numeric',
      cells: ['1.5', '2.25', '3.75', '4.5', '5.5', '6.25', '7.5'],
      kind: 'numeric',
      labels: null,
    },
    {
      what: 'many different long answers are free text',
      cells: numbers(30, (i) => `answer number ${i} in words`),
      kind: 'text',
      labels: null,
    },
    {
      what: '"No answer" is an ordinary category, NA is missing',
      cells: ['Yes', 'No answer', 'NA', 'No', 'Yes'],
      kind: 'single',
      labels: ['Yes', 'No answer', 'No'],
    },
  ])('$what', ({ cells, kind, labels }) => {
    const csv = `Q\n${cells.join('\n')}\n`;
    const { table } = loadRespondents(csv);
    const col = column(table, 'Q');
    expect(col.type).toBe(kind);
    if (labels !== null && 'labels' in col) expect(col.labels).toEqual(labels);
  });

  it('proposes the weight column without applying it, and finds the respondent id column', () => {
    const { table, schema } = loadRespondents(
      'respondent_id,age3,weight\n101,18-34,0.8\n102,35-64,1.2\n103,18-34,1.05\n',
    );
    expect(schema.proposedWeightId).toBe('weight');
    expect(table.weightId).toBeNull();
    expect(table.idColumnId).toBe('respondent_id');
    expect(schema.questions.map((q) => q.kind)).toEqual(['id', 'single', 'numeric']);
    const w = column(table, 'weight');
    expect(w.type === 'numeric' && Array.from(w.values)).toEqual([0.8, 1.2, 1.05]);
  });

  it('applies the weight column only when it is chosen', () => {
    const { table, schema } = loadRespondents(
      'respondent_id,age3,weight\n101,18-34,0.8\n102,35-64,1.2\n103,18-34,1.05\n',
      { weightId: 'weight' },
    );
    expect(table.weightId).toBe('weight');
    expect(schema.questions.map((q) => q.kind)).toEqual(['id', 'single', 'weight']);
  });

  it.each([
    ['zero or negative values', 'weight,q\n0,a\n1.5,b\n-1,a\n'],
    ['whole numbers (body weight in kilograms, a count)', 'weight,q\n72,a\n85,b\n64,a\n'],
    ['a row counter', 'wt,q\n1,a\n2,b\n3,a\n'],
    ['a name that is not a weight', 'score,q\n0.8,a\n1.2,b\n1.05,a\n'],
  ])('proposes no weight for a column of %s', (_, csv) => {
    const { table, schema } = loadRespondents(csv);
    expect(schema.proposedWeightId).toBeNull();
    expect(table.weightId).toBeNull();
  });

  it('treats an empty first header cell with a different number on each row as the id', () => {
    const { table } = loadRespondents(',q1\n1,a\n2,b\n3,a\n');
    expect(table.idColumnId).toBe('Column 1');
  });

  it('reads custom missing tokens', () => {
    const { table } = loadRespondents('q\nyes\n-99\nno\n', { missingTokens: ['', '-99'] });
    expect(answers(column(table, 'q'), 3)).toEqual(['yes', null, 'no']);
  });
});
