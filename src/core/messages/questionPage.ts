// A survey's pages of published figures (src/ui/SurveyPage, QuestionPage and
// the parts of a question: its series, table, chips, exports, comparison) and
// the sidebar that lists them.
import { isolate } from '../format/bidi';

export const questionPageMessages = {
  // The sidebar.
  sidebarLabel: 'Survey library',
  crosstabLink: 'Crosstab',
  questionsIn: (title: string) => `Questions in ${isolate(title)}`,
  // The survey page and its header.
  crossTabulate: 'Cross-tabulate these respondents',
  whoWasAsked: 'Who was asked:',
  source: 'Source:',
  /** A series' total as its chip shows it: "Total 100%". */
  total: (text: string) => `Total ${text}`,
  // The kind chip.
  kindNames: {
    single: 'Single answer',
    multi: 'Multiple answers',
    numeric: 'Numeric',
    text: 'Free text',
  },
  kindUnknown: 'Kind unknown (no figures)',
  kindInferredTitle: 'Inferred from the total, not declared by the source',
  kindDeclaredTitle: 'Declared in the file',
  kindInferred: ' (inferred from total)',
  flagsLabel: 'Notes on this question',
  // The question page.
  note: 'Note:',
  chartOptions: 'Chart options',
  order: 'Order:',
  sortSource: 'As published',
  sortValue: 'By value',
  makeNet: (count: number) => `Make a net of ${count} selected`,
  removeNets: 'Remove nets',
  // A series: one segment's figures.
  allAsked: 'All who were asked',
  base: 'Base:',
  noFigures: 'No figures are recorded for this question.',
  chartDescription: (multi: boolean, intervals: string | null) =>
    `Horizontal bars, one per option, percent of ${multi ? 'respondents (multiple answers allowed)' : 'answers'}. The table below holds the same figures.${intervals === null ? '' : ` ${intervals}`}`,
  // Its table.
  includeInNet: 'Include in net',
  includeLabel: (label: string) => `Include "${isolate(label)}" in a net`,
  columnOption: 'Option',
  columnRank: 'Rank',
  columnPercent: 'Percent',
  columnPercentMulti: '% of respondents',
  totalRow: 'Total',
  // Its exports.
  exportGroup: 'Export',
  exportCsv: 'Export table (CSV)',
  // Compare with other questions.
  compareHeading: 'Compare',
  compareAdd: 'Add a column from another question',
  chooseQuestion: 'Choose a question…',
  /** Before the removed question's text, in quotes, and its date. */
  compareRemove: 'Remove',
  compareCaption:
    'Percents side by side; differences in points and index (100 = first column). Options are matched by label.',
  compareEmpty:
    'Add a question to compare this one with, e.g. the same question in another report.',
  compareOption: 'Option',
  compareDiff: 'Diff. (pts)',
  compareDiffTitle: 'Difference in percentage points from the first column',
  compareIndex: 'Index',
  compareIndexTitle: '100 × this column ÷ the first column',
  compareNotes: 'Notes',
  compareNoFlags: 'No flags',
} as const;
