// Which kind of question a published series is: the file's word, or inferred
// from the total (more than 100% beyond rounding means several answers each).
import type { Totals } from './tolerance';
import type { QuestionKind } from './types';

export interface KindDecision {
  kind: QuestionKind;
  inferred: boolean;
  /**
   * Inferred as multi-answer from a total over 100% by more than rounding
   * allows but under AMBIGUOUS_BELOW: figures that do not add up would read the
   * same, so the user is asked to declare the kind (flag kind-ambiguous).
   */
  ambiguous: boolean;
}

/** Totals from 100% + tolerance up to this are as likely a misprint as several answers each. */
const AMBIGUOUS_BELOW = 120;

export function decideKind(declared: QuestionKind | null, t: Totals): KindDecision {
  if (declared !== null) return { kind: declared, inferred: false, ambiguous: false };
  if (t.total !== null && t.total > 100 + t.tolerance)
    return { kind: 'multi', inferred: true, ambiguous: t.total < AMBIGUOUS_BELOW };
  return { kind: 'single', inferred: true, ambiguous: false };
}
