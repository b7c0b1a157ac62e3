// An incremental CSV tokenizer: text arrives in chunks cut anywhere (inside a
// quoted value, between CR and LF, inside a "" escape) and rows come out
// through a callback, with the physical line each row starts on.
//
// Dialect: RFC 4180 plus the leniency of common tools (and PapaParse):
// - rows end at LF, CRLF or a lone CR; the same inside quotes is kept as data;
// - a final line break does not start another row; a blank line is a row of one empty field;
// - a quote inside an unquoted value is an ordinary character (A,B"C,D -> B"C);
// - inside a quoted value, a quote that is neither doubled nor followed by the
//   delimiter, a line break or the end (spaces and tabs may come first) is kept
//   as data ("a "b" c" -> a "b" c), and spaces between a closing quote and the
//   delimiter are dropped;
// - a leading U+FEFF (byte order mark) is dropped;
// - whitespace around values is kept; rows may have different lengths (the
//   schema layer reports ragged rows, with context).
//
// Speed: the scan jumps with indexOf between delimiters, quotes and line
// breaks and takes values as slices; "" is unescaped only in values holding
// one. One `cells` array is reused for every row: a callback that keeps the
// row must copy it (cells.slice()).
//
// Memory note for consumers: V8 keeps a slice of 13 or more characters as a
// view into its parent string, so a label kept from a row pins the whole chunk
// it was cut from. Copy labels you keep for long (e.g. `(' ' + s).slice(1)`,
// or flatten them through a Map of interned labels) so a loaded table does not
// hold the file's text alive.
import { problem, type ErrorArgs, type ErrorCode } from '../messages';
import { fail, ok } from '../result';
import type { Result, SurveyError } from '../result';
import type { Delimiter } from './delimiter';

export interface TokenizerOptions {
  delimiter: Delimiter;
  /** File name, for error messages. */
  file: string;
  /** Longest value allowed, in UTF-16 code units (≈ bytes for Latin text). Default 16 MB. */
  maxFieldBytes?: number;
  /** Most fields allowed in a row. Default 20,000. */
  maxColumns?: number;
  /**
   * Called once per row with its fields and the 1-based line the row starts
   * on. `cells` is reused for the next row: copy it to keep it. Return false to stop.
   */
  onRow(cells: string[], line: number): void | false;
}

export interface Tokenizer {
  /** Feed the next piece of text. After an error, every call returns that error. */
  push(text: string): Result<void>;
  /** No more text: flush the last row. `rows` counts the rows passed to onRow. */
  end(): Result<{ rows: number }>;
  /**
   * After onRow returned false at a row's end: the text of the last push not
   * read yet, the line it starts on, and whether a LF starting the next text
   * still belongs to the row's CR. For handing the rest of a file to another
   * reader (the pipeline's fused respondent path).
   */
  remainder(): { text: string; line: number; skipLF: boolean };
}

export const DEFAULT_MAX_FIELD_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_COLUMNS = 20_000;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/** A space or tab that is not the delimiter: may sit between a closing quote and the delimiter. */
const isBlank = (c: number, delimiter: number): boolean =>
  (c === SPACE || c === TAB) && c !== delimiter;

// Where a chunk ended.
const FIELD_START = 0; // before a field (at a row start when n === 0)
const UNQUOTED = 1; // inside an unquoted value, its start kept in `parts`
const QUOTED = 2; // inside a quoted value, its raw text so far kept in `parts`

export function createTokenizer(opts: TokenizerOptions): Tokenizer {
  const delimChar: string = opts.delimiter;
  const D = delimChar.charCodeAt(0);
  const maxField = opts.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const maxColumns = opts.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const onRow = opts.onRow;
  const file = opts.file;

  const cells: string[] = [];
  let n = 0; // fields done in the current row
  let line = 1; // physical line at the scan position
  let rowLine = 1; // line the current row started on
  let mode = FIELD_START;
  const parts: string[] = []; // a value cut by a chunk boundary
  let partsLen = 0;
  let escaped = false; // the current quoted value holds ""
  let quoteLine = 1; // line of the current value's opening quote
  let carry = ''; // unresolved text to scan again with the next chunk
  let skipLF = false; // a row ended with CR at the end of the last chunk
  let rows = 0;
  let sawData = false;
  let started = false; // some text has arrived (a leading BOM is dropped)
  let stopped = false;
  let rest = ''; // text not read when onRow stopped the scan
  let failure: Result<never> | null = null;

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
  const tooLarge = (at: number): Result<never> =>
    error('csv-field-too-large', [maxField], at, n + 1);

  /** Emits the current row; false when the consumer asked to stop. */
  const emit = (): boolean => {
    if (cells.length !== n) cells.length = n;
    rows++;
    if (!sawData && (n > 1 || cells[0] !== '')) sawData = true;
    const more = onRow(cells, rowLine) !== false;
    n = 0;
    rowLine = line;
    if (!more) stopped = true;
    return more;
  };

  /** Scan `s`; on a non-final chunk, leave state (and maybe `carry`) for the next. */
  const scan = (s: string, final: boolean): Result<never> | null => {
    const len = s.length;
    let i = 0;
    if (skipLF && len > 0) {
      skipLF = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    let nextLF = s.indexOf('\n', i);
    if (nextLF < 0) nextLF = len;
    let nextCR = s.indexOf('\r', i);
    if (nextCR < 0) nextCR = len;

    for (;;) {
      // ---- 1. A field: quoted (rest of it), or unquoted -------------------
      let end: number; // where the field's terminator is (delimiter, line break or len)
      if (mode === QUOTED) {
        const segStart = i;
        let q: number;
        for (;;) {
          q = s.indexOf('"', i);
          if (q < 0) {
            if (final) return error('csv-unclosed-quote', [quoteLine], quoteLine, n + 1);
            // All of it is data. Keep a final CR back so CRLF across chunks counts once.
            const stop = len > segStart && s.charCodeAt(len - 1) === CR ? len - 1 : len;
            while (nextLF < stop) {
              line++;
              nextLF = s.indexOf('\n', nextLF + 1);
              if (nextLF < 0) nextLF = len;
            }
            while (nextCR < stop) {
              if (s.charCodeAt(nextCR + 1) !== LF) line++;
              nextCR = s.indexOf('\r', nextCR + 1);
              if (nextCR < 0) nextCR = len;
            }
            if (stop > segStart) {
              parts.push(s.slice(segStart, stop));
              partsLen += stop - segStart;
              if (partsLen > maxField) return tooLarge(quoteLine);
            }
            carry = stop < len ? '\r' : '';
            return null;
          }
          // Line breaks inside the value.
          while (nextLF < q) {
            line++;
            nextLF = s.indexOf('\n', nextLF + 1);
            if (nextLF < 0) nextLF = len;
          }
          while (nextCR < q) {
            if (s.charCodeAt(nextCR + 1) !== LF) line++;
            nextCR = s.indexOf('\r', nextCR + 1);
            if (nextCR < 0) nextCR = len;
          }
          let j = q + 1;
          if (j < len) {
            const c = s.charCodeAt(j);
            if (c === QUOTE) {
              escaped = true;
              i = j + 1;
              continue;
            }
            if (c === D || c === LF || c === CR) break;
            if (!isBlank(c, D)) {
              i = j; // a stray quote inside the value: data
              continue;
            }
            while (j < len && isBlank(s.charCodeAt(j), D)) j++;
            if (j < len) {
              const c2 = s.charCodeAt(j);
              if (c2 === D || c2 === LF || c2 === CR) break;
              i = q + 1; // a quote followed by spaces and more text: data
              continue;
            }
          }
          // The quote (and maybe spaces) ends the chunk: decide with more text.
          if (final) break;
          if (q > segStart) {
            parts.push(s.slice(segStart, q));
            partsLen += q - segStart;
            if (partsLen > maxField) return tooLarge(quoteLine);
          }
          carry = s.slice(q);
          return null;
        }
        // The value closes at q; the terminator follows after optional spaces.
        end = q + 1;
        while (end < len && isBlank(s.charCodeAt(end), D)) end++;
        let value = s.slice(segStart, q);
        if (parts.length > 0) {
          value = parts.join('') + value;
          parts.length = 0;
        }
        if (partsLen + (q - segStart) > maxField) return tooLarge(quoteLine);
        partsLen = 0;
        if (escaped) value = value.replaceAll('""', '"');
        if (n >= maxColumns) return error('csv-too-many-columns', [maxColumns], rowLine, n + 1);
        cells[n++] = value;
        mode = FIELD_START;
      } else {
        if (mode === FIELD_START) {
          if (i >= len) {
            if (final && n > 0) {
              cells[n++] = ''; // the row ended with a delimiter
              emit();
            }
            return null;
          }
          if (s.charCodeAt(i) === QUOTE) {
            mode = QUOTED;
            quoteLine = line;
            escaped = false;
            partsLen = 0;
            i++;
            continue;
          }
        }
        let d = s.indexOf(delimChar, i);
        if (d < 0) d = len;
        const nl = nextLF < nextCR ? nextLF : nextCR;
        end = d < nl ? d : nl;
        if (end >= len && !final) {
          if (len > i) {
            parts.push(s.slice(i));
            partsLen += len - i;
            if (partsLen > maxField) return tooLarge(line);
          }
          mode = UNQUOTED;
          return null;
        }
        if (n >= maxColumns) return error('csv-too-many-columns', [maxColumns], rowLine, n + 1);
        if (mode === UNQUOTED) {
          if (partsLen + (end - i) > maxField) return tooLarge(line);
          cells[n++] = parts.join('') + s.slice(i, end);
          parts.length = 0;
          partsLen = 0;
          mode = FIELD_START;
        } else {
          if (end - i > maxField) return tooLarge(line);
          cells[n++] = s.slice(i, end);
        }
      }

      // ---- 2. The terminator at `end` --------------------------------------
      if (end >= len) {
        // Only reached on the final chunk.
        emit();
        return null;
      }
      const t = s.charCodeAt(end);
      if (t === D) {
        i = end + 1;
        if (i >= len && final) {
          cells[n++] = '';
          emit();
          return null;
        }
        continue;
      }
      // A line break ends the row.
      line++;
      if (t === CR) {
        i = end + 1;
        if (i < len) {
          if (s.charCodeAt(i) === LF) i++;
        } else if (!final) skipLF = true;
      } else i = end + 1;
      if (nextLF < i) {
        nextLF = s.indexOf('\n', i);
        if (nextLF < 0) nextLF = len;
      }
      if (nextCR < i) {
        nextCR = s.indexOf('\r', i);
        if (nextCR < 0) nextCR = len;
      }
      if (!emit()) {
        rest = s.slice(i);
        return null;
      }
    }
  };

  const finishOrFail = (r: Result<never> | null): Result<void> => r ?? ok(undefined);

  const push = (text: string): Result<void> => {
    if (failure !== null) return failure;
    if (stopped || text.length === 0) return ok(undefined);
    if (!started) {
      started = true;
      // A byte order mark left in the text (decodeBytes already strips it) is not data.
      if (text.charCodeAt(0) === 0xfeff) return push(text.slice(1));
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const before = carry + text.slice(0, nul);
      carry = '';
      const r = scan(before, false);
      if (r !== null) return r;
      // Stopped before the NUL (the caller took the rows it wanted): the NUL belongs to
      // the unread rest, where whoever reads on reports it at its own line and column.
      if (stopped) {
        rest += text.slice(nul);
        return ok(undefined);
      }
      return error('import-binary', [], line, n + 1);
    }
    const s = carry.length > 0 ? carry + text : text;
    carry = '';
    return finishOrFail(scan(s, false));
  };

  return {
    push,
    remainder: () => ({ text: rest, line, skipLF }),
    end() {
      if (failure !== null) return failure;
      if (!stopped) {
        const s = carry;
        carry = '';
        const r = scan(s, true);
        if (r !== null) return r;
        if (!sawData && !stopped) return error('import-empty', [], 1, 1);
      }
      return ok({ rows });
    },
  };
}
