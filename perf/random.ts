// The one seeded pseudo-random generator of the project's generated data: the
// benchmark surveys (perf/), the bundled demo respondents
// (scripts/make-demo-survey.ts) and the tests' random inputs (through
// tests/support/random.ts). The same seed gives the same numbers everywhere,
// so generated files and test data do not change between runs.

/** mulberry32: a 32-bit state generator of numbers in [0, 1); seeds are taken modulo 2^32. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
