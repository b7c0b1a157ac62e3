// The page's side of the crosstab helper (crosstabWorker.ts): one worker kept
// for the page, holding a copy of the table of a large survey opened on the
// crosstab page, that tallies the second part of the respondents of each
// crosstab (core/crosstab/split.ts) while the page tallies the first. The copy
// is sent once per survey, in pieces (tableTransfer.ts), so the page never
// blocks on it; until it is all there, the page tallies both parts itself.
// The numbers are the same either way, to the last bit.
import type { CrosstabHelper } from '../core/crosstab/split';
import type { Tally } from '../core/crosstab/tally';
import type { RespondentTable } from '../core/table/types';
import type { FromCrosstabWorker, ToCrosstabWorker } from './crosstabProtocol';
import { sendTable } from './tableTransfer';

/** A part the helper has not answered in this long is tallied on the page instead (ms). */
const PART_TIMEOUT_MS = 30_000;

let worker: Worker | null = null;
/** The key of the table the worker holds or is being sent, and whether all of it has arrived. */
let held: { key: string; ready: boolean } | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(part: Tally[]): void; reject(e: Error): void }>();

function stop(why: string): void {
  worker?.terminate();
  worker = null;
  held = null;
  for (const w of waiting.values()) w.reject(new Error(why));
  waiting.clear();
}

function start(): Worker {
  const w = new Worker(new URL('./crosstabWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<FromCrosstabWorker>) => {
    const m = event.data;
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if ('part' in m) p?.resolve(m.part);
    else p?.reject(new Error(m.problem));
  };
  // A helper that fails is dropped; the next large crosstab starts a new one.
  w.onerror = (event) => stop(event.message || 'the crosstab helper failed');
  return w;
}

/** Has the helper the whole table under `key`, so that it can tally parts of it now? */
export const helperHolds = (key: string): boolean => held?.key === key && held.ready;

/**
 * Sends `table` to the helper under `key`, unless it holds it or is being
 * sent it already (in the background: a few milliseconds of copying a task).
 */
export function prepareHelper(key: string, table: RespondentTable): void {
  if (held?.key === key) return;
  worker ??= start();
  const w = worker;
  const sending = { key, ready: false };
  held = sending;
  const live = () => held === sending && worker === w;
  const post = (m: ToCrosstabWorker, transfer: Transferable[]) => w.postMessage(m, transfer);
  void sendTable(post, key, table, live).then(() => {
    if (live()) sending.ready = true;
  });
}

/** The helper for the table under `key`: it rejects (and the page tallies the part) unless it holds the table. */
export function crosstabHelper(key: string): CrosstabHelper {
  return {
    count: (job) => {
      const w = worker;
      if (w === null || !helperHolds(key))
        return Promise.reject(new Error('the crosstab helper does not hold this survey yet'));
      const id = nextId++;
      return new Promise<Tally[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the crosstab helper did not answer'));
        }, PART_TIMEOUT_MS);
        waiting.set(id, {
          resolve: (part) => {
            clearTimeout(timer);
            resolve(part);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        const message: ToCrosstabWorker = { type: 'part', id, key, job };
        w.postMessage(message);
      });
    },
  };
}
