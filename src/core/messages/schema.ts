// Respondent data's columns and questions (src/core/schema): the header, the
// user's overrides in the import preview (groups, kinds, the weight).
import { isolate } from '../format/bidi';
import { quotedList } from './words';

export const schemaErrors = {
  'schema-duplicate-header': (name: string, first: number, second: number) =>
    `Columns ${first} and ${second} are both named "${isolate(name)}". Rename one of them so each column has its own name.`,
  'schema-unknown-column': (id: string, valid: string[]) =>
    `There is no column "${isolate(id)}". Pick one of: ${quotedList(valid)}.`,
  'schema-weight-not-numeric': (id: string) =>
    `Column "${isolate(id)}" cannot be a weight: its values are not numbers. Pick a numeric column or no weight.`,
  'schema-group-empty':
    'A multi-answer question needs at least one column. Pick the columns that form the question.',
  'schema-not-single': (id: string) =>
    `"${isolate(id)}" is not a single-column question, so it cannot be grouped. Ungroup it first.`,
  'schema-duplicate-id': (id: string) =>
    `There is already a question "${isolate(id)}". Give the grouped question another name.`,
  'schema-not-grouped': (id: string) =>
    `"${isolate(id)}" is not a question grouped from several columns, so there is nothing to ungroup.`,
  'schema-multi-separator': (id: string) =>
    `To read "${isolate(id)}" as multi-answer, say which separator joins the options in a cell (";", "|" or ",").`,
} as const;

/** Warnings: the file is read, with this said about it. */
export const importMessages = {
  duplicateHeaderRenamed: (name: string, column: number, renamed: string) =>
    `Column ${column} repeats the name "${isolate(name)}" (a free-text "other" column); it is read as "${isolate(renamed)}".`,
  notNumbers: (id: string, n: number) =>
    `${n} value${n === 1 ? '' : 's'} in numeric column "${isolate(id)}" ${n === 1 ? 'is' : 'are'} not a number and ${n === 1 ? 'was' : 'were'} read as missing.`,
} as const;

/** The import preview (src/ui/PreviewView.tsx, SchemaEditor.tsx). */
export const previewMessages = {
  // How the file is read.
  howRead: 'How the file is read',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  shape: 'Shape',
  chosenByYou: 'chosen by you',
  delimiters: { comma: 'Comma', semicolon: 'Semicolon', tab: 'Tab', pipe: 'Pipe' },
  shapes: {
    distribution: 'Published figures (one row per option)',
    banner: 'Published banner table (segments across)',
    respondents: 'Respondent data (one row per respondent)',
  },
  // The survey definition.
  definitionGroup: 'Survey definition',
  downloadDefinition: 'Download definition',
  loadDefinition: 'Load a definition…',
  /** Before the loaded definition's file name. */
  readWithDefinition: 'Read with the definition',
  stopUsing: 'Stop using it',
  definitionIntro:
    'The definition records your decisions below (questions, weight, answer order), so the same file opens the same way in a link, the CLI or another browser.',
  // Published figures found.
  questionsFound: 'Questions found',
  /** After the survey's title: "Title: 12 questions found". */
  publishedCaption: (count: number) => `${count} questions found`,
  columnQuestion: 'Question',
  columnSegment: 'Segment',
  columnKind: 'Kind',
  columnTotal: 'Total',
  inferred: ' (inferred)',
  // The first rows.
  rowsLabel: 'The first rows as read',
  rowsCaption: (count: number, more: boolean) =>
    `The first ${count} rows as read${more ? ' (more follow)' : ''}`,
  // Respondent data: the weight, id, missing values and questions.
  weightGroup: 'Weight',
  /** After the proposed weight column's name. */
  weightLooks:
    'looks like a survey weight (positive numbers, not whole numbers). The figures are unweighted unless you choose it: a column named like a weight can also be, say, body weight in kilograms.',
  /** Before the proposed weight column's name. */
  weightBy: 'Weight by',
  keepUnweighted: 'Keep unweighted',
  settingsGroup: 'Respondent data settings',
  weightColumn: 'Weight column',
  looksLikeWeight: ' (looks like a weight)',
  numeric: ' (numeric)',
  idColumn: 'Respondent id column',
  missingTokens: 'Missing-value tokens (comma-separated)',
  /** The empty cell, as the missing-value tokens list it. */
  blankToken: '(blank)',
  undoChanges: (count: number) => `Undo my changes (${count})`,
  schemaCaption: (questions: number, columns: number, twoHeaderLines: boolean) =>
    `${questions} questions found in ${columns} columns${twoHeaderLines ? ' (two header lines: the second holds option labels)' : ''}`,
  selectToGroup: 'Select to group',
  columnColumns: 'Columns',
  columnWhy: 'Why',
  group: (count: number) => `Group ${count} selected as one multi-answer question`,
  /** The id a grouped question gets from its first column's question. */
  groupedId: (id: string) => `${id} (grouped)`,
  selectLabel: (text: string) => `Select "${isolate(text)}" to group`,
  nameOf: (id: string) => `Name of question ${isolate(id)}`,
  kindOf: (id: string) => `Kind of question ${isolate(id)}`,
  ungroup: 'Ungroup',
  /** Before the multi-answer question a column also belongs to. */
  alsoOptionOf: 'Also an option of',
  answerOrder: 'Answer order…',
  answerOrderOf: (text: string) => `Answer order of ${isolate(text)}`,
  moveUp: (answer: string) => `Move "${isolate(answer)}" up`,
  moveDown: (answer: string) => `Move "${isolate(answer)}" down`,
  none: 'None',
} as const;
