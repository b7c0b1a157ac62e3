// The respondent CSV export, written in chunks (what the export worker
// streams), is byte for byte what the one-shot writer wrote before: the same
// cells, the same quoting, the same formula rule, for any chunk size.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/core/export/csv';
import {
  CHUNK_ROWS,
  exportRespondentCsv,
  respondentCsvChunks,
} from '../../../src/core/export/respondents';
import type { Column, RespondentTable } from '../../../src/core/table/types';
import { loadRespondents } from '../../support/pipeline';

/**
 * The writer as it was before chunks (src/core/table/exportCsv.ts at d16304c):
 * every row built, then one tableToCsv call. The reference for byte identity.
 */
function previousWriter(table: RespondentTable): string {
  const valueAt = (column: Column, i: number): string => {
    switch (column.type) {
      case 'single':
      case 'text': {
        const code = column.codes[i] ?? 0;
        return code === 0 ? '' : (column.labels[code - 1] ?? '');
      }
      case 'numeric': {
        const v = column.values[i] ?? NaN;
        return Number.isNaN(v) ? '' : String(v);
      }
      case 'multi': {
        const p = column.patternOf[i] ?? 0;
        if (p === 0) return '';
        const chosen: string[] = [];
        for (let j = 0; j < column.labels.length; j++) {
          const word = column.masks[(p - 1) * column.words + (j >>> 5)] ?? 0;
          if (word & (1 << (j & 31))) chosen.push(column.labels[j] ?? '');
        }
        return chosen.join(';');
      }
    }
  };
  const rows: string[][] = [table.columns.map((c) => c.text)];
  for (let i = 0; i < table.rowCount; i++) rows.push(table.columns.map((c) => valueAt(c, i)));
  return tableToCsv(rows);
}

const RLO = '\u202e';
// Formula starts (behind spaces and bidi controls), quotes, line breaks, a
// comma, CJK and right-to-left text, a trailing space inside quotes, a
// multi-answer question (one respondent chose none), numbers and blanks.
const FIXTURE = [
  'id,q,apps,score,"note, free"',
  '1,"=HYPERLINK(""http://x"")","WeChat;QQ",1.5,"two\nlines"',
  `2,"${RLO}=1+1","QQ",-3,"say ""hi"""`,
  '3,"  +cmd","",,"@SUM(A1)"',
  '4,微信,"微博;WeChat",0.1,"مرحبا بالعالم"',
  '5,-5,";",1e3,"-2+3"',
  `6,"tab\tinside","QQ;微博",7,"${RLO}gnp.exe"`,
  '7,"ends with space ",WeChat,2,"\'=already"',
].join('\n');

const loaded = loadRespondents(`${FIXTURE}\n`, {
  file: 'fixture.csv',
  missingTokens: [''],
  definition: {
    format: 'survey-workbench-definition',
    version: 1,
    questions: [
      { id: 'apps', text: 'Apps used', kind: 'multi', columns: ['apps'], separator: ';' },
      { id: 'note', text: 'note, free', kind: 'text', columns: ['note, free'] },
    ],
  },
});

describe('the chunked respondent CSV writer', () => {
  it('writes every kind of hostile or unusual cell exactly as the one-shot writer did', () => {
    const expected = previousWriter(loaded.table);
    // A real fixture: formula cells neutralised, quotes doubled, CJK and RTL kept.
    expect(expected).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(expected).toContain(`'${RLO}=1+1`);
    expect(expected).toContain('WeChat;微博');
    expect(expected).toContain('"say ""hi"""');
    expect(expected).toContain('"two\nlines"');
    expect(exportRespondentCsv(loaded.table)).toBe(expected);
  });

  it.each([1, 2, 3, 7, CHUNK_ROWS])('gives the same bytes in chunks of %i rows', (size) => {
    const chunks = [...respondentCsvChunks(loaded.table, size)];
    expect(chunks.map((c) => c.text).join('')).toBe(previousWriter(loaded.table));
    expect(chunks.length).toBe(Math.ceil(7 / size));
    expect(chunks.at(-1)!.rows).toBe(7);
    expect(chunks.map((c) => c.rows)).toEqual(
      Array.from({ length: chunks.length }, (_, k) => Math.min(7, (k + 1) * size)),
    );
  });

  it('reads back to the same cells, chunk borders included', () => {
    const text = [...respondentCsvChunks(loaded.table, 2)].map((c) => c.text).join('');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows.length).toBe(8);
    expect(rows[2]![1]).toBe(`'${RLO}=1+1`);
    expect(rows[4]![2]).toBe('WeChat;微博');
    expect(rows[1]![4]).toBe('two\nlines');
  });

  it('writes a survey without respondents as its header alone', () => {
    const empty: RespondentTable = { ...loaded.table, rowCount: 0 };
    const chunks = [...respondentCsvChunks(empty, 3)];
    expect(chunks).toEqual([{ text: previousWriter(empty), rows: 0 }]);
    expect(chunks[0]!.text).toBe('id,q,Apps used,score,"note, free"\n');
  });

  it('writes the bundled-size case, 25,001 respondents, in three chunks of the same bytes', () => {
    const n = 25_001;
    const lines = ['id,city,apps'];
    for (let i = 0; i < n; i++) lines.push(`${i},${['北京', '=cmd', 'Paris'][i % 3]},"a;b"`);
    const big = loadRespondents(`${lines.join('\n')}\n`, { file: 'big.csv' });
    const chunks = [...respondentCsvChunks(big.table)];
    expect(chunks.map((c) => c.rows)).toEqual([10_000, 20_000, 25_001]);
    expect(chunks.map((c) => c.text).join('')).toBe(previousWriter(big.table));
  });
});
