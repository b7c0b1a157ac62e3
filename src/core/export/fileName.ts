// File names for exports: what the export holds (survey, question, segment),
// safe on every system, at most `max` characters before the extension, and
// never ending in a space or a dot (Windows drops those: "WeChat .csv").
// When the name is too long what comes before the last part is shortened, so
// the segment at the end still tells two segments' exports apart.

/** Characters no file system takes, and control characters, become spaces. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

const clean = (part: string): string =>
  part
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[ .]+$/, '');

/** "Title - Question - Segment.csv" from its parts (empty parts are left out). */
export function exportFileName(parts: readonly (string | null)[], ext: string, max = 120): string {
  const kept = parts.map((p) => clean(p ?? '')).filter((p) => p !== '');
  const sep = ' - ';
  let name = kept.join(sep);
  const last = kept[kept.length - 1] ?? '';
  if (name.length > max && kept.length >= 2 && last.length <= max / 3) {
    // Shorten what comes before the last part (the segment), which is kept whole.
    const front = kept.slice(0, -1).join(sep);
    const room = max - last.length - sep.length - 1;
    name = `${clean(front.slice(0, room))}…${sep}${last}`;
  }
  if (name.length > max) name = clean(name.slice(0, max));
  return `${name === '' ? 'export' : name}.${ext}`;
}
