// A File (or any Blob) read by ranges: each read is one slice, so a file of
// several gigabytes is never held whole (Blob.arrayBuffer() of a file that
// large fails in Chromium).
import type { ByteSource } from '../core/loadSource';

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (from, to) => new Uint8Array(await blob.slice(from, to).arrayBuffer()),
  };
}
