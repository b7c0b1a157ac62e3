// The import worker's helpers (parallelWorker.ts): other threads that read
// parts of a large delimited file while the import worker reads the first
// (core/csv/parallel.ts says how parts are cut and spliced), and one that
// fingerprints the file meanwhile. Each helper is a Web Worker started from
// the import worker; terminating the import worker (cancel) ends them too.
import type { ChunkResult } from '../core/csv/chunks';
import type { Helpers, ReadOutcome } from '../core/loadSource';
import type { FromHelper, ToHelper } from './parallelProtocol';

function spawn(): Worker {
  return new Worker(new URL('./parallelWorker.ts', import.meta.url), { type: 'module' });
}

/** Run one job on a new helper: its answer, and a way to stop it. */
function job<T>(
  message: ToHelper,
  answer: (data: FromHelper) => T | undefined,
  onProgress?: (bytes: number, rows: number) => void,
): { result: Promise<T>; cancel(): void } {
  const worker = spawn();
  let reject: (e: Error) => void = () => undefined;
  const result = new Promise<T>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event: MessageEvent<FromHelper>) => {
      const data = event.data;
      if (data.type === 'progress') return onProgress?.(data.bytes, data.rows);
      worker.terminate();
      if (data.type === 'failed') return fail(new Error(data.message));
      const value = answer(data);
      if (value === undefined) fail(new Error(`unexpected answer from a helper: ${data.type}`));
      else resolve(value);
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(event.message || 'a helper stopped unexpectedly'));
    };
  });
  worker.postMessage(message);
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new Error('cancelled'));
    },
  };
}

/**
 * Parts read alongside the import worker: one per core beyond the one it uses,
 * at least one, at most three (the fingerprint takes a thread of its own).
 */
export function partHelpers(file: Blob, onOutcome?: (o: ReadOutcome) => void): Helpers {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return {
    count: Math.max(1, Math.min(3, cores - 1)),
    onOutcome,
    runPart: (plan, from, to, onProgress) =>
      job<ChunkResult>(
        { type: 'part', file, plan, from, to },
        (d) => (d.type === 'part' ? d.result : undefined),
        onProgress,
      ),
  };
}

/** The file's SHA-256 as hex, computed by a helper reading it slice by slice. */
export function fingerprintFile(file: Blob): { result: Promise<string>; cancel(): void } {
  return job<string>({ type: 'hash', file }, (d) => (d.type === 'hash' ? d.hex : undefined));
}
