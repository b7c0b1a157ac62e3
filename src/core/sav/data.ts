// The data: one case (respondent) after another, each a row of 8-byte slots
// (a number, or 8 bytes of a string). Uncompressed files hold the slots as
// they are; bytecode-compressed files ($FL2, compression 1) hold groups of 8
// command bytes, each standing for one slot: a small whole number (code − bias),
// system-missing, eight spaces, "the next 8 raw bytes", or the end. ZLIB files
// ($FL3) hold the same bytecode, deflated in blocks (zlib.ts).
import type { SavDictionary } from './dictionary';
import { SavError } from './errors';
import { savMessages as M } from '../messages';
import { flatSource, zlibSource, type ByteSource } from './zlib';

export interface CaseSource {
  /** The bytes the cases are read from (the file itself, or a scratch case buffer). */
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Moves to the next case: its first byte in `bytes`, or -1 after the last case. */
  next(): number;
  /** Cases read so far. */
  readonly count: number;
  /** About how far into the file reading is, for progress. */
  offset(): number;
  /** Set when the data ended before the number of cases the header promised. */
  shortBy: number;
  /** The most cases the data can hold, whatever the header says. */
  readonly maxCases: number;
}

export function openCases(dict: SavDictionary): CaseSource {
  const { raw } = dict;
  const bytes = raw.header.compression === 'none' ? null : new Uint8Array(dict.slots * 8);
  if (bytes === null) return new UncompressedCases(dict);
  const source =
    raw.header.compression === 'zlib'
      ? zlibSource(dict.raw.bytes, raw.dataStart, raw.header.little)
      : flatSource(dict.raw.bytes, raw.dataStart);
  return new BytecodeCases(dict, source, bytes);
}

class UncompressedCases implements CaseSource {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  count = 0;
  shortBy = 0;
  private pos: number;
  private readonly size: number;

  constructor(private readonly dict: SavDictionary) {
    this.bytes = dict.raw.bytes;
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.pos = dict.raw.dataStart;
    this.size = dict.slots * 8;
    this.maxCases = Math.floor((this.bytes.length - this.pos) / this.size);
  }

  readonly maxCases: number;

  next(): number {
    const promised = this.dict.raw.header.ncases;
    if (promised >= 0 && this.count >= promised) return -1;
    const left = this.bytes.length - this.pos;
    if (left === 0) {
      if (promised >= 0) this.shortBy = promised - this.count;
      return -1;
    }
    if (left < this.size) {
      const slot = Math.floor(left / 8);
      throw new SavError(
        this.pos + slot * 8,
        M.partialCase(this.count + 1, this.dict.variableAt(slot)?.name ?? '?'),
      );
    }
    const at = this.pos;
    this.pos += this.size;
    this.count++;
    return at;
  }

  offset(): number {
    return this.pos;
  }
}

class BytecodeCases implements CaseSource {
  readonly view: DataView;
  count = 0;
  shortBy = 0;
  private readonly commands = new Uint8Array(8);
  private next8 = 8;
  private ended = false;
  private readonly spaces = 0x20;

  constructor(
    private readonly dict: SavDictionary,
    private readonly source: ByteSource,
    readonly bytes: Uint8Array,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Every slot takes at least one command byte.
    this.maxCases = Math.floor(source.size / Math.max(1, dict.slots));
  }

  readonly maxCases: number;

  offset(): number {
    return this.source.offset();
  }

  next(): number {
    const promised = this.dict.raw.header.ncases;
    if (this.ended || (promised >= 0 && this.count >= promised)) return -1;
    const { slots, sysmis, raw } = this.dict;
    const little = raw.header.little;
    const bias = raw.header.bias;
    const out = this.bytes;
    const view = this.view;
    for (let slot = 0; slot < slots;) {
      if (this.next8 === 8) {
        const got = this.source.read(this.commands, 0, 8);
        // The data may end after any whole case (with or without a few padding bytes).
        if (got < 8) {
          if (slot === 0) return this.end(promised);
          throw this.partial(slot);
        }
        this.next8 = 0;
      }
      const code = this.commands[this.next8++]!;
      switch (code) {
        case 0: // padding: stands for no slot
          break;
        case 252: // end of data
          if (slot === 0) return this.end(promised);
          throw new SavError(
            this.source.offset(),
            M.endInCase(this.count + 1, this.dict.variableAt(slot)?.name ?? '?'),
          );
        case 253: // the value follows the command group, uncompressed
          if (this.source.read(out, slot * 8, 8) < 8) throw this.partial(slot);
          slot++;
          break;
        case 254: // a string slot of eight spaces
          out.fill(this.spaces, slot * 8, slot * 8 + 8);
          slot++;
          break;
        case 255: // system-missing
          view.setFloat64(slot * 8, sysmis, little);
          slot++;
          break;
        default:
          // code − bias; in a string slot, 0 (code = bias) stands for eight NUL bytes,
          // which is exactly how +0.0 is stored.
          view.setFloat64(slot * 8, code - bias, little);
          slot++;
      }
    }
    this.count++;
    return 0;
  }

  private end(promised: number): number {
    this.ended = true;
    if (promised >= 0 && this.count < promised) this.shortBy = promised - this.count;
    return -1;
  }

  private partial(slot: number): SavError {
    return new SavError(
      this.source.offset(),
      M.partialCase(this.count + 1, this.dict.variableAt(slot)?.name ?? '?'),
    );
  }
}
