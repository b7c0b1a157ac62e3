import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/csv/decode';
import { detectEncoding } from '../../../src/core/csv/encoding';
import type { EncodingName } from '../../../src/core/csv/encoding';
import { csvMessages } from '../../../src/core/messages';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string): Uint8Array => {
  const le = utf16le(s);
  for (let i = 0; i + 1 < le.length; i += 2)
    [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
};

// "性别,年龄,城市\n男,25,北京\n女,31,上海\n" in GB18030 (GB2312 pairs).
const GB_SURVEY = bytes(
  [0xd0, 0xd4, 0xb1, 0xf0, 0x2c, 0xc4, 0xea, 0xc1, 0xe4, 0x2c, 0xb3, 0xc7, 0xca, 0xd0, 0x0a],
  [0xc4, 0xd0, 0x2c, 0x32, 0x35, 0x2c, 0xb1, 0xb1, 0xbe, 0xa9, 0x0a],
  [0xc5, 0xae, 0x2c, 0x33, 0x31, 0x2c, 0xc9, 0xcf, 0xba, 0xa3, 0x0a],
);
// "调查 😀 é" in GB18030: two GB2312 pairs, a four-byte emoji, pinyin é (A8 A6).
const GB_MIXED = bytes(
  'q,',
  [0xb5, 0xf7, 0xb2, 0xe9, 0x20, 0x94, 0x39, 0xfc, 0x36, 0x20, 0xa8, 0xa6],
  '\n',
);

describe('detectEncoding', () => {
  it.each([
    [
      'a UTF-8 byte order mark',
      bytes([0xef, 0xbb, 0xbf], 'a,b\n'),
      'utf-8',
      true,
      csvMessages.encodingBom('UTF-8'),
    ],
    [
      'a UTF-16 LE byte order mark',
      utf16le('\uFEFFa,é\n'),
      'utf-16le',
      true,
      csvMessages.encodingBom('UTF-16 LE'),
    ],
    [
      'a UTF-16 BE byte order mark',
      utf16be('\uFEFFa,é\n'),
      'utf-16be',
      true,
      csvMessages.encodingBom('UTF-16 BE'),
    ],
    [
      'UTF-16 LE without a mark',
      utf16le('id,answer\n1,yes\n2,no\n'),
      'utf-16le',
      false,
      csvMessages.encodingUtf16NoBom('UTF-16 LE'),
    ],
    [
      'UTF-16 BE without a mark',
      utf16be('id,answer\n1,yes\n2,no\n'),
      'utf-16be',
      false,
      csvMessages.encodingUtf16NoBom('UTF-16 BE'),
    ],
    ['plain ASCII', utf8('id,q1\n1,Yes\n'), 'utf-8', false, csvMessages.encodingAscii],
    [
      'UTF-8 accents, punctuation and emoji',
      utf8('q,“Café” – 😀\n'),
      'utf-8',
      false,
      csvMessages.encodingUtf8,
    ],
    ['Chinese GB18030 text', GB_SURVEY, 'gb18030', false, csvMessages.encodingGb18030],
    [
      'GB18030 with a four-byte emoji and pinyin',
      GB_MIXED,
      'gb18030',
      false,
      csvMessages.encodingGb18030,
    ],
    [
      'Windows-1252 é, ’ and “”',
      bytes('Caf', [0xe9], ',Don', [0x92], 't,', [0x93], 'hi', [0x94], '\n'),
      'windows-1252',
      false,
      csvMessages.encodingWindows1252,
    ],
    [
      'Windows-1252 that is accidentally valid GB18030 (é before a letter)',
      bytes('Pok', [0xe9], 'mon,Andr', [0xe9], 'a\n'),
      'windows-1252',
      false,
      csvMessages.encodingWindows1252,
    ],
    [
      'Mac Roman é, ’ and no-break spaces',
      bytes('Caf', [0x8e], ',Don', [0xd5], 't,Not much', [0xca], '\n'),
      'macintosh',
      false,
      csvMessages.encodingMacintosh,
    ],
    [
      'Mac Roman with bytes Windows-1252 leaves undefined',
      bytes('answer ', [0x81, 0xca], 'yes\n'),
      'macintosh',
      false,
      csvMessages.encodingMacintosh,
    ],
  ] as [string, Uint8Array, EncodingName, boolean, string][])(
    'recognises %s',
    (_name, input, encoding, bom, reason) => {
      expect(detectEncoding(input)).toEqual({ encoding, bom, reason });
    },
  );

  it('looks past the first 64 KB for a late non-UTF-8 byte', () => {
    const late = bytes(
      'id,city\n',
      ...Array.from({ length: 9000 }, (_, i) => `${i},Paris, France\n`),
      '9001,Montr',
      [0xe9],
      'al\n',
    );
    expect(late.length).toBeGreaterThan(100_000);
    expect(detectEncoding(late).encoding).toBe('windows-1252');
  });

  it('reads an empty file as UTF-8', () => {
    expect(detectEncoding(new Uint8Array(0))).toEqual({
      encoding: 'utf-8',
      bom: false,
      reason: csvMessages.encodingAscii,
    });
  });
});

describe('detectEncoding then decodeBytes', () => {
  it.each([
    ['GB18030 survey', GB_SURVEY, '性别,年龄,城市\n男,25,北京\n女,31,上海\n'],
    ['GB18030 mixed', GB_MIXED, 'q,调查 😀 é\n'],
    [
      'Windows-1252',
      bytes('Caf', [0xe9], ',Don', [0x92], 't,', [0x93], 'hi', [0x94], '\n'),
      'Café,Don’t,“hi”\n',
    ],
    [
      'Mac Roman',
      bytes('Caf', [0x8e], ',Don', [0xd5], 't,Not much', [0xca], '\n'),
      'Café,Don’t,Not much\u00a0\n',
    ],
    ['UTF-16 LE with BOM', utf16le('\uFEFFa,é\n'), 'a,é\n'],
    ['UTF-16 BE with BOM', utf16be('\uFEFFa,é\n'), 'a,é\n'],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], 'a,b\n'), 'a,b\n'],
  ])('gives the original text of %s with no lossy lines', (_name, input, text) => {
    const guess = detectEncoding(input);
    expect(decodeBytes(input, guess.encoding)).toEqual({
      text,
      encoding: guess.encoding,
      lossyLines: [],
    });
  });
});
