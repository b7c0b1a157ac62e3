// The answers of each single-answer question as the sample shows them, in the
// order the table will list them (the definition's order first, else numeric
// labels in numeric order, else first seen), so the import preview can offer
// "move up / move down" before the whole file is read.
import { naturalOrder } from '../table/order';
import { profileColumn } from './profile';
import type { Schema } from './types';

/** Question id -> its answers in the sample, ordered as the table will order them. */
export function sampleAnswers(
  schema: Schema,
  sample: readonly string[][],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const surveyMissing = new Set(schema.missingTokens);
  for (const q of schema.questions) {
    if (q.kind !== 'single' || q.sourceColumns.length !== 1) continue;
    const missing =
      q.missing === undefined ? surveyMissing : new Set([...surveyMissing, ...q.missing]);
    const seen = [
      ...profileColumn(sample, q.sourceColumns[0]!, missing, schema.decimalComma).counts.keys(),
    ];
    const natural = naturalOrder(seen);
    const ordered = natural === null ? seen : natural.map((i) => seen[i]!);
    const listed = (q.answers ?? []).filter((a) => ordered.includes(a));
    out[q.id] = [...listed, ...ordered.filter((a) => !listed.includes(a))];
  }
  return out;
}
