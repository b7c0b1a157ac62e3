// A multi-answer question's answer pattern read back as the labels it holds.
// The layout (a bit mask of 32-bit words per pattern, pattern codes from 1) is
// described in types.ts (MultiColumn); the encoders write it (encoders/multi.ts,
// sav/categories.ts). Exports that write the chosen options out as text (CSV,
// Parquet) read it here; the counting kernels read the bits themselves.
import type { MultiColumn } from './types';

/**
 * The labels pattern `pattern` holds, in the order of the column's labels.
 * `pattern` is a code of `patternOf` (1 … patternCount); 0, the missing answer,
 * holds none. A pattern answered with none of the options also holds none:
 * callers that tell the two apart look at the code.
 */
export function patternLabels(column: MultiColumn, pattern: number): string[] {
  const chosen: string[] = [];
  if (pattern < 1 || pattern > column.patternCount) return chosen;
  const base = (pattern - 1) * column.words;
  column.labels.forEach((label, j) => {
    const word = column.masks[base + (j >>> 5)] ?? 0;
    if ((word >>> (j & 31)) & 1) chosen.push(label);
  });
  return chosen;
}
