// One survey size, end to end: generate, load (memory), import throughput
// beside papaparse, then every crosstab case on the engine, the read floor and
// each peer. Peers' answers are checked against the engine's.
import Papa from 'papaparse';
import { bytesSource, loadSurveySource, type ReadOutcome } from '../src/core/loadSource';
import { loadSurveyFile } from '../src/core/pipeline';
import { crosstabThread, helperPool } from './parallel';
import type { Cells } from './cases';
import { benchCases, caseArrays, cellsDiff, engineCells, engineRunner } from './cases';
import { readOnce } from './floor';
import { generateSurvey } from './generate';
import type { Timing } from './measure';
import {
  DUCK_RUNS,
  ENGINE_RUNS,
  PEER_RUNS,
  measure,
  measureInterleaved,
  measurePaired,
  median,
} from './measure';
import type { MemoryFigures } from './memory';
import { measureLoad, retainedWith } from './memory';
import { arqueroCrosstab, arqueroTable } from './peers/arquero';
import { duckCrosstab, openDuck } from './peers/duckdb';
import { naiveCrosstab, rowObjects } from './peers/naive';
import { TAB_BOOK_CASES, duckTabBook, tabBookCells, tabBookRunner } from './tabs';

/**
 * A peer's timing with whether its table matched the engine's, or why it did
 * not run. DuckDB's also carries the engine's median timed in rounds
 * alternating with DuckDB's (engineMs), which its ratio uses.
 */
export type PeerFigure = (Timing & { agrees: boolean; engineMs?: number }) | { na: string };

export interface CaseResult {
  key: string;
  label: string;
  /** With the helper thread (split.ts): what the targets judge. */
  engine: Timing;
  /** On one thread, as the CLI counts (and the app before its helper holds the survey); optional in saved results. */
  alone?: Timing;
  floor: Timing;
  naive: PeerFigure;
  arquero: PeerFigure;
  duckdb: PeerFigure;
}

/** A tab book: the engine's tabs() beside DuckDB's GROUPING SETS. */
export interface TabBookResult {
  key: string;
  label: string;
  engine: Timing;
  duckdb: PeerFigure;
}

export interface SizeResult {
  rows: number;
  bytes: number;
  generateMs: number;
  import: {
    engine: Timing;
    papaparse: Timing;
    engineMBps: number;
    papaparseMBps: number;
    ratio: number;
    duckdb: { ms: number; MBps: number } | { na: string };
    /**
     * The app's import (this thread and one helper reading parts, as the
     * import worker does with a Web Worker) in rounds alternating with DuckDB's
     * read_csv on its default threads. Absent in results saved before it existed.
     */
    parts?: PartsImport;
  };
  memory: MemoryFigures;
  setupMs: { naiveObjects: number; arqueroTable: number };
  duckdb: { version: string; threads: number } | null;
  cases: CaseResult[];
  /** Absent in results saved before the tab book case existed. */
  tabBooks?: TabBookResult[];
}

/** The app's two-thread import beside DuckDB's read_csv, median of alternating rounds. */
export type PartsImport =
  { parts: Timing; duckdb: Timing; partsMBps: number; duckdbMBps: number } | { na: string };

const IMPORT_RUNS = { warmup: 0, minRuns: 2, maxRuns: 5, budgetMs: 20_000 };
/** A tab book runs 30 banners: fewer runs than one crosstab, over a longer budget. */
const TAB_BOOK_RUNS = { warmup: 2, minRuns: 5, maxRuns: 21, budgetMs: 5000 };
const AGREE = 1e-9;
/** A peer whose first run takes this long is timed by that run alone (bounds the 1M run). */
const ONE_RUN_MS = 1000;
/** Above this many respondents Arquero skips the weighted banner (about a minute at 1M). */
const ARQUERO_WEIGHTED_BANNER_MAX = 200_000;
const START = performance.now();
const log = (s: string): void =>
  void process.stderr.write(`[bench ${((performance.now() - START) / 1000).toFixed(0)} s] ${s}\n`);
const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

function peer(fn: () => Cells[], truth: Cells[]): PeerFigure {
  try {
    const t0 = performance.now();
    const agrees = cellsDiff(fn(), truth) <= AGREE;
    const first = performance.now() - t0;
    if (first >= ONE_RUN_MS) return { medianMs: first, minMs: first, runs: 1, agrees };
    return { ...measure(fn, PEER_RUNS), agrees };
  } catch (e) {
    return { na: (e as Error).message.split('\n')[0] ?? 'failed' };
  }
}

/** A part of the run (`npm run bench -- --cases … --peers …`); null: all. */
export interface RunOptions {
  cases: string[] | null;
  peers: string[] | null;
}

export async function runSize(
  rows: number,
  only: RunOptions = { cases: null, peers: null },
): Promise<SizeResult> {
  const runs = (peerName: string): boolean => only.peers === null || only.peers.includes(peerName);
  let t0 = performance.now();
  const survey = generateSurvey(rows);
  const generateMs = performance.now() - t0;
  const bytes = survey.bytes;
  log(
    `${rows} respondents: ${(bytes.length / 1e6).toFixed(1)} MB CSV in ${generateMs.toFixed(0)} ms`,
  );
  const isMulti = (id: string): boolean =>
    survey.questions.find((q) => q.id === id)?.type === 'multi';
  const cases = benchCases(survey.questions).filter(
    (bc) => only.cases === null || only.cases.includes(bc.key),
  );
  const tabBookCases = TAB_BOOK_CASES.filter(
    (tc) => only.cases === null || only.cases.includes(tc.key),
  );

  const first = measureLoad(bytes, 'bench.csv');
  const table = first.table;
  first.memory.withCachesBytesPerAnswer = await retainedWith(first.memory, async () => {
    for (const bc of cases) await engineRunner(table, bc)();
  });
  log(`loaded once (${first.ms.toFixed(0)} ms); timing imports`);
  let parsed: string[][] = [];
  const [engineImport, papaImport] = (await measureInterleaved(
    [
      () => loadSurveyFile(bytes, { file: 'bench.csv', weightId: 'weight' }),
      () => {
        parsed = [];
        parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { header: false }).data;
      },
    ],
    IMPORT_RUNS,
  )) as [Timing, Timing];

  // The crosstab helper thread: a copy of the table, made before any timing,
  // as the app's worker holds one. It tallies the second part of the
  // respondents of each crosstab; the numbers are the same as one thread's,
  // which the check below holds it to.
  const thread = crosstabThread(table);
  log('engine crosstabs (with the helper thread) and read floor');
  const truths: Cells[][] = [];
  const results: CaseResult[] = [];
  for (const bc of cases) {
    const run = engineRunner(table, bc, thread.helper);
    const oneThread = engineCells(await engineRunner(table, bc)());
    truths.push(engineCells(await run()));
    if (cellsDiff(oneThread, truths.at(-1)!) !== 0)
      throw new Error(`bench: ${bc.key} counts differently with the helper thread`);
    const arrays = caseArrays(table, bc);
    const [engine, alone, floor] = await measureInterleaved(
      [run, engineRunner(table, bc), () => readOnce(arrays)],
      ENGINE_RUNS,
    );
    results.push({
      key: bc.key,
      label: bc.label,
      engine: engine!,
      alone: alone!,
      floor: floor!,
      naive: { na: 'not run' },
      arquero: { na: 'not run' },
      duckdb: { na: 'not run' },
    });
  }

  log('engine tab books');
  const tabBooks: TabBookResult[] = [];
  const tabTruths: Cells[] = [];
  for (const tc of tabBookCases) {
    const run = tabBookRunner(table, survey.questions, tc);
    tabTruths.push(tabBookCells(run()));
    tabBooks.push({
      key: tc.key,
      label: tc.label,
      engine: measure(run, TAB_BOOK_RUNS),
      duckdb: { na: 'not run' },
    });
  }

  let naiveObjects = NaN;
  if (runs('naive')) {
    log('naive baseline');
    t0 = performance.now();
    let objects = rowObjects(parsed);
    naiveObjects = performance.now() - t0;
    cases.forEach((bc, k) => {
      results[k]!.naive = peer(() => naiveCrosstab(objects, bc, isMulti), truths[k]!);
    });
    objects = [];
  }

  let arqueroBuild = NaN;
  let aqTable: ReturnType<typeof arqueroTable> | null = null;
  if (runs('arquero')) {
    log('Arquero');
    t0 = performance.now();
    aqTable = arqueroTable(parsed);
    arqueroBuild = performance.now() - t0;
  }
  parsed = [];
  cases.forEach((bc, k) => {
    const t = aqTable;
    if (t === null) return;
    if (bc.cols.length > 1 && bc.weighted && rows > ARQUERO_WEIGHTED_BANNER_MAX) {
      results[k]!.arquero = {
        na: `skipped above ${ARQUERO_WEIGHTED_BANNER_MAX.toLocaleString('en-US')} respondents to bound the run`,
      };
      return;
    }
    results[k]!.arquero = peer(() => arqueroCrosstab(t, bc, isMulti), truths[k]!);
  });
  aqTable = null;

  if (runs('duckdb')) log('DuckDB');
  const duck = runs('duckdb') ? await openDuck(bytes) : 'not run';
  let duckImport: SizeResult['import']['duckdb'];
  let importParts: PartsImport = { na: 'not run (DuckDB not run)' };
  if (typeof duck === 'string') {
    duckImport = { na: duck };
    for (const r of results) r.duckdb = { na: duck };
    for (const t of tabBooks) t.duckdb = { na: duck };
  } else {
    duckImport = { ms: duck.loadMs, MBps: mbps(bytes.length, duck.loadMs) };
    for (let k = 0; k < cases.length; k++) {
      const bc = cases[k]!;
      try {
        const agrees = cellsDiff(await duckCrosstab(duck, bc, isMulti), truths[k]!) <= AGREE;
        const [engine, timing] = await measurePaired(
          engineRunner(table, bc, thread.helper),
          () => duckCrosstab(duck, bc, isMulti),
          DUCK_RUNS,
        );
        results[k]!.duckdb = { ...timing, agrees, engineMs: engine.medianMs };
      } catch (e) {
        results[k]!.duckdb = { na: (e as Error).message.split('\n')[0] ?? 'failed' };
      }
    }
    for (let k = 0; k < tabBookCases.length; k++) {
      const tc = tabBookCases[k]!;
      try {
        const cells = await duckTabBook(duck, survey.questions, tc.weighted);
        const agrees = cellsDiff([cells], [tabTruths[k]!]) <= AGREE;
        const [engine, timing] = await measurePaired(
          tabBookRunner(table, survey.questions, tc),
          () => duckTabBook(duck, survey.questions, tc.weighted),
          DUCK_RUNS,
        );
        tabBooks[k]!.duckdb = { ...timing, agrees, engineMs: engine.medianMs };
      } catch (e) {
        tabBooks[k]!.duckdb = { na: (e as Error).message.split('\n')[0] ?? 'failed' };
      }
    }
    importParts = await partsBesideDuck(bytes);
    duck.close();
  }
  await thread.close();

  return {
    rows,
    bytes: bytes.length,
    generateMs,
    import: {
      engine: engineImport,
      papaparse: papaImport,
      engineMBps: mbps(bytes.length, engineImport.medianMs),
      papaparseMBps: mbps(bytes.length, papaImport.medianMs),
      ratio: papaImport.medianMs / engineImport.medianMs,
      duckdb: duckImport,
      parts: importParts,
    },
    memory: first.memory,
    setupMs: { naiveObjects, arqueroTable: arqueroBuild },
    duckdb: typeof duck === 'string' ? null : { version: duck.version, threads: duck.threads },
    cases: results,
    tabBooks,
  };
}

/** Alternating rounds (after one untimed run of each) of the app's import in parts and DuckDB's read_csv. */
async function partsBesideDuck(bytes: Uint8Array): Promise<PartsImport> {
  log('import in parts (one helper thread) beside DuckDB read_csv');
  // Started before timing, as a browser keeps its import worker's helper.
  const pool = helperPool(bytes, 1);
  try {
    const parts = async (): Promise<number> => {
      let outcome: ReadOutcome | null = null;
      const t0 = performance.now();
      const loaded = await loadSurveySource(
        bytesSource(bytes),
        { file: 'bench.csv', weightId: 'weight' },
        pool.helpers((o) => (outcome = o)),
      );
      const ms = performance.now() - t0;
      if (!loaded.ok) throw new Error(loaded.error.message);
      const how = (outcome as ReadOutcome | null)?.how;
      if (how !== 'parts') throw new Error(`read as ${how ?? 'a whole file'}, not in parts`);
      return ms;
    };
    // DuckDB not loading gives n/a (as for its crosstabs); the app's import failing stops the bench.
    const duckdb = async (): Promise<number> => {
      const peer = await openDuck(bytes);
      if (typeof peer === 'string') throw new DuckUnavailable(peer);
      peer.close();
      return peer.loadMs;
    };
    await parts();
    await duckdb();
    const p: number[] = [];
    const d: number[] = [];
    let spent = 0;
    while (
      p.length < IMPORT_RUNS.maxRuns &&
      (p.length < IMPORT_RUNS.minRuns || spent < IMPORT_RUNS.budgetMs)
    ) {
      p.push(await parts());
      d.push(await duckdb());
      spent += p.at(-1)! + d.at(-1)!;
    }
    const timing = (t: number[]): Timing => ({
      medianMs: median(t),
      minMs: Math.min(...t),
      runs: t.length,
    });
    return {
      parts: timing(p),
      duckdb: timing(d),
      partsMBps: mbps(bytes.length, median(p)),
      duckdbMBps: mbps(bytes.length, median(d)),
    };
  } catch (e) {
    if (e instanceof DuckUnavailable) return { na: e.message.split('\n')[0] ?? 'failed' };
    throw e;
  } finally {
    await pool.close();
  }
}

class DuckUnavailable extends Error {}
