// The page's side of the import worker: promises, progress and cancel.
// Cancelling terminates the worker (the import is one synchronous pass inside
// it), so nothing half-imported can reach the library.
import { problem } from '../core/messages';
import type { Preview } from '../core/pipeline';
import type { Result } from '../core/result';
import type {
  FromWorker,
  ImportSource,
  Imported,
  ToWorker,
  WorkerLoadOptions,
} from './importProtocol';

export interface Progress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface RunningImport {
  promise: Promise<Result<Imported>>;
  cancel(): void;
}

/** Bytes the preview reads: enough for its 1,000-row sample in most files, not the whole file. */
export const PREVIEW_BYTES = 4 << 20;

/**
 * A prefix of a file, cut after its last line break so the preview never sees
 * half a row. UTF-16 line breaks are two bytes: keep both.
 */
export function completeLines(head: Uint8Array, wholeFile: boolean): Uint8Array {
  if (wholeFile) return head;
  const utf16le = head[0] === 0xff && head[1] === 0xfe;
  const utf16be = head[0] === 0xfe && head[1] === 0xff;
  for (let i = head.length - 1; i > 0; i--) {
    if (head[i] !== 0x0a) continue;
    if (utf16le) {
      if (i % 2 === 0 && head[i + 1] === 0x00) return head.subarray(0, i + 2);
    } else if (utf16be) {
      if (i % 2 === 1 && head[i - 1] === 0x00) return head.subarray(0, i + 1);
    } else return head.subarray(0, i + 1);
  }
  return head;
}

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
      error: problem('import-worker-failed', event.message || 'worker error'),
    });
  };
  worker.postMessage(message, transfer);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      settle({
        ok: false,
        error: problem('import-cancelled'),
      });
    },
  };
}

/** Preview the head of a file (its first PREVIEW_BYTES, or all of it when `wholeFile`). */
export async function previewFile(
  bytes: Uint8Array,
  options: WorkerLoadOptions,
  wholeFile: boolean,
): Promise<Result<Preview>> {
  // A workbook or Parquet file is read as a whole (its index is at the end), so
  // only a text file's head is cut to PREVIEW_BYTES.
  const head = (wholeFile ? bytes : completeLines(bytes.subarray(0, PREVIEW_BYTES), false)).slice();
  const { promise } = run(
    { id: nextId++, type: 'preview', bytes: head, options },
    [head.buffer],
    'preview',
  );
  const out = await promise;
  return 'type' in out ? out.result : out;
}

export interface LoadRequest {
  /** The library id to give the survey; null: derived from the file's fingerprint. */
  surveyId?: string | null;
  /** Refuse the file unless it has this fingerprint (a shared link names its file by it). */
  expectFingerprint?: string | null;
}

/**
 * Import a file in the worker, which reads it, fingerprints it, parses it and
 * saves it to IndexedDB; the page receives the parsed survey (typed arrays
 * transferred, not copied). A File is read in the worker, never on the page.
 */
export function loadFile(
  source: ImportSource,
  options: WorkerLoadOptions,
  onProgress: (p: Progress) => void,
  request: LoadRequest = {},
): RunningImport {
  // Bytes are copied (they are small: a pasted table); a File crosses as a handle to the file.
  const { promise, cancel } = run(
    {
      id: nextId++,
      type: 'load',
      source: source instanceof Uint8Array ? source.slice() : source,
      options,
      surveyId: request.surveyId ?? null,
      expectFingerprint: request.expectFingerprint ?? null,
    },
    [],
    'loaded',
    onProgress,
  );
  return { promise: promise.then((out) => ('type' in out ? out.result : out)), cancel };
}
