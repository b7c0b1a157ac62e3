// The header of a respondent file: one line, or two lines where the second
// holds option labels under blank "continuation" cells (StarWars.csv). Gives
// every column a unique name to use as an id, reporting duplicates.
import { importMessages, located, problem } from '../messages';
import { fail, ok } from '../result';
import type { Result } from '../result';

export interface ResolvedHeader {
  names: string[];
  headerLines: 1 | 2;
  warnings: string[];
}

const OTHER_TEXT = /other|specify|autre|pr[ée]cise/i;

/** True when the second line labels continuation columns: blank header cells whose second-line cells are all filled. */
function isTwoLineHeader(header: string[], second: string[] | undefined): boolean {
  if (second === undefined) return false;
  const continuation = header
    .map((h, i) => (i > 0 && h.trim() === '' ? i : -1))
    .filter((i) => i >= 0);
  if (continuation.length === 0) return false;
  if (!continuation.every((i) => (second[i] ?? '').trim() !== '')) return false;
  // A data row would normally fill the first column (an id); a label line leaves it blank.
  return (header[0] ?? '').trim() !== '' && (second[0] ?? '').trim() === '';
}

export function resolveHeader(rows: string[][], file: string): Result<ResolvedHeader> {
  const header = rows[0] ?? [];
  const second = rows[1];
  const twoLine = isTwoLineHeader(header, second);
  const warnings: string[] = [];
  const names: string[] = [];
  let stem: string | null = null;
  let stemIndex = -1;
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (twoLine && second !== undefined) {
      const label = (second[i] ?? '').trim();
      const nextBlank = i + 1 < header.length && (header[i + 1] ?? '').trim() === '';
      if (name !== '' && nextBlank) {
        stem = name;
        stemIndex = i;
        names.push(`${name} [${label}]`);
        return;
      }
      if (name === '' && stem !== null && stemIndex >= 0) {
        names.push(`${stem} [${label}]`);
        return;
      }
      stem = null;
    }
    names.push(name === '' ? `Column ${i + 1}` : name);
  });
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, i);
      continue;
    }
    if (!OTHER_TEXT.test(name)) {
      return fail(
        located(
          { file, line: 1, column: i + 1 },
          problem('schema-duplicate-header', name, first + 1, i + 1),
        ),
      );
    }
    let k = 2;
    while (seen.has(`${name} (${k})`)) k++;
    const renamed = `${name} (${k})`;
    names[i] = renamed;
    seen.set(renamed, i);
    warnings.push(importMessages.duplicateHeaderRenamed(name, i + 1, renamed));
  }
  return ok({ names, headerLines: twoLine ? 2 : 1, warnings });
}
