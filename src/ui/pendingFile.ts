// A file waiting to be imported, whether picked, dropped or pasted: kept apart
// from the import panel so the shell can hold one without loading the panel.
/**
 * A file waiting to be imported. Bytes are read on demand: the preview reads
 * only the first megabyte, and the import reads the whole file once and
 * hands it to the worker without a copy, so a 300 MB file is in memory once.
 */
export interface PendingFile {
  name: string;
  size: number;
  head(bytes: number): Promise<Uint8Array>;
  /** What the import worker reads: the File itself (read there, not here) or pasted bytes. */
  source: Blob | Uint8Array;
}

export function pendingFromFile(file: File): PendingFile {
  return {
    name: file.name,
    size: file.size,
    head: async (n) => new Uint8Array(await file.slice(0, n).arrayBuffer()),
    source: file,
  };
}

export function pendingFromText(name: string, text: string): PendingFile {
  const bytes = new TextEncoder().encode(text);
  // A copy goes to the worker each time (pasted tables are small), so a retry can send it again.
  return { name, size: bytes.length, head: async (n) => bytes.slice(0, n), source: bytes };
}
