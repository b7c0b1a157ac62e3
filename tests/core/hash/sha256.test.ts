import { describe, expect, it } from 'vitest';
import { createSha256 } from '../../../src/core/hash/sha256';
import { mulberry32 } from '../../support/random';

const hex = (digest: ArrayBuffer): string =>
  [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');

function inPieces(bytes: Uint8Array, cuts: number[]): string {
  const h = createSha256();
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    h.update(bytes.subarray(from, at));
    from = at;
  }
  return h.hex();
}

describe('SHA-256 over bytes that arrive in pieces', () => {
  it('gives the FIPS 180-4 digests of "abc" and of the empty input', () => {
    expect(inPieces(new TextEncoder().encode('abc'), [1])).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(inPieces(new Uint8Array(0), [])).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('equals Web Crypto for lengths around the block and padding edges, however the bytes are cut (seeded)', async () => {
    const rand = mulberry32(256);
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
      const want = hex(await crypto.subtle.digest('SHA-256', bytes));
      const cuts = Array.from({ length: 5 }, () => Math.floor(rand() * n)).sort((a, b) => a - b);
      expect(inPieces(bytes, [])).toBe(want);
      expect(inPieces(bytes, cuts)).toBe(want);
    }
  });
});
