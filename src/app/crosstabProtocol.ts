// Messages between the page and the crosstab helper (crosstabWorker.ts): the
// survey's table in pieces (tableTransfer.ts), then one request per crosstab
// for the tallies of its second part of the respondents (core/crosstab/split.ts).
import type { PartJob } from '../core/crosstab/split';
import type { Tally } from '../core/crosstab/tally';
import type { TableMessage } from './tableTransfer';

export type ToCrosstabWorker =
  TableMessage | { type: 'part'; id: number; key: string; job: PartJob };

export type FromCrosstabWorker = { id: number; part: Tally[] } | { id: number; problem: string };
