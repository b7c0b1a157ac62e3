// The decisions the query must carry, one file each, written to be awkward:
// Unicode spaces and missing tokens, a question's own missing values,
// separators with nothing between them, yes/no batteries in any case, label
// batteries with "Not selected", every way a weight can be unusable, a
// decimal comma, tabs, a two-line header, headers that differ only in case,
// UTF-16, quoted newlines and CRLF. DuckDB's counts must be the engine's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import type { SurveyDefinition } from '../../../src/core/definition/definition';
import type { LoadOptions } from '../../../src/core/pipeline';
import type { Schema } from '../../../src/core/schema/types';
import { createTableBuilder } from '../../../src/core/table/encode';
import type { Delimiter } from '../../../src/core/csv/delimiter';
import type { EncodingName } from '../../../src/core/csv/encoding';
import type { SqlSource } from '../../../src/core/sql/crosstab';
import { loadRespondents } from '../../support/pipeline';
import { expectSameCounts, expectSqlMatches, openDuck, type Duck } from './duckdb';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { crosstabSql } from '../../../src/core/sql/crosstab';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping SQL edge cases in DuckDB: ${duck}`);

const dir = mkdtempSync(join(tmpdir(), 'survey-sql-edges-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (typeof duck !== 'string') duck.close();
});

const def = (rest: Partial<SurveyDefinition>): SurveyDefinition => ({
  format: 'survey-workbench-definition',
  version: 1,
  ...rest,
});

interface Case {
  name: string;
  bytes: Uint8Array;
  delimiter: Delimiter;
  encoding?: EncodingName;
  opts?: Partial<LoadOptions>;
  specs: [string, CrosstabSpec][];
  check?(loaded: ReturnType<typeof loadRespondents>): void;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const NBSP = '\u00a0';
const IDEO = '\u3000';

const CASES: Case[] = [
  {
    name: 'Unicode spaces, missing tokens and a question’s own missing values',
    bytes: utf8(
      [
        'id,q1,q2,apps',
        `1,${NBSP}Yes${IDEO},Refused,"A;A"`,
        '2, NA ,Blue," A ; B "',
        '3,#N/A,Red,";"',
        `4,No,${IDEO}Red\u2028,";;"`,
        '5,,Blue,NA',
        '6,Yes,n/a,"A;NA"',
        '7,yes,Refused,"a;A"',
        '8,No,Red,',
        '9,\u200bYes,Blue,"\u00a0b\u00a0;\u3000"',
      ].join('\n'),
    ),
    delimiter: ',',
    opts: {
      definition: def({
        questions: [
          { id: 'q2', text: 'Colour', kind: 'single', columns: ['q2'], missing: ['Refused'] },
          { id: 'apps', text: 'Apps', kind: 'multi', columns: ['apps'], separator: ';' },
        ],
      }),
    },
    specs: [
      ['q1 × q2', { rows: { questionId: 'q1' }, cols: { questionId: 'Colour' } }],
      ['apps × q1', { rows: { questionId: 'apps' }, cols: { questionId: 'q1' } }],
      ['apps × apps', { rows: { questionId: 'apps' }, cols: { questionId: 'apps' } }],
      [
        'q2 × Total, filtered on apps',
        { rows: { questionId: 'q2' }, cols: null, filter: [{ questionId: 'apps', options: [0] }] },
      ],
    ],
    check: (l) => {
      const q1 = l.table.columns.find((c) => c.id === 'q1');
      // The zero-width space is no space to String.trim: "\u200bYes" is its own answer.
      expect(q1?.type === 'single' && q1.labels).toEqual(['Yes', 'No', 'yes', '\u200bYes']);
    },
  },
  {
    name: 'Oui/Non battery with the definition’s chosen value, any case',
    bytes: utf8(
      [
        'id,sport,cinema,peche,poids,sexe',
        '1,Oui,Non,non,1.5,Homme',
        '2,OUI,oui,,2,Femme',
        '3,Non,NA,peut-être,0.5,Homme',
        '4,,,,3,Femme',
        '5,oui,Oui,Oui,1,Femme',
      ].join('\n'),
    ),
    delimiter: ',',
    opts: {
      definition: def({
        weight: 'poids',
        questions: [
          {
            id: 'loisirs',
            text: 'Loisirs',
            kind: 'multi',
            columns: ['sport', 'cinema', 'peche'],
            chosen: ['Oui'],
          },
        ],
      }),
    },
    specs: [
      [
        'loisirs × sexe, weighted',
        { rows: { questionId: 'loisirs' }, cols: { questionId: 'sexe' } },
      ],
      [
        'sexe × loisirs with a net, unweighted',
        {
          rows: { questionId: 'sexe' },
          cols: { questionId: 'loisirs', nets: [{ label: 'Sport or cinema', options: [0, 1] }] },
          weightId: null,
        },
      ],
      ['sport (a member column) × Total', { rows: { questionId: 'sport' }, cols: null }],
    ],
  },
  {
    name: 'label battery with "Not selected", 0 and blanks',
    bytes: utf8(
      [
        'id,m_1,m_2,m_3,g',
        '1,Friends,Not selected,TV,a',
        '2,NOT SELECTED,not checked,0,b',
        '3,,,,a',
        '4,Friends,Unchecked,Radio,b',
        '5,friends ,NA,TV,a',
      ].join('\n'),
    ),
    delimiter: ',',
    opts: {
      definition: def({
        questions: [
          {
            id: 'media',
            text: 'Media',
            kind: 'multi',
            columns: ['m_1', 'm_2', 'm_3'],
            answers: ['Friends', 'Family', 'TV'],
          },
        ],
      }),
    },
    specs: [
      ['media × g', { rows: { questionId: 'media' }, cols: { questionId: 'g' } }],
      [
        'g × media, nets, filtered on media',
        {
          rows: { questionId: 'g', nets: [{ label: 'a or b', options: [0, 1] }] },
          cols: { questionId: 'media', nets: [{ label: 'Friends or TV', options: [0, 2] }] },
          filter: [{ questionId: 'media', options: [2] }],
        },
      ],
    ],
  },
  {
    name: 'every unusable weight, and weights JavaScript reads oddly',
    bytes: utf8(
      [
        'id,w,g',
        ...[
          '1.5',
          ' 2 ',
          '0',
          '-1',
          '',
          'NA',
          'abc',
          '1e10',
          '1e9',
          '1000000000.5',
          '0x10',
          '0b11',
          '0o17',
          '.5',
          '5.',
          '+2',
          '1_000',
          'inf',
          'Infinity',
          'NaN',
          '1e-5',
          '00012',
          '1,5',
          '1e400',
          '-0',
          '1 2',
        ].map((w, i) => `${i + 1},"${w}",${i % 3 === 0 ? 'a' : 'b'}`),
      ].join('\n'),
    ),
    delimiter: ',',
    // Numeric by the definition, and the weight of the view: a definition's weight must look numeric.
    opts: {
      definition: def({ questions: [{ id: 'w', text: 'w', kind: 'numeric', columns: ['w'] }] }),
    },
    specs: [['g × Total, weighted', { rows: { questionId: 'g' }, cols: null, weightId: 'w' }]],
  },
  {
    name: 'semicolons and a decimal comma',
    bytes: utf8(
      ['id;w;g;h', '1;1,5;a;x', '2;2,25;b;x', '3;0,5;a;y', '4;3;b;y', '5;1,2,3;a;x'].join('\r\n'),
    ),
    delimiter: ';',
    opts: {
      definition: def({ questions: [{ id: 'w', text: 'w', kind: 'numeric', columns: ['w'] }] }),
    },
    specs: [
      ['g × h, weighted', { rows: { questionId: 'g' }, cols: { questionId: 'h' }, weightId: 'w' }],
    ],
    check: (l) => expect(l.schema.decimalComma).toBe(true),
  },
  {
    name: 'tabs, quotes and newlines inside cells, CRLF',
    bytes: utf8(
      [
        'id\tq\tr',
        '1\t"two\r\nlines"\t"say ""hi"""',
        '2\tplain\t"a\tb"',
        '3\t"two\r\nlines"\tx',
        '4\tplain\t"say ""hi"""',
      ].join('\r\n'),
    ),
    delimiter: '\t',
    specs: [['q × r', { rows: { questionId: 'q' }, cols: { questionId: 'r' } }]],
  },
  {
    name: 'an Excel export: a line break inside a header cell (LF), then CRLF rows',
    bytes: utf8(
      ['id,"Which apps do you\nuse?",g', '1,"A;B",x', '2,"B\nC",y', '3,A,x'].join('\r\n'),
    ),
    delimiter: ',',
    specs: [
      ['apps × g', { rows: { questionId: 'Which apps do you\nuse?' }, cols: { questionId: 'g' } }],
    ],
    opts: {
      definition: def({
        questions: [
          {
            id: 'Which apps do you\nuse?',
            text: 'Apps',
            kind: 'multi',
            columns: ['Which apps do you\nuse?'],
            separator: ';',
          },
        ],
      }),
    },
  },
  {
    name: 'a two-line header (labels under blank continuation cells)',
    bytes: utf8(
      [
        'id,Which films have you seen?,,,Gender',
        ',Film A,Film B,Film C,Response',
        '1,Film A,,Film C,Female',
        '2,,Film B,,Male',
        '3,,,,Female',
        '4,Film A,Film B,Film C,Male',
      ].join('\n'),
    ),
    delimiter: ',',
    specs: [
      [
        'films × Gender',
        { rows: { questionId: 'Which films have you seen?' }, cols: { questionId: 'Gender' } },
      ],
      [
        'Gender × one film column',
        {
          rows: { questionId: 'Gender' },
          cols: { questionId: 'Which films have you seen? [Film B]' },
        },
      ],
    ],
    check: (l) => expect(l.schema.headerLines).toBe(2),
  },
  {
    name: 'headers that differ only in case (one column to DuckDB unless renamed)',
    bytes: utf8(['Q1,q1,q1_2', 'a,x,1', 'b,y,2', 'a,y,1'].join('\n')),
    delimiter: ',',
    specs: [
      ['Q1 × q1', { rows: { questionId: 'Q1' }, cols: { questionId: 'q1' } }],
      ['q1 × q1_2', { rows: { questionId: 'q1' }, cols: { questionId: 'q1_2' } }],
    ],
  },
  {
    name: 'columns named like the query’s own names (x, p, o, l, weight, row_answer, count, cells…)',
    bytes: utf8(
      [
        'x,p,o,l,weight,row_answer,count,cells,respondents,filter_1,r',
        '"a;b",A,Oui,Non,1.5,u,v,w,y,z,q',
        '"b",B,Non,Oui,2,u,v,w,y,z,q',
        '"a; c",A,Oui,Oui,0.5,u,v,w,y,z,r',
      ].join('\n'),
    ),
    delimiter: ',',
    opts: {
      definition: def({
        weight: 'weight',
        questions: [
          { id: 'x', text: 'x', kind: 'multi', columns: ['x'], separator: ';' },
          { id: 'ol', text: 'ol', kind: 'multi', columns: ['o', 'l'], chosen: ['Oui'] },
        ],
      }),
    },
    specs: [
      [
        'x × p',
        {
          rows: { questionId: 'x', nets: [{ label: 'a or b', options: [0, 1] }] },
          cols: { questionId: 'p' },
        },
      ],
      [
        'ol × r, filtered on x',
        {
          rows: { questionId: 'ol' },
          cols: { questionId: 'r' },
          filter: [{ questionId: 'x', options: [0] }],
        },
      ],
      [
        'row_answer × count',
        {
          rows: { questionId: 'row_answer' },
          cols: { questionId: 'count' },
          filter: [{ questionId: 'ol', options: [1] }],
        },
      ],
    ],
  },
  {
    name: 'UTF-16 LE with a byte order mark',
    bytes: (() => {
      const text = '\ufeffid,q,r\n1,été,ja\n2,hiver,nein\n3,été,nein\n';
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        out[2 * i] = text.charCodeAt(i) & 0xff;
        out[2 * i + 1] = text.charCodeAt(i) >> 8;
      }
      return out;
    })(),
    delimiter: ',',
    encoding: 'utf-16le',
    specs: [['q × r', { rows: { questionId: 'q' }, cols: { questionId: 'r' } }]],
    check: (l) => expect(l.detected.encoding).toBe('utf-16le'),
  },
];

describe.skipIf(typeof duck === 'string')('crosstabSql carries every decision', () => {
  const db = duck as Duck;
  it.each(CASES)('$name', async (c) => {
    const loaded = loadRespondents(c.bytes, { file: 'edge.csv', ...c.opts });
    c.check?.(loaded);
    const path = join(dir, `${CASES.indexOf(c)}.csv`);
    writeFileSync(path, c.bytes);
    const source: SqlSource = {
      kind: 'csv',
      path,
      delimiter: c.delimiter,
      encoding: c.encoding ?? 'utf-8',
    };
    expect(loaded.detected.delimiter).toBe(c.delimiter);
    for (const [what, spec] of c.specs) await expectSqlMatches(db, loaded, source, spec, what);
  });

  it('a yes/no battery without chosen values reads the built-in tokens (Y, Yes, 1, TRUE, x, checked…)', async () => {
    // Only a schema can say this (a definition always names its chosen values): build the table from it.
    const rows = [
      ['Y', 'n', 'TRUE', 'g1'],
      ['yes', '0', 'false', 'g2'],
      ['x', 'Checked', 'SELECTED', 'g1'],
      ['1', 'maybe', '', 'g2'],
      ['no', 'NA', '是', 'g1'],
      ['', '', '', 'g2'],
    ];
    const schema: Schema = {
      columnNames: ['a', 'b', 'c', 'g'],
      headerLines: 1,
      questions: [
        {
          id: 'abc',
          text: 'ABC',
          kind: 'multi',
          sourceColumns: [0, 1, 2],
          grid: null,
          reason: '',
          multi: { encoding: 'columns', style: 'binary', options: ['A', 'B', 'C'] },
        },
        {
          id: 'g',
          text: 'g',
          kind: 'single',
          sourceColumns: [3],
          grid: null,
          reason: '',
          multi: null,
        },
      ],
      missingTokens: ['', 'NA'],
      weightId: null,
      proposedWeightId: null,
      idColumnId: null,
      decimalComma: false,
      warnings: [],
    };
    const builder = createTableBuilder(schema, { title: 't', notice: null, source: null });
    for (const r of rows) builder.push(r);
    const { table } = builder.finish();
    const path = join(dir, 'builtin.csv');
    writeFileSync(path, ['a,b,c,g', ...rows.map((r) => r.join(','))].join('\n'));
    const spec: CrosstabSpec = { rows: { questionId: 'abc' }, cols: { questionId: 'g' } };
    const sql = crosstabSql({ source: { kind: 'csv', path, delimiter: ',' }, schema, spec, table });
    if (!sql.ok) throw new Error(sql.error.message);
    const x = crosstab(table, spec);
    if (!x.ok) throw new Error(x.error.message);
    expect(x.value.counts).toEqual([
      [2, 2],
      [1, 0],
      [3, 0],
    ]);
    expectSameCounts(x.value, await db.rows(sql.value), 'built-in tokens');
  });
});
