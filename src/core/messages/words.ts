// Small pieces several areas' messages are built from, written once: how a list
// of labels, a count of bytes or a confidence level reads inside a sentence.
// Not re-exported by index.ts: only the message modules use them.
import { isolate } from '../format/bidi';
import { formatCount } from '../format/number';

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** A label from a file or a link, quoted and isolated: "Female". */
const quote = (text: string): string => `"${isolate(text)}"`;

/** Labels from a file, quoted and isolated, at most 40 of them: "a", "b" and 3 more. */
export function quotedList(items: readonly string[]): string {
  const shown = items.slice(0, 40).map(quote);
  return items.length > 40 ? `${shown.join(', ')} and ${items.length - 40} more` : shown.join(', ');
}

/** "1 byte", "1,024 bytes". */
export const bytes = (n: number): string => `${formatCount(n)} byte${n === 1 ? '' : 's'}`;

/** "1 case", "3 cases" (with the count formatted). */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** A confidence level as a percent: 0.95 reads "95%", 0.999 "99.9%". */
export const levelText = (level: number): string => `${Number((level * 100).toFixed(4))}%`;

/** A file's size: "812 KB", "3.4 MB", "2.0 GB". */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(n / 1024)} KB`;
}
