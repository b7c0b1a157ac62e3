// Resolving one axis of a crosstab: which keys (codes or answer patterns) feed
// which output rows or columns (options, then nets), and for multi-answer
// questions whether a pattern chose anything and how many options it chose.
import type { RespondentTable } from '../table/types';
import { fail, ok, type Result } from '../result';
import { respondentMessages as M } from '../messages';
import { categoricalColumn, type Categorical } from '../filter/columns';
import { keyCount, keySelection, keysOf } from '../filter/filter';
import type { KeyAxis } from './count';
import type { AxisSpec, CrosstabAxis } from './types';

export interface ResolvedAxis extends KeyAxis {
  info: CrosstabAxis;
  column: Categorical | null;
  /** members[k]: output indexes (options, then nets) that key k counts in; [] for key 0. */
  members: Int32Array[];
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
  members: [new Int32Array(0), Int32Array.of(0)],
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
        return fail({
          code: 'crosstab-bad-net',
          message: M.badNetOption(net.label, column.id, o, column.labels.length),
        });
      }
    }
  }
  const nKeys = keyCount(column);
  const nOptions = column.labels.length;
  const netSelections = nets.map((net) => keySelection(column, net.options));
  const members: Int32Array[] = [new Int32Array(0)];
  const chose = new Uint8Array(nKeys);
  const mentions = new Uint32Array(nKeys);
  for (let k = 1; k < nKeys; k++) {
    const options = optionsOfKey(column, k);
    const list = [...options];
    netSelections.forEach((sel, j) => {
      if (sel[k] === 1) list.push(nOptions + j);
    });
    members.push(Int32Array.from(list));
    chose[k] = options.length > 0 ? 1 : 0;
    mentions[k] = options.length;
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
    members,
    chose,
    mentions,
    optionCount: nOptions,
  });
}

/** The option indexes a key stands for. */
function optionsOfKey(column: Categorical, key: number): number[] {
  if (column.type === 'single') return [key - 1];
  const out: number[] = [];
  const base = (key - 1) * column.words;
  for (let w = 0; w < column.words; w++) {
    let bits = column.masks[base + w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const bit = 31 - Math.clz32(low);
      const option = (w << 5) + bit;
      if (option < column.labels.length) out.push(option);
      bits ^= low;
    }
  }
  return out;
}
