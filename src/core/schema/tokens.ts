// Cell values that mean "chosen" / "not chosen" in one-column-per-option
// multi-answer questions, compared case-insensitively after trimming.

const SELECTED = new Set(['1', 'yes', 'oui', 'true', 'checked', 'selected', 'x', 'y']);
const NOT_SELECTED = new Set([
  '0',
  'no',
  'non',
  'false',
  'not selected',
  'not checked',
  'unchecked',
  'n',
]);

export const isSelectedToken = (value: string): boolean => SELECTED.has(value.toLowerCase());
export const isNotSelectedToken = (value: string): boolean => NOT_SELECTED.has(value.toLowerCase());
/** "Not selected" and the like: what a label-style column holds when the option was not chosen. */
export const isNotSelectedLabel = (value: string): boolean =>
  /^(not selected|not checked|unchecked|0)$/i.test(value);
