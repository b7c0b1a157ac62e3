import { describe, expect, it } from 'vitest';
import {
  applyAnswerOrder,
  leadingNumber,
  naturalOrder,
  orderLabels,
} from '../../../src/core/table/order';
import type { RespondentTable } from '../../../src/core/table/types';

describe('answer order', () => {
  it.each([
    ['18-24', 18],
    ['41+', 41],
    ['<5', 4.5],
    ['Less than 5 minutes', 4.5],
    ['6 to 15 minutes', 6],
    ['2,5 hours', 2.5],
    ['Many times a day', null],
  ])('reads the leading number of "%s" as %s', (label, n) => {
    expect(leadingNumber(label)).toBe(n);
  });

  it('orders age bands by their first number', () => {
    expect(naturalOrder(['31-40', '18-24', '25-30', '41+'])).toEqual([1, 2, 0, 3]);
  });

  it('keeps first-seen order when any label does not start with a number', () => {
    expect(naturalOrder(['Many times a day', 'Once a week', '3 times'])).toBeNull();
  });

  it('remaps codes so every respondent keeps their answer', () => {
    const table: RespondentTable = {
      format: 'respondents',
      meta: { title: 't', notice: null, source: null },
      rowCount: 5,
      weightId: null,
      idColumnId: null,
      columns: [
        {
          type: 'single',
          id: 'age',
          text: 'age',
          labels: ['31-40', '18-24', '41+'],
          codes: Uint8Array.from([1, 2, 3, 0, 2]),
        },
      ],
    };
    const ordered = orderLabels(table).columns[0]!;
    if (ordered.type !== 'single') throw new Error('single expected');
    expect(ordered.labels).toEqual(['18-24', '31-40', '41+']);
    expect([...ordered.codes].map((c) => (c === 0 ? null : ordered.labels[c - 1]))).toEqual([
      '31-40',
      '18-24',
      '41+',
      null,
      '18-24',
    ]);
  });
});

describe('answer order from a sidecar', () => {
  const table: RespondentTable = {
    format: 'respondents',
    meta: { title: 't', notice: null, source: null },
    rowCount: 4,
    weightId: null,
    idColumnId: null,
    columns: [
      {
        type: 'single',
        id: 'freq',
        text: 'How often?',
        labels: ['Weekly', 'Daily', 'Monthly'],
        codes: Uint8Array.from([1, 2, 3, 2]),
      },
    ],
  };

  it('puts listed answers first, in the given order, and keeps every answer with its respondent', () => {
    const ordered = applyAnswerOrder(table, { freq: ['Daily', 'Weekly'] }).columns[0]!;
    if (ordered.type !== 'single') throw new Error('single expected');
    expect(ordered.labels).toEqual(['Daily', 'Weekly', 'Monthly']);
    expect([...ordered.codes].map((c) => ordered.labels[c - 1])).toEqual([
      'Weekly',
      'Daily',
      'Monthly',
      'Daily',
    ]);
  });

  it('ignores labels the question does not have and questions the table does not have', () => {
    const same = applyAnswerOrder(table, {
      freq: ['Never'],
      other: ['x'],
      __proto__: ['y'],
    } as never);
    expect(same.columns[0]).toEqual(table.columns[0]);
  });
});
