// The columns of the published-distribution CSV format, in canonical order,
// and which level of the model each one belongs to.

export const DISTRIBUTION_COLUMNS = [
  'survey',
  'publisher',
  'date',
  'population',
  'source',
  'source_url',
  'question_id',
  'question',
  'kind',
  'note',
  'segment',
  'base',
  'subgroup',
  'base_n',
  'option',
  'percent',
  'rank',
] as const;

export type DistributionColumn = (typeof DISTRIBUTION_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly DistributionColumn[] = ['question', 'option', 'percent'];

export const SURVEY_COLUMNS = [
  'survey',
  'publisher',
  'date',
  'population',
  'source',
  'source_url',
] as const satisfies readonly DistributionColumn[];
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number];

/** Header cell -> column name: case-insensitive, trimmed, a leading BOM ignored. */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

export function isDistributionColumn(name: string): name is DistributionColumn {
  return (DISTRIBUTION_COLUMNS as readonly string[]).includes(name);
}

/** True when a header has the three required columns: question, option and percent. */
export function isDistributionHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(normaliseHeaderCell));
  return REQUIRED_COLUMNS.every((c) => names.has(c));
}
