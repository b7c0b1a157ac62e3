// The page's side of the import worker: promises, progress and cancel.
// Cancelling terminates the worker (the import is one synchronous pass inside
// it), so nothing half-imported can reach the library.
import type { Loaded, Preview } from '../core/pipeline';
import type { Result } from '../core/result';
import type { FromWorker, ToWorker, WorkerLoadOptions } from './importProtocol';

export interface Progress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface RunningImport {
  promise: Promise<Result<Loaded>>;
  cancel(): void;
}

/** Bytes the preview needs: the first rows, not the whole file. */
export const PREVIEW_BYTES = 1 << 20;

function spawn(): Worker {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
}

let nextId = 1;

function run<T extends FromWorker['type']>(
  message: ToWorker,
  transfer: Transferable[],
  expect: T,
  onProgress?: (p: Progress) => void,
): { promise: Promise<Result<never> | Extract<FromWorker, { type: T }>>; cancel(): void } {
  const worker = spawn();
  let settle: (v: Result<never> | Extract<FromWorker, { type: T }>) => void = () => {};
  const promise = new Promise<Result<never> | Extract<FromWorker, { type: T }>>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const data = event.data;
    if (data.type === 'progress') onProgress?.(data);
    else if (data.type === expect) {
      worker.terminate();
      settle(data as Extract<FromWorker, { type: T }>);
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    settle({
      ok: false,
      error: {
        code: 'worker-failed',
        message: `The import stopped unexpectedly (${event.message || 'worker error'}). Nothing was imported.`,
      },
    });
  };
  worker.postMessage(message, transfer);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      settle({
        ok: false,
        error: { code: 'import-cancelled', message: 'Import cancelled. Nothing was imported.' },
      });
    },
  };
}

export async function previewFile(
  bytes: Uint8Array,
  options: WorkerLoadOptions,
): Promise<Result<Preview>> {
  const head = bytes.slice(0, PREVIEW_BYTES);
  const { promise } = run(
    { id: nextId++, type: 'preview', bytes: head, options },
    [head.buffer],
    'preview',
  );
  const out = await promise;
  return 'type' in out ? out.result : out;
}

export function loadFile(
  bytes: Uint8Array,
  options: WorkerLoadOptions,
  onProgress: (p: Progress) => void,
): RunningImport {
  // A copy crosses to the worker, so the page keeps its bytes for a retry with other options.
  const copy = bytes.slice();
  const { promise, cancel } = run(
    { id: nextId++, type: 'load', bytes: copy, options },
    [copy.buffer],
    'loaded',
    onProgress,
  );
  return { promise: promise.then((out) => ('type' in out ? out.result : out)), cancel };
}
