import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chosenValue, findYesNoBatteries } from '../../../src/core/schema/battery';
import type { Battery } from '../../../src/core/schema/battery';
import { profileColumn } from '../../../src/core/schema/profile';
import { isNotSelectedToken, isSelectedToken } from '../../../src/core/schema/tokens';
import { DEFAULT_MISSING_TOKENS } from '../../../src/core/schema/types';

const MISSING = new Set(DEFAULT_MISSING_TOKENS);

/** Batteries found in hand-written rows (one name per column: c0, c1, …). */
function find(rows: string[][], taken: number[] = []): Battery[] {
  const width = Math.max(...rows.map((r) => r.length));
  const names = Array.from({ length: width }, (_, i) => `c${i}`);
  const profiles = names.map((_, i) => profileColumn(rows, i, MISSING, false));
  return findYesNoBatteries(names, profiles, new Set(taken));
}

const binary = (columns: number[], chosen: string[], notChosen: string[]): Battery => ({
  columns,
  style: 'binary',
  chosen,
  notChosen,
});

describe('yes/no batteries are found from the values alone', () => {
  it.each([
    {
      set: 'Oui/Non',
      rows: [
        ['Oui', 'Non', 'Non'],
        ['Non', 'Non', 'Oui'],
        ['Non', 'Non', 'Non'],
      ],
      found: [binary([0, 1, 2], ['Oui'], ['Non'])],
    },
    {
      set: 'Y/N, with an all-N column and an all-missing column inside the run',
      rows: [
        ['17', 'Y', 'N', '', 'N'],
        ['23', 'N', 'N', 'NA', 'Y'],
        ['31', 'Y', 'N', '', 'Y'],
      ],
      found: [binary([1, 2, 3, 4], ['Y'], ['N'])],
    },
    {
      set: '0/1 between an id and a count',
      rows: [
        ['101', '1', '0', '0', '3'],
        ['102', '0', '0', '1', '0'],
        ['103', '1', '1', '0', '2'],
      ],
      found: [binary([1, 2, 3], ['1'], ['0'])],
    },
    {
      set: 'TRUE/FALSE in two spellings, most frequent first',
      rows: [
        ['TRUE', 'FALSE', 'true'],
        ['FALSE', 'TRUE', 'FALSE'],
        ['TRUE', 'FALSE', 'FALSE'],
      ],
      found: [binary([0, 1, 2], ['TRUE', 'true'], ['FALSE'])],
    },
    {
      set: '是/否',
      rows: [
        ['是', '否', '否', '是'],
        ['否', '否', '是', '是'],
      ],
      found: [binary([0, 1, 2, 3], ['是'], ['否'])],
    },
    {
      set: 'YES/no compared case-insensitively',
      rows: [
        ['YES', 'no', 'no'],
        ['no', 'YES', 'no'],
      ],
      found: [binary([0, 1, 2], ['YES'], ['no'])],
    },
    {
      set: 'label or blank, with "Not selected"',
      rows: [
        ['Cat', '', 'Not selected'],
        ['', 'Dog', 'Fish'],
        ['Cat', '', 'Not selected'],
      ],
      found: [{ columns: [0, 1, 2], style: 'label', chosen: [], notChosen: [] } as Battery],
    },
  ])('$set columns form one battery', ({ rows, found }) => {
    expect(find(rows)).toEqual(found);
  });

  it.each([
    {
      case: 'Y/N next to Yes/No (two sets)',
      rows: [
        ['Y', 'N', 'Yes', 'No'],
        ['N', 'Y', 'No', 'Yes'],
      ],
    },
    {
      case: 'a run of two yes/no columns',
      rows: [
        ['Oui', 'Non', 'Femme'],
        ['Non', 'Oui', 'Homme'],
      ],
    },
    {
      case: 'constant "Non" columns',
      rows: [
        ['Non', 'Non', 'Non'],
        ['Non', 'Non', 'Non'],
      ],
    },
    {
      case: 'constant "Oui" columns',
      rows: [
        ['Oui', 'Oui', 'Oui'],
        ['Oui', 'Oui', 'Oui'],
      ],
    },
    {
      case: 'columns where one cell is neither yes nor no',
      rows: [
        ['Oui', 'Non', 'Ne sait pas'],
        ['Non', 'Oui', 'Oui'],
      ],
    },
    {
      case: 'numbers other than exactly 0 and 1',
      rows: [
        ['1', '0', '1.0'],
        ['0', '1', '0'],
      ],
    },
    {
      case: 'label columns sharing one label',
      rows: [
        ['X', 'X', ''],
        ['', 'X', 'X'],
      ],
    },
    {
      case: 'label columns holding numbers',
      rows: [
        ['5', '', '7'],
        ['', '6', ''],
      ],
    },
    {
      case: 'constant text columns with no blank',
      rows: [
        ['France', 'ESS', 'Round 9'],
        ['France', 'ESS', 'Round 9'],
      ],
    },
    {
      case: 'label columns holding yes/no words',
      rows: [
        ['Y', '', 'Yes'],
        ['', 'N', ''],
      ],
    },
  ])('$case are not a battery', ({ rows }) => {
    expect(find(rows)).toEqual([]);
  });

  const seven = [
    ['Y', 'N', 'N', 'Y', 'N', 'Y', 'N'],
    ['N', 'Y', 'N', 'N', 'Y', 'N', 'N'],
  ];

  it.each([
    {
      taken: [3],
      found: [
        [0, 1, 2],
        [4, 5, 6],
      ],
    },
    { taken: [2], found: [[3, 4, 5, 6]] },
    { taken: [0, 6], found: [[1, 2, 3, 4, 5]] },
    { taken: [1, 4], found: [] },
  ])('taken columns $taken break the run into $found', ({ taken, found }) => {
    expect(find(seven, taken).map((b) => b.columns)).toEqual(found);
  });

  it('finds separate maximal runs for different sets side by side', () => {
    const rows = [
      ['Y', 'N', 'Y', 'Yes', 'No', 'No', 'Cat', '', 'Fish'],
      ['N', 'Y', 'N', 'No', 'No', 'Yes', '', 'Dog', ''],
    ];
    expect(find(rows)).toEqual([
      binary([0, 1, 2], ['Y'], ['N']),
      binary([3, 4, 5], ['Yes'], ['No']),
      { columns: [6, 7, 8], style: 'label', chosen: [], notChosen: [] },
    ]);
  });

  it('leaves all-missing columns at either end of a run out of it', () => {
    const rows = [
      ['', 'Oui', 'Non', 'Oui', ''],
      ['NA', 'Non', 'Non', 'Oui', ''],
    ];
    expect(find(rows)).toEqual([binary([1, 2, 3], ['Oui'], ['Non'])]);
  });

  it('starts a new label run at a repeated label', () => {
    const rows = [
      ['Cat', '', 'Fish', '', 'Dog', ''],
      ['', 'Dog', '', 'Cat', '', 'Bird'],
    ];
    expect(find(rows).map((b) => b.columns)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});

describe('chosenValue names the "chosen" member of a yes/no pair', () => {
  it.each([
    { values: ['Non', 'Oui'], chosen: 'Oui' },
    { values: ['n', 'y'], chosen: 'y' },
    { values: ['0', '1'], chosen: '1' },
    { values: ['FALSE', 'TRUE'], chosen: 'TRUE' },
    { values: ['否', '是'], chosen: '是' },
    { values: ['Yes', 'no'], chosen: 'Yes' },
    { values: ['Y', 'Yes'], chosen: null },
    { values: ['Oui'], chosen: null },
    { values: ['Non', 'Non'], chosen: null },
    { values: ['1.0', '0'], chosen: null },
    { values: ['Oui', 'Non', 'Ne sait pas'], chosen: null },
    { values: ['Cat', 'Dog'], chosen: null },
    { values: [], chosen: null },
  ])('$values gives $chosen', ({ values, chosen }) => {
    expect(chosenValue(values)).toBe(chosen);
  });
});

describe('the encoder reads every yes/no pair', () => {
  it.each([
    ['Y', 'N'],
    ['Yes', 'No'],
    ['Oui', 'Non'],
    ['1', '0'],
    ['TRUE', 'FALSE'],
    ['是', '否'],
  ])('%s is selected and %s is not', (yes, no) => {
    expect([isSelectedToken(yes), isNotSelectedToken(yes)]).toEqual([true, false]);
    expect([isSelectedToken(no), isNotSelectedToken(no)]).toEqual([false, true]);
  });
});

const HDV2003 = fileURLToPath(
  new URL('../../../../shared/datasets/questionr/questionr-hdv2003.csv', import.meta.url),
);

describe('questionr hdv2003', () => {
  it.skipIf(!existsSync(HDV2003))(
    'finds the seven leisure columns hard.rock … sport as one Oui/Non battery (skips when the shared datasets are absent)',
    () => {
      const parsed = Papa.parse<string[]>(readFileSync(HDV2003, 'utf8'), { skipEmptyLines: true });
      const [names = [], ...rows] = parsed.data;
      const profiles = names.map((_, i) => profileColumn(rows, i, MISSING, false));
      const found = findYesNoBatteries(names, profiles, new Set());
      expect(found).toEqual([binary([12, 13, 14, 15, 16, 17, 18], ['Oui'], ['Non'])]);
      expect(found[0]?.columns.map((c) => names[c])).toEqual([
        'hard.rock',
        'lecture.bd',
        'peche.chasse',
        'cuisine',
        'bricol',
        'cinema',
        'sport',
      ]);
    },
  );
});
