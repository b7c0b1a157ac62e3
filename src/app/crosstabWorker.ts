// The crosstab helper: keeps a copy of the table of the survey on the crosstab
// page (sent in pieces, tableTransfer.ts) and tallies the second part of the
// respondents of each crosstab the page asks for (core/crosstab/split.ts),
// through the same core function the page would tally it with.
import { withAnswerCounts } from '../core/crosstab/answerCount';
import { rememberingResolve } from '../core/crosstab/split';
import { answerJob } from '../core/crosstab/tallies';
import type { FromCrosstabWorker, ToCrosstabWorker } from './crosstabProtocol';
import { tableHolder } from './tableTransfer';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToCrosstabWorker>) => void) | null;
  postMessage(message: FromCrosstabWorker): void;
}
const scope = self as unknown as WorkerScope;

const held = tableHolder();
// The axes of the table held, resolved once (a new table drops them).
const resolve = rememberingResolve();

scope.onmessage = (event) => {
  const m = event.data;
  if (held.receive(m) || m.type !== 'part') return;
  const table = held.table(m.key);
  if (table === null) {
    scope.postMessage({ id: m.id, problem: 'the helper does not hold this survey' });
    return;
  }
  // The page's crosstabs read the table with its "number of answers" questions: so does this.
  scope.postMessage({ id: m.id, ...answerJob(withAnswerCounts(table), m.job, resolve) });
};
