// Multiple-response sets (extension subtypes 7 and 19): SPSS's own record of
// which variables together make one "select all that apply" question. One
// line per set, for example
//   $loisirs=D1 1 17 Loisirs pratiqués hard.roc lecture. cuisine
//   $seen=C 10 Films seen seen1 seen2 seen3
//   $films=E 1 1 1 0  film1 film2 film3
// C: a category set (each variable holds one option's code); D: a dichotomy
// set (each variable is one option, chosen when it holds the counted value);
// E: a dichotomy set whose options are named by the counted value's value label
// in each variable ("E 1"), and, with "E 11", whose own label is the first
// variable's label. Lengths count bytes, so the record is parsed as bytes and
// its text decoded afterwards in the file's encoding.

export interface RawMrSet {
  name: Uint8Array;
  kind: 'category' | 'dichotomy';
  /** Dichotomy sets: the counted value as written (a number's digits or a string). */
  counted: Uint8Array | null;
  /** E sets: options are named by the counted value's value label in each variable. */
  countedValueLabels: boolean;
  /** "E 11": the set's label is the first variable's variable label. */
  labelFromVariable: boolean;
  label: Uint8Array;
  /** Short variable names (lower case in files SPSS and PSPP write). */
  variables: Uint8Array[];
}

export interface MrSetsParse {
  sets: RawMrSet[];
  /** Offset in the record where reading stopped at something unreadable, or -1. */
  errorAt: number;
  /** The name of the set being read there, if known. */
  errorName: Uint8Array | null;
}

const LF = 0x0a;
const SPACE = 0x20;

class Cursor {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.b.length;
  }
  peek(): number {
    return this.b[this.pos] ?? -1;
  }
  expect(byte: number): void {
    if (this.b[this.pos] !== byte) throw new MrSyntax(this.pos);
    this.pos++;
  }
  /** Decimal digits up to the next space (a length or the E flag), at most 9 of them. */
  number(): number {
    const start = this.pos;
    while (this.pos < this.b.length && this.b[this.pos]! >= 0x30 && this.b[this.pos]! <= 0x39)
      this.pos++;
    if (this.pos === start || this.pos - start > 9) throw new MrSyntax(start);
    let n = 0;
    for (let i = start; i < this.pos; i++) n = n * 10 + (this.b[i]! - 0x30);
    return n;
  }
  /** "<length> <bytes>": a counted string, checked against what the record holds. */
  counted(): Uint8Array {
    const n = this.number();
    this.expect(SPACE);
    if (n > this.b.length - this.pos) throw new MrSyntax(this.pos);
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

class MrSyntax {
  constructor(readonly at: number) {}
}

/** Reads every set in one record; stops (and says where) at the first line it cannot read. */
export function parseMrSets(bytes: Uint8Array): MrSetsParse {
  const c = new Cursor(bytes);
  const sets: RawMrSet[] = [];
  let name: Uint8Array | null = null;
  try {
    for (;;) {
      while (!c.done && c.peek() === LF) c.pos++;
      if (c.done) break;
      const start = c.pos;
      while (!c.done && c.peek() !== 0x3d /* = */ && c.peek() !== LF) c.pos++;
      name = bytes.subarray(start, c.pos);
      c.expect(0x3d);
      const type = c.peek();
      c.pos++;
      let counted: Uint8Array | null = null;
      let countedValueLabels = false;
      let labelFromVariable = false;
      if (type === 0x43 /* C */) {
        c.expect(SPACE);
      } else if (type === 0x44 /* D */) {
        counted = c.counted();
        c.expect(SPACE);
      } else if (type === 0x45 /* E */) {
        c.expect(SPACE);
        const flag = c.number();
        if (flag !== 1 && flag !== 11) throw new MrSyntax(c.pos - 1);
        countedValueLabels = true;
        labelFromVariable = flag === 11;
        c.expect(SPACE);
        counted = c.counted();
        c.expect(SPACE);
      } else throw new MrSyntax(c.pos - 1);
      const label = c.counted();
      // Then " var var var" up to the end of the line (or of the record).
      const variables: Uint8Array[] = [];
      while (!c.done && c.peek() !== LF) {
        if (c.peek() === SPACE) {
          c.pos++;
          continue;
        }
        const from = c.pos;
        while (!c.done && c.peek() !== SPACE && c.peek() !== LF) c.pos++;
        variables.push(bytes.subarray(from, c.pos));
      }
      sets.push({
        name,
        kind: type === 0x43 ? 'category' : 'dichotomy',
        counted,
        countedValueLabels,
        labelFromVariable,
        label,
        variables,
      });
      name = null;
    }
  } catch (e) {
    if (!(e instanceof MrSyntax)) throw e;
    return { sets, errorAt: e.at, errorName: name };
  }
  return { sets, errorAt: -1, errorName: null };
}
