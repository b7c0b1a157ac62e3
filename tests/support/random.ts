// Seeded random inputs for tests: the project's one generator (perf/random.ts),
// so a test's "random" survey is the same on every run.
import { mulberry32 } from '../../perf/random';

export { mulberry32 };

/** A function picking an element of a list uniformly with `rand`. */
export function picker(rand: () => number): <T>(xs: readonly T[]) => T {
  return <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('cannot pick from an empty list');
    return xs[Math.floor(rand() * xs.length)] as T;
  };
}
