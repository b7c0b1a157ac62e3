// Stage 4 of the import: rows stream straight into one encoder per question,
// so the file is never held as string[][]. Categories are dictionary-encoded
// (Map<label, code> -> growing typed arrays); multi-answer questions become
// answer-pattern codes with one bit mask per distinct pattern.
// The encoders themselves live in ./encoders/, one concept each.
import { CategoryEncoder } from './encoders/category';
import { NumericEncoder } from './encoders/numeric';
import { IdEncoder } from './encoders/id';
import { DelimitedMultiEncoder, ColumnsMultiEncoder } from './encoders/multi';
import type { Encoder } from './encoders/cells';
import type { Schema, SchemaQuestion } from '../schema/types';
import { CellInterner, CodeBuffer, hashRange } from './codes';
import type { RespondentMeta, RespondentTable } from './types';

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
