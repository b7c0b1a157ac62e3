import { describe, expect, it } from 'vitest';
import { createChunkDecoder, decodeBytes } from '../../../src/core/csv/decode';
import type { EncodingName } from '../../../src/core/csv/encoding';
import { createTokenizer } from '../../../src/core/csv/tokenize';
import { loadSurveyFile } from '../../../src/core/pipeline';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

function decodeInChunks(input: Uint8Array, encoding: EncodingName, cuts: number[]) {
  const dec = createChunkDecoder(encoding);
  let text = '';
  let from = 0;
  for (const at of [...cuts, input.length]) {
    text += dec.push(input.subarray(from, at));
    from = at;
  }
  text += dec.end();
  return { text, encoding, lossyLines: dec.lossyLines() };
}

/** Inputs whose decoded text and lossy lines must not depend on chunking. */
const CASES: [string, Uint8Array, EncodingName, string, number[]][] = [
  [
    'invalid UTF-8 on lines 2 and 4 (LF, CRLF and CR line ends)',
    bytes('ok\nbad ', [0xff], ' here\r\nfine\rcut ', [0xc3], '\n'),
    'utf-8',
    'ok\nbad \uFFFD here\r\nfine\rcut \uFFFD\n',
    [2, 4],
  ],
  [
    'a UTF-8 character cut off at the end',
    bytes('a,b\n1,caf', [0xc3]),
    'utf-8',
    'a,b\n1,caf\uFFFD',
    [2],
  ],
  [
    'a U+FFFD already in the UTF-8 file (not made by decoding)',
    bytes('q\nsouffl', [0xef, 0xbf, 0xbd], ' \n'),
    'utf-8',
    'q\nsouffl\uFFFD \n',
    [],
  ],
  [
    'the five bytes Windows-1252 leaves undefined',
    bytes('a', [0x81], 'b\nc\nd', [0x9d], '\n', [0x8d, 0x8f, 0x90]),
    'windows-1252',
    'a\uFFFDb\nc\nd\uFFFD\n\uFFFD\uFFFD\uFFFD',
    [1, 3, 4],
  ],
  ['an invalid GB18030 pair', bytes('ok\n', [0x81, 0x20], 'x\n'), 'gb18030', 'ok\n\uFFFD x\n', [2]],
  ['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'a\r\nb'), 'utf-8', 'a\r\nb', []],
  [
    'UTF-16 LE with a BOM',
    new Uint8Array(Buffer.from('\uFEFFé\n😀', 'utf16le')),
    'utf-16le',
    'é\n😀',
    [],
  ],
  [
    'GB18030 with an encoded BOM',
    bytes([0x84, 0x31, 0x95, 0x33], 'a,', [0xb5, 0xf7]),
    'gb18030',
    'a,调',
    [],
  ],
  [
    'Mac Roman, where every byte is defined',
    bytes([0x8e, 0xca, 0xd5, 0x81]),
    'macintosh',
    'é\u00a0’Å',
    [],
  ],
];

describe('decodeBytes', () => {
  it.each(CASES)('decodes %s', (_name, input, encoding, text, lossyLines) => {
    expect(decodeBytes(input, encoding)).toEqual({ text, encoding, lossyLines });
  });

  it('numbers lossy lines as the tokenizer numbers rows, across multi-line quoted values', () => {
    const decoded = decodeBytes(
      bytes('id,comment\n1,"two\r\nlines"\n2,caf', [0xe9], '\n'),
      'utf-8',
    );
    expect(decoded.lossyLines).toEqual([4]);
    const lossyRowLines: number[] = [];
    const tok = createTokenizer({
      delimiter: ',',
      file: 'f.csv',
      onRow: (cells, line) =>
        void (cells.some((c) => c.includes('\uFFFD')) && lossyRowLines.push(line)),
    });
    tok.push(decoded.text);
    expect(tok.end()).toEqual({ ok: true, value: { rows: 3 } });
    expect(lossyRowLines).toEqual([4]);
  });
});

describe('createChunkDecoder', () => {
  it.each(CASES)(
    'gives the same text and lossy lines for %s cut at every offset',
    (_name, input, encoding) => {
      const whole = decodeBytes(input, encoding);
      for (let k = 0; k <= input.length; k++)
        expect(decodeInChunks(input, encoding, [k]), `cut at ${k}`).toEqual(whole);
      const everyByte = Array.from({ length: input.length }, (_, i) => i);
      expect(decodeInChunks(input, encoding, everyByte), 'one byte per chunk').toEqual(whole);
    },
  );
});

describe('replacement characters already in the file', () => {
  it('tells U+FFFD in the bytes (EF BF BD) from U+FFFD that decoding made, line by line', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id,answer\n1,caf'),
      0xef,
      0xbf,
      0xbd,
      ...new TextEncoder().encode('\n2,ok\n'),
    ]);
    const decoder = createChunkDecoder('utf-8');
    decoder.push(bytes);
    decoder.end();
    expect(decoder.lossyLines()).toEqual([]);
    expect(decoder.genuineLines()).toEqual([2]);
  });

  it('says so in the import instead of sending the user to another encoding', () => {
    const text = `${'id,answer\n'}${'1,ok\n'.repeat(20000)}2,caf\uFFFD\n`;
    const r = loadSurveyFile(new TextEncoder().encode(text), { file: 'fffd.csv' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.detected.lossyLines).toEqual([]);
    expect(r.value.detected.encodingReason).toBe(
      'valid UTF-8, but the file itself holds replacement characters (\uFFFD): no encoding can bring back what they replaced',
    );
    expect(r.value.detected.warnings).toContain(
      'The file itself holds replacement characters (\uFFFD) on line 20002: the characters they stand for were lost before the file reached this app (when it was saved or converted), so choosing another encoding cannot bring them back. Ask for the original file if that text matters.',
    );
  });
});
