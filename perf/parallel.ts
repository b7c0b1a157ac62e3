// Helpers for the bench's second threads, started before any timing, as a browser
// keeps its threads: for the import, worker threads (perf/importPart.ts) that
// read parts of a CSV held in shared memory (core/csv/parallel.ts cuts and
// splices the parts); for crosstabs, one holding a copy of the table.
import { Worker } from 'node:worker_threads';
import type { ChunkResult } from '../src/core/csv/chunks';
import type { Tally } from '../src/core/crosstab/tally';
import type { CrosstabHelper } from '../src/core/crosstab/split';
import type { RespondentTable } from '../src/core/table/types';
import type { Helpers, ReadOutcome } from '../src/core/loadSource';

export interface HelperPool {
  helpers(onOutcome?: (o: ReadOutcome) => void): Helpers;
  close(): Promise<void>;
}

/** A worker thread running `module` (beside this file) with `data`. */
function thread(module: string, data: unknown): Worker {
  // The bench runs TypeScript through tsx: its threads register tsx first, then load their module.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
    tsx.register();
    return import(${JSON.stringify(new URL(module, import.meta.url).href)});
  });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** `count` worker threads over a shared copy of `bytes`. */
export function helperPool(bytes: Uint8Array, count: number): HelperPool {
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const workers = Array.from({ length: count }, () => thread('./importPart.ts', shared));
  const waiting = new Map<number, (r: ChunkResult) => void>();
  for (const w of workers)
    w.on('message', (m: { id: number; result: ChunkResult }) => {
      waiting.get(m.id)?.(m.result);
      waiting.delete(m.id);
    });
  let next = 0;
  let turn = 0;
  return {
    helpers: (onOutcome) => ({
      count,
      onOutcome,
      runPart(plan, from, to) {
        const id = next++;
        const worker = workers[turn++ % workers.length]!;
        const result = new Promise<ChunkResult>((resolve) => waiting.set(id, resolve));
        worker.postMessage({ id, plan, from, to });
        return { result, cancel: () => undefined };
      },
    }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export interface CrosstabThread {
  helper: CrosstabHelper;
  close(): Promise<void>;
}

/**
 * A worker thread holding a copy of `table` (copied once, before any timing,
 * as the app's worker keeps its copy) that tallies the second part of the
 * respondents of each crosstab (perf/crosstabPart.ts).
 */
export function crosstabThread(table: RespondentTable): CrosstabThread {
  const worker = thread('./crosstabPart.ts', table);
  const waiting = new Map<number, { resolve(p: Tally[]): void; reject(e: Error): void }>();
  worker.on('message', (m: { id: number; part?: Tally[]; problem?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.part !== undefined) w?.resolve(m.part);
    else w?.reject(new Error(m.problem ?? 'the crosstab thread failed'));
  });
  let next = 0;
  return {
    helper: {
      count: (job) =>
        new Promise((resolve, reject) => {
          const id = next++;
          waiting.set(id, { resolve, reject });
          worker.postMessage({ id, job });
        }),
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
