// The real survey files beside the project (../shared/datasets, read-only):
// encodings detected, text decoded without loss, rows as PapaParse and
// Python's csv module read them. Skipped, with a note, when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createChunkDecoder, decodeBytes } from '../../../src/core/csv/decode';
import { detectDelimiter } from '../../../src/core/csv/delimiter';
import { detectEncoding } from '../../../src/core/csv/encoding';
import type { EncodingName } from '../../../src/core/csv/encoding';
import { parseCsv } from '../../../src/core/csv/parse';
import { createTokenizer } from '../../../src/core/csv/tokenize';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const present = existsSync(DATA);
if (!present) console.log(`Real-file CSV tests skipped: ${DATA} is absent`);

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(`${DATA}${path}`));

/** file, encoding we detect, bom, rows (header included; Python's csv module agrees), fields per row. */
const FILES: [string, EncodingName, boolean, number, number][] = [
  ['nneune-coffee-survey/coffee_survey.csv', 'utf-8', false, 65, 47],
  ['derived/coffee_survey.utf8-bom.csv', 'utf-8', true, 65, 47],
  ['derived/coffee_survey.gb18030.csv', 'gb18030', false, 65, 47],
  // Legacy 8-bit: one byte pair (8C E6) after "Expanded Universe?", mojibake in the source itself.
  ['fivethirtyeight/star-wars-survey/StarWars.csv', 'windows-1252', false, 1188, 38],
  // Mac Roman: the stray 0xCA bytes are no-break spaces.
  ['fivethirtyeight/food-world-cup/food-world-cup-data.csv', 'macintosh', false, 1374, 48],
  // Mac Roman: 0x81 is undefined in Windows-1252.
  ['fivethirtyeight/ahca-polls/ahca_polls.csv', 'macintosh', false, 16, 7],
  ['fivethirtyeight/masculinity-survey/raw-responses.csv', 'utf-8', false, 1616, 98],
  ['fivethirtyeight/masculinity-survey/masculinity-survey.csv', 'utf-8', false, 233, 12],
  ['fivethirtyeight/thanksgiving-2015/thanksgiving-2015-poll-data.csv', 'utf-8', false, 1059, 65],
  ['questionr/questionr-hdv2003.csv', 'utf-8', false, 2001, 20],
];

describe.skipIf(!present)('real survey files', () => {
  it.each(FILES)(
    '%s reads as %s (BOM %s) into %i rows of %i fields, as PapaParse reads it',
    (path, encoding, bom, rows, fields) => {
      const bytes = read(path);
      const guess = detectEncoding(bytes);
      expect([guess.encoding, guess.bom]).toEqual([encoding, bom]);
      const { text, lossyLines } = decodeBytes(bytes, encoding);
      expect(lossyLines).toEqual([]);
      expect(detectDelimiter(text.slice(0, 64 * 1024)).delimiter).toBe(',');
      const parsed = parseCsv(text, { file: path });
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parsed.value.rows).toHaveLength(rows);
      expect(new Set(parsed.value.rows.map((r) => r.length))).toEqual(new Set([fields]));
      const papa = Papa.parse<string[]>(text, { header: false, delimiter: ',' }).data;
      if (papa.length === rows + 1) papa.pop(); // PapaParse's extra [""] after the final line break
      expect(parsed.value.rows).toEqual(papa);
    },
  );

  it.each(['derived/coffee_survey.gb18030.csv', 'derived/coffee_survey.utf8-bom.csv'])(
    '%s decodes to exactly the text of the original coffee survey',
    (path) => {
      const original = decodeBytes(read('nneune-coffee-survey/coffee_survey.csv'), 'utf-8').text;
      const bytes = read(path);
      expect(decodeBytes(bytes, detectEncoding(bytes).encoding).text).toBe(original);
    },
  );

  it('reads the food-world-cup 0xCA bytes as no-break spaces', () => {
    const { text } = decodeBytes(
      read('fivethirtyeight/food-world-cup/food-world-cup-data.csv'),
      'macintosh',
    );
    expect(text).toContain('level of knowledge\u00a0of cuisines');
    expect(text.match(/Not much\u00a0,/g)?.length).toBeGreaterThan(10);
  });

  it('marks the ahca-polls lines 8 and 12 lossy when the file is forced to Windows-1252', () => {
    expect(
      decodeBytes(read('fivethirtyeight/ahca-polls/ahca_polls.csv'), 'windows-1252').lossyLines,
    ).toEqual([8, 12]);
  });

  it('does not count the U+FFFD already in the thanksgiving file (line 1044) as lossy', () => {
    const { text, lossyLines } = decodeBytes(
      read('fivethirtyeight/thanksgiving-2015/thanksgiving-2015-poll-data.csv'),
      'utf-8',
    );
    expect(text).toContain('Spinach souffl\uFFFD');
    expect(lossyLines).toEqual([]);
  });

  it('marks every line with an 0xCA byte lossy when food-world-cup is forced to UTF-8', () => {
    const bytes = read('fivethirtyeight/food-world-cup/food-world-cup-data.csv');
    const expected: number[] = [];
    let line = 1;
    let marked = false;
    for (const b of bytes) {
      if (b === 0xca && !marked) {
        expected.push(line);
        marked = true;
      }
      if (b === 0x0a) {
        line++;
        marked = false;
      }
    }
    expect(expected.length).toBeGreaterThan(200);
    expect(decodeBytes(bytes, 'utf-8').lossyLines).toEqual(expected);
  });

  it.each(FILES.map(([path, encoding]) => [path, encoding] as const))(
    '%s gives the same rows when bytes stream through the chunk decoder and tokenizer in 4 KB chunks',
    (path, encoding) => {
      const bytes = read(path);
      const whole = parseCsv(decodeBytes(bytes, encoding).text, { file: path, delimiter: ',' });
      const rows: string[][] = [];
      const dec = createChunkDecoder(encoding);
      const tok = createTokenizer({
        delimiter: ',',
        file: path,
        onRow: (cells) => void rows.push(cells.slice()),
      });
      for (let i = 0; i < bytes.length; i += 4096)
        expect(tok.push(dec.push(bytes.subarray(i, i + 4096))).ok).toBe(true);
      expect(tok.push(dec.end()).ok).toBe(true);
      expect(tok.end().ok).toBe(true);
      expect(whole.ok && rows).toEqual(whole.ok && whole.value.rows);
    },
  );
});
