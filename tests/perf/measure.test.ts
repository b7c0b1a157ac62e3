import { describe, expect, it } from 'vitest';
import { measurePaired } from '../../perf/measure';

describe('measurePaired', () => {
  it('alternates the two, each run once untimed before its timed run, and times the second', async () => {
    const calls: string[] = [];
    const [sync, async] = await measurePaired(
      () => calls.push('engine'),
      async () => {
        calls.push('duck');
        await new Promise((r) =>
          setTimeout(r, calls.filter((c) => c === 'duck').length % 2 ? 1 : 25),
        );
      },
      { warmup: 0, minRuns: 3, maxRuns: 3, budgetMs: 0 },
    );
    expect(calls).toEqual(
      Array.from({ length: 3 }, () => ['engine', 'engine', 'duck', 'duck']).flat(),
    );
    expect([sync.runs, async.runs]).toEqual([3, 3]);
    // The timed DuckDB runs are the second of each pair (25 ms), not the untimed first (1 ms).
    expect(async.minMs).toBeGreaterThanOrEqual(20);
    expect(sync.medianMs).toBeLessThan(20);
  });
});
