// Answer order. Labels are coded in the order they first appear, which is
// arbitrary for respondent files. Where every label starts with a number (age
// bands "18-24", "41+", ratings "1".."5", "10 or more"), order them by that
// number, as a reader expects; otherwise keep the order of first appearance.
import type { Codes, Column, RespondentTable } from './types';

/** The leading number of a label: "18-24" → 18, "41+" → 41, "<5" → 5 (below 5 sorts first), else null. */
export function leadingNumber(label: string): number | null {
  const m = /^\s*(<|under |less than )?\s*(\d+(?:[.,]\d+)?)/i.exec(label);
  if (!m?.[2]) return null;
  const n = Number(m[2].replace(',', '.'));
  return m[1] ? n - 0.5 : n;
}

/** The new order of labels (indexes into `labels`), or null when it should stay as it is. */
export function naturalOrder(labels: readonly string[]): number[] | null {
  if (labels.length < 2) return null;
  const keys = labels.map(leadingNumber);
  if (keys.some((k) => k === null)) return null;
  const order = labels.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.every((v, i) => v === i) ? null : order;
}

function remapCodes(codes: Codes, order: number[]): void {
  // Code k (1-based) was labels[k - 1]; it becomes 1 + its position in the new order.
  const map = new Uint32Array(order.length + 1);
  order.forEach((oldIndex, newIndex) => {
    map[oldIndex + 1] = newIndex + 1;
  });
  for (let i = 0; i < codes.length; i++) codes[i] = map[codes[i]!]!;
}

function reorderColumn(column: Column): Column {
  if (column.type !== 'single') return column;
  const order = naturalOrder(column.labels);
  if (!order) return column;
  remapCodes(column.codes, order);
  return { ...column, labels: order.map((i) => column.labels[i]!) };
}

/** Put numeric-looking answer labels of single-answer questions in numeric order (codes remapped in place). */
export function orderLabels(table: RespondentTable): RespondentTable {
  return { ...table, columns: table.columns.map(reorderColumn) };
}

/** Answer orders given by the file's author, e.g. from a sidecar: question id -> labels in order. */
export type AnswerOrder = Readonly<Record<string, readonly string[]>>;

/**
 * Put the answers of single-answer questions in the order given: listed labels
 * first, in that order; any others after them, as they were. Codes are remapped.
 */
export function applyAnswerOrder(table: RespondentTable, order: AnswerOrder): RespondentTable {
  const columns = table.columns.map((column): Column => {
    const wanted = Object.prototype.hasOwnProperty.call(order, column.id)
      ? order[column.id]
      : undefined;
    if (column.type !== 'single' || !wanted) return column;
    const listed = wanted.flatMap((label) => {
      const i = column.labels.indexOf(label);
      return i >= 0 ? [i] : [];
    });
    const rest = column.labels.map((_, i) => i).filter((i) => !listed.includes(i));
    const next = [...new Set([...listed, ...rest])];
    if (next.every((v, i) => v === i)) return column;
    remapCodes(column.codes, next);
    return { ...column, labels: next.map((i) => column.labels[i]!) };
  });
  return { ...table, columns };
}
