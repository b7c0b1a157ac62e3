// The reader's own snappy decoder (hyparquet's reads a damaged literal length
// as negative and walks backwards for seconds): what hyparquet-writer's
// compressor makes decodes to the same bytes, and damaged blocks fail at once.
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { describe, expect, it } from 'vitest';
import { snappyDecompress } from '../../../src/core/parquet/codecs';
import { mulberry32 } from '../../support/random';

/** Bytes with runs and repeats (so the compressor makes copies) and noise (so it makes literals). */
function sample(rand: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    out[i] =
      r < 0.5 && i >= 8
        ? out[i - 1 - Math.floor(rand() * 8)]!
        : r < 0.7
          ? 65
          : Math.floor(rand() * 256);
  }
  return out;
}

describe('snappy', () => {
  it('decodes what hyparquet-writer encodes, from empty to 300 kB, literals and copies', () => {
    const rand = mulberry32(5);
    for (const n of [0, 1, 59, 60, 61, 255, 256, 65_536, 70_000, 300_000]) {
      const data = sample(rand, n);
      const back = snappyDecompress(snappyCompress(data), n);
      expect(back.length).toBe(n);
      expect(Buffer.compare(back, data), `${n} bytes`).toBe(0);
    }
  });

  it('refuses a block whose length, literal or copy does not fit, at once', () => {
    const data = sample(mulberry32(9), 5000);
    const block = snappyCompress(data);
    expect(() => snappyDecompress(block, 4999)).toThrow(/says 5000 bytes, the page 4999/);
    expect(() => snappyDecompress(block.subarray(0, block.length >> 1), 5000)).toThrow(/snappy/);
    // A literal of 2^32 bytes (four length bytes of 0xff) and a copy from before the start.
    expect(() => snappyDecompress(Uint8Array.of(10, 0xfc, 255, 255, 255, 255, 1), 10)).toThrow(
      /a literal of 4294967296 bytes does not fit/,
    );
    expect(() => snappyDecompress(Uint8Array.of(10, 0x01, 5), 10)).toThrow(/reaches outside/);
    const rand = mulberry32(11);
    for (let k = 0; k < 500; k++) {
      const b = block.slice();
      b[1 + Math.floor(rand() * (b.length - 1))] = Math.floor(rand() * 256);
      const started = performance.now();
      try {
        snappyDecompress(b, 5000);
      } catch (e) {
        expect(String(e)).toMatch(/snappy/);
      }
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
