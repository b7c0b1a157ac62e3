// The tab book is built here, off the page: one table per row question (the
// engine's tabs(), see state/models/tabBookBuild.ts), each sent to the page as
// soon as it is made. The page stays responsive however large the survey; to
// cancel, the page terminates this worker. The survey's table arrives in
// pieces (see tabsProtocol.ts) and is kept for the next build.
import { problem } from '../core/messages';
import type { RespondentTable } from '../core/table/types';
import { planTabBook, planTable } from '../state/models/tabBookBuild';
import { allocateLike, arraySlots, type FromTabsWorker, type ToTabsWorker } from './tabsProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToTabsWorker>) => void) | null;
  postMessage(message: FromTabsWorker): void;
}
const scope = self as unknown as WorkerScope;

/** The table of the survey last sent, filled chunk by chunk. */
let held: { key: string; table: RespondentTable; slots: ReturnType<typeof arraySlots> } | null =
  null;

function failed(id: number, err: unknown): FromTabsWorker {
  const detail = err instanceof Error ? err.message : String(err);
  return { id, type: 'failed', error: problem('tabs-worker-failed', detail) };
}

function build(
  id: number,
  key: string,
  request: Extract<ToTabsWorker, { type: 'build' }>['request'],
) {
  if (held === null || held.key !== key) {
    scope.postMessage(failed(id, 'the survey was not sent with the request'));
    return;
  }
  const plan = planTabBook(held.table, request);
  if (!plan.ok) {
    scope.postMessage({ id, type: 'failed', error: plan.error });
    return;
  }
  const total = plan.value.rows.length;
  scope.postMessage({ id, type: 'head', head: plan.value.head, total });
  for (let k = 0; k < total; k++) {
    const table = planTable(plan.value, k);
    if (!table.ok) {
      scope.postMessage({ id, type: 'failed', error: table.error });
      return;
    }
    scope.postMessage({ id, type: 'table', index: k, table: table.value });
  }
  scope.postMessage({ id, type: 'done' });
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'table') {
    const slots = arraySlots(msg.table.columns);
    slots.forEach((s, i) => s.set(allocateLike(s.get(), msg.lengths[i]!)));
    held = { key: msg.key, table: msg.table, slots };
    return;
  }
  if (msg.type === 'chunk') {
    if (held?.key === msg.key) held.slots[msg.slot]!.get().set(msg.data, msg.offset);
    return;
  }
  try {
    build(msg.id, msg.key, msg.request);
  } catch (err) {
    scope.postMessage(failed(msg.id, err));
  }
};
