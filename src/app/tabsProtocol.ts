// Messages between the page and the tab book worker (tabsWorker.ts). The page
// sends a survey's table once, in pieces (tableTransfer.ts); then a request
// per build; the worker answers with the book's head, each table as it is
// made, then done.
import type { SurveyError } from '../core/result';
import type { TabTable } from '../core/tabs/types';
import type { BookHead, TabBookRequest } from '../state/models/tabBookBuild';
import type { TableMessage } from './tableTransfer';

export type ToTabsWorker =
  TableMessage | { type: 'build'; id: number; key: string; request: TabBookRequest };

export type FromTabsWorker =
  | { id: number; type: 'head'; head: BookHead; total: number }
  | { id: number; type: 'table'; index: number; table: TabTable }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; error: SurveyError };
