// Messages between the page and the import worker. Options cross as plain
// data; callbacks (progress, cancel) are replaced by messages and termination.
import type { LoadOptions, Loaded, Preview } from '../core/pipeline';
import type { Result } from '../core/result';

export type WorkerLoadOptions = Omit<LoadOptions, 'onProgress' | 'shouldCancel'>;

export type ToWorker =
  | { id: number; type: 'preview'; bytes: Uint8Array; options: WorkerLoadOptions }
  | { id: number; type: 'load'; bytes: Uint8Array; options: WorkerLoadOptions };

export type FromWorker =
  | { id: number; type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { id: number; type: 'preview'; result: Result<Preview> }
  | { id: number; type: 'loaded'; result: Result<Loaded> };
