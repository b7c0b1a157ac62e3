// A file read in parts (the first here, the others by "helpers") must give
// exactly what a read on one thread gives: the same table, definition,
// detected settings and warnings, or the same error at the same line. The
// helpers here run in this thread, and their plans and results go through
// structuredClone as they would through postMessage.
import { describe, expect, it } from 'vitest';
import { createChunkDecoder } from '../../../src/core/csv/decode';
import { readChunk, type ChunkPlan } from '../../../src/core/csv/chunks';
import type { Helpers, ReadOutcome } from '../../../src/core/csv/parallel';
import { bytesSource, loadSurveySource } from '../../../src/core/loadSource';
import { loadSurveyFile, type Loaded, type LoadOptions } from '../../../src/core/pipeline';
import type { Result } from '../../../src/core/result';
import type { RespondentTable } from '../../../src/core/table/types';
import { generateSurvey } from '../../../perf/generate';
import { mulberry32 } from '../../support/random';

/** Helpers reading parts in this thread; `outcomes` records how each file was read. */
function inThread(count: number, bytes: Uint8Array, outcomes: ReadOutcome[]): Helpers {
  const source = bytesSource(bytes);
  return {
    count,
    minBytes: 0,
    onOutcome: (o) => outcomes.push(o),
    runPart: (plan: ChunkPlan, from, to, onProgress) => ({
      result: readChunk(source, structuredClone(plan), from, to, onProgress).then((r) =>
        structuredClone(r),
      ),
      cancel: () => undefined,
    }),
  };
}

/** Plain data for toEqual: typed arrays become [constructor name, values]. */
function plain(t: RespondentTable): unknown {
  return JSON.parse(
    JSON.stringify(t, (_k, v: unknown) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView)
        ? [v.constructor.name, Array.from(v as unknown as ArrayLike<number>).join(',')]
        : v,
    ),
  );
}

function outcome(r: Result<Loaded>): unknown {
  if (!r.ok) return r.error;
  if (r.value.kind !== 'respondents') return r.value;
  return { ...r.value, table: plain(r.value.table) };
}

const OPTS: LoadOptions = { file: 'survey.csv' };

/** Loads `bytes` on one thread and in parts with 1 to 3 helpers: all equal; the outcomes. */
async function compare(
  bytes: Uint8Array,
  opts: LoadOptions = OPTS,
  loads = true,
): Promise<ReadOutcome[]> {
  const serial = loadSurveyFile(bytes, opts);
  expect(serial.ok).toBe(loads);
  const one = outcome(serial);
  const outcomes: ReadOutcome[] = [];
  for (const count of [1, 2, 3]) {
    const parts = await loadSurveySource(
      bytesSource(bytes),
      opts,
      inThread(count, bytes, outcomes),
    );
    expect(outcome(parts)).toEqual(one);
  }
  return outcomes;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A respondent file of `rows` rows: id, a weight, a single, a multi and a numeric question. */
function survey(rows: number, seed: number, cell?: (row: number) => string | null): string {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const lines = ['respondent_id,weight,city,apps,age'];
  for (let r = 1; r <= rows; r++) {
    const own = cell?.(r) ?? null;
    if (own !== null) {
      lines.push(own);
      continue;
    }
    const apps = ['WeChat', 'Alipay', 'Taobao', 'Douyin, Kuaishou', '微博']
      .filter(() => rand() < 0.4)
      .join(';');
    lines.push(
      [
        r,
        (0.5 + rand()).toFixed(3),
        pick(['Beijing', 'Shanghai', '"Guangzhou, GD"', '深圳', '']),
        apps.includes(',') ? `"${apps}"` : apps,
        rand() < 0.05 ? 'NA' : String(18 + Math.floor(rand() * 60)),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

describe('a file read in parts on several threads', { timeout: 120_000 }, () => {
  it('gives the bench survey (30 questions, quoted and Chinese labels) exactly as one thread does', async () => {
    const bytes = generateSurvey(12_000, 99).bytes;
    expect(bytes.length).toBeGreaterThan(4_000_000);
    const outcomes = await compare(bytes, { file: 'bench.csv', weightId: 'weight' });
    expect(outcomes).toEqual([
      { how: 'parts', parts: 2 },
      { how: 'parts', parts: 3 },
      { how: 'parts', parts: 4 },
    ]);
  });

  it('reports progress over every part: bytes and rows only grow, and the bytes reach the file size', async () => {
    const bytes = utf8(survey(60_000, 21));
    const seen: { bytes: number; rows: number }[] = [];
    const outcomes: ReadOutcome[] = [];
    const r = await loadSurveySource(
      bytesSource(bytes),
      { file: 'survey.csv', onProgress: (p) => seen.push({ bytes: p.bytes, rows: p.rows }) },
      inThread(2, bytes, outcomes),
    );
    expect(r.ok && r.value.kind === 'respondents' && r.value.table.rowCount).toBe(60_000);
    expect(outcomes).toEqual([{ how: 'parts', parts: 3 }]);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
      expect(seen[i]!.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
    }
    expect(seen.at(-1)?.bytes).toBe(bytes.length);
    expect(seen.at(-1)?.rows).toBeLessThanOrEqual(60_000);
  });

  it('keeps labels in the order they first appear across parts: a label first seen in the last part comes last', async () => {
    const text = survey(40_000, 1, (r) => (r === 39_990 ? '39990,1.0,Chengdu,WeChat,30' : null));
    const bytes = utf8(text);
    expect(await compare(bytes)).toContainEqual({ how: 'parts', parts: 2 });
    const r = loadSurveyFile(bytes, OPTS);
    const city = r.ok && r.value.kind === 'respondents' ? r.value.table.columns[2] : null;
    expect(city?.type === 'single' && city.labels.at(-1)).toBe('Chengdu');
  });

  it('reads CRLF line ends and a byte order mark as one thread does', async () => {
    const text = survey(40_000, 2).replaceAll('\n', '\r\n');
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text));
    expect(await compare(bytes)).toContainEqual({ how: 'parts', parts: 3 });
  });

  it('turns ids into text when an id that is not a canonical number comes in a later part', async () => {
    const bytes = utf8(
      survey(40_000, 3, (r) => (r === 35_000 ? '007,1.0,Beijing,WeChat,30' : null)),
    );
    expect(
      await compare(bytes, { file: 'survey.csv', idColumnId: 'respondent_id' }),
    ).toContainEqual({ how: 'parts', parts: 2 });
    const r = loadSurveyFile(bytes, { file: 'survey.csv', idColumnId: 'respondent_id' });
    const id = r.ok && r.value.kind === 'respondents' ? r.value.table.columns[0] : null;
    expect(id?.type).toBe('text');
  });

  it('reads the file again on one thread when a quoted value with line breaks runs across a cut', async () => {
    // A quoted comment of 1.5 MB, in many lines, between two halves: every cut falls inside it.
    const comment = `"${Array.from({ length: 150_000 }, (_, i) => `line ${i}`).join('\n')}"`;
    const text = survey(80_000, 4, (r) => (r === 40_000 ? `40000,1.0,${comment},WeChat,30` : null));
    const outcomes = await compare(utf8(text), {
      file: 'survey.csv',
      schemaOverrides: [{ type: 'kind', id: 'city', kind: 'text' }],
    });
    expect(outcomes).toEqual(
      [1, 2, 3].map(() => ({ how: 'read again', why: 'a quoted value runs across the cut' })),
    );
  });

  it('reads a file whose first rows span several lines on one thread', async () => {
    const text = survey(40_000, 5, (r) => (r === 3 ? '3,1.0,"Bei\njing",WeChat,30' : null));
    expect(await compare(utf8(text))).toEqual([
      { how: 'one thread' },
      { how: 'one thread' },
      { how: 'one thread' },
    ]);
  });

  it('reports an error in a later part at its line, as one thread does', async () => {
    const bytes = utf8(survey(40_000, 6, (r) => (r === 33_333 ? '33333,1.0,Beijing' : null)));
    const outcomes = await compare(bytes, OPTS, false);
    expect(outcomes[0]?.how).toBe('read again');
    const r = loadSurveyFile(bytes, OPTS);
    expect(!r.ok && r.error.line).toBe(33_334);
  });

  it('reads the file again when decoding replaces a character in a later part, with the same lossy lines', async () => {
    const head = utf8(survey(40_000, 7).slice(0, -1));
    const bytes = concat(
      head,
      new Uint8Array([0x0a]),
      utf8('40001,1.0,Bad'),
      new Uint8Array([0xff]),
      utf8(',WeChat,30\n'),
    );
    const outcomes = await compare(bytes);
    expect(outcomes[0]).toEqual({ how: 'read again', why: 'a character was replaced in decoding' });
    const r = loadSurveyFile(bytes, OPTS);
    expect(r.ok && r.value.detected.lossyLines).toEqual([40_002]);
  });

  it('reads a legacy encoding (Windows-1252) on one thread', async () => {
    const text = survey(40_000, 8).replaceAll('深圳', 'Málaga').replaceAll('微博', 'Café');
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(await compare(bytes, { file: 'survey.csv', encoding: 'windows-1252' })).toEqual([
      { how: 'one thread' },
      { how: 'one thread' },
      { how: 'one thread' },
    ]);
  });

  it('cuts the rest at random line starts and still gives the same table (seeded files)', async () => {
    for (let seed = 10; seed < 16; seed++) {
      const rows = 20_000 + seed * 1_500;
      const bytes = utf8(survey(rows, seed));
      const outcomes = await compare(bytes);
      expect(outcomes.map((o) => o.how)).toEqual(['parts', 'parts', 'parts']);
    }
  });
});

describe('a part that starts in the middle of a file', () => {
  it('keeps a U+FEFF that starts its first line as data, where the file start would drop it', () => {
    const bytes = utf8('\uFEFFa,b\n');
    const mid = createChunkDecoder('utf-8', { fileStart: false });
    const start = createChunkDecoder('utf-8');
    expect(mid.push(bytes) + mid.end()).toBe('\uFEFFa,b\n');
    expect(start.push(bytes) + start.end()).toBe('a,b\n');
  });
});
