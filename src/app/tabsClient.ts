// The page's side of the tab book worker (tabsWorker.ts): one worker kept for
// the page, holding the table of the survey last built so that building again
// sends only the request. The table goes in pieces, a few milliseconds of
// copying per task (see tableTransfer.ts), so the page never blocks on it.
// Cancelling terminates the worker mid-book (nothing half-built reaches the
// page); the next build starts a new one.
import { problem } from '../core/messages';
import type { SurveyError } from '../core/result';
import type { RespondentTable } from '../core/table/types';
import type { TabTable } from '../core/tabs/types';
import type { BookHead, TabBookRequest } from '../state/models/tabBookBuild';
import type { FromTabsWorker, ToTabsWorker } from './tabsProtocol';
import { sendTable } from './tableTransfer';

export interface TabBookHandlers {
  /** The banner and the book's lines, and how many tables will follow. */
  head(head: BookHead, total: number): void;
  /** Table `index` (0-based), as soon as it is made. */
  table(index: number, table: TabTable): void;
  done(): void;
  failed(error: SurveyError): void;
}

export interface RunningBuild {
  cancel(): void;
}

let worker: Worker | null = null;
/** The key of the table the worker holds (or is being sent). */
let heldKey: string | null = null;
let nextId = 1;
/** The build running, so a new one (or a cancel) can stop it. */
let running: { id: number; stop(): void } | null = null;

function post(message: ToTabsWorker, transfer: Transferable[] = []): void {
  worker!.postMessage(message, transfer);
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  heldKey = null;
}

/**
 * Build a tab book off the page. `key` names the table's version (survey id
 * and revision): a table the worker already holds under it is not sent again.
 */
export function buildTabBookOffPage(
  key: string,
  table: RespondentTable,
  request: TabBookRequest,
  handlers: TabBookHandlers,
): RunningBuild {
  // One build at a time: a new one replaces the one running.
  if (running !== null) running.stop();
  worker ??= new Worker(new URL('./tabsWorker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  let live = true;
  const stop = () => {
    if (!live) return;
    live = false;
    if (running?.id === id) running = null;
    stopWorker();
  };
  running = { id, stop };
  worker.onmessage = (event: MessageEvent<FromTabsWorker>) => {
    const m = event.data;
    if (!live || m.id !== id) return;
    if (m.type === 'head') handlers.head(m.head, m.total);
    else if (m.type === 'table') handlers.table(m.index, m.table);
    else {
      live = false;
      running = null;
      if (m.type === 'done') handlers.done();
      else handlers.failed(m.error);
    }
  };
  worker.onerror = (event) => {
    if (!live) return;
    stop();
    handlers.failed(problem('tabs-worker-failed', event.message || 'worker error'));
  };
  const send = heldKey === key ? Promise.resolve() : sendTable(post, key, table, () => live);
  heldKey = key;
  void send.then(() => {
    if (live) post({ type: 'build', id, key, request });
  });
  return { cancel: stop };
}
