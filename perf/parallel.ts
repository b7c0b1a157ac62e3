// Helpers for the import bench: worker threads (perf/importPart.ts) that read
// parts of a CSV held in shared memory, started before any timing, as a
// browser keeps its threads; core/csv/parallel.ts cuts and splices the parts.
import { Worker } from 'node:worker_threads';
import type { ChunkResult } from '../src/core/csv/chunks';
import type { Helpers, ReadOutcome } from '../src/core/loadSource';

export interface HelperPool {
  helpers(onOutcome?: (o: ReadOutcome) => void): Helpers;
  close(): Promise<void>;
}

/** `count` worker threads over a shared copy of `bytes`. */
export function helperPool(bytes: Uint8Array, count: number): HelperPool {
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  // The bench runs TypeScript through tsx: its threads register tsx first, then load their module.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
    tsx.register();
    return import(${JSON.stringify(new URL('./importPart.ts', import.meta.url).href)});
  });`;
  const workers = Array.from(
    { length: count },
    () => new Worker(boot, { eval: true, workerData: shared }),
  );
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
