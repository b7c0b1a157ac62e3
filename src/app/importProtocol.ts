// Messages between the page and the import worker. Options cross as plain
// data; callbacks (progress, cancel) are replaced by messages and termination.
import type { LoadOptions, Preview } from '../core/pipeline';
import type { Result } from '../core/result';
import type { StoredSurvey } from '../state/models/stored';

export type WorkerLoadOptions = Omit<LoadOptions, 'onProgress' | 'shouldCancel'>;

/** What the import preview lets the user decide: everything but the file's name. */
export type ImportOptions = Omit<WorkerLoadOptions, 'file'>;

/** What the worker imports: a File (read in the worker, so the page never holds it) or bytes. */
export type ImportSource = Blob | Uint8Array;

export interface Imported {
  record: StoredSurvey;
  /** Set when the survey loaded but could not be kept in the browser's storage. */
  saveProblem: string | null;
}

export type ToWorker =
  | { id: number; type: 'preview'; bytes: Uint8Array; options: WorkerLoadOptions }
  | {
      id: number;
      type: 'load';
      source: ImportSource;
      options: WorkerLoadOptions;
      /** The library id to give the survey; null: derived from the file's fingerprint. */
      surveyId: string | null;
      /** The fingerprint the file must have (a shared link names its file by it). */
      expectFingerprint: string | null;
    };

export type FromWorker =
  | { id: number; type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { id: number; type: 'preview'; result: Result<Preview> }
  | { id: number; type: 'loaded'; result: Result<Imported> };
