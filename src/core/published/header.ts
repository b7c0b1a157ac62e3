// Stage 1 of reading a published-distribution file: the header. Every named
// column must be one the format knows, given once, and the required three
// present; an unnamed column is allowed only while it holds no values, so that
// no figure is silently dropped.
import { publishedMessages as M } from '../messages';
import { fail, ok } from '../result';
import type { Result, SurveyError } from '../result';
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
  error: (code: string, message: string, line?: number, column?: number) => SurveyError,
): Result<Map<DistributionColumn, number>> {
  const header = rows[0] ?? [];
  const index = new Map<DistributionColumn, number>();
  for (let j = 0; j < header.length; j++) {
    const name = normaliseHeaderCell(header[j] ?? '');
    if (name === '') {
      const used = rows.findIndex((r, i) => i > 0 && (r[j] ?? '').trim() !== '');
      if (used > 0) {
        return fail(
          error(
            'distribution-unnamed-column',
            `${M.where(lineOf(used), j + 1, '')}: ${M.blankColumnName(DISTRIBUTION_COLUMNS)}`,
            lineOf(used),
            j + 1,
          ),
        );
      }
      continue;
    }
    if (!isDistributionColumn(name)) {
      const written = (header[j] ?? '').replace(/^\uFEFF/, '').trim();
      return fail(
        error(
          'distribution-unknown-column',
          `${M.where(lineOf(0), j + 1, written)}: ${M.unknownColumn(written, DISTRIBUTION_COLUMNS)}`,
          lineOf(0),
          j + 1,
        ),
      );
    }
    const first = index.get(name);
    if (first !== undefined) {
      return fail(
        error(
          'distribution-duplicate-column',
          `${M.where(lineOf(0), j + 1, name)}: ${M.duplicateColumn(name, first + 1)}`,
          lineOf(0),
          j + 1,
        ),
      );
    }
    index.set(name, j);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return fail(
      error(
        'distribution-missing-columns',
        `${M.whereLine(lineOf(0))}: ${M.missingColumns(missing)}`,
        lineOf(0),
      ),
    );
  }
  return ok(index);
}
