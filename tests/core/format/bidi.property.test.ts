// Bidirectional text from files and links: whatever a label holds (overrides,
// stray isolate marks, right-to-left letters, surrogate pairs), isolate() gives
// one balanced isolate that nothing inside can leave and nothing outside can
// enter; capEcho() also caps what a message repeats from a link; the formula
// rule still sees the first real character behind the isolate's mark.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceLines,
  capEcho,
  ECHO_LIMIT,
  FSI,
  hasBidiControls,
  isolate,
  needsIsolation,
  PDI,
  stripBidiControls,
} from '../../../src/core/format/bidi';
import { neutraliseCell } from '../../../src/core/export/formula';
import { linkMessages } from '../../../src/core/messages';
import { questionExport, tableToCsv } from '../../../src/core/export/csv';
import { exportDistributionCsv } from '../../../src/core/published/export';

const RLO = '\u202E';
const OPENERS = new Set(['\u2066', '\u2067', FSI]);

/** Pieces that move text around, or look like they might. */
const PIECES = [
  RLO,
  '\u202D', // LRO
  '\u202A', // LRE
  '\u202B', // RLE
  '\u202C', // PDF
  '\u2066', // LRI
  '\u2067', // RLI
  FSI,
  PDI,
  '\u200E', // LRM
  '\u200F', // RLM
  '\u061C', // ALM
  'gnp.exe',
  'שלום',
  'مرحبا',
  '١٢٣',
  '微信',
  'Yes',
  '38%',
  ' ',
  '=1+1',
  '-5',
  '@',
  '😀',
  '\uFEFF',
  '…',
] as const;

const bidiText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

const anyText = fc.oneof(bidiText, fc.string({ unit: 'binary', maxLength: 30 }));

/**
 * Whether the isolates of `text` nest: no PDI closes more than was opened, and
 * every isolate opened is closed again.
 */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.has(ch)) depth++;
    else if (ch === PDI && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether the FSI the text starts with is closed by its last character (one isolate around everything). */
function oneIsolate(text: string): boolean {
  const chars = Array.from(text);
  if (chars[0] !== FSI || chars[chars.length - 1] !== PDI) return false;
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (OPENERS.has(ch)) depth++;
    else if (ch === PDI && --depth === 0) return i === chars.length - 1;
  }
  return false;
}

/** Well-formed UTF-16: no lone surrogate. */
const wellFormed = (text: string): boolean =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

const OPTIONS = { seed: 20141, numRuns: 400 };

describe('isolate', () => {
  it('wraps text that can move its neighbours in one balanced isolate, and leaves other text alone', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = isolate(text);
        if (needsIsolation(text)) {
          expect(oneIsolate(out)).toBe(true);
          expect(balanced(out)).toBe(true);
        } else {
          expect(out).toBe(text);
        }
      }),
      OPTIONS,
    );
  });

  it('changes bidi controls only: the text itself is all there, in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(stripBidiControls(isolate(text))).toBe(stripBidiControls(text));
      }),
      OPTIONS,
    );
  });

  it('gives the same when applied twice', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isolate(isolate(text))).toBe(isolate(text));
      }),
      OPTIONS,
    );
  });

  it('keeps the text around an isolated label outside it, whatever the label holds', () => {
    fc.assert(
      fc.property(bidiText, (label) => {
        const sentence = `The question "${isolate(label)}" is not in this survey.`;
        // Everything after the label's isolate is at depth 0: no override or isolate reaches it.
        const tail = sentence.slice(sentence.lastIndexOf('" is not'));
        expect(balanced(sentence)).toBe(true);
        expect(hasBidiControls(tail)).toBe(false);
      }),
      OPTIONS,
    );
  });

  it.each([
    ['plain Latin', 'gnp.exe', 'gnp.exe'],
    ['CJK', '你多久使用一次微信？', '你多久使用一次微信？'],
    ['an override', `${RLO}gnp.exe`, `${FSI}${RLO}gnp.exe${PDI}`],
    ['Hebrew', 'שלום', `${FSI}שלום${PDI}`],
    ['a stray PDI before an override', `x${PDI}${RLO}abc`, `${FSI}x${RLO}abc${PDI}`],
    ['an isolate left open', `a${FSI}b`, `${FSI}a${FSI}b${PDI}${PDI}`],
  ])('isolates %s: %j → %j', (_name, text, expected) => {
    expect(isolate(text)).toBe(expected);
  });
});

describe('capEcho', () => {
  it('repeats at most ECHO_LIMIT characters of a link, the last "…" when cut, isolated', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 })),
        fc.integer({ min: 1, max: 300 }),
        (text, max) => {
          const out = capEcho(text, max);
          const shown = Array.from(stripBidiControls(out));
          expect(shown.length).toBeLessThanOrEqual(max);
          expect(balanced(out)).toBe(true);
          expect(wellFormed(out)).toBe(wellFormed(text));
          const chars = Array.from(text);
          if (chars.length <= max) {
            expect(out).toBe(isolate(text));
          } else {
            expect(shown[shown.length - 1]).toBe('…');
            const kept = stripBidiControls(chars.slice(0, max - 1).join(''));
            expect(stripBidiControls(out)).toBe(`${kept}…`);
          }
        },
      ),
      OPTIONS,
    );
  });

  it('caps at 200 characters by default', () => {
    expect(Array.from(capEcho('x'.repeat(5000)))).toHaveLength(ECHO_LIMIT);
    const out = capEcho(`${RLO}${'x'.repeat(5000)}`);
    // The override counts as one of the 200; the wrapper's two marks do not.
    expect(Array.from(out)).toHaveLength(ECHO_LIMIT + 2);
    expect(out.startsWith(FSI)).toBe(true);
    expect(out.endsWith(PDI)).toBe(true);
  });

  it("keeps a link's messages short and their own words outside the isolate", () => {
    fc.assert(
      fc.property(anyText, (key) => {
        const message = linkMessages.surveyMissing(key.length === 0 ? 'x' : key);
        expect(message.length).toBeLessThan(300);
        expect(message.endsWith('" is not in this library. Showing the library instead.')).toBe(
          true,
        );
        expect(balanced(message)).toBe(true);
        expect(message.slice(message.lastIndexOf('" is not'))).not.toMatch(/\p{Bidi_Control}/u);
      }),
      OPTIONS,
    );
  });
});

describe('balanceLines', () => {
  it('gives lines that are each balanced and together hold the same text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), (lines) => {
        const out = balanceLines(lines.map((l) => isolate(l)));
        expect(out).toHaveLength(lines.length);
        for (const line of out) expect(balanced(line)).toBe(true);
        expect(out.map(stripBidiControls)).toEqual(lines.map(stripBidiControls));
      }),
      OPTIONS,
    );
  });

  it('closes an isolate cut by wrapping and opens it again on the next line', () => {
    expect(balanceLines([`Base: ${FSI}${RLO}abc`, `def${PDI} (n = 5)`])).toEqual([
      `Base: ${FSI}${RLO}abc${PDI}`,
      `${FSI}def${PDI} (n = 5)`,
    ]);
  });
});

describe('the formula rule behind an isolate', () => {
  // What a spreadsheet runs once it drops the marks and the spaces in front.
  const FORMULA = /^[=+\-@\t\r]/;
  const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;

  it('still escapes a label that starts a formula after it is isolated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('=', '+', '-', '@', '\t', ' =', `${RLO}=`, `${PDI}@`),
        bidiText,
        (head, tail) => {
          const cell = isolate(`${head}${tail}`);
          const out = neutraliseCell(cell);
          const bare = stripBidiControls(cell);
          const runs =
            /^[\t\r]/.test(bare) ||
            (FORMULA.test(bare.trimStart()) && !PLAIN_NUMBER.test(bare.trim()));
          if (runs) expect(out.startsWith("'")).toBe(true);
        },
      ),
      OPTIONS,
    );
  });

  it.each([
    [`${FSI}=SUM(A1) שלום${PDI}`, `'${FSI}=SUM(A1) שלום${PDI}`],
    [`${RLO}=1+1`, `'${RLO}=1+1`],
    [`${FSI}-5${PDI}`, `${FSI}-5${PDI}`],
  ])('neutralises %j as %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
    expect(tableToCsv([[cell]])).toBe(`${expected}\n`);
  });
});

describe('exports of right-to-left and overridden labels', () => {
  const label = `${RLO}gnp.exe`;

  it('isolates labels and titles in a question export, so the percent beside a label stays put', () => {
    const rows = questionExport({
      surveyTitle: 'שלום survey',
      publisher: null,
      date: null,
      questionText: label,
      segment: null,
      base: `${RLO}all`,
      baseN: 1200,
      notes: [],
      options: [{ label, text: '38%', rank: null }],
      totalText: '38%',
      nets: [],
    });
    const flat = rows.map((r) => r.join(',')).join('\n');
    expect(flat).toContain(`${FSI}שלום survey${PDI}`);
    expect(flat).toContain(`Question: ${FSI}${label}${PDI}`);
    expect(flat).toContain(`Base: ${FSI}${RLO}all${PDI} (n = 1,200)`);
    expect(flat).toContain(`${FSI}${label}${PDI},38%`);
    for (const row of rows) for (const cell of row) expect(balanced(cell)).toBe(true);
  });

  it('leaves Latin and CJK labels byte for byte as they were', () => {
    const rows = questionExport({
      surveyTitle: 'WeChat users',
      publisher: 'Sootoo',
      date: '2013-06',
      questionText: '你多久使用一次微信？',
      segment: null,
      base: null,
      notes: [],
      options: [{ label: 'Every day', text: '38%', rank: null }],
      totalText: null,
      nets: [],
    });
    expect(rows.flat().some((cell) => hasBidiControls(cell))).toBe(false);
  });

  it("writes the library's data export exactly as the data, so it reads back the same", () => {
    const csv = exportDistributionCsv({
      format: 'distribution',
      meta: {
        title: 'T',
        publisher: null,
        date: null,
        population: null,
        source: null,
        sourceUrl: null,
      },
      questions: [
        {
          id: 'q1',
          text: 'Q',
          declaredKind: null,
          note: null,
          series: [
            {
              segment: null,
              base: null,
              subgroup: false,
              baseN: null,
              options: [
                {
                  label,
                  percent: { text: '38%', value: 38, lowerBound: false, decimals: 0 },
                  rank: null,
                  omitted: false,
                },
              ],
            },
          ],
        },
      ],
    });
    expect(csv).toContain(`,${label},38%`);
    expect(csv).not.toContain(FSI);
  });
});
