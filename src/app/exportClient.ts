// The page's side of the export worker: a promise for the CSV as a Blob,
// progress as rows are written, and cancel (which terminates the worker).
import type { Result } from '../core/result';
import type { RespondentTable } from '../core/table/types';
import { problem } from '../core/messages';
import type { FromExportWorker, ToExportWorker } from './exportProtocol';

export interface ExportProgress {
  rows: number;
  totalRows: number;
}

export interface RunningExport {
  promise: Promise<Result<Blob>>;
  cancel(): void;
}

/**
 * Writes the table as CSV in a worker. The table is copied to it (see
 * exportProtocol.ts); `title` names the survey in the messages.
 */
export function exportRespondentsCsv(
  table: RespondentTable,
  title: string,
  onProgress: (p: ExportProgress) => void,
  chunkRows?: number,
): RunningExport {
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  let settle: (r: Result<Blob>) => void = () => {};
  let stopped = false;
  const promise = new Promise<Result<Blob>>((resolve) => {
    settle = resolve;
  });
  const finish = (r: Result<Blob>) => {
    stopped = true;
    worker.terminate();
    settle(r);
  };
  worker.onmessage = (event: MessageEvent<FromExportWorker>) => {
    const data = event.data;
    if (data.type === 'progress') onProgress(data);
    else if (data.type === 'done') finish({ ok: true, value: data.blob });
    else
      finish({
        ok: false,
        error: problem('export-failed', title, data.message),
      });
  };
  worker.onerror = (event) => {
    finish({
      ok: false,
      error: problem('export-failed', title, event.message || 'worker error'),
    });
  };
  const post = (message: ToExportWorker) => worker.postMessage(message);
  // One column per task (see exportProtocol.ts), then the table without them.
  void (async () => {
    const { columns, ...rest } = table;
    for (const column of columns) {
      if (stopped) return;
      post({ type: 'column', column });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!stopped)
      post({
        type: 'csv',
        table: { ...rest, columns: [] },
        ...(chunkRows === undefined ? {} : { chunkRows }),
      });
  })();
  return {
    promise,
    cancel: () => finish({ ok: false, error: problem('export-cancelled', title) }),
  };
}
