// Cell values that mean "chosen" / "not chosen" in one-column-per-option
// multi-answer questions, compared case-insensitively after trimming.

/**
 * The two-valued yes/no sets, [chosen, not chosen], lower case. A battery with
 * no shared name stem is recognised only when its cells come from one of these
 * (see battery.ts).
 */
export const YES_NO_PAIRS: readonly (readonly [string, string])[] = [
  ['y', 'n'],
  ['yes', 'no'],
  ['oui', 'non'],
  ['1', '0'],
  ['true', 'false'],
  ['是', '否'],
];

const SELECTED = new Set(['checked', 'selected', 'x', ...YES_NO_PAIRS.map(([yes]) => yes)]);
const NOT_SELECTED = new Set([
  'not selected',
  'not checked',
  'unchecked',
  ...YES_NO_PAIRS.map(([, no]) => no),
]);

export const isSelectedToken = (value: string): boolean => SELECTED.has(value.toLowerCase());
export const isNotSelectedToken = (value: string): boolean => NOT_SELECTED.has(value.toLowerCase());
/** "Not selected" and the like: what a label-style column holds when the option was not chosen. */
export const isNotSelectedLabel = (value: string): boolean =>
  /^(not selected|not checked|unchecked|0)$/i.test(value);
