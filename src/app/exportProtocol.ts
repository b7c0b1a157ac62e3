// Messages between the page and the export worker. The page sends a copy of
// the survey's table one column per message (a structured clone copies each
// column's typed arrays in one memcpy), yielding between them, so that no
// single task of the page's holds more than one column's copy: sending the
// whole table in one message costs a million-respondent survey's page about
// 80 ms in one piece. The worker writes the CSV in chunks and answers with a
// Blob, which crosses back by reference.
import type { Column, RespondentTable } from '../core/table/types';

export type ToExportWorker =
  | { type: 'column'; column: Column }
  /** The table without its columns (they came before, in order): write it. */
  | { type: 'csv'; table: RespondentTable; chunkRows?: number };

export type FromExportWorker =
  | { type: 'progress'; rows: number; totalRows: number }
  | { type: 'done'; blob: Blob; rows: number }
  | { type: 'failed'; message: string };
