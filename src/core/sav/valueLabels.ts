// Value labels (record type 3, always followed by type 4): a list of
// (8-byte value, label) pairs, then the dictionary indexes of the variables
// they apply to. Whether a value is a number or a short string depends on
// those variables, so values are kept as raw 8-byte fields here.
import { SavError } from './errors';
import { savMessages as M } from '../messages';
import type { ByteReader } from './reader';

export interface RawValueLabels {
  offset: number;
  labels: { value: Uint8Array; label: Uint8Array }[];
  /** 1-based dictionary indexes (variable records, continuation records counted). */
  indexes: number[];
}

/** Reads a type 3 record and its type 4 record; `r` is just past the record type (3). */
export function parseValueLabels(r: ByteReader): RawValueLabels {
  const offset = r.pos - 4;
  const countAt = r.pos;
  // Each label takes at least 16 bytes: an 8-byte value, a length byte, padding to 8.
  const count = r.count(r.i32('a value label record'), 16, 'a value label record', countAt);
  const labels: RawValueLabels['labels'] = [];
  for (let i = 0; i < count; i++) {
    const value = r.take(8, 'a labelled value');
    const length = r.u8('a value label length');
    // The length byte and the label together are padded to a multiple of 8 bytes.
    const padded = Math.ceil((length + 1) / 8) * 8 - 1;
    const at = r.pos;
    r.length(padded, 'a value label', at - 1);
    labels.push({ value, label: r.take(padded, 'a value label').subarray(0, length) });
  }
  const typeAt = r.pos;
  if (r.remaining < 4 || r.i32('a value label variables record') !== 4)
    throw new SavError(typeAt, M.labelsWithoutVariables);
  const nAt = r.pos;
  const n = r.count(r.i32('a value label variables record'), 4, 'the labelled variables', nAt);
  const indexes: number[] = [];
  for (let i = 0; i < n; i++) indexes.push(r.i32('a labelled variable index'));
  return { offset, labels, indexes };
}

/** Skips a document record (type 6): lines of 80 bytes that no question needs. */
export function skipDocument(r: ByteReader): void {
  const at = r.pos;
  const lines = r.count(r.i32('a document record'), 80, 'the document lines', at);
  r.skip(lines * 80, 'the document lines');
}
