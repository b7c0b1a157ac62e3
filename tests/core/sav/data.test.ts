// The data records: uncompressed slots, bytecode compression (every command
// code), and zlib blocks (.zsav), including blocks cut in the middle of a value;
// cases cut short are refused with the byte, the case and the variable.
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../src/core/pipeline';
import { answers, column, loaded } from './helpers';
import {
  Bytes,
  bytecode,
  end,
  extension,
  header,
  savFile,
  SYSMIS,
  variable,
  type FileSpec,
} from './writer';

const load = (bytes: Uint8Array) => loadSurveyFile(bytes, { file: 'test.sav' });
const numbers = (bytes: Uint8Array, id: string) => {
  const c = column(loaded(load(bytes)).table, id);
  if (c.type !== 'numeric') throw new Error(`${id} is ${c.type}`);
  return Array.from(c.values);
};

const SPEC: FileSpec = {
  vars: [{ name: 'N' }, { name: 'S', type: 12 }, { name: 'X' }],
  cases: [
    [5, 'hello world!', 1.5],
    [SYSMIS, '', -99],
    [151, 'abcdefgh', 1e12],
    [0, 'x', 152],
  ],
};

describe('uncompressed and bytecode data give the same cases', () => {
  it.each([0, 1] as const)('compression %i', (compression) => {
    const bytes = savFile({ ...SPEC, compression });
    expect(numbers(bytes, 'N')).toEqual([5, NaN, 151, 0]);
    expect(numbers(bytes, 'X')).toEqual([1.5, -99, 1e12, 152]);
    expect(answers(loaded(load(bytes)).table, 'S')).toEqual([
      'hello world!',
      null,
      'abcdefgh',
      'x',
    ]);
  });

  it('reads every command code: padding (0), numbers, end (252), raw (253), spaces (254), sysmis (255)', () => {
    const b = header(new Bytes(), { compression: 1, ncases: -1 });
    variable(b, { name: 'A' });
    variable(b, { name: 'S', type: 8 });
    variable(b, { name: 'B' });
    extension(b, 20, 'UTF-8');
    end(b);
    // Case 1: A=7 (code 107), padding, S raw, B sysmis; case 2: A raw 2.25, S spaces, B = code - bias = 0;
    // then the end code.
    b.u8(107, 0, 253, 255, 253, 254, 100, 252).text('wordword').f64(2.25);
    expect(numbers(b.done(), 'A')).toEqual([7, 2.25]);
    expect(numbers(b.done(), 'B')).toEqual([NaN, 0]);
    expect(answers(loaded(load(b.done())).table, 'S')).toEqual(['wordword', null]);
  });

  it('reads a code equal to the bias in a string slot as NUL bytes (blank)', () => {
    const b = header(new Bytes(), { compression: 1, ncases: 1 });
    variable(b, { name: 'S', type: 8 });
    extension(b, 20, 'UTF-8');
    end(b).u8(100, 252, 0, 0, 0, 0, 0, 0);
    expect(answers(loaded(load(b.done())).table, 'S')).toEqual([null]);
  });

  it('reads big-endian files', () => {
    const bytes = savFile({ ...SPEC, little: false, compression: 1 });
    expect(numbers(bytes, 'X')).toEqual([1.5, -99, 1e12, 152]);
  });
});

describe('data cut short', () => {
  it('refuses a case cut in the middle (uncompressed), naming the case and the variable', () => {
    const bytes = savFile(SPEC);
    const r = load(bytes.subarray(0, bytes.length - 20));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        new RegExp(
          `^Byte ${(bytes.length - 40 + 16).toLocaleString('en-US')}: the data ends in the middle of case 4 \\(at variable S\\)\\. The file is damaged`,
        ),
      );
  });

  it('refuses a compressed case cut in the middle, and an end code inside a case', () => {
    const bytes = savFile({ ...SPEC, compression: 1 });
    const cut = load(bytes.subarray(0, bytes.length - 9));
    expect(!cut.ok && cut.error.message).toMatch(
      /the data ends in the middle of case 4 \(at variable (S|X)\)/,
    );
    const b = header(new Bytes(), { compression: 1 });
    variable(b, { name: 'A' });
    variable(b, { name: 'B' });
    end(b).u8(101, 252, 0, 0, 0, 0, 0, 0);
    const r = load(b.done());
    expect(!r.ok && r.error.message).toMatch(
      /the compressed data's end code comes in the middle of case 1 \(at variable B\)/,
    );
  });

  it('reads the cases there are when the data ends between cases before the promised number, with a warning', () => {
    const full = savFile({ ...SPEC, ncases: 6 });
    const r = loaded(load(full));
    expect(r.table.rowCount).toBe(4);
    expect(r.detected.warnings.join(' ')).toMatch(
      /the header promises 6 cases, but the data holds 4/,
    );
  });

  it('stops at the promised number of cases even if more data follows', () => {
    const r = loaded(load(savFile({ ...SPEC, ncases: 2 })));
    expect(r.table.rowCount).toBe(2);
  });

  it('refuses a file with a dictionary but no cases', () => {
    const r = load(savFile({ ...SPEC, cases: [] }));
    expect(!r.ok && r.error).toMatchObject({ code: 'import-no-rows' });
  });
});

/** A .zsav: the dictionary, then the zlib header, blocks of deflated bytecode, and the trailer. */
function zsav(
  spec: FileSpec,
  blockSize: number,
  tamper: (d: DataView, trailer: number, start: number) => void = () => {},
) {
  const dict = header(new Bytes(), { magic: '$FL3', compression: 2, ncases: spec.cases.length });
  for (const v of spec.vars) variable(dict, v);
  extension(dict, 20, 'UTF-8');
  end(dict);
  const data = bytecode(
    new Bytes(),
    spec.cases,
    spec.vars.map((v) => v.type ?? 0),
  ).done();
  const blocks: { raw: Uint8Array; z: Uint8Array }[] = [];
  for (let i = 0; i < data.length; i += blockSize) {
    const raw = data.subarray(i, i + blockSize);
    blocks.push({ raw, z: zlibSync(raw) });
  }
  const start = dict.length;
  const zLength = blocks.reduce((n, b) => n + b.z.length, 0);
  const trailerOfs = start + 24 + zLength;
  const trailerLen = 24 + 24 * blocks.length;
  const out = new Bytes().bytes(dict.done()).i64(start).i64(trailerOfs).i64(trailerLen);
  for (const b of blocks) out.bytes(b.z);
  out.i64(-100).i64(0).i32(blockSize).i32(blocks.length);
  let u = start;
  let c = start + 24;
  for (const b of blocks) {
    out.i64(u).i64(c).i32(b.raw.length).i32(b.z.length);
    u += b.raw.length;
    c += b.z.length;
  }
  const bytes = out.done();
  tamper(new DataView(bytes.buffer, bytes.byteOffset), trailerOfs, start);
  return bytes;
}

describe('zlib-compressed data ($FL3)', () => {
  it('reads blocks of any size, even cut in the middle of a command group or a value', () => {
    for (const size of [5, 8, 13, 1000]) {
      const bytes = zsav(SPEC, size);
      expect(numbers(bytes, 'X'), String(size)).toEqual([1.5, -99, 1e12, 152]);
      expect(answers(loaded(load(bytes)).table, 'S')).toEqual([
        'hello world!',
        null,
        'abcdefgh',
        'x',
      ]);
    }
  });

  it('refuses a header, a block list or a block that does not hold together', () => {
    const first = (d: DataView, t: number) => d.getInt32(t + 24 + 8, true);
    const cases: [string, (d: DataView, t: number, start: number) => void, RegExp][] = [
      [
        'header offset',
        (d, _t, z) => d.setInt32(z, 12, true),
        /the compressed data's header says it starts at byte 12/,
      ],
      [
        'trailer outside',
        (d, _t, z) => d.setInt32(z + 16, 99999, true),
        /places the block list at bytes .* outside the file/,
      ],
      [
        'block outside',
        (d, t) => d.setInt32(t + 24 + 8, 5, true),
        /places block 1 outside the compressed data/,
      ],
      [
        'absurd size',
        (d, t) => d.setInt32(t + 24 + 16, 2_000_000_000, true),
        /says block 1 inflates to 2000000000 bytes, more than/,
      ],
      [
        'wrong size',
        (d, t) => d.setInt32(t + 24 + 16, 15, true),
        /compressed block 1 should decompress to 15 bytes but gives more/,
      ],
      [
        'corrupt',
        (d, t) => d.setUint8(first(d, t) + 2, 0xff),
        /compressed block 1 cannot be decompressed/,
      ],
    ];
    for (const [what, tamper, message] of cases) {
      const r = load(zsav(SPEC, 16, tamper));
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.error.message, what).toMatch(message);
    }
  });
});
