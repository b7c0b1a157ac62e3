// Stage 4 of the import: rows stream straight into one encoder per question,
// so the file is never held as string[][]. Categories are dictionary-encoded
// (Map<label, code> -> growing typed arrays); multi-answer questions become
// answer-pattern codes with one bit mask per distinct pattern.
import { importMessages } from '../messages';
import { parseNumber } from '../schema/profile';
import { isNotSelectedLabel, isNotSelectedToken, isSelectedToken } from '../schema/tokens';
import type { MultiSeparator, Schema, SchemaQuestion } from '../schema/types';
import { CellInterner, CodeBuffer, FloatBuffer, copyString, hashRange } from './codes';
import type { Column, RespondentMeta, RespondentTable } from './types';

interface Encoder {
  push(cells: readonly string[]): void;
  finish(warnings: string[]): Column;
}

const NUMBERISH = /^-?\d+(\.\d+)?$/;
/** What the fused parser reads as a number itself (a missing token like this disables that). */
const isPlainNumber = (s: string): boolean => /^-?\d*[.,]?\d*$/.test(s) && /\d/.test(s);

/** Up to this many labels (and missing tokens), a category is found by comparing strings. */
const FEW = 16;

/**
 * A character that String.prototype.trim removes: every Unicode space (e.g.
 * U+3000 in CJK exports). Top-level, not a closure inside clean(): a closure
 * made per cell cost seconds on large files run without bundling.
 */
function isTrimmed(c: number): boolean {
  return (
    c <= 32 ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0xfeff ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000))
  );
}

/** trim() only when needed: most cells have no surrounding whitespace (a hot path). */
function clean(cell: string | undefined): string {
  if (cell === undefined || cell.length === 0) return '';
  // The test is cheap because most cells start and end with a letter or digit.
  return isTrimmed(cell.charCodeAt(0)) || isTrimmed(cell.charCodeAt(cell.length - 1))
    ? cell.trim()
    : cell;
}

/** Canonical integer ids ("1234", not "007" or "1e3"), checked without allocating. */
function isCanonicalInteger(v: string): boolean {
  const n = v.length;
  if (n === 0 || n > 15) return false;
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || (v.charCodeAt(i) === 48 && n > i + 1)) return false;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return v !== '-0';
}

class CategoryEncoder implements Encoder {
  /** Label -> code; missing tokens map to 0, so one lookup serves both. */
  private readonly dict = new Map<string, number>();
  private readonly labels: string[] = [];
  readonly codes: CodeBuffer;
  /** Missing tokens and labels while there are at most FEW of them, with their codes. */
  private few: string[] | null;
  private readonly fewCodes: number[] = [];

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    missing: ReadonlySet<string>,
    private readonly type: 'single' | 'text',
    capacity: number,
  ) {
    this.codes = new CodeBuffer(capacity);
    const few: string[] = [];
    for (const m of missing) {
      this.dict.set(m, 0);
      few.push(m);
      this.fewCodes.push(0);
    }
    this.few = few;
  }

  push(cells: readonly string[]): void {
    this.pushCell(cells[this.col]);
  }

  pushCell(cell: string | undefined): void {
    this.codes.push(this.codeOf(cell));
  }

  /** The code of one raw cell (0 for a missing token); a new label gets the next code. */
  codeOf(cell: string | undefined): number {
    const v = clean(cell);
    // Few labels (the usual case): comparing strings beats hashing each new cell (2x here).
    const few = this.few;
    if (few !== null) {
      for (let k = 0; k < few.length; k++) if (few[k] === v) return this.fewCodes[k] as number;
    }
    let code = this.dict.get(v);
    if (code === undefined) {
      const label = copyString(v);
      this.labels.push(label);
      code = this.labels.length;
      this.dict.set(label, code);
      if (few !== null) {
        if (few.length < FEW) {
          few.push(label);
          this.fewCodes.push(code);
        } else this.few = null;
      }
    }
    return code;
  }

  finish(): Column {
    let labels = this.labels;
    // Numbers used as categories (ratings 1-5, ranks) read best in numeric order.
    if (this.type === 'single' && labels.length > 1 && labels.every((l) => NUMBERISH.test(l))) {
      const order = labels.map((l, i) => ({ n: Number(l), i })).sort((a, b) => a.n - b.n);
      const map = new Uint32Array(labels.length + 1);
      order.forEach((o, k) => (map[o.i + 1] = k + 1));
      this.codes.remap(map);
      labels = order.map((o) => labels[o.i] as string);
    }
    return {
      type: this.type,
      id: this.q.id,
      text: this.q.text,
      labels,
      codes: this.codes.finish(),
    };
  }
}

class NumericEncoder implements Encoder {
  private readonly values: FloatBuffer;
  private bad = 0;
  private readonly fast: boolean;

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly missing: ReadonlySet<string>,
    private readonly decimalComma: boolean,
    capacity: number,
  ) {
    this.values = new FloatBuffer(capacity);
    this.fast = ![...missing].some(isPlainNumber);
  }

  push(cells: readonly string[]): void {
    this.pushText(cells[this.col]);
  }

  /** One raw cell, read as the general path reads it. */
  pushText(cell: string | undefined): void {
    const v = clean(cell);
    if (this.missing.has(v)) {
      this.values.push(NaN);
      return;
    }
    const n = parseNumber(v, this.decimalComma);
    if (Number.isNaN(n)) this.bad++;
    this.values.push(n);
  }

  /** A value the fused parser read from a plain decimal cell (not a missing token). */
  pushNumber(n: number): void {
    this.values.push(n);
  }

  /** Drops values past the first n (a row the fused parser must read again). */
  truncate(n: number): void {
    if (this.values.length > n) this.values.length = n;
  }

  /** Whether plain decimals ("-12.5") may be parsed by the caller: none of them is a missing token. */
  fastOk(): boolean {
    return this.fast;
  }

  finish(warnings: string[]): Column {
    if (this.bad > 0) warnings.push(importMessages.notNumbers(this.q.id, this.bad));
    return { type: 'numeric', id: this.q.id, text: this.q.text, values: this.values.finish() };
  }
}

/** Shared pattern bookkeeping: masks of up to any number of 32-bit words, interned to pattern codes. */
class PatternTable {
  private readonly small = new Map<number, number>();
  private readonly large = new Map<string, number>();
  readonly masks: number[][] = [];

  code(words: number[]): number {
    let high = false;
    for (let w = 1; w < words.length; w++) if (words[w] !== 0) high = true;
    if (!high) {
      const key = (words[0] ?? 0) >>> 0;
      let c = this.small.get(key);
      if (c === undefined) {
        this.masks.push([key]);
        c = this.masks.length;
        this.small.set(key, c);
      }
      return c;
    }
    let end = words.length;
    while (end > 1 && words[end - 1] === 0) end--;
    const key = words.slice(0, end).join(',');
    let c = this.large.get(key);
    if (c === undefined) {
      this.masks.push(words.slice(0, end));
      c = this.masks.length;
      this.large.set(key, c);
    }
    return c;
  }

  pack(labelCount: number): { words: number; masks: Uint32Array } {
    const words = Math.max(1, Math.ceil(labelCount / 32));
    const masks = new Uint32Array(this.masks.length * words);
    this.masks.forEach((m, p) => m.forEach((w, k) => (masks[p * words + k] = w)));
    return { words, masks };
  }
}

class DelimitedMultiEncoder implements Encoder {
  private readonly dict = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly patterns = new PatternTable();
  readonly codes: CodeBuffer;
  private words: number[] = [0];

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly separator: MultiSeparator,
    private readonly missing: ReadonlySet<string>,
    capacity: number,
  ) {
    this.codes = new CodeBuffer(capacity);
  }

  push(cells: readonly string[]): void {
    this.codes.push(this.codeOf(cells[this.col]));
  }

  /** The answer-pattern code of one raw cell (0 for a missing token). */
  codeOf(cell: string | undefined): number {
    const v = clean(cell);
    if (this.missing.has(v)) return 0;
    const words = this.words;
    words.fill(0);
    for (const raw of v.split(this.separator)) {
      const part = raw.trim();
      if (part === '') continue;
      let j = this.dict.get(part);
      if (j === undefined) {
        const label = copyString(part);
        j = this.labels.length;
        this.labels.push(label);
        this.dict.set(label, j);
        while (words.length * 32 < this.labels.length) words.push(0);
      }
      words[j >>> 5] = ((words[j >>> 5] ?? 0) | (1 << (j & 31))) >>> 0;
    }
    return this.patterns.code(words);
  }

  finish(): Column {
    const { words, masks } = this.patterns.pack(this.labels.length);
    return {
      type: 'multi',
      id: this.q.id,
      text: this.q.text,
      labels: this.labels,
      words,
      masks,
      patternCount: this.patterns.masks.length,
      patternOf: this.codes.finish(),
    };
  }
}

class ColumnsMultiEncoder implements Encoder {
  private readonly patterns = new PatternTable();
  private readonly codes: CodeBuffer;
  private readonly words: number[];
  /** The values a definition says mean "chosen" (binary style); null: the built-in yes/no tokens. */
  private readonly chosen: ReadonlySet<string> | null;

  constructor(
    private readonly q: SchemaQuestion,
    private readonly style: 'label' | 'binary',
    private readonly options: string[],
    private readonly missing: ReadonlySet<string>,
    capacity: number,
    chosen: readonly string[] | undefined,
  ) {
    // Compared ignoring case: a definition's "Oui" also reads "oui" and "OUI".
    this.chosen = chosen === undefined ? null : new Set(chosen.map((v) => v.toLowerCase()));
    this.codes = new CodeBuffer(capacity);
    this.words = new Array<number>(Math.max(1, Math.ceil(q.sourceColumns.length / 32))).fill(0);
  }

  push(cells: readonly string[]): void {
    const words = this.words;
    words.fill(0);
    let answered = false;
    const cols = this.q.sourceColumns;
    for (let j = 0; j < cols.length; j++) {
      const v = clean(cells[cols[j] as number]);
      let chosen: boolean;
      if (this.style === 'label') {
        // Blank means "not chosen", but a row of blanks means "not asked".
        if (v === '') continue;
        if (this.missing.has(v)) continue;
        chosen = !isNotSelectedLabel(v);
      } else {
        if (this.missing.has(v)) continue;
        if (this.chosen !== null) chosen = this.chosen.has(v.toLowerCase());
        else if (isSelectedToken(v)) chosen = true;
        else if (isNotSelectedToken(v)) chosen = false;
        else continue;
      }
      answered = true;
      if (chosen) words[j >>> 5] = ((words[j >>> 5] ?? 0) | (1 << (j & 31))) >>> 0;
    }
    this.codes.push(answered ? this.patterns.code(words) : 0);
  }

  finish(): Column {
    const { words, masks } = this.patterns.pack(this.options.length);
    return {
      type: 'multi',
      id: this.q.id,
      text: this.q.text,
      labels: this.options.map(copyString),
      words,
      masks,
      patternCount: this.patterns.masks.length,
      patternOf: this.codes.finish(),
    };
  }
}

/**
 * Respondent ids: kept as numbers while every id is a number written canonically
 * (so "007" stays text); falls back to a text column, exactly, at the first other id.
 */
class IdEncoder implements Encoder {
  private numbers: FloatBuffer | null;
  private text: CategoryEncoder | null = null;
  private readonly fast: boolean;

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly missing: ReadonlySet<string>,
    private readonly capacity: number,
  ) {
    this.numbers = new FloatBuffer(capacity);
    this.fast = ![...missing].some(isCanonicalInteger);
  }

  push(cells: readonly string[]): void {
    this.pushText(cells[this.col]);
  }

  /** A canonical integer id the fused parser read itself (only while fastOk()). */
  pushNumber(n: number): void {
    (this.numbers as FloatBuffer).push(n);
  }

  /** Drops ids past the first n pushed with pushNumber (a row the fused parser must read again). */
  truncate(n: number): void {
    if (this.numbers !== null && this.numbers.length > n) this.numbers.length = n;
  }

  /** Whether canonical integers may still be read by the caller: ids are numbers and none is a missing token. */
  fastOk(): boolean {
    return this.numbers !== null && this.fast;
  }

  /** One raw cell, read as the general path reads it. */
  pushText(cell: string | undefined): void {
    if (this.numbers !== null) {
      const v = clean(cell);
      if (this.missing.has(v)) return this.numbers.push(NaN);
      if (isCanonicalInteger(v)) return this.numbers.push(Number(v));
      const text = new CategoryEncoder(this.q, 0, this.missing, 'text', this.capacity);
      const done = this.numbers.finish();
      const one = [''];
      for (const x of done) {
        one[0] = Number.isNaN(x) ? '' : String(x);
        text.push(one);
      }
      this.text = text;
      this.numbers = null;
    }
    (this.text as CategoryEncoder).pushCell(cell);
  }

  finish(): Column {
    if (this.numbers !== null)
      return { type: 'numeric', id: this.q.id, text: this.q.text, values: this.numbers.finish() };
    return (this.text as CategoryEncoder).finish();
  }
}

function encoderFor(
  q: SchemaQuestion,
  schema: Schema,
  surveyMissing: ReadonlySet<string>,
  capacity: number,
): Encoder {
  const col = q.sourceColumns[0] ?? 0;
  // A question's own missing values (a definition's "99 = refused") add to the survey's.
  const missing =
    q.missing === undefined || q.missing.length === 0
      ? surveyMissing
      : new Set([...surveyMissing, ...q.missing]);
  switch (q.kind) {
    case 'numeric':
    case 'weight':
      return new NumericEncoder(q, col, missing, schema.decimalComma, capacity);
    case 'text':
      return new CategoryEncoder(q, col, missing, 'text', capacity);
    case 'id':
      return new IdEncoder(q, col, missing, capacity);
    case 'multi':
      if (q.multi?.encoding === 'columns')
        return new ColumnsMultiEncoder(
          q,
          q.multi.style,
          q.multi.options,
          missing,
          capacity,
          q.multi.chosen,
        );
      return new DelimitedMultiEncoder(q, col, q.multi?.separator ?? ';', missing, capacity);
    default:
      return new CategoryEncoder(q, col, missing, 'single', capacity);
  }
}

export interface TableBuilder {
  /** One data row (the cells may be a reused array: nothing is kept from it but copied labels). */
  push(cells: readonly string[]): void;
  readonly rowCount: number;
  finish(): { table: RespondentTable; warnings: string[] };
  /** The same encoders, addressed per source column, for a parser that encodes as it scans. */
  fused(width: number): FusedColumns;
}

// What the fused parser does with the cell of each source column.
/** Not read by any question. */
export const CELL_SKIP = 0;
/** Dictionary or answer-pattern code, through a CellInterner of raw cell texts. */
export const CELL_CODE = 1;
/** A number (numeric or weight question). */
export const CELL_NUMBER = 2;
/** A respondent id. */
export const CELL_ID = 3;
/** Given as a string in `cells` to the row encoders (grouped multi-answer columns, shared columns). */
export const CELL_TEXT = 4;

/** Resolves raw cell texts to codes for one CELL_CODE column, remembering each distinct text. */
export class CodeColumn {
  readonly interner = new CellInterner();
  /**
   * The entry last found for each (first character, length): most cells of a
   * column are told apart by these two, so a cell is usually verified against
   * one candidate without hashing it (entry + 1; 0 = none).
   */
  private readonly recent = new Int32Array(256);

  constructor(
    private readonly encoder: { codeOf(cell: string): number },
    readonly codes: CodeBuffer,
  ) {}

  /** The code of the raw cell s[a, b). */
  lookup(s: string, a: number, b: number): number {
    const len = b - a;
    const key = (len === 0 ? 0 : Math.imul(s.charCodeAt(a), 31) + len) & 255;
    const interner = this.interner;
    const guess = (this.recent[key] as number) - 1;
    if (guess >= 0 && interner.matches(guess, s, a, b)) return interner.value(guess);
    const h = hashRange(s, a, b);
    let e = interner.entry(s, a, b, h);
    if (e < 0) {
      const raw = s.slice(a, b);
      const code = this.encoder.codeOf(raw);
      e = interner.add(raw, h, code);
      if (e < 0) return code;
    }
    this.recent[key] = e + 1;
    return interner.value(e);
  }

  /** The code of the quoted value s[a, b) holding "" escapes (h: the hash of its unescaped text). */
  lookupEscaped(s: string, a: number, b: number, h: number): number {
    const v = this.interner.findEscaped(s, a, b, h);
    if (v >= 0) return v;
    const raw = s.slice(a, b).replaceAll('""', '"');
    const code = this.encoder.codeOf(raw);
    this.interner.add(raw, h, code);
    return code;
  }

  /** The code of a cell given as a string. */
  lookupString(cell: string): number {
    return this.lookup(cell, 0, cell.length);
  }
}

/** A numeric (or id) column read by the fused parser: plain numbers directly, the rest as text. */
export interface NumberColumn {
  /** Whether the caller may parse plain numbers (canonical integers for ids) itself. */
  fastOk(): boolean;
  pushNumber(n: number): void;
  pushText(cell: string): void;
  /** Drops values past the first n. */
  truncate(n: number): void;
}

export interface FusedColumns {
  /** Per source column: CELL_SKIP, CELL_CODE, CELL_NUMBER, CELL_ID or CELL_TEXT. */
  kind: Uint8Array;
  code: (CodeColumn | null)[];
  number: (NumberColumn | null)[];
  /** Encoders that read whole rows: called once per row with `cells` holding the CELL_TEXT columns. */
  rowEncoders: { push(cells: readonly string[]): void }[];
  /** Count one row written through the columns above. */
  countRow(): void;
  /** Rows written so far (each column holds this many values between rows). */
  rowCount(): number;
  /** Numbers may be written with a decimal comma ("3,5"). */
  decimalComma: boolean;
}

/** Streams rows into a columnar RespondentTable following `schema`. `capacityHint`: expected rows. */
export function createTableBuilder(
  schema: Schema,
  meta: RespondentMeta,
  capacityHint = 1024,
): TableBuilder {
  const missing = new Set(schema.missingTokens);
  const encoders = schema.questions.map((q) => encoderFor(q, schema, missing, capacityHint));
  let rows = 0;
  const fused = (width: number): FusedColumns => {
    const kind = new Uint8Array(width);
    const code: (CodeColumn | null)[] = new Array<CodeColumn | null>(width).fill(null);
    const number: (NumberColumn | null)[] = new Array<NumberColumn | null>(width).fill(null);
    const uses = new Uint32Array(width);
    const single = (q: SchemaQuestion): number => {
      const col = q.sourceColumns[0] ?? 0;
      return q.sourceColumns.length <= 1 && col < width ? col : -1;
    };
    for (const q of schema.questions)
      for (const c of q.sourceColumns.length === 0 ? [0] : q.sourceColumns)
        if (c < width) uses[c] = (uses[c] as number) + 1;
    const rowEncoders: Encoder[] = [];
    schema.questions.forEach((q, e) => {
      const enc = encoders[e] as Encoder;
      const col = single(q);
      const own = col >= 0 && uses[col] === 1;
      if (own && (enc instanceof CategoryEncoder || enc instanceof DelimitedMultiEncoder)) {
        kind[col] = CELL_CODE;
        code[col] = new CodeColumn(enc, enc.codes);
      } else if (own && enc instanceof NumericEncoder) {
        kind[col] = CELL_NUMBER;
        number[col] = enc;
      } else if (own && enc instanceof IdEncoder) {
        kind[col] = CELL_ID;
        number[col] = enc;
      } else {
        for (const c of q.sourceColumns) if (c < width) kind[c] = CELL_TEXT;
        rowEncoders.push(enc);
      }
    });
    return {
      kind,
      code,
      number,
      rowEncoders,
      countRow: () => void rows++,
      rowCount: () => rows,
      decimalComma: schema.decimalComma,
    };
  };
  return {
    fused,
    push(cells) {
      for (let e = 0; e < encoders.length; e++) (encoders[e] as Encoder).push(cells);
      rows++;
    },
    get rowCount() {
      return rows;
    },
    finish() {
      const warnings: string[] = [];
      const columns = encoders.map((e, k) => {
        const column = e.finish(warnings);
        const battery = schema.questions[k]?.memberOf;
        return battery === undefined ? column : { ...column, memberOf: battery };
      });
      const table: RespondentTable = {
        format: 'respondents',
        meta,
        rowCount: rows,
        columns,
        weightId: schema.weightId,
        idColumnId: schema.idColumnId,
      };
      return { table, warnings };
    },
  };
}
