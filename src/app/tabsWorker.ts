// The tab book is built here, off the page: one table per row question (the
// engine's tabs(), see state/models/tabBookBuild.ts), each sent to the page as
// soon as it is made. The page stays responsive however large the survey; to
// cancel, the page terminates this worker. The survey's table arrives in
// pieces (see tabsProtocol.ts) and is kept for the next build.
import { problem } from '../core/messages';
import { planTabBook, planTable } from '../state/models/tabBookBuild';
import type { FromTabsWorker, ToTabsWorker } from './tabsProtocol';
import { tableHolder } from './tableTransfer';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToTabsWorker>) => void) | null;
  postMessage(message: FromTabsWorker): void;
}
const scope = self as unknown as WorkerScope;

/** The table of the survey last sent, filled chunk by chunk. */
const held = tableHolder();

function failed(id: number, err: unknown): FromTabsWorker {
  const detail = err instanceof Error ? err.message : String(err);
  return { id, type: 'failed', error: problem('tabs-worker-failed', detail) };
}

function build(
  id: number,
  key: string,
  request: Extract<ToTabsWorker, { type: 'build' }>['request'],
) {
  const table = held.table(key);
  if (table === null) {
    scope.postMessage(failed(id, 'the survey was not sent with the request'));
    return;
  }
  const plan = planTabBook(table, request);
  if (!plan.ok) {
    scope.postMessage({ id, type: 'failed', error: plan.error });
    return;
  }
  const total = plan.value.rows.length;
  scope.postMessage({ id, type: 'head', head: plan.value.head, total });
  for (let k = 0; k < total; k++) {
    const made = planTable(plan.value, k);
    if (!made.ok) {
      scope.postMessage({ id, type: 'failed', error: made.error });
      return;
    }
    scope.postMessage({ id, type: 'table', index: k, table: made.value });
  }
  scope.postMessage({ id, type: 'done' });
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (held.receive(msg) || msg.type !== 'build') return;
  try {
    build(msg.id, msg.key, msg.request);
  } catch (err) {
    scope.postMessage(failed(msg.id, err));
  }
};
