// One part of the workbook, inflated and scanned as a stream: bytes → text
// (UTF-8, or UTF-16 when the part starts with its byte order mark; invalid
// bytes are an error, never U+FFFD) → the XML scanner → a handler.
import { XlsxError } from './errors';
import { problem, xlsxMessages as M } from '../messages';
import { XmlScanner, type XmlHandler } from './xml';
import { readEntry, partKey, type Budget, type Zip } from './zip';

/** Makes the error for a malformed part, saying where in it (a row, a cell) when the handler knows. */
export type Malformed = (why: string) => XlsxError;

export function malformedIn(
  part: string,
  where: () => { text: string; row?: number } = () => ({ text: '' }),
): Malformed {
  return (why) => {
    const at = where();
    return new XlsxError(problem('xlsx-malformed', part, at.text, why), at.row);
  };
}

/** True when the archive has this part (names compare without case, as OPC says). */
export function hasPart(zip: Zip, name: string): boolean {
  return zip.entries.has(partKey(name));
}

/**
 * Streams a part through `handler` until the part ends or the handler halts.
 * A missing part is an error naming it; `onInput` hears the compressed bytes
 * read so far (for progress).
 */
export function scanPart(
  zip: Zip,
  name: string,
  budget: Budget,
  handler: XmlHandler,
  malformed: Malformed,
  onInput?: (compressedRead: number, compressedSize: number) => void,
): void {
  const entry = zip.entries.get(partKey(name));
  if (entry === undefined) throw new XlsxError(problem('xlsx-incomplete', name));
  const scanner = new XmlScanner(handler, malformed);
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return (decoder as InstanceType<typeof TextDecoder>).decode(bytes, { stream });
    } catch {
      throw malformed(M.notUtf8);
    }
  };
  readEntry(
    zip,
    entry,
    budget,
    (chunk) => {
      if (decoder === null) decoder = new TextDecoder(encodingOf(chunk), { fatal: true });
      scanner.push(decode(chunk, true));
      return !handler.halted;
    },
    onInput === undefined ? undefined : (read) => onInput(read, entry.compressedSize),
  );
  if (handler.halted) return;
  if (decoder !== null) scanner.push(decode(new Uint8Array(0), false));
  scanner.end();
}

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
