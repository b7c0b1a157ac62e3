// The fused path of stage 4 for respondent data: one scan of the decoded text
// that tokenizes and encodes at once, with no string per cell and no cells
// array per row. Same dialect, line numbers and errors as createTokenizer plus
// the pipeline's row checks (blank lines skipped, ragged rows refused), and
// the same table as pushing the tokenizer's rows through the builder: a test
// compares the two on random files.
//
// long-file: long on purpose (over the house's 400 lines): it is one hot scan whose state
// lives in local variables; splitting it into calls costs import speed that
// `npm run bench` measures against papaparse.
//
// Per source column (see TableBuilder.fused):
// - CELL_CODE (single, text, answers joined in one cell): the cell's hash is
//   computed while scanning for its end and looked up in a CellInterner of raw
//   cell texts; only a text never seen before goes through the encoder (trim,
//   missing tokens, labels, pattern masks). Identical multi-answer cells map to
//   one pattern without splitting again.
// - CELL_NUMBER / CELL_ID: plain decimals ("-12.5", canonical integer ids) are
//   parsed while scanning, exactly as Number() reads them (at most 15 digits:
//   an exact integer divided by an exact power of ten is correctly rounded);
//   any other text goes to the encoder as a string.
// - CELL_TEXT: a string in `cells`, for encoders reading several columns.
// Codes and plain numbers are written as they are read; a row cut by the end
// of a chunk is taken back (every column truncated to the rows done) and read
// again with the next chunk (rows are short; a value longer than maxFieldBytes
// fails). Cells that go to an encoder as strings wait for the row's end.
import type { Delimiter } from '../csv/delimiter';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_BYTES } from '../csv/tokenize';
import { problem, type ErrorArgs, type ErrorCode } from '../messages';
import { fail, ok } from '../result';
import type { Result, SurveyError } from '../result';
import { HASH_PRIME, HASH_SEED } from './codes';
import type { CodeBuffer } from './codes';
import { CELL_CODE, CELL_ID, CELL_NUMBER, CELL_SKIP, CELL_TEXT } from './encode';
import type { CodeColumn, FusedColumns, NumberColumn } from './encode';

export interface FusedParserOptions {
  delimiter: Delimiter;
  /** File name, for error messages. */
  file: string;
  /** Fields a data row has (more are allowed only when empty). */
  width: number;
  columns: FusedColumns;
  /** Physical line the first text starts on (default 1). */
  line?: number;
  /** The text before ended with a CR that ended a row: a LF starting the first text belongs to it. */
  skipLF?: boolean;
  /** Non-blank rows to read past before the data (header lines; default 0). */
  skipRows?: number;
  maxFieldBytes?: number;
  maxColumns?: number;
}

export interface FusedParser {
  /** Feed the next piece of text. After an error, every call returns that error. */
  push(text: string): Result<void>;
  /** No more text: the last row. */
  end(): Result<void>;
  /** Data rows written. */
  readonly rows: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const MINUS = 45;
const DOT = 46;
const COMMA = 44;
/** A field past the row's width: only an empty one is allowed. */
const CELL_EXTRA = 5;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The position after the first line break (LF, CRLF or CR) at or after `from`, or -1. */
function afterBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (cr >= 0 && (lf < 0 || cr < lf)) return text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
  return lf < 0 ? -1 : lf + 1;
}

export function createFusedParser(opts: FusedParserOptions): FusedParser {
  const D = opts.delimiter.charCodeAt(0);
  const file = opts.file;
  const width = opts.width;
  const maxField = opts.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const maxColumns = opts.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const cols = opts.columns;
  const kinds = cols.kind;
  const decimalComma = cols.decimalComma;
  const blankIsData = D !== SPACE && D !== TAB;

  const codeOf: CodeColumn[] = [];
  const codeBuf: CodeBuffer[] = [];
  const numberOf: NumberColumn[] = [];
  const codeBufs: CodeBuffer[] = [];
  const numbers: NumberColumn[] = [];
  for (let c = 0; c < width; c++) {
    const cc = cols.code[c] ?? null;
    const nc = cols.number[c] ?? null;
    codeOf.push(cc as CodeColumn);
    codeBuf.push((cc?.codes ?? null) as CodeBuffer);
    numberOf.push(nc as NumberColumn);
    if (kinds[c] === CELL_CODE && cc !== null) codeBufs.push(cc.codes);
    if ((kinds[c] === CELL_NUMBER || kinds[c] === CELL_ID) && nc !== null) numbers.push(nc);
  }
  const rowEncoders = cols.rowEncoders;
  // Number cells read as text, written at the row's end.
  const stagedCol = new Int32Array(width);
  const stagedStr: string[] = new Array<string>(width).fill('');
  let staged = 0;
  const cells: string[] = new Array<string>(width).fill('');

  let line = opts.line ?? 1;
  let skipLF = opts.skipLF ?? false;
  let skipLeft = opts.skipRows ?? 0;
  let carry = '';
  let rows = 0;
  let failure: Result<never> | null = null;
  /** The text of the current push (a NUL in it outranks a ragged row, as in the tokenizer path). */
  let pushed = '';

  const error = <C extends ErrorCode>(
    code: C,
    args: ErrorArgs<C>,
    at: number,
    column: number,
  ): Result<never> => {
    const e: SurveyError = { ...problem(code, ...args), file, line: at, column };
    failure = fail(e);
    return failure;
  };
  const tooLarge = (at: number, column: number): Result<never> =>
    error('csv-field-too-large', [maxField], at, column);
  const tooMany = (at: number, column: number): Result<never> =>
    error('csv-too-many-columns', [maxColumns], at, column);
  const binary = (at: number, column: number): Result<never> =>
    error('import-binary', [], at, column);

  const isBlank = (c: number): boolean => blankIsData && (c === SPACE || c === TAB);

  /** Takes back what a cut row wrote. */
  const rollback = (): void => {
    const n = cols.rowCount();
    for (let x = 0; x < codeBufs.length; x++) {
      const b = codeBufs[x] as CodeBuffer;
      if (b.length > n) b.length = n;
    }
    for (let x = 0; x < numbers.length; x++) (numbers[x] as NumberColumn).truncate(n);
    staged = 0;
  };

  const commit = (): void => {
    for (let x = 0; x < staged; x++) {
      const c = stagedCol[x] as number;
      (numberOf[c] as NumberColumn).pushText(stagedStr[c] as string);
    }
    staged = 0;
    for (let e = 0; e < rowEncoders.length; e++) rowEncoders[e]?.push(cells);
    cols.countRow();
    rows++;
  };

  /** Scan `s` from a row start at `from`; on a non-final text, keep a cut last row in `carry`. */
  const scan = (s: string, from: number, final: boolean): Result<never> | null => {
    const len = s.length;
    let i = from;
    if (skipLF && i < len) {
      skipLF = false;
      if (s.charCodeAt(i) === LF) i++;
    }
    for (;;) {
      // ---- a row --------------------------------------------------------
      if (i >= len) {
        carry = '';
        return null;
      }
      const rowStart = i;
      const rowLine = line;
      const skipping = skipLeft > 0;
      let k = 0; // field index
      let extraBad = false;
      for (;;) {
        // ---- a field at i ----------------------------------------------
        let kd = k < width ? (skipping ? CELL_SKIP : (kinds[k] as number)) : CELL_EXTRA;
        let a: number; // value range [a, b)
        let b: number;
        let end: number; // the terminator: delimiter, line break, or len (final only)
        let value: string | null = null; // set when the value is not the plain range
        let num = 0;
        let numOk = false;
        if (i < len && s.charCodeAt(i) === QUOTE) {
          // Quoted: find the closing quote, counting line breaks; "" escapes.
          const quoteLine = line;
          a = i + 1;
          let j = a;
          let h = HASH_SEED; // of the unescaped text
          let escaped = false;
          let pending = -1; // a quote whose meaning depends on text not yet here
          let stray = -1; // the last quote read as data
          let nul = false;
          for (;;) {
            if (j >= len) break;
            const c = s.charCodeAt(j);
            if (c === QUOTE) {
              const nx = j + 1;
              if (nx >= len) {
                pending = j;
                break;
              }
              const c2 = s.charCodeAt(nx);
              if (c2 === QUOTE) {
                escaped = true;
                h = Math.imul(h ^ QUOTE, HASH_PRIME);
                j = nx + 1;
                continue;
              }
              if (c2 === D || c2 === LF || c2 === CR) break;
              if (!isBlank(c2)) {
                h = Math.imul(h ^ QUOTE, HASH_PRIME); // a stray quote: data
                stray = j;
                j = nx;
                continue;
              }
              let m = nx + 1;
              while (m < len && isBlank(s.charCodeAt(m))) m++;
              if (m >= len) {
                pending = j;
                break;
              }
              const c3 = s.charCodeAt(m);
              if (c3 === D || c3 === LF || c3 === CR) break;
              h = Math.imul(h ^ QUOTE, HASH_PRIME);
              stray = j;
              j = nx;
              continue;
            }
            if (c <= CR) {
              if (c === LF) line++;
              else if (c === CR) {
                if (s.charCodeAt(j + 1) !== LF && (j + 1 < len || final)) line++;
              } else if (c === 0) {
                nul = true;
                break;
              }
            }
            h = Math.imul(h ^ c, HASH_PRIME);
            j++;
          }
          if (j >= len || pending >= 0 || nul) {
            // No closing quote in this text (or a NUL, which ends the readable text).
            if (!final || nul) {
              // Where the tokenizer, given the text up to here, would stop: before a
              // last quote (and blanks) whose meaning needs more text, else before a last CR.
              if (nul && stray >= 0) {
                let m = stray + 1;
                while (m < j && isBlank(s.charCodeAt(m))) m++;
                if (m === j) pending = stray;
              }
              const stopAt = pending >= 0 ? pending : j;
              const cr = stopAt > a && s.charCodeAt(stopAt - 1) === CR;
              if ((cr ? stopAt - 1 : stopAt) - a > maxField) return tooLarge(quoteLine, k + 1);
              if (nul) return binary(cr && s.charCodeAt(stopAt) === 0 ? line - 1 : line, k + 1);
              rollback();
              line = rowLine;
              carry = s.slice(rowStart);
              return null;
            }
            if (pending < 0) return error('csv-unclosed-quote', [quoteLine], quoteLine, k + 1);
            j = pending; // the last quote closes the value
          }
          b = j;
          end = j + 1;
          while (end < len && isBlank(s.charCodeAt(end))) end++;
          if (b - a > maxField) return tooLarge(quoteLine, k + 1);
          if (k >= maxColumns) return tooMany(rowLine, k + 1);
          if (escaped) {
            if (kd === CELL_CODE) {
              // Looked up without unescaping; never empty (it holds a quote).
              (codeBuf[k] as CodeBuffer).push((codeOf[k] as CodeColumn).lookupEscaped(s, a, b, h));
              kd = CELL_SKIP;
            } else value = s.slice(a, b).replaceAll('""', '"');
          }
        } else {
          a = i;
          let j = i;
          if ((kd === CELL_NUMBER || kd === CELL_ID) && (numberOf[k] as NumberColumn).fastOk()) {
            // A plain decimal, read as Number() reads it.
            let m = 0;
            let digits = 0;
            let frac = -1;
            const neg = j < len && s.charCodeAt(j) === MINUS;
            if (neg) j++;
            const first = j < len ? s.charCodeAt(j) : 0;
            let plain = true;
            for (; j < len; j++) {
              const c = s.charCodeAt(j);
              const d = c - 48;
              if (d >= 0 && d <= 9) {
                m = m * 10 + d;
                digits++;
                if (frac >= 0) frac++;
                continue;
              }
              if (c === D || c === LF || c === CR || c === 0) break;
              if (frac < 0 && kd === CELL_NUMBER && (c === DOT || (c === COMMA && decimalComma))) {
                frac = 0;
                continue;
              }
              plain = false;
              for (j++; j < len; j++) {
                const c2 = s.charCodeAt(j);
                if (c2 === D || c2 === LF || c2 === CR || c2 === 0) break;
              }
              break;
            }
            if (plain && digits > 0 && digits <= 15) {
              if (kd === CELL_NUMBER) {
                num = frac > 0 ? m / (POW10[frac] as number) : m;
                if (neg) num = -num;
                numOk = true;
              } else if (
                // A canonical integer: no leading zero, no "-0", at most 15 characters.
                (first !== 48 || digits === 1) &&
                !(neg && m === 0) &&
                digits + (neg ? 1 : 0) <= 15
              ) {
                num = neg ? -m : m;
                numOk = true;
              }
            }
          } else {
            for (; j < len; j++) {
              const c = s.charCodeAt(j);
              if (c <= CR) {
                if (c === LF || c === CR || c === 0 || c === D) break; // D may be a tab
              } else if (c === D) break;
            }
          }
          b = end = j;
          if (end >= len && !final) {
            if (end - a > maxField) return tooLarge(line, k + 1);
            rollback();
            line = rowLine;
            carry = s.slice(rowStart);
            return null;
          }
          if (end < len && s.charCodeAt(end) === 0) {
            if (end - a > maxField) return tooLarge(line, k + 1);
            return binary(line, k + 1);
          }
          if (k >= maxColumns) return tooMany(rowLine, k + 1);
          if (b - a > maxField) return tooLarge(line, k + 1);
        }

        // ---- the field's value ------------------------------------------
        const t = end < len ? s.charCodeAt(end) : -1;
        const empty = value === null ? b === a : value.length === 0;
        if (k === 0 && empty && t !== D) {
          // A blank line: one empty field. Not a row.
          if (t === CR) {
            i = end + 1;
            if (i < len) {
              if (s.charCodeAt(i) === LF) i++;
            } else if (!final) skipLF = true;
            line++;
          } else if (t === LF) {
            i = end + 1;
            line++;
          } else i = len;
          break;
        }
        switch (kd) {
          case CELL_CODE:
            (codeBuf[k] as CodeBuffer).push(
              value === null
                ? (codeOf[k] as CodeColumn).lookup(s, a, b)
                : (codeOf[k] as CodeColumn).lookupString(value),
            );
            break;
          case CELL_NUMBER:
          case CELL_ID:
            if (numOk) (numberOf[k] as NumberColumn).pushNumber(num);
            else {
              stagedStr[k] = value ?? s.slice(a, b);
              stagedCol[staged++] = k;
            }
            break;
          case CELL_TEXT:
            cells[k] = value ?? s.slice(a, b);
            break;
          case CELL_EXTRA:
            if (!empty) extraBad = true;
            break;
          default:
            break;
        }

        // ---- the terminator ---------------------------------------------
        if (t === D) {
          i = end + 1;
          k++;
          if (i < len || !final) continue;
          // The text ends with a delimiter: one last empty field.
          if (k < width && !skipping) {
            const kk = kinds[k];
            if (kk === CELL_CODE)
              (codeBuf[k] as CodeBuffer).push((codeOf[k] as CodeColumn).lookupString(''));
            else if (kk === CELL_NUMBER || kk === CELL_ID) {
              stagedStr[k] = '';
              stagedCol[staged++] = k;
            } else if (kk === CELL_TEXT) cells[k] = '';
          }
        } else if (t === -1) {
          i = len; // final text without a last line break
        } else {
          line++;
          i = end + 1;
          if (t === CR) {
            if (i < len) {
              if (s.charCodeAt(i) === LF) i++;
            } else if (!final) skipLF = true;
          }
        }
        // ---- the row's end ------------------------------------------------
        const n = k + 1;
        if (skipping) skipLeft--;
        else if (n < width || extraBad) {
          // In the tokenizer path a NUL later in the same text is reported first.
          if (pushed.indexOf('\0') >= 0) return binary(line, 1);
          return error('import-ragged-row', [rowLine, n, width], rowLine, Math.min(n, width) + 1);
        } else commit();
        break;
      }
    }
  };

  const push = (text: string): Result<void> => {
    if (failure !== null) return failure;
    if (text.length === 0) return ok(undefined);
    pushed = text;
    let from = 0;
    if (carry.length > 0) {
      // Finish the row cut at the last text on its own, line by line, so that
      // the long text is scanned as it came: a joined string (a rope in V8)
      // reads about twice as slowly.
      for (let tries = 0; ; tries++) {
        const next = tries < 8 ? afterBreak(text, from) : -1;
        if (next < 0) {
          const s = carry + (from > 0 ? text.slice(from) : text);
          carry = '';
          return scan(s, 0, false) ?? ok(undefined);
        }
        const piece = carry + text.slice(from, next);
        carry = '';
        const r = scan(piece, 0, false);
        if (r !== null) return r;
        from = next;
        if (carry.length === 0) break;
      }
    }
    return scan(text, from, false) ?? ok(undefined);
  };

  return {
    push,
    end() {
      if (failure !== null) return failure;
      pushed = '';
      const s = carry;
      carry = '';
      return scan(s, 0, true) ?? ok(undefined);
    },
    get rows() {
      return rows;
    },
  };
}
