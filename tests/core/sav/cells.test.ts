// Values become the cell texts the table encoders read: value labels, numbers,
// trimmed strings; system-missing and user-missing values are missing, and
// the definition lists the user-missing ones it can name. Answers come in code order.
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../src/core/pipeline';
import { answers, column, loaded } from './helpers';
import { savFile, SYSMIS, type FileSpec } from './writer';

const load = (spec: FileSpec, compression: 0 | 1 = 0) =>
  loaded(loadSurveyFile(savFile({ ...spec, compression }), { file: 'test.sav' }));
const question = (r: ReturnType<typeof load>, id: string) =>
  r.definition.questions?.find((q) => q.id === id);

describe.each([0, 1] as const)('cells (compression %i)', (compression) => {
  it('labels values, keeps unlabelled codes as numbers, and lists answers in code order', () => {
    const r = load(
      {
        vars: [{ name: 'RATING', label: 'How good?' }],
        labels: [
          {
            labels: [
              [5, 'Good'],
              [1, 'Bad'],
            ],
            indexes: [1],
          },
        ],
        cases: [[3], [5], [1], [2], [SYSMIS], [4.5]],
      },
      compression,
    );
    expect(answers(r.table, 'RATING')).toEqual(['3', 'Good', 'Bad', '2', null, '4.5']);
    expect(column(r.table, 'RATING')).toMatchObject({
      text: 'How good?',
      labels: ['Bad', '2', '3', '4.5', 'Good'],
    });
    expect(question(r, 'RATING')).toMatchObject({
      kind: 'single',
      answers: ['Bad', '2', '3', '4.5', 'Good'],
    });
  });

  it('counts discrete user-missing values as missing and records them in the definition', () => {
    const r = load(
      {
        vars: [{ name: 'Q', missing: [9, 8] }],
        labels: [
          {
            labels: [
              [1, 'Yes'],
              [2, 'No'],
              [9, 'Refused'],
            ],
            indexes: [1],
          },
        ],
        cases: [[1], [9], [2], [8], [1]],
      },
      compression,
    );
    expect(answers(r.table, 'Q')).toEqual(['Yes', null, 'No', null, 'Yes']);
    expect(question(r, 'Q')).toMatchObject({ answers: ['Yes', 'No'], missing: ['Refused', '8'] });
  });

  it('reads values in a missing range as missing: labelled ones are listed, unlabelled ones cannot be', () => {
    const r = load(
      {
        vars: [{ name: 'N', missingCode: -3, missing: [90, Number.MAX_VALUE, -1] }],
        labels: [{ labels: [[98, "Don't know"]], indexes: [1] }],
        cases: [[10], [95], [98], [-1], [20], [11], [12], [13], [14], [15], [16], [17], [18]],
      },
      compression,
    );
    // Labels name only missing values: a number, not categories.
    const n = column(r.table, 'N');
    expect(n.type).toBe('numeric');
    expect(n.type === 'numeric' && Array.from(n.values.slice(0, 5))).toEqual([
      10,
      NaN,
      NaN,
      NaN,
      20,
    ]);
    expect(question(r, 'N')).toMatchObject({ kind: 'numeric', missing: ['-1', "Don't know"] });
  });

  it('makes repeated labels unique and keeps a number apart from a label that reads the same', () => {
    const r = load(
      {
        vars: [{ name: 'Q' }],
        labels: [
          {
            labels: [
              [1, 'Other'],
              [2, 'Other'],
              [3, '4'],
              [5, ''],
            ],
            indexes: [1],
          },
        ],
        cases: [[1], [2], [3], [4], [5]],
      },
      compression,
    );
    expect(answers(r.table, 'Q')).toEqual(['Other', 'Other (2)', '4', '4 (no label)', '5']);
  });

  it('trims strings, reads blanks as missing, labels short strings, and honours string missing values', () => {
    const r = load(
      {
        vars: [{ name: 'S', type: 6, missing: ['?'] }, { name: 'ID' }],
        labels: [
          {
            labels: [
              ['y', 'Yes'],
              ['n', 'No'],
            ],
            indexes: [1],
          },
        ],
        cases: [
          ['y', 1],
          ['  n  ', 2],
          ['', 3],
          ['?', 4],
          ['maybe', 5],
        ],
      },
      compression,
    );
    expect(answers(r.table, 'S')).toEqual(['Yes', 'No', null, null, 'maybe']);
    // Strings in code order too: by value ('maybe' < 'n' < 'y'), as SPSS sorts them.
    expect(question(r, 'S')).toMatchObject({
      kind: 'single',
      answers: ['maybe', 'No', 'Yes'],
      missing: ['?'],
    });
  });

  it('reads an unlabelled numeric variable as numbers and a many-valued string as free text', () => {
    const cases = Array.from({ length: 30 }, (_, i) => [i * 1.5, `answer number ${i}`]);
    const r = load({ vars: [{ name: 'X' }, { name: 'T', type: 20 }], cases }, compression);
    expect(column(r.table, 'X').type).toBe('numeric');
    expect(column(r.table, 'T').type).toBe('text');
  });
});
