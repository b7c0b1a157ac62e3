// Multi-answer questions, in one cell (options joined by a separator) or over
// several columns (a battery): answer-pattern codes, one bit mask per pattern.
import { isNotSelectedLabel, isNotSelectedToken, isSelectedToken } from '../../schema/tokens';
import type { MultiSeparator, SchemaQuestion } from '../../schema/types';
import { CodeBuffer, copyString } from '../codes';
import type { Column } from '../types';
import { clean } from './cells';
import type { Encoder } from './cells';

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

export class DelimitedMultiEncoder implements Encoder {
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

export class ColumnsMultiEncoder implements Encoder {
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
