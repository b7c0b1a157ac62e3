// Stage 4 of the import: rows stream straight into one encoder per question,
// so the file is never held as string[][]. Categories are dictionary-encoded
// (Map<label, code> -> growing typed arrays); multi-answer questions become
// answer-pattern codes with one bit mask per distinct pattern.
import { importMessages } from '../messages';
import { parseNumber } from '../schema/profile';
import { isNotSelectedLabel, isNotSelectedToken, isSelectedToken } from '../schema/tokens';
import type { MultiSeparator, Schema, SchemaQuestion } from '../schema/types';
import { CodeBuffer, FloatBuffer, copyString } from './codes';
import type { Column, RespondentMeta, RespondentTable } from './types';

interface Encoder {
  push(cells: readonly string[]): void;
  finish(warnings: string[]): Column;
}

const NUMBERISH = /^-?\d+(\.\d+)?$/;

/** Up to this many labels (and missing tokens), a category is found by comparing strings. */
const FEW = 16;

/** trim() only when needed: most cells have no surrounding whitespace (a hot path). */
function clean(cell: string | undefined): string {
  if (cell === undefined || cell.length === 0) return '';
  const a = cell.charCodeAt(0);
  const b = cell.charCodeAt(cell.length - 1);
  return a <= 32 || b <= 32 || a === 0xa0 || b === 0xa0 || a === 0xfeff ? cell.trim() : cell;
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
  private readonly codes: CodeBuffer;
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
    const v = clean(cell);
    // Few labels (the usual case): comparing strings beats hashing each new cell (2x here).
    const few = this.few;
    if (few !== null) {
      for (let k = 0; k < few.length; k++)
        if (few[k] === v) {
          this.codes.push(this.fewCodes[k] as number);
          return;
        }
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
    this.codes.push(code);
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

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly missing: ReadonlySet<string>,
    private readonly decimalComma: boolean,
    capacity: number,
  ) {
    this.values = new FloatBuffer(capacity);
  }

  push(cells: readonly string[]): void {
    const v = clean(cells[this.col]);
    if (this.missing.has(v)) {
      this.values.push(NaN);
      return;
    }
    const n = parseNumber(v, this.decimalComma);
    if (Number.isNaN(n)) this.bad++;
    this.values.push(n);
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
  private readonly codes: CodeBuffer;
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
    const v = clean(cells[this.col]);
    if (this.missing.has(v)) {
      this.codes.push(0);
      return;
    }
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
    this.codes.push(this.patterns.code(words));
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

  constructor(
    private readonly q: SchemaQuestion,
    private readonly style: 'label' | 'binary',
    private readonly options: string[],
    private readonly missing: ReadonlySet<string>,
    capacity: number,
  ) {
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
        if (isSelectedToken(v)) chosen = true;
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

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly missing: ReadonlySet<string>,
    private readonly capacity: number,
  ) {
    this.numbers = new FloatBuffer(capacity);
  }

  push(cells: readonly string[]): void {
    if (this.numbers !== null) {
      const v = clean(cells[this.col]);
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
    (this.text as CategoryEncoder).pushCell(cells[this.col]);
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
  missing: ReadonlySet<string>,
  capacity: number,
): Encoder {
  const col = q.sourceColumns[0] ?? 0;
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
        return new ColumnsMultiEncoder(q, q.multi.style, q.multi.options, missing, capacity);
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
  return {
    push(cells) {
      for (let e = 0; e < encoders.length; e++) (encoders[e] as Encoder).push(cells);
      rows++;
    },
    get rowCount() {
      return rows;
    },
    finish() {
      const warnings: string[] = [];
      const columns = encoders.map((e) => e.finish(warnings));
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
