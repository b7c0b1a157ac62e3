// A worker thread of the import bench (perf/parallel.ts): reads parts of the
// survey's CSV, shared with the main thread, as a Web Worker helper does in
// the app (src/app/parallelWorker.ts), through the same core function.
import { parentPort, workerData } from 'node:worker_threads';
import { chunkBuffers, readChunk, type ChunkPlan } from '../src/core/csv/chunks';

const bytes = new Uint8Array(workerData as SharedArrayBuffer);
// Slices are copied out of the shared buffer: TextDecoder does not read shared memory.
const source = {
  size: bytes.length,
  read: async (from: number, to: number) => bytes.slice(from, to),
};

parentPort?.on('message', (m: { id: number; plan: ChunkPlan; from: number; to: number }) => {
  void readChunk(source, m.plan, m.from, m.to).then(
    (result) => parentPort?.postMessage({ id: m.id, result }, chunkBuffers(result)),
    (e: unknown) =>
      parentPort?.postMessage({
        id: m.id,
        result: { rows: 0, problem: e instanceof Error ? e.message : String(e), columns: [] },
      }),
  );
});
