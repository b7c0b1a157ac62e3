import { describe, expect, it } from 'vitest';
import {
  CellInterner,
  CodeBuffer,
  copyString,
  FloatBuffer,
  hashRange,
  hashString,
  HASH_PRIME,
  HASH_SEED,
} from '../../../src/core/table/codes';

describe('CodeBuffer', () => {
  it.each([
    [[0, 1, 255], 'Uint8Array', Uint8Array],
    [[0, 1, 255, 256], 'Uint16Array', Uint16Array],
    [[3, 65535], 'Uint16Array', Uint16Array],
    [[3, 65535, 65536], 'Uint32Array', Uint32Array],
    [[7, 4294967295], 'Uint32Array', Uint32Array],
  ])('holds the codes %j in a %s', (codes, _, type) => {
    const b = new CodeBuffer(2);
    for (const c of codes) b.push(c);
    const out = b.finish();
    expect(out).toBeInstanceOf(type);
    expect(Array.from(out)).toEqual(codes);
  });

  it('grows past its capacity and stays as wide as it became', () => {
    const b = new CodeBuffer(16);
    for (let i = 0; i < 1000; i++) b.push(i % 2 === 0 ? 300 : i % 256);
    const out = b.finish();
    expect(out).toBeInstanceOf(Uint16Array);
    expect([b.length, out.length, out[0], out[1], out[999]]).toEqual([1000, 1000, 300, 1, 231]);
  });

  it('rewrites every code through a map', () => {
    const b = new CodeBuffer();
    for (const c of [0, 1, 2, 3, 1]) b.push(c);
    b.remap(Uint32Array.of(0, 3, 1, 2));
    expect(Array.from(b.finish())).toEqual([0, 3, 1, 2, 3]);
  });

  it('finishes with a copy trimmed to length', () => {
    const b = new CodeBuffer(1024);
    b.push(5);
    const out = b.finish();
    expect(out.buffer.byteLength).toBe(1);
    out[0] = 9;
    expect(Array.from(b.finish())).toEqual([5]);
  });
});

describe('FloatBuffer', () => {
  it('keeps every number, NaN included, through growth', () => {
    const b = new FloatBuffer(16);
    const values = Array.from({ length: 100 }, (_, i) => (i === 50 ? NaN : i / 4));
    for (const v of values) b.push(v);
    const out = b.finish();
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual(values);
    expect(out.buffer.byteLength).toBe(800);
  });
});

describe('copyString', () => {
  it.each([[''], ['a'], ['a label longer than thirteen characters'], ['非常满意']])(
    'copies %j unchanged',
    (s) => {
      expect(copyString(s)).toBe(s);
    },
  );
});

describe('hashString (32-bit FNV-1a over UTF-16 code units, as a signed int)', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published FNV-1a value %i', (s, unsigned) => {
    expect(hashString(s)).toBe(unsigned | 0);
  });

  it('starts from the FNV offset basis and multiplies by the FNV prime', () => {
    expect([HASH_SEED >>> 0, HASH_PRIME]).toEqual([0x811c9dc5, 0x01000193]);
    expect(hashString('满')).toBe(Math.imul(HASH_SEED ^ 0x6ee1, HASH_PRIME));
  });

  it('hashes a range of a string as the substring', () => {
    const line = 'id,"Paris, France",非常满意';
    expect(hashRange(line, 4, 17)).toBe(hashString('Paris, France'));
    expect(hashRange(line, 19, 23)).toBe(hashString('非常满意'));
    expect(hashRange(line, 3, 3)).toBe(hashString(''));
  });
});

describe('CellInterner', () => {
  const add = (t: CellInterner, key: string, value: number) => t.add(key, hashString(key), value);
  const find = (t: CellInterner, s: string, a = 0, b = s.length) =>
    t.find(s, a, b, hashRange(s, a, b));

  it('finds a stored key in a range of a larger string, and misses other texts', () => {
    const t = new CellInterner();
    expect(add(t, 'Agree', 1)).toBe(0);
    expect(add(t, 'Disagree', 2)).toBe(1);
    const line = '17,Agree,Disagree,Agreed';
    expect(find(t, line, 3, 8)).toBe(1);
    expect(find(t, line, 9, 17)).toBe(2);
    expect(find(t, line, 18, 24)).toBe(-1);
    expect(find(t, 'agree')).toBe(-1);
    expect(t.size).toBe(2);
  });

  it('gives the entry of a key, its value, and whether it matches a range', () => {
    const t = new CellInterner();
    add(t, 'x', 10);
    add(t, '非常满意', 20);
    const e = t.entry('a,非常满意', 2, 6, hashString('非常满意'));
    expect([e, t.value(e)]).toEqual([1, 20]);
    expect(t.matches(e, 'a,非常满意', 2, 6)).toBe(true);
    expect(t.matches(e, 'a,非常满', 2, 5)).toBe(false);
    expect(t.entry('y', 0, 1, hashString('y'))).toBe(-1);
  });

  it('tells keys with the same hash apart by their text', () => {
    const t = new CellInterner();
    t.add('one', 12345, 1);
    t.add('two', 12345, 2);
    expect([t.find('one', 0, 3, 12345), t.find('two', 0, 3, 12345)]).toEqual([1, 2]);
    expect(t.find('six', 0, 3, 12345)).toBe(-1);
  });

  it('keeps finding every key after growing to thousands of keys, long ones included', () => {
    const t = new CellInterner();
    const keys = Array.from({ length: 3000 }, (_, i) => `label ${i} `.repeat(1 + (i % 7)));
    keys.forEach((k, i) => add(t, k, i));
    expect(t.size).toBe(3000);
    expect(keys.every((k, i) => find(t, k) === i)).toBe(true);
  });

  it('stops adding once full (later new texts simply miss)', () => {
    const t = new CellInterner(2);
    expect([add(t, 'a', 1), add(t, 'b', 2), add(t, 'c', 3)]).toEqual([0, 1, -1]);
    expect([find(t, 'a'), find(t, 'b'), find(t, 'c'), t.size]).toEqual([1, 2, -1, 2]);
  });

  it('finds a quoted cell read with each "" as one quote', () => {
    const t = new CellInterner();
    add(t, 'say "hi"', 7);
    add(t, 'say', 8);
    const raw = 'say ""hi""'; // the inside of "say ""hi""" as written in the file
    const h = hashString('say "hi"');
    expect(t.findEscaped(raw, 0, raw.length, h)).toBe(7);
    expect(t.findEscaped('say ""ho""', 0, 10, h)).toBe(-1);
    expect(t.findEscaped('say', 0, 3, hashString('say'))).toBe(8);
  });
});
