// Messages between the import worker and its helpers (parallelWorker.ts): a
// helper reads a part of a large delimited file into columns of its own
// (core/csv/chunks.ts), or fingerprints the whole file, reading the File
// itself by slices so no bytes cross between threads.
import type { ChunkPlan, ChunkResult } from '../core/csv/chunks';

export type ToHelper =
  | { type: 'part'; file: Blob; plan: ChunkPlan; from: number; to: number }
  | { type: 'hash'; file: Blob };

export type FromHelper =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'part'; result: ChunkResult }
  | { type: 'hash'; hex: string }
  | { type: 'failed'; message: string };
