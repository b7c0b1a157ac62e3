// Options by segment (or wave): published percents side by side, with the
// difference in points and the index against a reference column. Options are
// matched by label, so two reports that list options in another order (or
// leave some out) still line up; an option missing from a column stays blank.
import type { PublishedOption } from '../published/types';
import { roundTo } from '../format/percent';

export interface CompareColumn {
  /** Column heading, e.g. "Registered users" or "June 2013". */
  name: string;
  options: readonly PublishedOption[];
}

export interface CompareCell {
  /** null when the column does not publish the option. */
  value: number | null;
  /** "30+%": the value is a lower bound, and so are its difference and index. */
  lowerBound: boolean;
  decimals: number;
  /** value − reference value, in points, rounded to the decimals printed; null in the reference column. */
  diff: number | null;
  /** 100 × value / reference value, to one decimal; null where undefined. */
  index: number | null;
}

export interface CompareRow {
  label: string;
  cells: CompareCell[];
}

export interface Comparison {
  columns: string[];
  reference: number;
  rows: CompareRow[];
}

const key = (label: string) => label.trim().toLowerCase();

/** Compare columns against column `reference` (default: the first). */
export function comparePublished(columns: readonly CompareColumn[], reference = 0): Comparison {
  const order: string[] = [];
  const labels = new Map<string, string>();
  for (const col of columns) {
    for (const o of col.options) {
      if (o.omitted) continue;
      const k = key(o.label);
      if (!labels.has(k)) {
        labels.set(k, o.label);
        order.push(k);
      }
    }
  }
  const lookup = columns.map((col) => {
    const m = new Map<string, PublishedOption>();
    for (const o of col.options) if (!o.omitted) m.set(key(o.label), o);
    return m;
  });
  const rows = order.map((k) => {
    const ref = lookup[reference]?.get(k)?.percent ?? null;
    const cells = lookup.map((m, ci): CompareCell => {
      const p = m.get(k)?.percent ?? null;
      if (p === null)
        return { value: null, lowerBound: false, decimals: 0, diff: null, index: null };
      const decimals = Math.max(p.decimals, ref?.decimals ?? 0);
      const comparable = ref !== null && ci !== reference;
      return {
        value: p.value,
        lowerBound: p.lowerBound,
        decimals: p.decimals,
        diff: comparable ? roundTo(p.value - ref.value, decimals) : null,
        index: comparable && ref.value !== 0 ? roundTo((100 * p.value) / ref.value, 1) : null,
      };
    });
    return { label: labels.get(k) ?? k, cells };
  });
  return { columns: columns.map((c) => c.name), reference, rows };
}
