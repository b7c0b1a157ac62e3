// The file header record (176 bytes): magic, product, byte order, compression,
// the weight variable, the number of cases, the compression bias and the file
// label. The byte order is not stated: it is whichever reading of the layout
// code gives 2 or 3.
import { SavError } from './errors';
import { savMessages as M } from '../messages';
import { ascii, ByteReader } from './reader';

export const HEADER_BYTES = 176;

export type Compression = 'none' | 'bytecode' | 'zlib';

export interface SavHeader {
  magic: '$FL2' | '$FL3';
  /** "@(#) SPSS DATA FILE GNU pspp 1.6.2 …", trimmed. */
  product: string;
  /** Integers (and, in every file observed, floats) are little-endian. */
  little: boolean;
  compression: Compression;
  /** 1-based dictionary index of the weight variable; 0 = unweighted. */
  weightIndex: number;
  /** Number of cases, or -1 when the writer did not know it. */
  ncases: number;
  /** Compressed codes 1..251 stand for the numbers code - bias (normally 100). */
  bias: number;
  /** The file label, raw: decoded once the file's encoding is known. */
  label: Uint8Array;
}

/** Whether the bytes start like an SPSS system file ($FL2, $FL3, or their EBCDIC spelling). */
export function looksLikeSav(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const m = ascii(bytes.subarray(0, 4));
  return m === '$FL2' || m === '$FL3' || m === '\x5b\xc6\xd3\xf2';
}

export function parseHeader(bytes: Uint8Array): SavHeader {
  const r = new ByteReader(bytes);
  r.need(4, 'the file header');
  const magic = ascii(r.take(4, 'the file header'));
  if (magic === '\x5b\xc6\xd3\xf2') throw new SavError(0, M.ebcdic, 'unsupported');
  if (magic !== '$FL2' && magic !== '$FL3') throw new SavError(0, M.notSav, 'not-sav');
  r.need(HEADER_BYTES - 4, 'the file header');
  const product = ascii(r.take(60, 'the product name')).replace(/[\s\0]+$/, '');
  // The layout code is 2 (or 3) in the file's byte order: try little-endian first.
  const layoutAt = r.pos;
  let layout = r.i32('the layout code');
  if (layout !== 2 && layout !== 3) {
    r.pos = layoutAt;
    r.little = false;
    layout = r.i32('the layout code');
    if (layout !== 2 && layout !== 3) {
      r.pos = layoutAt;
      r.little = true;
      throw new SavError(layoutAt, M.badLayout(r.i32('the layout code')));
    }
  }
  r.i32('the case size'); // nominal_case_size: unreliable, recomputed from the variables
  const compressionAt = r.pos;
  const code = r.i32('the compression code');
  let compression: Compression;
  if (magic === '$FL3' && code === 2) compression = 'zlib';
  else if (magic === '$FL2' && code === 0) compression = 'none';
  else if (magic === '$FL2' && code === 1) compression = 'bytecode';
  else throw new SavError(compressionAt, M.badCompression(code, magic));
  const weightIndex = r.i32('the weight index');
  const ncases = r.i32('the number of cases');
  const biasAt = r.pos;
  const bias = r.f64('the compression bias');
  if (compression !== 'none' && !(Number.isFinite(bias) && Math.abs(bias) < 1e6))
    throw new SavError(biasAt, M.badBias(bias));
  r.skip(9 + 8, 'the creation date and time');
  const label = r.take(64, 'the file label');
  return {
    magic,
    product,
    little: r.little,
    compression,
    weightIndex,
    ncases: ncases < 0 ? -1 : ncases,
    bias,
    label,
  };
}
