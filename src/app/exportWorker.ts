// The respondent CSV export, off the main thread: the one writer
// (core/export/respondents.ts) chunk by chunk, each chunk handed to a Blob at
// once (so the text does not pile up in this worker's heap), progress after
// each chunk. Cancel terminates the worker: nothing half-written is saved.
import { respondentCsvChunks } from '../core/export/respondents';
import type { Column, RespondentTable } from '../core/table/types';
import type { FromExportWorker, ToExportWorker } from './exportProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null;
  postMessage(message: FromExportWorker): void;
}
const scope = self as unknown as WorkerScope;

const CSV_TYPE = 'text/csv;charset=utf-8';

const columns: Column[] = [];

scope.onmessage = (event) => {
  const data = event.data;
  if (data.type === 'column') {
    columns.push(data.column);
    return;
  }
  const table: RespondentTable = { ...data.table, columns };
  try {
    const parts: Blob[] = [];
    for (const chunk of respondentCsvChunks(table, data.chunkRows)) {
      parts.push(new Blob([chunk.text], { type: CSV_TYPE }));
      scope.postMessage({ type: 'progress', rows: chunk.rows, totalRows: table.rowCount });
    }
    scope.postMessage({
      type: 'done',
      blob: new Blob(parts, { type: CSV_TYPE }),
      rows: table.rowCount,
    });
  } catch (err) {
    scope.postMessage({
      type: 'failed',
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
