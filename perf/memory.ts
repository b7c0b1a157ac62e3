// Memory of a loaded survey: the typed arrays it holds, the heap it retains
// (measured with global.gc() before and after loading), and the high-water
// marks of RSS and heap sampled during the import (at every ~1 MB chunk).
import { loadSurveyFile } from '../src/core/pipeline';
import type { RespondentTable } from '../src/core/table/types';

export interface MemoryFigures {
  /** Respondents × categorical questions. */
  answers: number;
  typedArrayBytes: number;
  typedBytesPerAnswer: number;
  /** heapUsed + external after load minus before, both after gc(); null without --expose-gc. */
  retainedBytes: number | null;
  retainedBytesPerAnswer: number | null;
  /**
   * The same after every crosstab case ran once, so that what the engine keeps
   * between calls (its caches) is counted; null without --expose-gc, absent in
   * results saved before it was measured.
   */
  withCachesBytesPerAnswer?: number | null;
  rssBefore: number;
  peakRss: number;
  heapBefore: number;
  /** Highest heapUsed + external seen during the import. */
  peakHeap: number;
  samples: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function typedArrayBytes(table: RespondentTable): number {
  let bytes = 0;
  for (const c of table.columns) {
    if (c.type === 'numeric') bytes += c.values.byteLength;
    else if (c.type === 'multi') bytes += c.patternOf.byteLength + c.masks.byteLength;
    else bytes += c.codes.byteLength;
  }
  return bytes;
}

function categoricalCount(table: RespondentTable): number {
  return table.columns.filter((c) => c.type === 'single' || c.type === 'multi').length;
}

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

function settle(): void {
  if (gc === undefined) return;
  gc();
  gc();
}

/** Loads `bytes` once through loadSurveyFile and measures what it costs. */
export function measureLoad(
  bytes: Uint8Array,
  file: string,
): { table: RespondentTable; ms: number; memory: MemoryFigures } {
  settle();
  const heapBefore = used();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let peakHeap = heapBefore;
  let samples = 0;
  const t0 = performance.now();
  const loaded = loadSurveyFile(bytes, {
    file,
    // The bench survey's weight column, chosen as a user would (weights are never guessed).
    weightId: 'weight',
    onProgress: () => {
      const m = process.memoryUsage();
      samples++;
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed + m.external > peakHeap) peakHeap = m.heapUsed + m.external;
    },
  });
  const ms = performance.now() - t0;
  if (!loaded.ok) throw new Error(`bench: import failed: ${loaded.error.message}`);
  if (loaded.value.kind !== 'respondents') throw new Error('bench: not read as respondents');
  const table = loaded.value.table;
  const end = process.memoryUsage();
  peakRss = Math.max(peakRss, end.rss);
  peakHeap = Math.max(peakHeap, end.heapUsed + end.external);
  settle();
  const retained = gc === undefined ? null : used() - heapBefore;
  const answers = table.rowCount * categoricalCount(table);
  const typed = typedArrayBytes(table);
  return {
    table,
    ms,
    memory: {
      answers,
      typedArrayBytes: typed,
      typedBytesPerAnswer: typed / answers,
      retainedBytes: retained,
      retainedBytesPerAnswer: retained === null ? null : retained / answers,
      rssBefore,
      peakRss,
      heapBefore,
      peakHeap,
      samples,
    },
  };
}

/**
 * Bytes per respondent-answer retained after `work` (every crosstab case, once)
 * on top of the heap before the load: the loaded survey and whatever the
 * engine keeps between calls. null without --expose-gc.
 */
export async function retainedWith(
  memory: MemoryFigures,
  work: () => Promise<void>,
): Promise<number | null> {
  await work();
  if (gc === undefined) return null;
  settle();
  return (used() - memory.heapBefore) / memory.answers;
}
