// Resolving one axis of a crosstab: which keys (codes or answer patterns) feed
// which output rows or columns (options, then nets), and for multi-answer
// questions whether a pattern chose anything and how many options it chose.
import type { RespondentTable } from '../table/types';
import { fail, ok, type Result } from '../result';
import { problem } from '../messages';
import { categoricalColumn, type Categorical } from '../filter/columns';
import { keyCount, keySelection, keysOf } from '../filter/filter';
import { patternSize } from './answerCount';
import type { KeyAxis } from './count';
import type { AxisSpec, CrosstabAxis } from './types';

export interface ResolvedAxis extends KeyAxis {
  info: CrosstabAxis;
  column: Categorical | null;
  /**
   * The output indexes (options, then nets) that key k counts in are
   * memberList[memberStart[k] .. memberStart[k + 1] - 1]; none for key 0.
   * One flat list rather than an array per key: a multi-answer question can
   * have thousands of answer patterns.
   */
  memberStart: Int32Array;
  memberList: Int32Array;
  /** chose[k] = 1 when key k chose at least one option (always 1 for single answers). */
  chose: Uint8Array;
  /** mentions[k]: options chosen by key k (1 for single answers). */
  mentions: Uint32Array;
  optionCount: number;
}

export const TOTAL_AXIS: ResolvedAxis = {
  keys: null,
  nKeys: 2,
  info: { question: { id: '', text: 'Total', type: 'total' }, labels: ['Total'], isNet: [false] },
  column: null,
  memberStart: Int32Array.of(0, 0, 1),
  memberList: Int32Array.of(0),
  chose: Uint8Array.of(0, 1),
  mentions: Uint32Array.of(0, 1),
  optionCount: 1,
};

export function resolveAxis(table: RespondentTable, spec: AxisSpec): Result<ResolvedAxis> {
  const found = categoricalColumn(table, spec.questionId);
  if (!found.ok) return found;
  const column = found.value;
  const nets = spec.nets ?? [];
  for (const net of nets) {
    for (const o of net.options) {
      if (!Number.isInteger(o) || o < 0 || o >= column.labels.length) {
        return fail(problem('crosstab-bad-net', net.label, column.id, o, column.labels.length));
      }
    }
  }
  const nKeys = keyCount(column);
  const nOptions = column.labels.length;
  const netSelections = nets.map((net) => keySelection(column, net.options, net.all === true));
  const chose = new Uint8Array(nKeys);
  const mentions = new Uint32Array(nKeys);
  const memberStart = new Int32Array(nKeys + 1);
  // First the size of each key's list, then the lists.
  let size = 0;
  for (let k = 1; k < nKeys; k++) {
    memberStart[k] = size;
    const options = optionCount(column, k);
    let inNets = 0;
    for (const sel of netSelections) inNets += sel[k]!;
    chose[k] = options > 0 ? 1 : 0;
    mentions[k] = options;
    size += options + inNets;
  }
  memberStart[nKeys] = size;
  const memberList = new Int32Array(size);
  for (let k = 1; k < nKeys; k++) {
    let at = writeOptions(column, k, memberList, memberStart[k]!);
    for (let j = 0; j < netSelections.length; j++) {
      if (netSelections[j]![k] === 1) memberList[at++] = nOptions + j;
    }
  }
  return ok({
    keys: keysOf(column),
    nKeys,
    info: {
      question: { id: column.id, text: column.text, type: column.type },
      labels: [...column.labels, ...nets.map((n) => n.label)],
      isNet: [...column.labels.map(() => false), ...nets.map(() => true)],
    },
    column,
    memberStart,
    memberList,
    chose,
    mentions,
    optionCount: nOptions,
  });
}

/** How many options key k stands for (single: 1; multi: the options of its pattern). */
function optionCount(column: Categorical, key: number): number {
  return column.type === 'single' ? 1 : patternSize(column, key);
}

/** Writes the option indexes key k stands for (ascending) into out from `at`; returns the next free index. */
function writeOptions(column: Categorical, key: number, out: Int32Array, at: number): number {
  if (column.type === 'single') {
    out[at] = key - 1;
    return at + 1;
  }
  const base = (key - 1) * column.words;
  for (let w = 0; w < column.words; w++) {
    let bits = column.masks[base + w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const option = (w << 5) + 31 - Math.clz32(low);
      if (option < column.labels.length) out[at++] = option;
      bits ^= low;
    }
  }
  return at;
}
