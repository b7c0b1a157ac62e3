// Grouping never hides a column: a multi-answer battery (several columns) sits
// beside one question per column, as SPSS keeps its variables beside its
// multiple-response sets. `sport` is a leisure activity in hdv2003's battery
// and a question of its own, on either crosstab axis or in a filter.
import type { Schema, SchemaQuestion } from './types';

/**
 * Marks each one-column question whose column a multi-answer battery also reads
 * (`memberOf`), and puts every battery just before its first member.
 */
export function withMembers(schema: Schema): Schema {
  const owner = new Map<number, string>();
  for (const q of schema.questions)
    if (q.multi?.encoding === 'columns')
      for (const c of q.sourceColumns) if (!owner.has(c)) owner.set(c, q.id);
  const questions = schema.questions.map((q) => {
    const { memberOf: _old, ...rest } = q;
    void _old;
    const battery = q.sourceColumns.length === 1 ? owner.get(q.sourceColumns[0]!) : undefined;
    return battery !== undefined && battery !== q.id ? { ...rest, memberOf: battery } : rest;
  });
  const first = (q: SchemaQuestion) => q.sourceColumns[0] ?? 0;
  questions.sort(
    (a, b) =>
      first(a) - first(b) ||
      Number(a.sourceColumns.length === 1) - Number(b.sourceColumns.length === 1),
  );
  return { ...schema, questions };
}
