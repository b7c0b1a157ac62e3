// A delimited file read from a ByteSource, on this thread and, when it is large,
// on other threads too: once the first rows have decided the schema, the rest
// is cut at line starts into parts; this thread reads the first part itself
// while helpers (Web Workers in the app, worker threads in the bench: given as
// `runPart`) read the others (chunks.ts). The parts are then spliced in, in
// file order. The table equals the one a read on one thread gives; whenever
// that cannot be known (a quoted value running across a cut, an error, a
// character replaced in decoding), the file is read again on one thread.
import type { LoadOptions, Run } from '../pipeline';
import type { Result } from '../result';
import type { ByteSource, ChunkPlan, ChunkResult } from './chunks';
import { lineStartFrom } from './chunks';
import { createCsvStream, sliceEnd } from './stream';

/** A part read elsewhere: bytes [from, to) of the file. */
export interface PartRun {
  result: Promise<ChunkResult>;
  cancel(): void;
}

/**
 * How a file was read: `parts` when parts read elsewhere were spliced in;
 * `one thread` when it was read here alone (small, or its rows could not be
 * cut: see CsvStream.chunkPlan); `read again` when parts were read elsewhere
 * but could not be spliced, and the file was read again here (`why`).
 */
export type ReadOutcome =
  { how: 'parts'; parts: number } | { how: 'one thread' } | { how: 'read again'; why: string };

export interface Helpers {
  /** How many parts other threads read at once (0: read everything here). */
  count: number;
  /** Start reading a part on another thread; `onProgress`: its bytes and rows read so far. */
  runPart(
    plan: ChunkPlan,
    from: number,
    to: number,
    onProgress: (bytes: number, rows: number) => void,
  ): PartRun;
  /** Files smaller than this are read on one thread (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /** Told how the file was read. */
  onOutcome?(outcome: ReadOutcome): void;
}

/** Below this, a file is read on one thread: starting helpers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 32 << 20;

/**
 * Read a delimited file from `source` (stages 1 and 2, with 3 and 4 inside:
 * see stream.ts). `maxBytes`: the size limit when the options give none.
 */
export async function readCsvSource(
  source: ByteSource,
  opts: LoadOptions,
  maxBytes: number,
  helpers: Helpers | null,
): Promise<Result<Run>> {
  const total = source.size;
  // Progress of the parts read elsewhere, added to this thread's.
  const partBytes: number[] = [];
  const partRows: number[] = [];
  let ownBytes = 0;
  let ownRows = 0;
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  let spliced = false;
  const report = (): void =>
    opts.onProgress?.({
      bytes: ownBytes + sum(partBytes),
      totalBytes: total,
      // Once parts are spliced in, this thread's count holds theirs.
      rows: ownRows + (spliced ? 0 : sum(partRows)),
    });
  const created = createCsvStream(
    {
      ...opts,
      onProgress: (p) => {
        ownBytes = p.bytes;
        ownRows = p.rows;
        report();
      },
    },
    total,
    false,
    maxBytes,
  );
  if (!created.ok) return created;
  const stream = created.value;
  const step = async (to: number): Promise<Result<void>> => {
    const from = stream.offset;
    return stream.push(await source.read(from, Math.min(sliceEnd(from, total), to)));
  };

  let plan: ChunkPlan | null = null;
  while (!stream.stopped && stream.offset < total) {
    const minBytes = helpers?.minBytes ?? PARALLEL_MIN_BYTES;
    if (helpers !== null && helpers.count > 0 && total - stream.offset >= minBytes) {
      plan = stream.chunkPlan();
      if (plan !== null) break;
    }
    const pushed = await step(total);
    if (!pushed.ok) return pushed;
  }
  const alone = (): Result<Run> => {
    helpers?.onOutcome?.({ how: 'one thread' });
    return stream.end();
  };
  if (plan === null || helpers === null) return alone();

  // Cut the rest at line starts into parts of about equal size: the first is read here.
  const start = stream.offset;
  const cuts: number[] = [];
  for (let k = 1; k <= helpers.count; k++) {
    const at = await lineStartFrom(
      source,
      start + Math.floor(((total - start) * k) / (helpers.count + 1)),
    );
    if (at > (cuts[cuts.length - 1] ?? start)) cuts.push(at);
  }
  if (cuts.length === 0) {
    while (!stream.stopped && stream.offset < total) {
      const pushed = await step(total);
      if (!pushed.ok) return pushed;
    }
    return alone();
  }
  const parts = cuts.map((from, k) => {
    partBytes.push(0);
    partRows.push(0);
    return helpers.runPart(plan, from, cuts[k + 1] ?? total, (bytes, rows) => {
      partBytes[k] = bytes;
      partRows[k] = rows;
      report();
    });
  });
  const cancelAll = (): void => parts.forEach((p) => p.cancel());
  const firstCut = cuts[0] as number;
  while (stream.offset < firstCut) {
    const pushed = await step(firstCut);
    if (!pushed.ok) {
      cancelAll();
      return pushed;
    }
  }
  const closed = stream.endForParts();
  if (closed !== null) cancelAll();
  const results = await Promise.all(
    parts.map((p) =>
      p.result.catch((e: unknown): ChunkResult => ({
        rows: 0,
        problem: e instanceof Error ? e.message : String(e),
        columns: [],
      })),
    ),
  );
  const why = closed ?? results.find((r) => r.problem !== null)?.problem ?? null;
  if (why !== null) {
    helpers.onOutcome?.({ how: 'read again', why });
    return readCsvSource(source, opts, maxBytes, null);
  }
  // Spliced in file order; each part's columns are let go as they are taken in.
  spliced = true;
  results.forEach((r, k) => {
    stream.splice(r);
    results[k] = { rows: 0, problem: null, columns: [] };
  });
  helpers.onOutcome?.({ how: 'parts', parts: results.length + 1 });
  return stream.end();
}
