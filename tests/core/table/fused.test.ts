// The fused respondent path (tokenize + encode in one scan) must give exactly
// what the general path gives: the tokenizer's rows pushed through the row
// encoders. Compared on random files (seeded fast-check) at two levels: the
// whole pipeline (fused: true vs false), and the parser alone fed random
// chunks against the tokenizer fed the same chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenizer } from '../../../src/core/csv/tokenize';
import type { Delimiter } from '../../../src/core/csv/delimiter';
import { errorText } from '../../../src/core/messages';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { LoadOptions } from '../../../src/core/pipeline';
import type { Result, SurveyError } from '../../../src/core/result';
import type { Schema, SchemaOverride } from '../../../src/core/schema/types';
import { createTableBuilder } from '../../../src/core/table/encode';
import { createFusedParser } from '../../../src/core/table/fused';
import type { RespondentTable } from '../../../src/core/table/types';
import { mulberry32, picker } from '../../support/random';

const META = { title: 't', notice: null, source: null };

type Kind = 'single' | 'text' | 'multi' | 'numeric' | 'id' | 'group';

const LABELS = [
  'Yes',
  'No',
  'Agree',
  'Strongly agree',
  ' padded ',
  'NA',
  '',
  '非常满意',
  'a,b',
  'say "hi"',
  'two\nlines',
  'cr\rline',
  'crlf\r\nline',
  'x""y',
  'ab"c',
  '"',
  'tab\there',
  'semi;colon',
  '\u00a0nbsp',
  '\u3000ideographic',
  'Not selected',
  '0',
  '1',
  'Oui',
];
const NUMBERS = [
  '12',
  '0',
  '-0',
  '007',
  '3.50',
  '-2.25',
  '.5',
  '5.',
  '-.5',
  '+5',
  '1e3',
  '0x1F',
  '  7',
  '8 ',
  'Infinity',
  '123456789012345',
  '1234567890123456',
  '-12345678901234',
  '0.1',
  '9007199254740993',
  '1,5',
  '-',
  '.',
  'NA',
  '',
  'N/A',
  '99',
  '3,25',
];
const IDS = ['1', '2', '17', '007', '-3', '-0', '0', '123456789012345', '1234567890123456', '12a'];

interface Spec {
  kinds: Kind[];
  rows: string[][];
  delimiter: Delimiter;
  breaks: string[];
  missing: string[] | null;
  /** Quote values that need no quotes, and put spaces after some closing quotes. */
  quoteAll: boolean[];
  blankLines: number[];
  /** Rows that end with extra empty fields (allowed past the header's width). */
  extraEmpty: number[];
  finalBreak: boolean;
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

function cellFor(kind: Kind): fc.Arbitrary<string> {
  switch (kind) {
    case 'numeric':
      return pick(NUMBERS);
    case 'id':
      return pick(IDS);
    case 'multi':
      return fc.array(pick(LABELS.slice(0, 12)), { maxLength: 3 }).map((xs) => xs.join(';'));
    default:
      return pick(LABELS);
  }
}

const specArb: fc.Arbitrary<Spec> = fc
  .array(pick<Kind>(['single', 'text', 'multi', 'numeric', 'id', 'group']), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((kinds) =>
    fc.record({
      kinds: fc.constant(kinds),
      rows: fc.array(fc.tuple(...kinds.map(cellFor)), { minLength: 1, maxLength: 25 }),
      delimiter: pick<Delimiter>([',', ';', '\t', '|']),
      breaks: fc.array(pick(['\n', '\r\n', '\r']), { minLength: 1, maxLength: 4 }),
      missing: fc.option(pick([['NA'], ['', 'NA', '99'], ['', '-0', '007', 'N/A']]), {
        nil: null,
      }),
      quoteAll: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
      blankLines: fc.array(fc.nat(30), { maxLength: 3 }),
      extraEmpty: fc.array(fc.nat(30), { maxLength: 3 }),
      finalBreak: fc.boolean(),
    }),
  );

function quote(v: string, d: Delimiter, force: boolean, spaces: boolean): string {
  const needs = v.includes(d) || /["\r\n]/.test(v) || v.startsWith('"');
  if (!needs && !force) return v;
  const q = `"${v.replaceAll('"', '""')}"`;
  return spaces && d !== '\t' ? q + ' ' : q;
}

function write(spec: Spec): string {
  const d = spec.delimiter;
  const header = spec.kinds.map((k, c) => (k === 'id' ? `respondent_id_${c}` : `c${c}`));
  const lines = [header.join(d)];
  spec.rows.forEach((row, r) => {
    const force = spec.quoteAll[r % spec.quoteAll.length] ?? false;
    const extra = spec.extraEmpty.includes(r) ? d.repeat(1 + (r % 2)) : '';
    lines.push(
      row.map((v, c) => quote(v, d, force && c % 2 === 0, force && c === 1)).join(d) + extra,
    );
    if (spec.blankLines.includes(r)) lines.push('');
  });
  let out = '';
  lines.forEach((l, i) => {
    out += l;
    if (i < lines.length - 1 || spec.finalBreak) out += spec.breaks[i % spec.breaks.length] ?? '\n';
  });
  return out;
}

function overrides(spec: Spec): SchemaOverride[] {
  const o: SchemaOverride[] = [];
  if (spec.missing !== null) o.push({ type: 'missing', tokens: spec.missing });
  const group: string[] = [];
  spec.kinds.forEach((k, c) => {
    const id = `c${c}`;
    if (k === 'id') return;
    if (k === 'group') {
      group.push(id);
      o.push({ type: 'kind', id, kind: 'single' });
    } else if (k === 'multi') o.push({ type: 'kind', id, kind: 'multi', separator: ';' });
    else o.push({ type: 'kind', id, kind: k });
  });
  if (group.length >= 2) o.push({ type: 'group', id: 'G', columns: group });
  return o;
}

function load(text: string, spec: Spec, fused: boolean) {
  const ids = spec.kinds.flatMap((k, c) => (k === 'id' ? [`respondent_id_${c}`] : []));
  const opts: LoadOptions = {
    file: 'random.csv',
    delimiter: spec.delimiter,
    sampleRows: 2,
    schemaOverrides: overrides(spec),
    fused,
  };
  if (ids.length > 0) opts.idColumnId = ids[0] ?? null;
  return loadSurveyFile(new TextEncoder().encode(text), opts);
}

/** Plain data for toEqual: typed arrays become [constructor name, values]. */
function plain(t: RespondentTable): unknown {
  return JSON.parse(
    JSON.stringify(t, (_k, v: unknown) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView)
        ? [v.constructor.name, Array.from(v as unknown as ArrayLike<number>).map(String)]
        : v,
    ),
  );
}

function outcome(r: Result<{ kind: string }>): unknown {
  if (!r.ok) return r.error;
  const v = r.value as { kind: 'respondents'; table: RespondentTable; schema: Schema };
  return { ...v, table: plain(v.table) };
}

/** The general path by hand: tokenizer rows -> blank lines skipped -> header skipped -> width check -> builder. */
interface Limits {
  maxFieldBytes?: number;
  maxColumns?: number;
}

function general(chunks: string[], schema: Schema, delimiter: Delimiter, limits: Limits = {}) {
  const b = createTableBuilder(schema, META, 4);
  const width = schema.columnNames.length;
  let header = schema.headerLines as number;
  let error: SurveyError | null = null;
  const tok = createTokenizer({
    delimiter,
    file: 'random.csv',
    ...limits,
    onRow(cells, line) {
      if (cells.length === 1 && cells[0] === '') return;
      if (header > 0) {
        header--;
        return;
      }
      let ok = cells.length === width;
      if (cells.length > width) ok = cells.slice(width).every((c) => c === '');
      if (!ok) {
        error = {
          code: 'import-ragged-row',
          message: errorText['import-ragged-row'](line, cells.length, width),
          file: 'random.csv',
          line,
          column: Math.min(cells.length, width) + 1,
        };
        return false;
      }
      b.push(cells);
      return undefined;
    },
  });
  for (const c of chunks) {
    const r = tok.push(c);
    if (!r.ok) return r.error;
    if (error !== null) return error;
  }
  const r = tok.end();
  if (!r.ok) return r.error;
  if (error !== null) return error;
  return plain(b.finish().table);
}

function fusedAlone(chunks: string[], schema: Schema, delimiter: Delimiter, limits: Limits = {}) {
  const b = createTableBuilder(schema, META, 4);
  const width = schema.columnNames.length;
  const p = createFusedParser({
    delimiter,
    file: 'random.csv',
    width,
    columns: b.fused(width),
    skipRows: schema.headerLines,
    ...limits,
  });
  for (const c of chunks) {
    const r = p.push(c);
    if (!r.ok) return r.error;
  }
  const r = p.end();
  if (!r.ok) return r.error;
  expect(p.rows).toBe(b.rowCount);
  return plain(b.finish().table);
}

function cut(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}

describe('the fused respondent path', () => {
  it('loads random files exactly as the general tokenizer path does (seeded)', () => {
    let tables = 0;
    fc.assert(
      fc.property(specArb, (spec) => {
        const text = write(spec);
        const a = load(text, spec, true);
        const b = load(text, spec, false);
        expect(outcome(a)).toEqual(outcome(b));
        if (a.ok) tables++;
      }),
      { seed: 20240611, numRuns: 300 },
    );
    expect(tables).toBeGreaterThan(150); // most random files load; the rest fail the same way
  });

  it('reads random files cut into random chunks exactly as the tokenizer does (seeded)', () => {
    fc.assert(
      fc.property(
        specArb,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.option(fc.nat(), { nil: null }),
        fc.option(
          fc.record({
            maxFieldBytes: fc.integer({ min: 2, max: 14 }),
            maxColumns: fc.integer({ min: 1, max: 7 }),
          }),
          { nil: null },
        ),
        (spec, cuts, broken, limits) => {
          const ref = load(write(spec), spec, false);
          fc.pre(ref.ok && ref.value.kind === 'respondents');
          if (!ref.ok || ref.value.kind !== 'respondents') return;
          let text = write(spec);
          // Sometimes break the file: a ragged row, an unclosed quote, a NUL.
          if (broken !== null) {
            const at = broken % (text.length + 1);
            const bad = ['\0', `"unclosed${spec.delimiter}x`, `\nonly${spec.delimiter}`][
              broken % 3
            ];
            text = text.slice(0, at) + bad + text.slice(at);
          }
          const chunks = cut(text, cuts);
          const schema = ref.value.schema;
          expect(fusedAlone(chunks, schema, spec.delimiter, limits ?? {})).toEqual(
            general(chunks, schema, spec.delimiter, limits ?? {}),
          );
        },
      ),
      { seed: 20240612, numRuns: 400 },
    );
  });

  it('loads a 10 MB file (1 MB then 4 MB chunks, rows cut at every chunk end) as the general path does', () => {
    const rand = mulberry32(20240613);
    const of = picker(rand);
    const cells = [
      'Agree',
      '"Paris, France"',
      '非常满意',
      '"two\r\nlines"',
      '"say ""hi"""',
      '',
      'NA',
    ];
    const parts = ['respondent_id,q1,q2,multi,n,w'];
    let size = 0;
    for (let i = 1; size < 10_000_000; i++) {
      const multi = ['A', 'B', 'C', 'D'].filter(() => rand() < 0.4).join(';');
      const n = of(NUMBERS.slice(0, 10));
      const line = `${i},${of(cells)},${of(cells)},${multi},${n},${(rand() * 2).toFixed(3)}`;
      parts.push(line);
      size += line.length + 2;
    }
    const bytes = new TextEncoder().encode(parts.join('\r\n') + '\r\n');
    const opts = (fused: boolean): LoadOptions => ({
      file: 'big.csv',
      fused,
      schemaOverrides: [
        { type: 'kind', id: 'multi', kind: 'multi', separator: ';' },
        { type: 'kind', id: 'n', kind: 'numeric' },
      ],
    });
    const f = loadSurveyFile(bytes, opts(true));
    expect(f.ok && f.value.kind === 'respondents' && f.value.table.rowCount).toBe(parts.length - 1);
    expect(outcome(f)).toEqual(outcome(loadSurveyFile(bytes, opts(false))));
  }, 60_000);

  it.each([
    [
      'numbers read without a substring',
      'n\n1\n-2.5\n0.1\n.5\n5.\n-0\n',
      [1, -2.5, 0.1, 0.5, 5, -0],
    ],
    ['numbers that only Number() reads', 'n\n1\n1e3\n0x10\n 7 \n+5\n', [1, 1000, 16, 7, 5]],
    [
      'more digits than the fast path takes',
      'n\n1\n1234567890123456789\n0.30000000000000004\n',
      [1, 1.2345678901234568e18, 0.30000000000000004],
    ],
  ])('gives the numbers Number() gives: %s', (_name, text, values) => {
    const fused = loadSurveyFile(new TextEncoder().encode(text), {
      file: 'n.csv',
      sampleRows: 1,
      schemaOverrides: [{ type: 'kind', id: 'n', kind: 'numeric' }],
    });
    if (!fused.ok || fused.value.kind !== 'respondents') throw new Error('not loaded');
    const col = fused.value.table.columns[0];
    expect(col?.type).toBe('numeric');
    if (col?.type === 'numeric') expect(Array.from(col.values)).toEqual(values);
  });

  it('takes back a row cut by a chunk end and reads it whole with the next chunk', () => {
    const schema = load('c0,c1\nYes,1\n', { ...SIMPLE }, false);
    if (!schema.ok || schema.value.kind !== 'respondents') throw new Error('not loaded');
    const chunks = ['c0,c1\nYes,1\nNo,2', '5\n"Ag', 'ree",3\r', '\nYes,4'];
    const got = fusedAlone(chunks, schema.value.schema, ',') as RespondentTable;
    const single = got.columns.find((c) => c.id === 'c0');
    const num = got.columns.find((c) => c.id === 'c1');
    expect(got.rowCount).toBe(4);
    expect(single).toMatchObject({
      labels: ['Yes', 'No', 'Agree'],
      codes: ['Uint8Array', ['1', '2', '3', '1']],
    });
    expect(num).toMatchObject({ values: ['Float64Array', ['1', '25', '3', '4']] });
  });
});

const SIMPLE: Spec = {
  kinds: ['single', 'numeric'],
  rows: [],
  delimiter: ',',
  breaks: ['\n'],
  missing: null,
  quoteAll: [false],
  blankLines: [],
  extraEmpty: [],
  finalBreak: true,
};
