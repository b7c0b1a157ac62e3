// Builds SPSS system files byte by byte for the record tests: the header, each
// record type, and the data (uncompressed or bytecode), in either byte order.
// Deliberately simple and separate from the reader: it writes the layout the
// PSPP manual documents, so a test can say exactly which bytes it feeds in.

export class Bytes {
  private chunks: number[] = [];
  constructor(readonly little = true) {}
  get length(): number {
    return this.chunks.length;
  }
  u8(...v: number[]): this {
    for (const b of v) this.chunks.push(b & 0xff);
    return this;
  }
  i32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v, this.little);
    return this.u8(...b);
  }
  i64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, BigInt(v), this.little);
    return this.u8(...b);
  }
  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, this.little);
    return this.u8(...b);
  }
  /** Text (UTF-8) or bytes, padded with `pad` to `width` when given. */
  text(s: string | Uint8Array, width?: number, pad = 0x20): this {
    const b = typeof s === 'string' ? new TextEncoder().encode(s) : s;
    this.u8(...b.subarray(0, width ?? b.length));
    for (let i = b.length; i < (width ?? 0); i++) this.u8(pad);
    return this;
  }
  bytes(b: Uint8Array): this {
    return this.u8(...b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export interface HeaderSpec {
  magic?: string;
  little?: boolean;
  layout?: number;
  compression?: number;
  weightIndex?: number;
  ncases?: number;
  bias?: number;
  label?: string;
}

export function header(b: Bytes, h: HeaderSpec = {}): Bytes {
  return b
    .text(h.magic ?? '$FL2')
    .text('@(#) SPSS DATA FILE test writer', 60)
    .i32(h.layout ?? 2)
    .i32(-1)
    .i32(h.compression ?? 0)
    .i32(h.weightIndex ?? 0)
    .i32(h.ncases ?? -1)
    .f64(h.bias ?? 100)
    .text('01 Jan 70', 9)
    .text('00:00:00', 8)
    .text(h.label ?? '', 64)
    .u8(0, 0, 0);
}

export interface VarSpec {
  name: string;
  /** 0 numeric, 1..255 string width. */
  type?: number;
  label?: string;
  /** Missing-values code and values (numbers, or strings padded to 8). */
  missingCode?: number;
  missing?: (number | string)[];
}

/** A variable record, plus its continuation records for a string wider than 8. */
export function variable(b: Bytes, v: VarSpec): Bytes {
  const type = v.type ?? 0;
  const code = v.missingCode ?? v.missing?.length ?? 0;
  b.i32(2)
    .i32(type)
    .i32(v.label === undefined ? 0 : 1)
    .i32(code)
    .i32(0x050800)
    .i32(0x050800);
  b.text(v.name, 8);
  if (v.label !== undefined) {
    const bytes = new TextEncoder().encode(v.label);
    b.i32(bytes.length).text(bytes, Math.ceil(bytes.length / 4) * 4, 0x20);
  }
  for (const m of v.missing ?? []) {
    if (typeof m === 'number') b.f64(m);
    else b.text(m, 8);
  }
  for (let k = 1; k < Math.ceil(type / 8); k++)
    b.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).text('', 8, 0);
  return b;
}

/** Value labels (type 3) and the variables they apply to (type 4). */
export function valueLabels(
  b: Bytes,
  labels: [number | string, string][],
  indexes: number[],
): Bytes {
  b.i32(3).i32(labels.length);
  for (const [value, label] of labels) {
    if (typeof value === 'number') b.f64(value);
    else b.text(value, 8);
    const bytes = new TextEncoder().encode(label);
    b.u8(bytes.length).text(bytes);
    const padded = Math.ceil((bytes.length + 1) / 8) * 8;
    for (let i = bytes.length + 1; i < padded; i++) b.u8(0x20);
  }
  b.i32(4).i32(indexes.length);
  for (const i of indexes) b.i32(i);
  return b;
}

/** An extension record of bytes (size 1). */
export function extension(b: Bytes, subtype: number, data: Uint8Array | string): Bytes {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return b.i32(7).i32(subtype).i32(1).i32(bytes.length).bytes(bytes);
}

/** Subtype 3 (integer info) with a character code. */
export function integerInfo(b: Bytes, characterCode: number, floatingPoint = 1): Bytes {
  b.i32(7).i32(3).i32(4).i32(8);
  for (const v of [1, 0, 0, -1, floatingPoint, 1, b.little ? 2 : 1, characterCode]) b.i32(v);
  return b;
}

export function end(b: Bytes): Bytes {
  return b.i32(999).i32(0);
}

/** Cases, uncompressed: numbers as flt64, strings space-padded to whole 8-byte slots. */
function rows(b: Bytes, cases: (number | string)[][], widths: number[]): Bytes {
  for (const row of cases)
    row.forEach((v, k) => {
      const w = widths[k] ?? 0;
      if (w === 0) b.f64(v as number);
      else b.text(v as string, Math.ceil(w / 8) * 8);
    });
  return b;
}

export const SYSMIS = -Number.MAX_VALUE;

export interface FileSpec {
  little?: boolean;
  vars: VarSpec[];
  labels?: { labels: [number | string, string][]; indexes: number[] }[];
  /** Extension records of bytes: [subtype, data]. The encoding record is added unless `encoding` is null. */
  extensions?: [number, string | Uint8Array][];
  encoding?: string | null;
  codePage?: number;
  cases: (number | string)[][];
  compression?: 0 | 1;
  weightIndex?: number;
  ncases?: number;
  label?: string;
}

/** Slot widths of the variables (0 numeric, else the string width). */
const widthsOf = (vars: VarSpec[]) => vars.map((v) => v.type ?? 0);

/** A complete file: header, variables, labels, extensions, termination and data. */
export function savFile(spec: FileSpec): Uint8Array {
  const b = new Bytes(spec.little ?? true);
  header(b, {
    compression: spec.compression ?? 0,
    weightIndex: spec.weightIndex ?? 0,
    ncases: spec.ncases ?? spec.cases.length,
    label: spec.label ?? '',
  });
  for (const v of spec.vars) variable(b, v);
  for (const l of spec.labels ?? []) valueLabels(b, l.labels, l.indexes);
  if (spec.codePage !== undefined) integerInfo(b, spec.codePage);
  for (const [sub, data] of spec.extensions ?? []) extension(b, sub, data);
  if (spec.encoding !== null) extension(b, 20, spec.encoding ?? 'UTF-8');
  end(b);
  const widths = widthsOf(spec.vars);
  if ((spec.compression ?? 0) === 0) rows(b, spec.cases, widths);
  else bytecode(b, spec.cases, widths);
  return b.done();
}

/** Bytecode compression as SPSS writes it: small integers inline, sysmis 255, spaces 254, else 253 + raw. */
export function bytecode(b: Bytes, cases: (number | string)[][], widths: number[]): Bytes {
  const codes: number[] = [];
  const raw: Uint8Array[] = [];
  const flush = (final: boolean) => {
    while (codes.length >= 8 || (final && codes.length > 0)) {
      const group = codes.splice(0, 8);
      while (group.length < 8) group.push(0);
      b.u8(...group);
      const n = group.filter((c) => c === 253).length;
      for (const r of raw.splice(0, n)) b.bytes(r);
    }
  };
  const slot = (code: number, bytes?: Uint8Array) => {
    codes.push(code);
    if (bytes !== undefined) raw.push(bytes);
    flush(false);
  };
  for (const row of cases)
    row.forEach((v, k) => {
      const w = widths[k] ?? 0;
      if (w === 0) {
        const x = v as number;
        if (x === SYSMIS) slot(255);
        else if (Number.isInteger(x) && x >= -99 && x <= 151) slot(x + 100);
        else slot(253, new Bytes(b.little).f64(x).done());
      } else {
        const text = new Bytes().text(v as string, Math.ceil(w / 8) * 8).done();
        for (let i = 0; i < text.length; i += 8) {
          const chunk = text.subarray(i, i + 8);
          if (chunk.every((c) => c === 0x20)) slot(254);
          else slot(253, chunk);
        }
      }
    });
  codes.push(252);
  flush(true);
  return b;
}
