// A worksheet's rows, streamed out of <sheetData> one at a time, each cell's
// stored value written as text (cells.ts). Rows and cells carry their own
// positions (r="7", r="C7"): the empty cells and rows a sheet leaves out stay
// empty, so column C is always the third column, as in a CSV Excel writes.
// Merged cells hold their value in the first cell and nothing in the others,
// as Excel's CSV has them. Formulas are read as their saved result.
import { XlsxError } from './errors';
import {
  MAX_COLUMNS,
  MAX_ROWS,
  columnIndex,
  columnName,
  isoDateText,
  numberText,
  parseStored,
  percentText,
  serialText,
  unescapeXstring,
} from './cells';
import { problem, xlsxMessages as M } from '../messages';
import type { Malformed } from './parts';
import type { CellFormat } from './styles';
import { attributes, type XmlHandler } from './xml';

export interface SheetRow {
  /** 1-based row number in the sheet (what messages call its line). */
  row: number;
  /** Cell texts up to the last non-empty one ('' for the empty cells between). */
  cells: string[];
  /**
   * The percentage text of each percentage-formatted cell (0.3807 → "38.07%"),
   * by column; null when the row has none. Used for published tables (read.ts).
   */
  percents: (string | undefined)[] | null;
}

export interface SheetContext {
  strings: readonly string[];
  /** Each cell style's format; null when the workbook has no styles part (every cell General). */
  formats: readonly CellFormat[] | null;
  date1904: boolean;
}

/** What the reader noticed that the user should hear about (counted, with the first cell). */
export interface SheetNotes {
  formulasWithoutValue: { count: number; first: string };
  errors: { count: number; first: string; kinds: Set<string> };
  phantomDate: string | null;
}

export class SheetReader implements XmlHandler {
  wantText = false;
  halted = false;
  readonly notes: SheetNotes = {
    formulasWithoutValue: { count: 0, first: '' },
    errors: { count: 0, first: '', kinds: new Set() },
    phantomDate: null,
  };
  /** The row being read (0 before the first), for messages. */
  row = 0;
  private inData = false;
  private inRow = false;
  private cells: string[] = [];
  private percents: (string | undefined)[] | null = null;
  // The cell being read.
  private inCell = false;
  private col = -1;
  private lastCol = -1;
  private type = '';
  private style = '';
  private value = '';
  private hasFormula = false;
  private inInline = 0;
  private phonetic = 0;
  /** Set when `malformed` is given: so a handler-made error can say which row. */
  malformed: Malformed = (why) => new XlsxError(problem('xlsx-malformed', 'the sheet', '', why));

  constructor(
    private readonly ctx: SheetContext,
    /** Receives each row; returns false to stop reading. */
    private readonly onRow: (row: SheetRow) => boolean,
  ) {}

  /** Where reading is, for error messages. */
  place(): { text: string; row?: number } {
    if (this.inCell) return { text: M.atCell(this.ref()), row: this.row };
    if (this.row > 0) return { text: M.nearRow(this.row), row: this.row };
    return { text: '' };
  }

  private ref(): string {
    return this.col < 0 ? `row ${this.row}` : `${columnName(this.col)}${this.row}`;
  }

  open(name: string, tag: string): void {
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    if (this.inCell) {
      if (name === 'v') {
        this.value = '';
        this.wantText = true;
      } else if (name === 'f') this.hasFormula = true;
      else if (name === 'is') {
        this.inInline++;
        this.value = '';
      } else if (name === 'rPh') this.phonetic++;
      else if (name === 't' && this.inInline > 0 && this.phonetic === 0) this.wantText = true;
      return;
    }
    if (name === 'row') this.openRow(tag);
    else if (name === 'c' && this.inRow) this.openCell(tag);
  }

  close(name: string): void {
    if (!this.inData) return;
    if (this.inCell) {
      if (name === 'v' || name === 't') this.wantText = false;
      else if (name === 'is') this.inInline--;
      else if (name === 'rPh') this.phonetic--;
      else if (name === 'c') this.closeCell();
      return;
    }
    if (name === 'row' && this.inRow) {
      this.inRow = false;
      const go = this.onRow({ row: this.row, cells: this.cells, percents: this.percents });
      if (!go) this.halted = true;
    } else if (name === 'sheetData') this.inData = false;
  }

  text(text: string): void {
    this.value += text;
  }

  private openRow(tag: string): void {
    let r: string | null = null;
    attributes(tag, this.malformed, (n, v) => {
      if (n === 'r') r = v;
    });
    const row = r === null ? this.row + 1 : Number(r);
    if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS)
      throw this.malformed(M.badRowNumber(r ?? ''));
    if (row <= this.row) throw this.malformed(M.rowOrder(row, this.row));
    this.row = row;
    this.inRow = true;
    this.cells = [];
    this.percents = null;
    this.lastCol = -1;
  }

  private openCell(tag: string): void {
    let r: string | null = null;
    let t = '';
    let s = '';
    attributes(tag, this.malformed, (n, v) => {
      if (n === 'r') r = v;
      else if (n === 't') t = v;
      else if (n === 's') s = v;
    });
    const col = r === null ? this.lastCol + 1 : columnIndex(r);
    if (col < 0 || col >= MAX_COLUMNS) throw this.malformed(M.badCellRef(r ?? ''));
    this.col = col;
    if (col <= this.lastCol) throw this.malformed(M.cellOrder(this.ref()));
    this.lastCol = col;
    this.inCell = true;
    this.type = t;
    this.style = s;
    this.value = '';
    this.hasFormula = false;
    this.inInline = 0;
    this.phonetic = 0;
  }

  private closeCell(): void {
    this.wantText = false;
    const text = this.cellText();
    this.inCell = false;
    if (text === '') return;
    while (this.cells.length < this.col) this.cells.push('');
    this.cells.push(text);
  }

  /** The cell's stored value as text (and its percentage, when formatted as one). */
  private cellText(): string {
    const v = this.value;
    switch (this.type) {
      case 's': {
        const i = /^\s*\d+\s*$/.test(v) ? Number(v) : -1;
        const s = this.ctx.strings[i];
        if (s === undefined) throw this.malformed(M.badSharedString(v, this.ctx.strings.length));
        return s;
      }
      case 'inlineStr':
      case 'str':
        return unescapeXstring(v);
      case 'b':
        if (v.trim() === '1') return 'TRUE';
        if (v.trim() === '0') return 'FALSE';
        throw this.malformed(M.badBoolean(v));
      case 'e': {
        const e = v.trim();
        if (e !== '' && e !== '#N/A') this.note(this.notes.errors).kinds.add(e);
        return e;
      }
      case 'd':
        return isoDateText(v);
      case 'n':
      case '':
        return this.numberCell(v);
      default:
        // An unknown type: its text as written, so nothing is lost.
        return v;
    }
  }

  private numberCell(v: string): string {
    if (v.trim() === '') {
      if (this.hasFormula) this.note(this.notes.formulasWithoutValue);
      return '';
    }
    const n = parseStored(v);
    if (!Number.isFinite(n)) throw this.malformed(M.badNumber(v));
    const format = this.format();
    if (format.kind === 'number') return numberText(n);
    if (format.kind === 'percent') {
      this.percents ??= [];
      this.percents[this.col] = percentText(n, format.decimals);
      return numberText(n);
    }
    const date = serialText(n, this.ctx.date1904, format.kind);
    if (date === null) return numberText(n);
    if (date.startsWith('1900-02-29') && !this.ctx.date1904) this.notes.phantomDate ??= this.ref();
    return date;
  }

  private format(): CellFormat {
    const formats = this.ctx.formats;
    if (formats === null || this.style === '') return GENERAL;
    const i = /^\d+$/.test(this.style) ? Number(this.style) : -1;
    const f = formats[i];
    if (f === undefined) throw this.malformed(M.badStyle(this.style, formats.length));
    return f;
  }

  private note<T extends { count: number; first: string }>(n: T): T {
    if (n.count === 0) n.first = this.ref();
    n.count++;
    return n;
  }
}

const GENERAL: CellFormat = { kind: 'number' };
