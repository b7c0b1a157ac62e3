// Saving a tab book's banner into an uploaded survey's definition, through the
// path an import saves by (persist.ts placeStored): the same file, stored again
// with its definition changed, under a new revision, so other tabs read it again.
import type { DefinedBanner } from '../core/definition/definition';
import type { Result } from '../core/result';
import { problem } from '../core/messages';
import type { StoredSurvey } from '../state/models/stored';
import { listStored, placeStored } from './persist';

/**
 * The stored survey `id` with `banner` in its definition (null: no banner), as
 * written; an error when it is gone or has no definition to hold a banner.
 */
export async function saveBanner(
  id: string,
  banner: DefinedBanner | null,
): Promise<Result<StoredSurvey>> {
  const list = await listStored();
  if (!list.ok) return list;
  const record = list.value.find((r) => r.id === id);
  if (record === undefined || record.kind !== 'respondents')
    return { ok: false, error: problem('banner-survey-gone') };
  if (record.definition === undefined) return { ok: false, error: problem('banner-no-definition') };
  const { banner: _old, ...rest } = record.definition;
  void _old;
  const definition = banner === null ? rest : { ...rest, banner };
  const placed = await placeStored({ ...record, definition }, 'import');
  if (!placed.ok) return placed;
  return { ok: true, value: placed.value.record };
}
