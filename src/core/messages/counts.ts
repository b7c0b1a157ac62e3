// Tables of counts and pasted report tables (src/core/counts, the counts page).
import { capEcho, isolate } from '../format/bidi';
import { formatNumber } from '../format/number';

const countsQuoted = (label: string) => `"${isolate(capEcho(label))}"`;
const countsList = (labels: readonly string[]) => labels.map(countsQuoted).join(', ');

/** A typed or pasted table that cannot be read; `located` puts the row and column ("Row 2, column 3 ("B"): ") before them. */
export const countsErrors = {
  'counts-empty':
    'The table is empty. Paste or type a table: column labels on the first row, a label and one count per column on each row after it.',
  'counts-one-column':
    'Each row holds a single cell. Separate the cells with tabs (as a spreadsheet copies them), commas or semicolons: a row label, then one value per column.',
  'counts-too-large': (rows: number, cols: number, maxRows: number, maxCols: number) =>
    `The table has ${rows} rows and ${cols} columns; this page takes up to ${maxRows} rows and ${maxCols} columns. For larger tables, import the respondent data and cross-tabulate it.`,
  'counts-ragged-row': (cells: number, width: number) =>
    `This row has ${cells} cells but the first row has ${width}. Give each row its label and one value per column (type 0 for none).`,
  'counts-blank-column-label':
    'This column has no label on the first row. Type the name of the group it counts (e.g. Women).',
  'counts-duplicate-column-label': (label: string, first: number) =>
    `The column label ${countsQuoted(label)} is already used by column ${first}. Give each column its own label.`,
  'counts-blank-row-label':
    'This row has no label in its first cell. Type what it counts (e.g. Yes), or delete the row.',
  'counts-duplicate-row-label': (label: string, first: number) =>
    `The row label ${countsQuoted(label)} is already used on row ${first}. Give each row its own label.`,
  'counts-no-rows':
    'The table has column labels but no row of values. Add a row: a label, then one count per column.',
  'counts-no-columns':
    'The table has row labels but no column of values. Add a column: a label on the first row, then one count per row.',
  'counts-two-base-rows': (first: number) =>
    `This is a second Base row (the first is row ${first}). Keep one row of bases.`,
  'counts-base-row-and-column':
    'The table has both a Base row and a Base column. Keep the Base row when the percents are column percents (each column adds up to 100%), or the Base column when they are row percents.',
  'counts-blank-cell':
    'This cell is blank. Type a count (0 when no one), or delete the row or column if it has no figures.',
  'counts-not-count': (text: string) =>
    `${countsQuoted(text)} is not a count. Type a whole number of respondents, such as 42 or 1,234 (thousands separators are fine).`,
  'counts-fraction': (text: string) =>
    `${countsQuoted(text)} is not a whole number. Counts are numbers of respondents; for weighted figures or percents, type percents and add a row labelled "Base" with each column's number of respondents.`,
  'counts-negative': (text: string) =>
    `${countsQuoted(text)} is negative. A count of respondents is 0 or more.`,
  'counts-not-percent': (text: string) =>
    `${countsQuoted(text)} is not a percent. Type it as printed: 45, 45% or 45.5%.`,
  'counts-negative-percent': (text: string) =>
    `${countsQuoted(text)} is negative. A percent is 0 to 100.`,
  'counts-percent-over-100': (text: string) =>
    `${countsQuoted(text)} is over 100%. A share of a group's respondents is 0 to 100%.`,
  'counts-lower-bound': (text: string) =>
    `${countsQuoted(text)} is a lower bound ("at least"), which no test can use. Type the figure itself.`,
  'counts-percent-without-base': (text: string) =>
    `${countsQuoted(text)} is a percent, and percents need their bases. Add a row labelled "Base" (or "n") with each column's number of respondents, or type counts instead.`,
  'counts-blank-base':
    'This base is blank. Type the number of respondents the percents are shares of (a whole number, such as 211).',
  'counts-zero-base':
    'This base is 0: no percents can be shares of no one. Type the number of respondents, or delete the column.',
  'counts-bad-base': (text: string) =>
    `${countsQuoted(text)} is not a base. Type the number of respondents as a whole number, such as 211 or 1,200.`,
  'counts-total-mismatch': (what: 'row' | 'column', typed: number, sum: number) =>
    `This Total is ${formatNumber(typed, 0)} but the ${what === 'row' ? 'rows above it add' : 'columns before it add'} up to ${formatNumber(sum, 0)}. Correct it, or delete the Total ${what} (the table computes its own totals).`,
  'counts-row-percents-over-100': (label: string, total: string) =>
    `The percents of row ${countsQuoted(label)} add up to ${total}. With a Base column each row's percents split its respondents and add up to 100%; for several answers each, put the groups in columns and give a Base row.`,
  'counts-not-published-question':
    'The survey definition says this file holds one published question ("content": "published-question"), but it is not a two-column table of option labels and percents (0–100, with "%" or a "Percent" header). Set "content" to "respondents", or give the file as two columns: an option label and its percent on each row.',
  'counts-published-question-answers': (problems: string[]) =>
    `The survey definition's published question ("published") cannot be used: ${problems.join(' ')} Correct it in the definition.`,
} as const;

export const countsMessages = {
  // What reading decided (notes under the table).
  totalLeftOut: (what: 'row' | 'column', labels: readonly string[]) =>
    `The Total ${what}${labels.length === 1 ? '' : 's'} ${countsList(labels)} ${labels.length === 1 ? 'is' : 'are'} left out: the table computes its own totals.`,
  baseRowIsTotals:
    "The Base row holds each column's total of the counts above it, so the cells are read as counts, not percents.",
  reconstructed: (notWhole: number, cells: number, example: string | null) =>
    `The counts are reconstructed from the percents and their bases (percent × base ÷ 100) and are not rounded${
      notWhole === 0
        ? ': every one is a whole number.'
        : `: ${notWhole} of ${cells} are not whole numbers${example === null ? '' : ` (${example})`}, because the percents were rounded when printed.`
    } The chi-square test, the letters and the intervals use them as they are: read them as approximate.`,
  reconstructedExample: (percent: string, base: string, count: string) =>
    `${percent} of ${base} is ${count}`,
  lineShort: (what: 'row' | 'column', label: string, total: string, missing: string) =>
    `The percents of ${what} ${countsQuoted(label)} add up to ${total}: ${missing} of its respondents are in no ${what === 'row' ? 'column' : 'row'} shown. The tests use the ${what === 'row' ? 'columns' : 'rows'} given.`,
  columnsOverlap: (labels: readonly string[]) =>
    `The percents of ${labels.length === 1 ? 'column' : 'columns'} ${countsList(labels)} add up to more than 100%: respondents could give several answers, so each row is tested as chosen or not.`,
  chiSquareOverlap:
    'No chi-square test: with several answers each, a respondent may sit in several cells, which the test does not allow.',
  chiSquareTooSmall: (axis: 'rows' | 'columns') =>
    `No chi-square test: a test of independence needs at least two ${axis} with respondents.`,
  chiSquareLeftOut: (axis: 'row' | 'column', labels: readonly string[]) =>
    `The ${axis}${labels.length === 1 ? '' : 's'} ${countsList(labels)} ${labels.length === 1 ? 'has' : 'have'} no respondents and ${labels.length === 1 ? 'is' : 'are'} left out of the chi-square test.`,
  intervalNote:
    "Intervals are Wilson 95% intervals of each column percent on its column base (as R's prop.test(correct = FALSE) gives).",

  // The page.
  pageTitle: 'Table of counts',
  pageIntro:
    'Paste or type a small table of counts, or of percents with a row labelled "Base": chi-square, column letters and intervals, with no respondent file. Nothing leaves this browser.',
  inputLabel: 'Table (tab-, comma- or semicolon-separated; column labels on the first row)',
  example: 'Use an example',
  clear: 'Clear',
  exportCsv: 'Export CSV',
  waiting: 'Paste or type a table above to see its tests.',
  caption: (corner: string) =>
    corner === ''
      ? 'Column percents, counts and letters'
      : `${isolate(corner)}: column percents, counts and letters`,
  linkTooLong: (chars: number, max: number) =>
    `This table (${formatNumber(chars, 0)} characters) is too long to travel in the link (up to ${formatNumber(max, 0)}): a copied link opens the page empty. Export it as CSV to share it.`,
  sourceTyped: 'Source: a table typed or pasted into Survey Workbench',
  baseRow: 'Base (n)',
  cellCount: (count: string) => `n = ${count}`,
  higherThan: (letters: string) =>
    `Significantly higher than column ${letters.split('').join(', ')}`,
  interval: '95% interval',
  smallBaseMark: 'Fewer than 30 respondents: read with care',
  openCounts: 'Analyse a table of counts…',
  openCountsHint: 'No respondent file? Paste or type a table of counts (or percents with bases).',

  // A pasted report table: one published question.
  pastedReason: (options: number, total: string) =>
    `Two columns, labels and ${options} percents (total ${total}): one published question, not respondents.`,
  pastedHeading: 'One published question',
  pastedIntro:
    "This looks like a question's figures copied from a report, not one row per respondent. Say what was asked and by whom, and it joins your library as published figures.",
  wording: 'Question wording',
  publisher: 'Publisher (optional)',
  date: 'Date (optional: 2024-05 or 2024-05-17)',
  kind: 'Kind',
  kindSingle: 'One answer each (single)',
  kindMulti: 'Several answers each (multi)',
  kindProposed: (kind: 'single' | 'multi', total: string) =>
    `Proposed from the total, ${total}: ${kind === 'single' ? 'one answer each' : 'several answers each'}.`,
  kindAmbiguous: (total: string) =>
    `The total, ${total}, is over 100% but under 120%: figures that do not add up, or several answers each? Check the report.`,
  baseN: 'Base n (optional: the number of respondents)',
  save: 'Save to the library',
  asRespondents: 'Read it as respondent data instead',
  wordingRequired: 'Type the question wording: it names the question in the library.',
  badDate: (text: string) =>
    `${countsQuoted(text)} is not a date. Type a year and month (2024-05) or a full date (2024-05-17), or leave it blank.`,
  badBaseN: (text: string) =>
    `${countsQuoted(text)} is not a number of respondents. Type a whole number such as 1,200, or leave it blank.`,
  duplicateOption: (label: string, first: number, again: number) =>
    `The option ${countsQuoted(label)} is on rows ${first} and ${again}. Give each option once.`,
  readAsPublished: (reason: string, decided: boolean) =>
    `${reason} ${decided ? 'Read so, as the survey definition decides ("content": "published-question").' : 'Read so, as proposed: to read its rows as respondents, set "content": "respondents" in the survey definition (CLI: --read-as respondents).'}`,
  wordingFromFileName: (wording: string) =>
    `The question's wording is not in the file: it is named after the file, ${countsQuoted(wording)}. Give the wording as "published": {"question": "…"} in the survey definition.`,
  publisherDateUnknown: (publisher: boolean, date: boolean) =>
    `${publisher && date ? 'The publisher and date are' : publisher ? 'The publisher is' : 'The date is'} not known. Give ${publisher && date ? 'them' : 'it'} in the survey definition's "published" (${[publisher ? '"publisher": "…"' : null, date ? '"date": "2024-05"' : null].filter((x) => x !== null).join(', ')}; CLI: save \`definition <file>\`, edit it, pass it with --definition), or write the file as a published CSV with publisher and date columns.`,
  optionsFound: (n: number) => `${n} options read`,
  headerOption: 'Option',
  headerPercent: 'Percent',
} as const;
