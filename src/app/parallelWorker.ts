// A helper of the import worker: reads a part of a large delimited file into
// columns of its own (core/csv/chunks.ts), or the SHA-256 fingerprint of the
// whole file, reading the File itself slice by slice. Its columns move to the
// import worker (transferred, not copied), which splices them in.
import { chunkBuffers, readChunk } from '../core/csv/chunks';
import { createSha256 } from '../core/hash/sha256';
import type { FromHelper, ToHelper } from './parallelProtocol';
import { blobSource } from './parallelSource';

interface HelperScope {
  onmessage: ((event: MessageEvent<ToHelper>) => void) | null;
  postMessage(message: FromHelper, transfer?: Transferable[]): void;
}
const scope = self as unknown as HelperScope;

/** Slices the fingerprint reads: large, so the hash runs in long stretches. */
const HASH_SLICE = 16 << 20;

async function hashFile(file: Blob): Promise<string> {
  const source = blobSource(file);
  const sha = createSha256();
  for (let at = 0; at < source.size; at += HASH_SLICE)
    sha.update(await source.read(at, Math.min(at + HASH_SLICE, source.size)));
  return sha.hex();
}

scope.onmessage = (event) => {
  const msg = event.data;
  const failed = (err: unknown) =>
    scope.postMessage({
      type: 'failed',
      message: err instanceof Error ? err.message : String(err),
    });
  if (msg.type === 'hash') {
    hashFile(msg.file).then((hex) => scope.postMessage({ type: 'hash', hex }), failed);
    return;
  }
  readChunk(blobSource(msg.file), msg.plan, msg.from, msg.to, (bytes, rows) =>
    scope.postMessage({ type: 'progress', bytes, rows }),
  ).then((result) => scope.postMessage({ type: 'part', result }, chunkBuffers(result)), failed);
};
