// Which of the three shapes a file has, from its first rows.
import { isBannerTable } from '../published/bannerTable';
import { isDistributionHeader } from '../published/columns';

export type Shape = 'distribution' | 'banner' | 'respondents';

export function detectShape(rows: readonly string[][]): { shape: Shape; reason: string } {
  const header = rows[0] ?? [];
  if (isDistributionHeader(header))
    return {
      shape: 'distribution',
      reason: 'The header has question, option and percent columns.',
    };
  if (isBannerTable(rows))
    return {
      shape: 'banner',
      reason: 'Question rows are followed by option rows of percent cells across banner columns.',
    };
  return {
    shape: 'respondents',
    reason: 'One row per respondent (neither a distribution nor a banner table).',
  };
}
