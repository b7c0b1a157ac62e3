// One survey size, end to end: generate, load (memory), import throughput
// beside papaparse, then every crosstab case on the engine, the read floor and
// each peer. Peers' answers are checked against the engine's.
import Papa from 'papaparse';
import { loadSurveyFile } from '../src/core/pipeline';
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
  measureAsync,
  measureInterleaved,
} from './measure';
import type { MemoryFigures } from './memory';
import { measureLoad } from './memory';
import { arqueroCrosstab, arqueroTable } from './peers/arquero';
import { duckCrosstab, openDuck } from './peers/duckdb';
import { naiveCrosstab, rowObjects } from './peers/naive';
import { TAB_BOOK_CASES, duckTabBook, tabBookCells, tabBookRunner } from './tabs';

/** A peer's timing with whether its table matched the engine's, or why it did not run. */
export type PeerFigure = (Timing & { agrees: boolean }) | { na: string };

export interface CaseResult {
  key: string;
  label: string;
  engine: Timing;
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
  };
  memory: MemoryFigures;
  setupMs: { naiveObjects: number; arqueroTable: number };
  duckdb: { version: string; threads: number } | null;
  cases: CaseResult[];
  /** Absent in results saved before the tab book case existed. */
  tabBooks?: TabBookResult[];
}

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

export async function runSize(rows: number): Promise<SizeResult> {
  let t0 = performance.now();
  const survey = generateSurvey(rows);
  const generateMs = performance.now() - t0;
  const bytes = survey.bytes;
  log(
    `${rows} respondents: ${(bytes.length / 1e6).toFixed(1)} MB CSV in ${generateMs.toFixed(0)} ms`,
  );
  const isMulti = (id: string): boolean =>
    survey.questions.find((q) => q.id === id)?.type === 'multi';
  const cases = benchCases(survey.questions);

  const first = measureLoad(bytes, 'bench.csv');
  const table = first.table;
  log(`loaded once (${first.ms.toFixed(0)} ms); timing imports`);
  let parsed: string[][] = [];
  const [engineImport, papaImport] = measureInterleaved(
    [
      () => loadSurveyFile(bytes, { file: 'bench.csv', weightId: 'weight' }),
      () => {
        parsed = [];
        parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { header: false }).data;
      },
    ],
    IMPORT_RUNS,
  ) as [Timing, Timing];

  log('engine crosstabs and read floor');
  const truths: Cells[][] = [];
  const results: CaseResult[] = cases.map((bc) => {
    const run = engineRunner(table, bc);
    truths.push(engineCells(run()));
    const arrays = caseArrays(table, bc);
    const [engine, floor] = measureInterleaved([run, () => readOnce(arrays)], ENGINE_RUNS);
    return {
      key: bc.key,
      label: bc.label,
      engine: engine!,
      floor: floor!,
      naive: { na: 'not run' },
      arquero: { na: 'not run' },
      duckdb: { na: 'not run' },
    };
  });

  log('engine tab books');
  const tabBooks: TabBookResult[] = [];
  const tabTruths: Cells[] = [];
  for (const tc of TAB_BOOK_CASES) {
    const run = tabBookRunner(table, survey.questions, tc);
    tabTruths.push(tabBookCells(run()));
    tabBooks.push({
      key: tc.key,
      label: tc.label,
      engine: measure(run, TAB_BOOK_RUNS),
      duckdb: { na: 'not run' },
    });
  }

  log('naive baseline');
  t0 = performance.now();
  let objects = rowObjects(parsed);
  const naiveObjects = performance.now() - t0;
  cases.forEach((bc, k) => {
    results[k]!.naive = peer(() => naiveCrosstab(objects, bc, isMulti), truths[k]!);
  });
  objects = [];

  log('Arquero');
  t0 = performance.now();
  let aqTable: ReturnType<typeof arqueroTable> | null = arqueroTable(parsed);
  const arqueroBuild = performance.now() - t0;
  parsed = [];
  cases.forEach((bc, k) => {
    const t = aqTable!;
    if (bc.cols.length > 1 && bc.weighted && rows > ARQUERO_WEIGHTED_BANNER_MAX) {
      results[k]!.arquero = {
        na: `skipped above ${ARQUERO_WEIGHTED_BANNER_MAX.toLocaleString('en-US')} respondents to bound the run`,
      };
      return;
    }
    results[k]!.arquero = peer(() => arqueroCrosstab(t, bc, isMulti), truths[k]!);
  });
  aqTable = null;

  log('DuckDB');
  const duck = await openDuck(bytes);
  let duckImport: SizeResult['import']['duckdb'];
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
        const timing = await measureAsync(() => duckCrosstab(duck, bc, isMulti), DUCK_RUNS);
        results[k]!.duckdb = { ...timing, agrees };
      } catch (e) {
        results[k]!.duckdb = { na: (e as Error).message.split('\n')[0] ?? 'failed' };
      }
    }
    for (let k = 0; k < TAB_BOOK_CASES.length; k++) {
      const tc = TAB_BOOK_CASES[k]!;
      try {
        const cells = await duckTabBook(duck, survey.questions, tc.weighted);
        const agrees = cellsDiff([cells], [tabTruths[k]!]) <= AGREE;
        const timing = await measureAsync(
          () => duckTabBook(duck, survey.questions, tc.weighted),
          DUCK_RUNS,
        );
        tabBooks[k]!.duckdb = { ...timing, agrees };
      } catch (e) {
        tabBooks[k]!.duckdb = { na: (e as Error).message.split('\n')[0] ?? 'failed' };
      }
    }
    duck.close();
  }

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
    },
    memory: first.memory,
    setupMs: { naiveObjects, arqueroTable: arqueroBuild },
    duckdb: typeof duck === 'string' ? null : { version: duck.version, threads: duck.threads },
    cases: results,
    tabBooks,
  };
}
