// Respondent data (src/core/crosstab, src/core/filter, src/state/models): a
// crosstab's questions, options, weight and tests, and the crosstab page.
import { isolate } from '../format/bidi';
import { formatCount, formatNumber } from '../format/number';
import { countsMessages } from './counts';
import { quotedList } from './words';

/** A question, option or weight a crosstab, a filter or a query names and cannot use. */
export const respondentErrors = {
  'crosstab-unknown-question': (id: string, valid: string[]) =>
    `There is no question "${isolate(id)}" in this survey. Pick one of: ${quotedList(valid)}.`,
  'crosstab-not-categorical': (id: string, type: string) =>
    `Question "${isolate(id)}" holds ${type === 'numeric' ? 'numbers' : 'free text'}, which cannot be cross-tabulated. Pick a question with answer options.`,
  'crosstab-unknown-weight': (id: string, valid: string[]) =>
    valid.length === 0
      ? `There is no weight column "${isolate(id)}": this survey has no numeric column to weight by. Leave the weight out.`
      : `There is no numeric weight column "${isolate(id)}". Pick one of: ${quotedList(valid)}, or leave the weight out.`,
  'crosstab-unknown-option': (question: string, option: string, valid: string[]) =>
    `Question "${isolate(question)}" has no option "${isolate(option)}". Pick one of: ${quotedList(valid)}.`,
  'crosstab-option-out-of-range': (question: string, index: number, count: number) =>
    `Option number ${index} does not exist in question "${isolate(question)}", which has ${count} options. Pick options 0 to ${count - 1}.`,
  'crosstab-bad-net': (net: string, question: string, index: number, count: number) =>
    `The net "${isolate(net)}" names option number ${index}, but question "${isolate(question)}" has ${count} options (0 to ${count - 1}). Fix the net.`,
  'crosstab-bad-part': (start: number, end: number, rows: number) =>
    `A helper thread was asked to count respondents ${formatCount(start)} to ${formatCount(end)} of a survey with ${formatCount(rows)}: that part does not fit. The crosstab is counted on the page instead.`,
} as const;

export const respondentMessages = {
  memberOf: (battery: string) =>
    `One column of the multi-answer question "${isolate(battery)}", shown here as a question of its own.`,
  expectedBelow5: (cells: number, total: number) =>
    `${cells} of ${total} cells (${((100 * cells) / total).toFixed(1)}%) have an expected count below 5: the chi-square p-value may be unreliable.`,
  chiSquareWeighted:
    'Chi-square is computed on weighted counts (as SPSS and PSPP do with WEIGHT BY); treat its p-value as approximate.',
  chiSquareUndefinedMulti:
    'No chi-square test: with a multi-answer question a respondent may sit in several cells, which the test does not allow.',
  chiSquareDegenerate: (axis: 'rows' | 'columns', kept: string[]) =>
    kept.length === 0
      ? 'No chi-square test: no respondent is in the table.'
      : `No chi-square test: only one of the ${axis} ("${kept[0] ?? ''}") has respondents, and a test of independence needs at least two rows and two columns with respondents.`,
  chiSquareLeftOut: (axis: 'row' | 'column', labels: string[]) =>
    `The ${axis}${labels.length === 1 ? '' : 's'} ${labels.map((l) => `"${l}"`).join(', ')} ${labels.length === 1 ? 'has' : 'have'} no respondents and ${labels.length === 1 ? 'is' : 'are'} left out of the chi-square test (its degrees of freedom count only the ${axis}s with respondents).`,
  smallBase: (labels: string[]) =>
    `Small base (fewer than 30 respondents) in: ${labels.join(', ')}. Read these percentages with care.`,
  answerCountText: (text: string) => `Number of answers chosen: ${text}`,
  answerCountLabel: (k: number) => (k === 1 ? '1 answer' : `${k} answers`),
  weightExcluded: (n: number, weightId: string, examples: string[]) =>
    `${n} respondent${n === 1 ? ' is' : 's are'} left out because the weight "${isolate(weightId)}" is missing, zero, negative or absurdly large${examples.length > 0 ? ` (${examples.join(', ')}${n > examples.length ? ', …' : ''})` : ''}.`,
  testNote:
    'Column proportions tested at 95% (two-sided), Bonferroni-corrected within each row. A letter marks a cell whose proportion is significantly higher than that of the lettered column.',
  testNoteWeighted:
    " Weighted proportions are tested on the columns' Kish effective bases (Σw)²/Σw², as in tab books.",
  testNoteMultiCols:
    ' Multi-answer columns overlap (a respondent can be in several); they are tested as if independent.',
  baseAll: 'all respondents',
  baseCondition: (question: string, options: string[]) =>
    `"${isolate(question)}" is ${options.map((o) => `"${isolate(o)}"`).join(' or ')}`,
  baseWhere: (conditions: string[]) => `respondents where ${conditions.join(' and ')}`,
  baseAnswered: (both: boolean) =>
    both ? 'who answered both questions' : 'who answered the question',
  /** The base in words, without a "Base:" label (pages and exports add their own). */
  base: (subject: string, n: number, weighted: number | null, effective: number | null = null) =>
    `${subject}, n = ${formatCount(n)}${
      weighted === null
        ? ''
        : ` (weighted ${formatNumber(weighted, 1)}${
            effective === null ? '' : `; effective base ${formatNumber(effective, 1)}`
          })`
    }`,
} as const;

export const crosstabPageMessages = {
  missingExcluded: (n: string) =>
    `${n} respondents with no answer to one of the questions are left out of the percents.`,
  /** Percent modes whose bases are not the columns' respondents: no letters, no Total column. */
  modeLimits: (mode: string, letters: boolean, total: boolean) =>
    `With ${mode}, ${[
      letters ? 'no significance letters are shown (they compare column percents)' : '',
      total ? 'there is no Total column (it is a share of all respondents)' : '',
    ]
      .filter((s) => s !== '')
      .join(' and ')}. Choose Column % to see ${letters && total ? 'them' : 'it'}.`,
  netAny: (axis: string) => `Net on the ${axis}: respondents who chose any of the ticked options`,
  netAll: (axis: string) => `Net on the ${axis}: respondents who chose all of the ticked options`,
  netModeAny: 'chose any of',
  netModeAll: 'chose all of',
  netLabelAny: (labels: string[]) => `Net: ${labels.join(' + ')}`,
  netLabelAll: (labels: string[]) => `All of: ${labels.join(' & ')}`,
  weightLikely: 'Weights',
  weightOther: 'Other numeric columns (probably not weights)',
  weightWhy: {
    integer: 'whole numbers, like an id, an age or a count',
    nonPositive: 'zero or negative values',
    name: 'not named like a weight',
  } as Record<'integer' | 'nonPositive' | 'name', string>,
  weightNotLikely: (text: string, why: string) => `${text} (${why})`,
  answerCountMeans: (parts: string[]) => `Mean number of answers chosen: ${parts.join('; ')}.`,
  answerCountMeanPart: (label: string, mean: string) => `${label} ${mean}`,
  // The page (src/ui/Crosstab*.tsx, FilterBuilder.tsx, NetBuilder.tsx).
  heading: 'Crosstab',
  /** While a large survey's crosstab is counted after the view changed (the last table stays shown). */
  counting: 'Counting…',
  respondents: (n: string) => `${n} respondents`,
  settings: 'Crosstab settings',
  rows: 'Rows',
  columns: 'Columns',
  totalOnly: 'Total only',
  weight: 'Weight',
  unweighted: 'Unweighted',
  percent: 'Percent',
  /** The percent choice before the table is built. */
  columnPercent: 'Column %',
  showCounts: 'Show counts',
  tests: 'Significance tests',
  multiAnswers: ' (multiple answers)',
  filterLine: 'Filter:',
  chiSquare: (statistic: string, df: number, p: string) =>
    `Pearson χ² = ${statistic}, df = ${df}, ${p}`,
  // The table.
  tableLabel: 'Crosstab table',
  by: 'by',
  weightedCaption: ', weighted',
  total: 'Total',
  sortBy: 'Sort rows by this column',
  higherThan: countsMessages.higherThan,
  baseRow: (weighted: boolean) => `Base${weighted ? ' (unweighted n; weighted)' : ' (n)'}`,
  smallBase: countsMessages.smallBaseMark,
  // Export.
  exportCsv: 'Export CSV',
  copyTsv: 'Copy as TSV',
  copied: 'Copied: paste it into a spreadsheet.',
  clipboardBlocked: 'The browser blocked the clipboard; use Export CSV instead.',
  /** In the export's file name: "Survey – Rows by Columns.csv". */
  fileBy: (cols: string) => `by ${cols}`,
  // Filters.
  filterHeading: 'Filter respondents',
  noFilter: 'No filter: all respondents.',
  /** A filter as its chip says it: the question, then its options joined by "or". */
  filterText: (question: string, options: readonly string[]) =>
    `${isolate(question)}: ${options.map((o) => isolate(o)).join(' or ')}`,
  removeFilter: (filter: string) => `Remove filter ${filter}`,
  question: 'Question',
  filterQuestion: 'Filter on question',
  chooseQuestion: 'Choose a question…',
  answersTo: (question: string) => `Answers to ${isolate(question)}`,
  addFilter: 'Add filter',
  // Nets.
  addNetOn: (axis: string) => `Add a net on the ${axis}…`,
  removeNets: (axis: string) => `Remove ${axis} nets`,
  netMode: 'Respondents who',
  addNet: 'Add net',
  cancel: 'Cancel',
} as const;
