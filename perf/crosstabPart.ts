// The bench's second thread for crosstabs (perf/parallel.ts): holds a copy of
// the survey's table, as a browser worker holds one, and tallies the second
// part of the respondents of each crosstab (src/core/crosstab/split.ts)
// through the same core function the calling thread would tally it with.
import { parentPort, workerData } from 'node:worker_threads';
import { rememberingResolve, type PartJob } from '../src/core/crosstab/split';
import { answerJob } from '../src/core/crosstab/tallies';
import type { RespondentTable } from '../src/core/table/types';

const table = workerData as RespondentTable;
const resolve = rememberingResolve();

parentPort?.on('message', (m: { id: number; job: PartJob }) => {
  parentPort?.postMessage({ id: m.id, ...answerJob(table, m.job, resolve) });
});
