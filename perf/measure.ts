// Timing: warm-up runs, then timed runs until a count or a time budget is
// reached; the median is reported with the number of runs behind it.

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export interface MeasureOptions {
  warmup: number;
  minRuns: number;
  maxRuns: number;
  /** Stop after this much timed work once minRuns are done. */
  budgetMs: number;
}

export const ENGINE_RUNS: MeasureOptions = { warmup: 5, minRuns: 15, maxRuns: 61, budgetMs: 3000 };
/** Peers: their first run (the correctness check) is the warm-up; see run.ts. */
export const PEER_RUNS: MeasureOptions = { warmup: 0, minRuns: 3, maxRuns: 7, budgetMs: 3000 };
export const DUCK_RUNS: MeasureOptions = { warmup: 0, minRuns: 3, maxRuns: 21, budgetMs: 3000 };

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function measure(fn: () => unknown, opts: MeasureOptions): Timing {
  for (let i = 0; i < opts.warmup; i++) fn();
  const times: number[] = [];
  let spent = 0;
  while (times.length < opts.maxRuns && (times.length < opts.minRuns || spent < opts.budgetMs)) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    times.push(dt);
    spent += dt;
  }
  return { medianMs: median(times), minMs: Math.min(...times), runs: times.length };
}

/**
 * Several functions measured in rounds (each runs once per round), so that a
 * busy machine slows them alike and their ratio stays meaningful. A function
 * may return a promise (the engine with a helper thread): it is awaited
 * within its timing.
 */
export async function measureInterleaved(
  fns: readonly (() => unknown)[],
  opts: MeasureOptions,
): Promise<Timing[]> {
  for (let i = 0; i < opts.warmup; i++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  let spent = 0;
  let rounds = 0;
  while (rounds < opts.maxRuns && (rounds < opts.minRuns || spent < opts.budgetMs)) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = performance.now();
      await fns[k]!();
      const dt = performance.now() - t0;
      times[k]!.push(dt);
      spent += dt;
    }
    rounds++;
  }
  return times.map((t) => ({ medianMs: median(t), minMs: Math.min(...t), runs: t.length }));
}

/**
 * Two functions (the second asynchronous, the first may be) measured in alternating
 * rounds (the engine beside DuckDB), so that load that comes and goes on a
 * shared machine slows both alike: their ratio is what the targets judge.
 * In each round each runs once untimed just before its timed run, so that
 * neither is timed on caches the other just filled with its own data (or
 * while the other's threads wind down).
 */
export async function measurePaired(
  fn: () => unknown,
  asyncFn: () => Promise<unknown>,
  opts: MeasureOptions,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < opts.warmup; i++) {
    await fn();
    await asyncFn();
  }
  const a: number[] = [];
  const b: number[] = [];
  let spent = 0;
  while (a.length < opts.maxRuns && (a.length < opts.minRuns || spent < opts.budgetMs)) {
    await fn();
    const t0 = performance.now();
    await fn();
    const t1 = performance.now();
    await asyncFn();
    const t2 = performance.now();
    await asyncFn();
    const t3 = performance.now();
    a.push(t1 - t0);
    b.push(t3 - t2);
    spent += t1 - t0 + (t3 - t2);
  }
  const timing = (t: number[]): Timing => ({
    medianMs: median(t),
    minMs: Math.min(...t),
    runs: t.length,
  });
  return [timing(a), timing(b)];
}
