// Multiple-response set records (subtypes 7 and 19), parsed as bytes: the
// PSPP manual's own example, SPSS's padding and stray line feeds, and lines
// that cannot be read.
import { describe, expect, it } from 'vitest';
import { parseMrSets, type RawMrSet } from '../../../src/core/sav/mrsets';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const plain = (s: RawMrSet) => ({
  name: dec(s.name),
  kind: s.kind,
  counted: dec(s.counted),
  countedValueLabels: s.countedValueLabels,
  labelFromVariable: s.labelFromVariable,
  label: dec(s.label),
  variables: s.variables.map(dec),
});

describe('MRSETS records', () => {
  it("reads the manual's subtype 7 example: a category set and two dichotomy sets", () => {
    const r = parseMrSets(
      enc('$a=C 10 my mcgroup a b c\n$b=D2 55 0  g e f d\n$c=D3 Yes 10 mdgroup #2 h i j\n'),
    );
    expect(r.errorAt).toBe(-1);
    expect(r.sets.map(plain)).toEqual([
      {
        name: '$a',
        kind: 'category',
        counted: null,
        countedValueLabels: false,
        labelFromVariable: false,
        label: 'my mcgroup',
        variables: ['a', 'b', 'c'],
      },
      {
        name: '$b',
        kind: 'dichotomy',
        counted: '55',
        countedValueLabels: false,
        labelFromVariable: false,
        label: '',
        variables: ['g', 'e', 'f', 'd'],
      },
      {
        name: '$c',
        kind: 'dichotomy',
        counted: 'Yes',
        countedValueLabels: false,
        labelFromVariable: false,
        label: 'mdgroup #2',
        variables: ['h', 'i', 'j'],
      },
    ]);
  });

  it("reads the manual's subtype 19 example: counted values' labels (E 1) and the variable label (E 11)", () => {
    const r = parseMrSets(enc('$d=E 1 2 34 13 third mdgroup k l m\n$e=E 11 6 choice 0  n o p\n'));
    expect(r.sets.map(plain)).toEqual([
      {
        name: '$d',
        kind: 'dichotomy',
        counted: '34',
        countedValueLabels: true,
        labelFromVariable: false,
        label: 'third mdgroup',
        variables: ['k', 'l', 'm'],
      },
      {
        name: '$e',
        kind: 'dichotomy',
        counted: 'choice',
        countedValueLabels: true,
        labelFromVariable: true,
        label: '',
        variables: ['n', 'o', 'p'],
      },
    ]);
  });

  it('counts lengths in bytes (UTF-8 labels), keeps padding for the caller to trim, and skips stray line feeds', () => {
    const r = parseMrSets(enc('\n\n$l=D8 1        18 Loisirs pratiqués hard.roc sport\n\n\n'));
    expect(r.errorAt).toBe(-1);
    expect(plain(r.sets[0]!)).toMatchObject({
      counted: '1       ',
      label: 'Loisirs pratiqués',
      variables: ['hard.roc', 'sport'],
    });
  });

  it('reads a last line without its line feed, and a set with no variables', () => {
    const r = parseMrSets(enc('$a=C 0  x y\n$z=C 0 '));
    expect(r.sets.map((s) => s.variables.map(dec))).toEqual([['x', 'y'], []]);
  });

  it('stops at a line it cannot read, keeping the sets before it and naming the set', () => {
    for (const [text, at] of [
      ['$a=C 1 A x\n$b=X 1 A y\n', 14],
      ['$a=C 99 short\n', 8],
      ['$a=E 5 1 1 1 A x\n', 5],
      ['$a=D 1 1 0  x\n', 4],
      ['$a=C 1234567890 x\n', 5],
    ] as const) {
      const r = parseMrSets(enc(text));
      expect(r.errorAt, text).toBe(at);
      expect(dec(r.errorName), text).toBe(text.startsWith('$a=C 1 A') ? '$b' : '$a');
    }
  });
});
