// The crosstab a view asks for. A survey of fewer respondents than are split
// (core/crosstab/split.ts), or one whose copy the crosstab helper
// (app/crosstabClient.ts) does not hold yet, is counted here, during render,
// as it always was; a large survey's copy is then sent to the helper in the
// background. Once the helper holds it, each new crosstab is counted after
// render: the helper tallies the second part of the respondents while the
// page tallies the first, and the table last shown stays, marked as being
// recounted, until the new one is in. The numbers are the same either way.
import { useEffect, useMemo, useState } from 'react';
import { crosstabHelper, helperHolds, prepareHelper } from '../app/crosstabClient';
import { tableKey } from '../app/tableTransfer';
import { crosstab, crosstabWith } from '../core/crosstab/crosstab';
import { splitPoint, type CrosstabHelper } from '../core/crosstab/split';
import type { Crosstab, CrosstabSpec } from '../core/crosstab/types';
import type { Result } from '../core/result';
import type { RespondentTable } from '../core/table/types';

export interface CountedCrosstab {
  /** null: nothing counted yet. */
  result: Result<Crosstab> | null;
  /** The result is an earlier view's (or null): this view's is being counted. */
  pending: boolean;
  /** Whether the helper thread tallied part of it (it was asked, and answered). */
  helped: boolean;
}

/**
 * `raw`: the survey's own table (what the helper is sent); `table`: the one
 * the crosstab reads (with its "number of answers" questions, which the
 * helper makes from its copy alike).
 */
export function useCrosstab(
  entryId: string,
  raw: RespondentTable,
  table: RespondentTable,
  spec: CrosstabSpec | null,
): CountedCrosstab {
  // The spec as text: a new object each render, the same request while its text is.
  const specText = spec === null ? null : JSON.stringify(spec);
  const key = splitPoint(raw.rowCount) === null ? null : tableKey(entryId, raw);
  const withHelper = key !== null && helperHolds(key);
  const here = useMemo(
    () =>
      withHelper || specText === null
        ? null
        : crosstab(table, JSON.parse(specText) as CrosstabSpec),
    [withHelper, table, specText],
  );
  useEffect(() => {
    if (key !== null) prepareHelper(key, raw);
  }, [key, raw]);
  const [counted, setCounted] = useState<{
    table: RespondentTable;
    specText: string;
    result: Result<Crosstab>;
    answered: boolean;
  } | null>(null);
  useEffect(() => {
    if (!withHelper || key === null || specText === null) return;
    let live = true;
    const s = JSON.parse(specText) as CrosstabSpec;
    const helper = crosstabHelper(key);
    let answered = false;
    const asked: CrosstabHelper = {
      count: (job) =>
        helper.count(job).then((part) => {
          answered = true;
          return part;
        }),
    };
    void crosstabWith(table, s, asked).then((result) => {
      if (live) setCounted({ table, specText, result, answered });
    });
    return () => {
      live = false;
    };
  }, [withHelper, key, table, specText]);
  if (!withHelper) return { result: here, pending: false, helped: false };
  const shown = counted !== null && counted.table === table ? counted : null;
  return {
    result: shown?.result ?? null,
    pending: shown === null || shown.specText !== specText,
    helped: shown?.answered ?? false,
  };
}
