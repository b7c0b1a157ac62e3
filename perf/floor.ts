// The memory-read floor: reading the typed arrays a crosstab reads, once each,
// in the fastest plain loop we know (four independent accumulators, one
// monomorphic function per array type). No crosstab over these arrays can beat
// it by much; the engine's latency is reported as a multiple of it.
import type { Codes } from '../src/core/table/types';

function sum8(x: Uint8Array): number {
  let p = 0;
  let q = 0;
  let r = 0;
  let t = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    p = (p + x[i]!) | 0;
    q = (q + x[i + 1]!) | 0;
    r = (r + x[i + 2]!) | 0;
    t = (t + x[i + 3]!) | 0;
  }
  for (; i < n; i++) p = (p + x[i]!) | 0;
  return p + q + r + t;
}
function sum16(x: Uint16Array): number {
  let p = 0;
  let q = 0;
  let r = 0;
  let t = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    p = (p + x[i]!) | 0;
    q = (q + x[i + 1]!) | 0;
    r = (r + x[i + 2]!) | 0;
    t = (t + x[i + 3]!) | 0;
  }
  for (; i < n; i++) p = (p + x[i]!) | 0;
  return p + q + r + t;
}
function sum32(x: Uint32Array): number {
  let p = 0;
  let q = 0;
  let r = 0;
  let t = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    p = (p ^ x[i]!) | 0;
    q = (q ^ x[i + 1]!) | 0;
    r = (r ^ x[i + 2]!) | 0;
    t = (t ^ x[i + 3]!) | 0;
  }
  for (; i < n; i++) p = (p ^ x[i]!) | 0;
  return (p ^ q ^ r ^ t) >>> 0;
}
function sumF64(x: Float64Array): number {
  let p = 0;
  let q = 0;
  let r = 0;
  let t = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    p += x[i]!;
    q += x[i + 1]!;
    r += x[i + 2]!;
    t += x[i + 3]!;
  }
  for (; i < n; i++) p += x[i]!;
  return p + q + r + t;
}

/**
 * Reads every array once; returns a checksum (sums of the 8/16-bit codes and
 * doubles, xor of 32-bit codes) so the work cannot be optimised away.
 */
export function readOnce(arrays: readonly (Codes | Float64Array)[]): number {
  let s = 0;
  for (const a of arrays) {
    if (a instanceof Uint8Array) s += sum8(a);
    else if (a instanceof Uint16Array) s += sum16(a);
    else if (a instanceof Uint32Array) s += sum32(a);
    else s += sumF64(a);
  }
  return s;
}
