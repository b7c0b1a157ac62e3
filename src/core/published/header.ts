// Stage 1 of reading a published-distribution file: the header. Every named
// column must be one the format knows, given once, and the required three
// present; an unnamed column is allowed only while it holds no values, so that
// no figure is silently dropped.
import { located, problem } from '../messages';
import { fail, ok } from '../result';
import type { Result } from '../result';
import {
  DISTRIBUTION_COLUMNS,
  REQUIRED_COLUMNS,
  isDistributionColumn,
  normaliseHeaderCell,
} from './columns';
import type { DistributionColumn } from './columns';

/** Column name -> its index in the header, or the first problem with the header. */
export function indexHeader(
  rows: readonly (readonly string[])[],
  lineOf: (i: number) => number,
  file: string,
): Result<Map<DistributionColumn, number>> {
  const header = rows[0] ?? [];
  const index = new Map<DistributionColumn, number>();
  for (let j = 0; j < header.length; j++) {
    const name = normaliseHeaderCell(header[j] ?? '');
    if (name === '') {
      const used = rows.findIndex((r, i) => i > 0 && (r[j] ?? '').trim() !== '');
      if (used > 0) {
        return fail(
          located(
            { file, line: lineOf(used), column: j + 1, say: 'cell' },
            problem('distribution-unnamed-column', DISTRIBUTION_COLUMNS),
          ),
        );
      }
      continue;
    }
    if (!isDistributionColumn(name)) {
      const written = (header[j] ?? '').replace(/^\uFEFF/, '').trim();
      return fail(
        located(
          { file, line: lineOf(0), column: j + 1, say: 'cell', name: written },
          problem('distribution-unknown-column', written, DISTRIBUTION_COLUMNS),
        ),
      );
    }
    const first = index.get(name);
    if (first !== undefined) {
      return fail(
        located(
          { file, line: lineOf(0), column: j + 1, say: 'cell', name },
          problem('distribution-duplicate-column', name, first + 1),
        ),
      );
    }
    index.set(name, j);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return fail(
      located(
        { file, line: lineOf(0), say: 'line' },
        problem('distribution-missing-columns', missing),
      ),
    );
  }
  return ok(index);
}
