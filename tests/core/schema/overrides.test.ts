import { describe, expect, it } from 'vitest';
import type { SchemaOverride } from '../../../src/core/schema/types';
import type { MultiColumn } from '../../../src/core/table/types';
import { answers, column, load, loadRespondents } from '../../support/pipeline';

const BATTERY =
  'id,sexe,cinema,sport,poids\n1,Femme,Oui,Non,1.5\n2,Homme,Non,Non,0.5\n3,Femme,Oui,Oui,1\n';

describe('schema overrides made in the import preview', () => {
  it('groups a Oui/Non battery without a common stem into one multi-answer question', () => {
    const { table } = loadRespondents(BATTERY, {
      schemaOverrides: [
        { type: 'group', id: 'loisirs', text: 'Leisure', columns: ['cinema', 'sport'] },
      ],
    });
    const col = column(table, 'loisirs') as MultiColumn;
    expect(col.text).toBe('Leisure');
    expect(col.labels).toEqual(['cinema', 'sport']);
    expect(answers(col, 3)).toEqual([['cinema'], [], ['cinema', 'sport']]);
    // Grouping never hides a column: cinema and sport stay questions of their own.
    expect(table.columns.map((c) => c.id)).toEqual([
      'id',
      'sexe',
      'loisirs',
      'cinema',
      'sport',
      'poids',
    ]);
    expect(table.columns.filter((c) => c.memberOf === 'loisirs').map((c) => c.id)).toEqual([
      'cinema',
      'sport',
    ]);
  });

  it('ungroups a multi-answer question back into single questions', () => {
    const { table } = loadRespondents('Q5_1,Q5_2\n1,0\n0,1\n', {
      schemaOverrides: [{ type: 'ungroup', id: 'Q5' }],
    });
    expect(table.columns.map((c) => [c.id, c.type])).toEqual([
      ['Q5_1', 'single'],
      ['Q5_2', 'single'],
    ]);
  });

  it('renames a question and changes its kind', () => {
    const { table } = loadRespondents('q1,q2\na;b,3\nb,4\n', {
      schemaOverrides: [
        { type: 'rename', id: 'q2', text: 'Cups per day' },
        { type: 'kind', id: 'q2', kind: 'numeric' },
        { type: 'kind', id: 'q1', kind: 'single' },
      ],
    });
    const q2 = column(table, 'q2');
    expect(q2.text).toBe('Cups per day');
    expect(q2.type === 'numeric' && Array.from(q2.values)).toEqual([3, 4]);
    expect(answers(column(table, 'q1'), 2)).toEqual(['a;b', 'b']);
  });

  it('sets and clears the weight and id', () => {
    const { table } = loadRespondents(BATTERY, { weightId: null, idColumnId: null });
    expect(table.weightId).toBeNull();
    expect(table.idColumnId).toBeNull();
    expect(column(table, 'poids').type).toBe('numeric');
  });

  const refused: { what: string; override: SchemaOverride; code: string }[] = [
    {
      what: 'an unknown column',
      override: { type: 'rename', id: 'nope', text: 'x' },
      code: 'schema-unknown-column',
    },
    {
      what: 'a weight that is not numeric',
      override: { type: 'weight', id: 'sexe' },
      code: 'schema-weight-not-numeric',
    },
    {
      what: 'multi without a separator',
      override: { type: 'kind', id: 'sexe', kind: 'multi' },
      code: 'schema-multi-separator',
    },
    {
      what: 'an empty group',
      override: { type: 'group', id: 'g', columns: [] },
      code: 'schema-group-empty',
    },
  ];
  it.each(refused)('refuses $what with a specific error', ({ override, code }) => {
    const r = load(BATTERY, { schemaOverrides: [override] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.file).toBe('test.csv');
    }
  });
});
