// Tab books (src/core/tabs, src/cli/tabs.ts): the banner, bands, nets and
// tests, the notes under each table and the workbook's labels.
import { levelText } from './words';

const quoted = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(', ');

/** A tab book that cannot be made as asked. */
export const tabsErrors = {
  'tabs-banner-numeric': (id: string) =>
    `"${id}" holds numbers, which cannot stand on a banner as they are. Band it first (e.g. age into 18–24, 25–34, …: --band ${id}=25,35,45,55), then put the banded question on the banner.`,
  'tabs-nested-multi': (question: string, within: string) =>
    `"${question}" can be nested within "${within}" only when both are single-answer questions.`,
  'tabs-text-row': (id: string) =>
    `"${id}" holds free text, which cannot be tabulated. Leave it out of the rows, or declare it single-answer in the survey definition.`,
  'tabs-nets-not-row': (id: string, rows: string[]) =>
    `Nets are asked for "${id}", which is not one of the row questions (${quoted(rows.slice(0, 40))}${rows.length > 40 ? ', …' : ''}).`,
  'tabs-not-a-scale': (id: string, labels: readonly string[]) =>
    `"${id}" is not an ordered scale of four points or more, so it has no top-2 and bottom-2 boxes. A scale's answers start with 1, 2, 3… ("5 - Strongly agree") or are known scale words (Strongly disagree … Strongly agree); these are ${quoted(labels.slice(0, 12))}${labels.length > 12 ? ', …' : ''}. Give its nets by option instead.`,
  'tabs-bad-level': (level: number) =>
    `The significance level ${level} is not a confidence level: give one between 0 and 1, e.g. 0.95.`,
  'tabs-bad-lower-level': (lower: number, level: number) =>
    `The lower significance level ${lower} must lie between 0 and the level ${level}, e.g. 0.90 beside 0.95.`,
  'tabs-bad-compare': (value: string) => `"${value}" is not a comparison: use "group" or "rest".`,
  'tabs-bad-correction': (value: string) =>
    `"${value}" is not a correction: use "none", "bonferroni" or "bh" (Benjamini–Hochberg).`,
  'tabs-id-taken': (id: string) =>
    `There is already a question "${id}". Rename that question, or leave out the band or nesting that makes another.`,
  'tabs-band-not-numeric': (id: string, valid: string[]) =>
    valid.length === 0
      ? `There is no numeric question "${id}" to band: this survey has no numeric question.`
      : `There is no numeric question "${id}" to band. Pick one of: ${quoted(valid.slice(0, 40))}${valid.length > 40 ? ', …' : ''}.`,
  'tabs-band-cuts': (cuts: string[]) =>
    `The cut points ${cuts.length === 0 ? '(none)' : cuts.join(', ')} must be one or more numbers in increasing order, e.g. 25, 35, 45, 55.`,
  'tabs-band-labels': (got: number, want: number) =>
    `${got} band label${got === 1 ? ' is' : 's are'} given for ${want} bands: give one label per band (one more than the cut points).`,
} as const;

export const tabsMessages = {
  // Banner and rows.
  nestedText: (inner: string, outer: string) => `${inner} within ${outer}`,
  nestedLabel: (outer: string, inner: string) => `${outer} / ${inner}`,
  // Bands.
  bandText: (text: string) => `${text} (banded)`,
  bandUnder: (cut: number) => `under ${cut}`,
  bandFromTo: (from: number, to: number) => `${from} to under ${to}`,
  bandOrMore: (cut: number) => `${cut} or more`,
  bandRange: (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`),
  bandPlus: (cut: number) => `${cut}+`,
  // Nets.
  top2: 'Top 2 box',
  bottom2: 'Bottom 2 box',
  // Notes under each table.
  base: (filter: string | null, numeric: boolean) =>
    `Base: ${filter ?? 'all respondents'} who ${numeric ? 'gave a number' : 'answered the question'}.`,
  weighted: (weightId: string) =>
    `Weighted by "${weightId}": counts and percents are weighted; the bases show the unweighted n, the weighted base and the effective base (Σw)²/Σw².`,
  testNote: (t: TestLevels, weighted: boolean) =>
    `Letters: column proportions ${t.compare === 'group' ? 'compared between the columns of each banner group' : 'compared with the rest of the sample (Total minus the column)'} by two-sided pooled z-tests${weighted ? ' on Kish effective bases' : ''}, uppercase at ${levelText(t.level)}${t.lowerLevel === null ? '' : `, lowercase at ${levelText(t.lowerLevel)}`}, ${correctionText(t.correction)}. ${t.compare === 'group' ? 'A letter marks a cell significantly higher than the lettered column.' : "A column's own letter marks a cell significantly higher than the rest of the sample."}`,
  meansTestNote: (t: TestLevels, weighted: boolean) =>
    `Means: Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom) ${t.compare === 'group' ? 'between the columns of each banner group' : 'against the rest of the sample'}${weighted ? ' on Kish effective bases' : ''}, at the same levels and ${t.correction === 'none' ? 'without correction' : 'with the same correction'}; the letters are in the mean's row.`,
  multiColumnsNote:
    'Multi-answer banner columns overlap (a respondent can be in several); they are tested as if independent.',
  nestedNote: 'Nested banner columns are compared within each option of the outer question.',
  multiRowNote:
    "Multiple answers allowed: each option's percent is of the column's respondents asked the question, and each option is tested as chosen vs not chosen.",
  scaleNote: (scored: { label: string; score: number }[], off: string[]) =>
    `Scale scores: ${scored.map((s) => `"${s.label}" = ${s.score}`).join(', ')}${off.length === 0 ? '' : `; ${quoted(off)} left out of the mean`}.`,
  boxesNote: (top: string[], bottom: string[]) =>
    `Top 2 box: ${quoted(top)}; bottom 2 box: ${quoted(bottom)}.`,
  medianNote:
    "Standard deviation with frequency weights √(Σw(x−x̄)²/(Σw−1)); median: the smallest value whose cumulative weight reaches half the column's total (with an even number of unweighted values, the lower middle one).",
  noBase: (labels: string[]) =>
    `No respondents in: ${labels.join(', ')}. These columns have no percents and no letters.`,
  // Spreadsheet (xlsx) labels.
  sheetContents: 'Contents',
  sheetAll: 'Tables',
  bannerLine: (groups: string[]) => `Banner: Total${groups.map((g) => `; ${g}`).join('')}`,
  contentsHeading: 'Tables',
  tableTitle: (n: number, text: string) => `Table ${n}: ${text}`,
  questionLine: (id: string, text: string) =>
    id === text ? `Question: ${text}` : `Question: ${text} (${id})`,
  baseUnweighted: 'Base (unweighted)',
  baseWeighted: 'Base (weighted)',
  baseEffective: 'Effective base',
  statMean: 'Mean',
  statSd: 'Standard deviation',
  statMedian: 'Median',
  statN: 'n',
  weightLine: (weightId: string | null) =>
    weightId === null ? 'Weight: none (unweighted)' : `Weight: ${weightId}`,
  filterLine: (filter: string | null) => `Filter: ${filter ?? 'none (all respondents)'}`,
  notice: (text: string) => `Notice: ${text}`,
  source: (title: string, source: string | null) =>
    `Source: ${title}${source === null ? '' : `. ${source}`}. Tabulated by Survey Workbench.`,
  warning: (text: string) => `Warning: ${text}`,
} as const;

interface TestLevels {
  level: number;
  lowerLevel: number | null;
  compare: 'group' | 'rest';
  correction: 'none' | 'bonferroni' | 'bh';
}

function correctionText(correction: TestLevels['correction']): string {
  if (correction === 'bonferroni')
    return 'Bonferroni-corrected over the comparisons of each row within a group';
  if (correction === 'bh')
    return 'Benjamini–Hochberg-corrected (false discovery rate) over the comparisons of each row within a group';
  return 'without correction for multiple comparisons';
}
