// Which kind of question a published series is: the file's word, or inferred
// from the total (more than 100% beyond rounding means several answers each).
import type { Totals } from './tolerance';
import type { QuestionKind } from './types';

export interface KindDecision {
  kind: QuestionKind;
  inferred: boolean;
}

export function decideKind(declared: QuestionKind | null, t: Totals): KindDecision {
  if (declared !== null) return { kind: declared, inferred: false };
  if (t.total !== null && t.total > 100 + t.tolerance) return { kind: 'multi', inferred: true };
  return { kind: 'single', inferred: true };
}
