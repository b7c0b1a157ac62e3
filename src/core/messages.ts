// Every user-facing warning and error text lives here, so wording is
// consistent, reviewable in one place, and never built from markup.
// Each section belongs to one part of the engine; add to your own section.
import { formatCount } from './format/number';
import { capEcho, isolate } from './format/bidi';
import { LONE_SURROGATE } from './format/unicode';

// ---- Published distributions: flags and format errors ----------------------

export const publishedMessages = {
  // Format errors. `where` reads like: line 7, column 12 ("percent")
  emptyFile:
    'The file is empty. A published-distribution file needs a header line (question, option, percent) and one row per option.',
  noRows:
    'The file has a header line but no rows. Add one row per option: question, option, percent.',
  missingColumns: (missing: string[]) =>
    `The header has no ${missing.map((m) => `"${isolate(m)}"`).join(', ')} column${missing.length === 1 ? '' : 's'}. A published-distribution file needs the columns "question", "option" and "percent".`,
  unknownColumn: (name: string, allowed: readonly string[]) =>
    `Unknown column "${isolate(name)}". Rename it to one of ${allowed.map((a) => `"${isolate(a)}"`).join(', ')} (or delete the column), so that no figures are silently left out.`,
  blankColumnName: (allowed: readonly string[]) =>
    `This column has values but no name. Name it one of ${allowed.map((a) => `"${isolate(a)}"`).join(', ')}, or delete it.`,
  duplicateColumn: (name: string, first: number) =>
    `The column "${isolate(name)}" appears twice (first as column ${first}). Keep one of them.`,
  extraField: (count: number) =>
    `This row has a value beyond the last column of the header (it has ${count} fields). Remove it, or add a column name for it.`,
  unclosedQuote:
    'A quoted value starts here but its closing quote is missing. Add the closing " or remove the opening one.',
  surveyConflict: (column: string, value: string, first: string, firstLine: number) =>
    `"${isolate(value)}" differs from the ${column} "${isolate(first)}" given on line ${firstLine}. A file holds one survey: leave ${column} blank after its first row, or split the file.`,
  rowBeforeQuestion: (column: string) =>
    `This row has options but no question yet. Give the ${column} on the first row of each question.`,
  questionTextMissing:
    'This row starts a new question but its "question" cell is blank. Write the question text on the first row of each question.',
  questionConflict: (column: string, value: string, first: string, firstLine: number) =>
    `"${isolate(value)}" differs from the ${column} "${isolate(first)}" given for this question on line ${firstLine}. Leave it blank on the question's later rows, or give this row its own question_id to start a new question.`,
  duplicateQuestionId: (id: string, firstLine: number) =>
    `The question_id "${isolate(id)}" was already used by the question starting on line ${firstLine}. Give each question its own id and keep a question's rows together.`,
  badKind: (text: string) =>
    `"${isolate(text)}" is not a question kind. Write single, multi, numeric or text (or leave it blank to infer it from the total).`,
  segmentMissing: (segment: string) =>
    `This question is split into segments ("${isolate(segment)}" starts here), but its first rows have no segment. Give the segment on the first row of every segment.`,
  duplicateSegment: (segment: string, firstLine: number) =>
    `The segment "${isolate(segment)}" of this question already started on line ${firstLine}. Keep each segment's rows together.`,
  segmentConflict: (column: string, value: string, first: string, firstLine: number) =>
    `"${isolate(value)}" differs from the ${column} "${isolate(first)}" given for this segment on line ${firstLine}. Give it once, on the segment's first row.`,
  badSubgroup: (text: string) =>
    `"${isolate(text)}" is not yes or no. Write yes when only a subgroup was asked, no (or leave it blank) otherwise.`,
  badBaseN: (text: string) =>
    `"${isolate(text)}" is not a number of respondents. Write a whole number like 1200, or leave the cell blank.`,
  missingOption: (value: string) =>
    `"${isolate(value)}" is given without an option label. Write the option's label in the "option" column.`,
  badPercent: (text: string) =>
    `"${isolate(text)}" is not a percent. Write it as printed: 38.07, 38.07%, 29, 30+% for "at least 30%", or leave it blank when no figure is published.`,
  badRank: (text: string) =>
    `"${isolate(text)}" is not a rank. Write a whole number like 3 or #3, or leave it blank.`,
  duplicateOption: (label: string, firstLine: number) =>
    `The option "${isolate(label)}" already appears on line ${firstLine} in this question and segment. Give each option once (use a segment for another group of respondents).`,
  where: (line: number, column: number, name: string) =>
    `Line ${line}, column ${column} ("${isolate(name)}")`,
  whereLine: (line: number) => `Line ${line}`,
  notDistribution:
    'This is not a published-distribution file: its header has no "question", "option" and "percent" columns.',

  // Flags on analysed questions.
  kindInferredMulti: (total: string, tolerance: string) =>
    `Kind inferred from the total: the options add up to ${total}, more than 100% (rounding allows ±${tolerance}), so respondents could give several answers.`,
  kindInferredSingle: (total: string, tolerance: string) =>
    `Kind inferred from the total: the options add up to ${total}, not more than 100% (rounding allows ±${tolerance}), so it is read as one answer per respondent.`,
  kindInferredNoData:
    'Kind inferred: no figures are published, so there is no total to tell from; it is shown as one answer per respondent.',
  multiTotalOver100: (answers: string, atLeast: boolean) =>
    `Multiple answers allowed: totals exceed 100% (${atLeast ? 'at least ' : ''}${answers} answers per respondent on average)`,
  singleTotalOff: (total: string, tolerance: string) =>
    `Options add up to ${total}: more than 100% by more than rounding allows (±${tolerance}). Check the figures, or declare the question multi if respondents could give several answers.`,
  singleTotalShort: (total: string, remainder: string, explained: string | null) =>
    `Options add up to ${total}: ${remainder} of answers are not shown${explained === null ? '' : ` (${explained})`}`,
  shortExplainedPartial: 'the source lists only some options',
  shortExplainedLowerBound: 'a lower bound makes the total a lower bound too',
  partialList: (missingRanks: number[], omitted: number) =>
    `Partial list: ${[
      missingRanks.length === 0
        ? ''
        : `rank${missingRanks.length === 1 ? '' : 's'} ${listWords(missingRanks.map(String))} ${missingRanks.length === 1 ? 'is' : 'are'} not published`,
      omitted === 0
        ? ''
        : `the source leaves out some options (${omitted} gap${omitted === 1 ? '' : 's'} shown as …)`,
    ]
      .filter((s) => s !== '')
      .join('; ')}.`,
  lowerBound: (labels: string[]) =>
    `${listWords(labels.map((l) => `"${isolate(l)}"`))} ${labels.length === 1 ? 'is' : 'are'} published as a lower bound ("at least"), so the total is a lower bound too.`,
  subgroupBase: (base: string | null) =>
    base === null
      ? 'Only a subgroup was asked (the source does not say which): percents are shares of that subgroup, not of all respondents.'
      : `Only a subgroup was asked (base: ${base}). Percents are shares of that subgroup, not of all respondents.`,
  valueOutOfRange: (label: string, printed: string) =>
    `"${isolate(label)}" is ${printed}, outside 0% to 100%: a percent of respondents cannot be that. Check the figure.`,
  noData: 'Published as a chart without numbers: no figures are recorded, and none are made up.',
  noDataSuppressed:
    'Not published (base too small): the source leaves these cells blank while it gives figures for other segments of the question, as publishers do when too few people in a group were asked. Nothing is made up.',
  kindAmbiguous: (total: string, tolerance: string, answers: string) =>
    `The options add up to ${total}: over 100% by more than rounding allows (±${tolerance}), but by less than 20 points, and the file does not say which kind of question this is. Two readings fit: one answer per respondent, with figures that do not add up (an error or a misprint); or several answers each, ${answers} answers per respondent on average. It is shown as multi-answer: declare its kind (single or multi) in the file's "kind" column.`,
  netLowerBound: 'At least: a lower bound among the options makes the net a lower bound.',
  netIncomplete: 'Some of these options have no published figure, so the net is a lower bound.',
  netNotInSegmentShort: (labels: string[]) =>
    `incomplete: ${listWords(labels.map((l) => `"${isolate(l)}"`))} not in this segment`,
  netNotInSegment: (labels: string[]) =>
    `${listWords(labels.map((l) => `"${isolate(l)}"`))} ${labels.length === 1 ? 'is' : 'are'} not published for this segment, so the net here covers only the other options and is a lower bound.`,
  // Bases from rounding (published/bases.ts).
  baseContradicted: (base: string, misfits: { label: string; printed: string }[]) =>
    `The stated base of ${base} respondents does not fit the figures: ${listWords([
      ...misfits.slice(0, 3).map((m) => `${m.printed} ("${isolate(m.label)}")`),
      ...(misfits.length > 3
        ? [`${misfits.length - 3} other figure${misfits.length === 4 ? '' : 's'}`]
        : []),
    ])} cannot be a whole number out of ${base}, rounded as printed. Check the base and the figures (weighted figures fail this test too).`,
  noConsistentBase: (limit: string) =>
    `These figures fit no unweighted base up to ${limit}: they are probably weighted, or rounded in another way; no base can be inferred.`,
} as const;

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

// ---- Reading files: encodings, delimiters, shapes, CSV errors ---------------

// bytes, encodings, delimiters and CSV syntax (src/core/csv)
export const csvMessages = {
  // Why an encoding was chosen (shown beside the detected setting).
  encodingBom: (name: string) => `${name} byte order mark`,
  encodingUtf16NoBom: (name: string) =>
    `${name} without a byte order mark (every other byte is zero)`,
  encodingAscii: 'plain ASCII text (read as UTF-8)',
  encodingUtf8: 'valid UTF-8',
  encodingReplacementInFile:
    'valid UTF-8, but the file itself holds replacement characters (\uFFFD): no encoding can bring back what they replaced',
  encodingGb18030: 'not valid UTF-8; its non-ASCII bytes read as Chinese GB18030/GBK text',
  encodingWindows1252:
    'not valid UTF-8; its accented letters and punctuation read best as Windows-1252 (Western European)',
  encodingMacintosh:
    'not valid UTF-8; its accented letters and punctuation read best as Mac Roman (files saved by older Mac software)',
  // Why a delimiter was chosen.
  delimiterName: {
    ',': 'Comma',
    ';': 'Semicolon',
    '\t': 'Tab',
    '|': 'Pipe',
  } as Record<string, string>,
  delimiterConsistent: (name: string, agree: number, lines: number, fields: number) =>
    agree === lines
      ? `${name}: all ${lines} sample line${lines === 1 ? '' : 's'} split into ${fields} fields`
      : `${name}: ${agree} of ${lines} sample lines split into ${fields} fields`,
  delimiterNone: 'No comma, semicolon, tab or pipe separates the lines: read as a single column',
  delimiterDecimalComma: ' (numbers use a decimal comma, like 3,5)',
  // Lossy decoding (a warning, not an error).
  lossyLines: (encoding: string, lines: number[]) =>
    `Some characters could not be read as ${encoding} and show as \uFFFD on line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ` and ${lines.length - 10} more` : ''}. If the text looks wrong, choose another encoding.`,
  replacementInFile: (lines: number[]) =>
    `The file itself holds replacement characters (\uFFFD) on line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ` and ${lines.length - 10} more` : ''}: the characters they stand for were lost before the file reached this app (when it was saved or converted), so choosing another encoding cannot bring them back. Ask for the original file if that text matters.`,
  // CSV syntax errors.
  empty: 'The file is empty. Choose a file that holds a header line and rows of data.',
  binary:
    'This is not a CSV text file: it holds NUL bytes, as binary files (spreadsheets, PDFs, archives) do. Export the data as CSV (comma-separated values) and open that file.',
  unclosedQuote: (line: number) =>
    `A quoted value opens on line ${line} but its closing quote never comes, so the rest of the file would be read as one value. Add the missing " (a quote inside a quoted value is written twice: "").`,
  fieldTooLarge: (limitBytes: number) =>
    `A value here is longer than ${limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / (1024 * 1024))} MB` : `${limitBytes.toLocaleString('en-US')} characters`}, which a survey answer never is: most likely a quote is not closed. Check the quotes on this line.`,
  tooManyColumns: (limit: number) =>
    `This line has more than ${limit.toLocaleString('en-US')} columns. Check that the delimiter is right, or split the file.`,
} as const;

// shapes and schema
export const importMessages = {
  emptyFile:
    'The file is empty. Choose a survey file (CSV with a header line and at least one row, or SPSS .sav).',
  noRows:
    'The file has a header line but no rows of data. Choose a file with at least one respondent.',
  binaryFile:
    'This file is not a CSV text file (it contains NUL bytes, as binary files like spreadsheets or images do). Save it as CSV and try again.',
  onlyDelimiters:
    'The file holds no data: every cell of its first rows is empty (only delimiters). Check that this is the file you meant, and that it was saved with its contents.',
  proseFile:
    'This file does not look like a table: no delimiter splits its lines into columns. Save it as CSV (comma, semicolon, tab or pipe separated) and try again.',
  tooLarge: (bytes: number, limit: number) =>
    `The file is ${formatBytes(bytes)}, more than the ${formatBytes(limit)} this app can hold in memory. Split the file or keep fewer columns.`,
  cancelled: 'Loading was cancelled.',
  raggedRow: (line: number, got: number, expected: number) =>
    `Line ${line} has ${got} fields but the header has ${expected}. Check for a missing or extra delimiter or an unquoted delimiter inside a value on that line.`,
  duplicateHeader: (name: string, first: number, second: number) =>
    `Columns ${first} and ${second} are both named "${isolate(name)}". Rename one of them so each column has its own name.`,
  duplicateHeaderRenamed: (name: string, column: number, renamed: string) =>
    `Column ${column} repeats the name "${isolate(name)}" (a free-text "other" column); it is read as "${isolate(renamed)}".`,
  badPercent: (text: string) =>
    `"${isolate(text)}" is not a percent. Write a number like 37, 37% or 37.5% (or leave the cell blank when there is no figure).`,
  bannerNoQuestion:
    'Percent cells appear before any question row. Put the question text in the first column on its own row above its options.',
  unknownColumn: (id: string, valid: string[]) =>
    `There is no column "${isolate(id)}". Pick one of: ${importList(valid)}.`,
  weightNotNumeric: (id: string) =>
    `Column "${isolate(id)}" cannot be a weight: its values are not numbers. Pick a numeric column or no weight.`,
  groupTooSmall:
    'A multi-answer question needs at least one column. Pick the columns that form the question.',
  groupNotSingle: (id: string) =>
    `"${isolate(id)}" is not a single-column question, so it cannot be grouped. Ungroup it first.`,
  groupIdTaken: (id: string) =>
    `There is already a question "${isolate(id)}". Give the grouped question another name.`,
  notGrouped: (id: string) =>
    `"${isolate(id)}" is not a question grouped from several columns, so there is nothing to ungroup.`,
  multiNeedsSeparator: (id: string) =>
    `To read "${isolate(id)}" as multi-answer, say which separator joins the options in a cell (";", "|" or ",").`,
  notNumbers: (id: string, n: number) =>
    `${n} value${n === 1 ? '' : 's'} in numeric column "${isolate(id)}" ${n === 1 ? 'is' : 'are'} not a number and ${n === 1 ? 'was' : 'were'} read as missing.`,
} as const;

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(n / 1024)} KB`;
}

function importList(items: string[]): string {
  const shown = items.slice(0, 40).map((s) => `"${isolate(s)}"`);
  return items.length > 40 ? `${shown.join(', ')} and ${items.length - 40} more` : shown.join(', ');
}

// ---- Respondent data: crosstabs and statistics ------------------------------

export const respondentMessages = {
  memberOf: (battery: string) =>
    `One column of the multi-answer question "${isolate(battery)}", shown here as a question of its own.`,
  unknownQuestion: (id: string, valid: string[]) =>
    `There is no question "${isolate(id)}" in this survey. Pick one of: ${respondentList(valid)}.`,
  notCategorical: (id: string, type: string) =>
    `Question "${isolate(id)}" holds ${type === 'numeric' ? 'numbers' : 'free text'}, which cannot be cross-tabulated. Pick a question with answer options.`,
  unknownWeight: (id: string, valid: string[]) =>
    valid.length === 0
      ? `There is no weight column "${isolate(id)}": this survey has no numeric column to weight by. Leave the weight out.`
      : `There is no numeric weight column "${isolate(id)}". Pick one of: ${respondentList(valid)}, or leave the weight out.`,
  unknownOption: (question: string, option: string, valid: string[]) =>
    `Question "${isolate(question)}" has no option "${isolate(option)}". Pick one of: ${respondentList(valid)}.`,
  optionOutOfRange: (question: string, index: number, count: number) =>
    `Option number ${index} does not exist in question "${isolate(question)}", which has ${count} options. Pick options 0 to ${count - 1}.`,
  badNetOption: (net: string, question: string, index: number, count: number) =>
    `The net "${isolate(net)}" names option number ${index}, but question "${isolate(question)}" has ${count} options (0 to ${count - 1}). Fix the net.`,
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
  testNoteWeighted: ' Weighted proportions are tested with the unweighted column bases.',
  testNoteMultiCols:
    ' Multi-answer columns overlap (a respondent can be in several); they are tested as if independent.',
  baseAll: 'all respondents',
  baseCondition: (question: string, options: string[]) =>
    `"${isolate(question)}" is ${options.map((o) => `"${isolate(o)}"`).join(' or ')}`,
  baseWhere: (conditions: string[]) => `respondents where ${conditions.join(' and ')}`,
  baseAnswered: (both: boolean) =>
    both ? 'who answered both questions' : 'who answered the question',
  /** The base in words, without a "Base:" label (pages and exports add their own). */
  base: (subject: string, n: number, weighted: number | null) =>
    `${subject}, n = ${n.toLocaleString('en-US')}${
      weighted === null
        ? ''
        : ` (weighted ${weighted.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })})`
    }`,
} as const;

function respondentList(items: string[]): string {
  const shown = items.slice(0, 40).map((s) => `"${isolate(s)}"`);
  return items.length > 40 ? `${shown.join(', ')} and ${items.length - 40} more` : shown.join(', ');
}

// ---- Tab books (src/core/tabs) ------------------------------------------------

const levelText = (level: number): string => `${Number((level * 100).toFixed(4))}%`;
const quoted = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(', ');

export const tabsMessages = {
  total: 'Total',
  // Banner and rows.
  bannerNumeric: (id: string) =>
    `"${id}" holds numbers, which cannot stand on a banner as they are. Band it first (e.g. age into 18–24, 25–34, …: --band ${id}=25,35,45,55), then put the banded question on the banner.`,
  nestedSingleOnly: (question: string, within: string) =>
    `"${question}" can be nested within "${within}" only when both are single-answer questions.`,
  nestedText: (inner: string, outer: string) => `${inner} within ${outer}`,
  nestedLabel: (outer: string, inner: string) => `${outer} / ${inner}`,
  textRow: (id: string) =>
    `"${id}" holds free text, which cannot be tabulated. Leave it out of the rows, or declare it single-answer in the survey definition.`,
  netsNotRow: (id: string, rows: string[]) =>
    `Nets are asked for "${id}", which is not one of the row questions (${quoted(rows.slice(0, 40))}${rows.length > 40 ? ', …' : ''}).`,
  notAScale: (id: string, labels: readonly string[]) =>
    `"${id}" is not an ordered scale of four points or more, so it has no top-2 and bottom-2 boxes. A scale's answers start with 1, 2, 3… ("5 - Strongly agree") or are known scale words (Strongly disagree … Strongly agree); these are ${quoted(labels.slice(0, 12))}${labels.length > 12 ? ', …' : ''}. Give its nets by option instead.`,
  badLevel: (level: number) =>
    `The significance level ${level} is not a confidence level: give one between 0 and 1, e.g. 0.95.`,
  badLowerLevel: (lower: number, level: number) =>
    `The lower significance level ${lower} must lie between 0 and the level ${level}, e.g. 0.90 beside 0.95.`,
  badCompare: (value: string) => `"${value}" is not a comparison: use "group" or "rest".`,
  badCorrection: (value: string) =>
    `"${value}" is not a correction: use "none", "bonferroni" or "bh" (Benjamini–Hochberg).`,
  idTaken: (id: string) =>
    `There is already a question "${id}". Rename that question, or leave out the band or nesting that makes another.`,
  // Bands.
  bandNotNumeric: (id: string, valid: string[]) =>
    valid.length === 0
      ? `There is no numeric question "${id}" to band: this survey has no numeric question.`
      : `There is no numeric question "${id}" to band. Pick one of: ${quoted(valid.slice(0, 40))}${valid.length > 40 ? ', …' : ''}.`,
  bandCuts: (cuts: string[]) =>
    `The cut points ${cuts.length === 0 ? '(none)' : cuts.join(', ')} must be one or more numbers in increasing order, e.g. 25, 35, 45, 55.`,
  bandLabels: (got: number, want: number) =>
    `${got} band label${got === 1 ? ' is' : 's are'} given for ${want} bands: give one label per band (one more than the cut points).`,
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
  percentOf: 'Column %',
  statMean: 'Mean',
  statSd: 'Standard deviation',
  statMedian: 'Median',
  statN: 'n',
  lettersRow: 'Significance',
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

// ---- Formatting (src/core/format) -------------------------------------------

export const formatMessages = {
  dateNotGiven: 'Date not given',
} as const;

// ---- Survey definitions (src/core/definition) ---------------------------------

export const definitionMessages = {
  notJson: (line: number, column: number) =>
    `This survey definition is not valid JSON: it breaks at line ${line}, column ${column} (a missing comma, quote or bracket, or the file was cut short). Fix it there, or download the definition again from the app.`,
  notObject:
    'This survey definition is not a JSON object. A definition starts with {"format": "survey-workbench-definition", "version": 1, …}.',
  answerOrderMoved:
    '"answerOrder" is no longer read: write each question\'s answer order as its "answers" list in "questions" (see the README\'s survey definition section).',
  newerVersion: (version: number) =>
    `This survey definition is version ${version}, newer than this app reads (1). Update Survey Workbench, or ask for a version 1 definition.`,
  invalid: (path: string, problem: string) =>
    `This survey definition is not valid${path === '' ? '' : ` at "${isolate(path)}"`}: ${problem}. Fix that entry, or download the definition again from the app.`,
  duplicateId: (id: string) =>
    `Two questions in this survey definition have the id "${isolate(id)}". Give each question its own id.`,
  oneColumn: (id: string, kind: string) =>
    `The ${kind} question "${isolate(id)}" in this survey definition names several columns; only a multi-answer question reads more than one column.`,
  needsSeparator: (id: string) =>
    `The multi-answer question "${isolate(id)}" reads one column, so it needs a "separator" (";", "|" or ",") saying what joins the chosen options in a cell.`,
  separatorOneColumn: (id: string) =>
    `The multi-answer question "${isolate(id)}" reads several columns, so it takes no "separator": a separator is for options joined inside one cell.`,
  unknownKeys: (keys: readonly string[]) =>
    `it has ${keys.length === 1 ? 'a key' : 'keys'} a definition does not use (${keys.map((k) => `"${isolate(k)}"`).join(', ')}); remove ${keys.length === 1 ? 'it' : 'them'} or check the spelling`,
  notAllowed: (values: readonly string[]) =>
    `the value must be one of ${values.map((v) => `"${isolate(v)}"`).join(', ')}`,
  wrongType: (expected: string) =>
    `the value must be ${expected === 'array' ? 'a list' : `a ${expected}`}`,
  outOfBounds: 'the value is empty or too long',
  answersPerColumn: (id: string) =>
    `The multi-answer question "${isolate(id)}" needs one entry in "answers" per column (the option each column stands for).`,
  unknownColumn: (column: string, question: string, valid: string[]) =>
    `The survey definition's question "${isolate(question)}" reads the column "${isolate(column)}", which this file does not have. The file's columns are: ${respondentList(valid)}.`,
  unknownWeight: (column: string, valid: string[]) =>
    `The survey definition weights by the column "${isolate(column)}", which this file does not have. The file's columns are: ${respondentList(valid)}.`,
  unknownIdColumn: (column: string, valid: string[]) =>
    `The survey definition names "${isolate(column)}" as the respondent id column, which this file does not have. The file's columns are: ${respondentList(valid)}.`,
  idTaken: (id: string) =>
    `The survey definition's question id "${isolate(id)}" is also the name of a column that is a question of its own. Give the question another id.`,
  weightProposed: (column: string) =>
    `"${isolate(column)}" looks like a survey weight, but the figures are unweighted: weighting is your decision. Choose it as the weight in the import preview (or pass --weight "${isolate(column)}"), or keep the figures unweighted.`,
} as const;

// ---- Command line (src/cli) ---------------------------------------------------

export const cliMessages = {
  commands: {
    list: 'The bundled surveys (surveys/*.csv): id, format, title and question count.',
    inspect:
      'What the engine reads from a survey file: each question, its kind and the share of respondents per option.',
    crosstab:
      'A crosstab of two questions (or one, against the total), with bases, percents and tests, as JSON.',
    tabs: 'A tab book: every question (or --rows) against a banner (Total and each --banner question), with bases, percents, letters within each banner group and means, as JSON or an .xlsx workbook.',
    definition:
      'The complete survey definition the file is read with, as JSON: save it, edit it, pass it back with --definition.',
  },
  synopsis: {
    list: 'list [--json]',
    inspect: 'inspect <file> [options]',
    crosstab: 'crosstab <file> --rows <question> [--cols <question>] [options]',
    tabs: 'tabs <file> --banner <question>[,<question>...] [--rows <question>[,...]] [--json | --xlsx <out.xlsx>] [options]',
    definition: 'definition <file> [options] > definition.json',
  },
  flags: {
    rows: {
      value: '<question>',
      help: 'The question down the side, by id or exact text (crosstab: required; tabs: several, comma-separated, default every question).',
    },
    cols: {
      value: '<question>',
      help: 'The question across the top, by id or exact text (default: the total only).',
    },
    where: {
      value: '<question>=<option>',
      help: 'Only respondents who gave this answer; repeat it: ORed on one question, ANDed across questions.',
    },
    'no-tests': { value: '', help: 'Leave out the column-proportion significance letters.' },
    sql: {
      value: '',
      help: 'Print the DuckDB SQL query that counts this table over the same file, instead of the table.',
    },
    banner: {
      value: '<question>[,...]',
      help: 'The banner questions across the top after Total, by id or exact text, comma-separated; <outer>/<inner> nests inner within outer (required).',
    },
    band: {
      value: '<question>=<cut>,<cut>,...',
      help: 'Band a numeric question at these cut points (each starts a band) into <question>_band, usable on the banner (repeatable).',
    },
    nets: {
      value: 'top2bottom2',
      help: 'Add top-2-box and bottom-2-box nets to every ordered scale (1–5, Strongly disagree…Strongly agree).',
    },
    compare: {
      value: '<group|rest>',
      help: 'Letters compare each column with the others of its banner group, or with the rest of the sample (default: group).',
    },
    correction: {
      value: '<none|bonferroni|bh>',
      help: "Correct each row's comparisons within a group: none, Bonferroni or Benjamini–Hochberg (default: none).",
    },
    level: {
      value: '<95[/90]>',
      help: 'Confidence level of uppercase letters, and after a / of lowercase ones (default: 95).',
    },
    xlsx: {
      value: '<out.xlsx>',
      help: 'Write the tab book to this Excel workbook (a contents sheet and one sheet per table) instead of printing JSON.',
    },
    'one-sheet': { value: '', help: 'With --xlsx: every table on one sheet.' },
    base: {
      value: '<n>',
      help: 'Published figures: the respondents behind figures whose file gives no base_n, for their 95% margins of error.',
    },
    deff: {
      value: '<x>',
      help: 'Published figures: the design effect (1 or more) of weighted or clustered figures; margins use the base / x (default: 1).',
    },
    encoding: {
      value: '<name>',
      help: 'Read the file in this encoding: utf-8, utf-16le, utf-16be, gb18030, windows-1252 or macintosh (default: detected).',
    },
    delimiter: {
      value: '<char>',
      help: 'The field separator: "," ";" "|" or tab (also written \\t) (default: detected).',
    },
    definition: {
      value: '<file.json>',
      help: 'Read the file with this survey definition (default: <name>.json beside the data, when present).',
    },
    weight: {
      value: '<column>',
      help: "Weight every figure by this column (default: the definition's weight; without one, unweighted).",
    },
    'no-weight': {
      value: '',
      help: 'Unweighted figures, even when the definition names a weight.',
    },
    multi: {
      value: '<name>=<col>,<col>,...',
      help: 'Read these columns as one multi-answer question called <name>; each column stays its own question too (repeatable).',
    },
    json: {
      value: '',
      help: 'Print JSON (inspect, list; crosstab, definition and tabs without --xlsx always print JSON).',
    },
    help: { value: '', help: 'Print this help and exit.' },
  },
  usage: (synopsis: string) => `Usage: survey-workbench ${synopsis}`,
  optionsHeading: 'Options:',
  commandsHeading: 'Commands:',
  fileOptionsHeading: 'Reading a survey file (inspect, crosstab, tabs, definition):',
  crosstabOptionsHeading: 'crosstab (tabs takes --rows, --where and --no-tests too):',
  tabsOptionsHeading: 'tabs only:',
  inspectOptionsHeading: 'inspect only:',
  commonOptionsHeading: 'Every command:',
  helpHint: 'Run "survey-workbench <command> --help" for the options of one command.',
  exitCodes:
    'Exit codes: 0 done, 1 the file or a question cannot be read (stderr says why), 2 wrong usage.',

  // Usage errors (exit 2).
  noCommand: 'No command given.',
  unknownCommand: (name: string) => `Unknown command "${name}".`,
  unknownFlag: (flag: string) => `Unknown option "${flag}".`,
  missingValue: (flag: string) => `The option ${flag} needs a value.`,
  flagAsValue: (flag: string, value: string) =>
    `The option ${flag} needs a value, but "${value}" is an option, not a value. Write a value that starts with "-" as ${flag}=<value>.`,
  takesNoValue: (flag: string) => `The option ${flag} takes no value.`,
  givenTwice: (flag: string) => `The option ${flag} is given more than once; give it once.`,
  weightConflict: '--weight and --no-weight contradict each other: give one of them.',
  noFile: 'Give the survey file to read.',
  tooManyFiles: (files: string[]) =>
    `Give exactly one survey file, not ${files.length}: ${files.map((f) => `"${f}"`).join(', ')}.`,
  noFileWanted: (extra: string) => `Unexpected argument "${extra}": this command reads no file.`,
  badEncoding: (name: string, valid: readonly string[]) =>
    `Unknown encoding "${name}". Use one of: ${valid.join(', ')}.`,
  badDelimiter: (value: string) =>
    `"${value}" is not a delimiter. Use one of: "," ";" "|" or tab (written \\t or tab).`,
  badWhere: (value: string) =>
    `"--where ${value}" must look like --where <question>=<option>, e.g. --where gender=Female.`,
  badMulti: (value: string) =>
    `"--multi ${value}" must look like --multi <name>=<column>,<column>,..., e.g. --multi leisure=cinema,sport.`,
  rowsMissing: 'Give the question for the rows with --rows <question>.',
  bannerMissing:
    'Give the banner questions with --banner <question>[,<question>...], e.g. --banner gender,age_group.',
  badBand: (value: string) =>
    `"--band ${value}" must look like --band <question>=<cut>,<cut>,... with numbers in increasing order, e.g. --band age=25,35,45,55.`,
  badNets: (value: string) =>
    `"--nets ${value}" is not a kind of nets: the one kind is top2bottom2.`,
  badCompare: (value: string) => `"--compare ${value}" must be group or rest.`,
  badCorrection: (value: string) =>
    `"--correction ${value}" must be none, bonferroni or bh (Benjamini–Hochberg).`,
  badLevel: (value: string) =>
    `"--level ${value}" must be a confidence level in percent, optionally with a lower one after a /, e.g. --level 95 or --level 95/90.`,
  testsOff: (flags: string[]) =>
    `--no-tests leaves out the letters, so ${flags.join(' and ')} would do nothing: give one or the other.`,
  jsonOrXlsx: '--json and --xlsx contradict each other: tabs prints JSON, or writes --xlsx <file>.',
  oneSheetWithoutXlsx: '--one-sheet lays out an .xlsx workbook: give --xlsx <file> too.',
  wroteXlsx: (file: string, tables: number) =>
    `Wrote ${tables} table${tables === 1 ? '' : 's'} to ${file}.`,
  cannotWrite: (file: string, why: string) => `Cannot write ${file}: ${why}`,
  badBase: (value: string) =>
    `"--base ${value}" must be a whole number of respondents, 1 or more, e.g. --base 1200.`,
  badDeff: (value: string) =>
    `"--deff ${value}" must be a design effect of 1 or more, e.g. --deff 1.5.`,

  // Reading files (exit 1).
  cannotRead: (file: string, why: string) => `Cannot read ${file}: ${why}`,
  noSuchFile: 'no such file.',
  isFolder: 'it is a folder, not a file.',
  isPipe: 'it is a named pipe (FIFO), not a file. Save the data to a file and read that.',
  isDevice: 'it is a device, not a file.',
  isSocket: 'it is a socket, not a file.',
  notRegular: 'it is not a regular file.',
  permissionDenied: 'permission denied.',
  tooLarge: (file: string, bytes: number, limit: number) =>
    `${file} is ${bytes.toLocaleString('en-US')} bytes; at most ${limit.toLocaleString('en-US')} bytes (2 GiB - 1) can be read. Split the file, or keep only the columns you need.`,
  definitionTooLarge: (file: string, bytes: number, limit: number) =>
    `${file} is ${bytes.toLocaleString('en-US')} bytes, too large for a survey definition (at most ${limit.toLocaleString('en-US')}). Give the definition file, not the data.`,
  notRespondents:
    'This file holds published percentages, not one row per respondent: this command needs respondent-level data.',
  publishedFlags: (flags: string[]) =>
    `This file holds one row per respondent, not published percentages: ${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} to published figures only (respondent data has its own bases).`,
  respondentFlags: (flags: string[]) =>
    `This file holds published percentages, not one row per respondent: ${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} to respondent-level data only.`,
  noSurveys: (folder: string) => `No bundled surveys (*.csv) found in ${folder}.`,
  internal: (message: string) => `Internal error: ${message}`,

  // inspect and list without --json.
  summaryPublished: (questions: number, series: number, file: string) =>
    `${questions} question${questions === 1 ? '' : 's'}, ${series} series (question × segment) in ${file}`,
  summaryRespondents: (rows: number, file: string, weight: string | null) =>
    `${rows} respondents in ${file}${weight === null ? ', unweighted' : `, weighted by ${weight}`}`,
  kindInferred: (kind: string) => `${kind} (inferred)`,
  noFigures: 'no figures',
  total: (lowerBound: boolean, total: string) => `total ${lowerBound ? 'at least ' : ''}${total}`,
  optionCount: (n: number) => `${n} option${n === 1 ? '' : 's'}`,
  basesFit: (candidates: string[], count: number) =>
    `fits a base of at least ${candidates[0] ?? ''} respondents (${candidates.join(', ')}${count > candidates.length ? ', …' : ''})`,
  noBaseFits: (limit: string) => `fits no unweighted base up to ${limit}`,
  answered: (kind: string, n: number, weighted: string | null) =>
    `${kind}, ${n} answered${weighted === null ? '' : ` (weighted ${weighted})`}`,
  memberOf: (id: string) => `also an option of the multi-answer question "${id}"`,
  moreOptions: (n: number) => `… ${n} more options`,
  warning: (text: string) => `warning: ${text}`,
  listLine: (id: string, title: string, by: string | null, questions: number) =>
    `${id}  ${title}${by === null ? '' : ` (${by})`}: ${questions} question${questions === 1 ? '' : 's'}`,
} as const;

// ---- SPSS system files (src/core/sav) -----------------------------------------
// Each malformed-file message is one clause that follows "Byte 1,234: " and
// says what the bytes claim and why that cannot be, so that a user can tell a
// damaged download from an unsupported file.

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export const savMessages = {
  at: (offset: number) => `Byte ${formatCount(offset)}`,
  advice:
    'The file is damaged (cut short or altered) or was not written as an SPSS system file; save it again from SPSS or PSPP.',
  // Structure: "<what> says <claim>, but only N bytes remain".
  needBytes: (what: string, need: number, have: number) =>
    `${what} needs ${plural(need, 'byte')}, but only ${plural(have, 'byte')} remain in the file`,
  lengthTooLong: (what: string, length: number, have: number) =>
    `${what} says it is ${plural(length, 'byte')} long, more than the ${plural(have, 'byte')} left in the file`,
  countTooLarge: (what: string, count: number, unit: number, have: number) =>
    `${what} says there are ${formatCount(count)}, which would take ${plural(count * unit, 'byte')}, more than the ${plural(have, 'byte')} left in the file`,
  negativeCount: (what: string, count: number) =>
    `${what} says there are ${formatCount(count)}, which is not a count`,
  notSav: 'the file does not start with "$FL2" or "$FL3", so it is not an SPSS system file',
  ebcdic:
    'this SPSS system file is written in EBCDIC (a mainframe character set), which this app does not read; save it again from SPSS on a PC',
  badLayout: (code: number) =>
    `the header's layout code is ${formatCount(code)}, not 2 or 3, so the byte order of the numbers cannot be told`,
  badCompression: (code: number, magic: string) =>
    `the header says compression ${formatCount(code)}, which a ${magic} file cannot have (0 or 1 for $FL2, 2 for $FL3)`,
  badBias: (bias: number) =>
    `the header's compression bias is ${String(bias)}, not a number the compressed data can be read with`,
  notIeee: (rep: number) =>
    `the file's numbers are stored in floating-point format ${formatCount(rep)} (IBM or VAX), not IEEE 754, which this app does not read`,
  unknownRecord: (type: number) =>
    `a record of type ${formatCount(type)} is not part of the SPSS system file format (the dictionary records are types 2, 3, 4, 6, 7 and 999)`,
  badMissingCount: (n: number) =>
    `a variable record says it has ${formatCount(n)} missing values, but the format allows -3, -2, 0, 1, 2 or 3`,
  badWidth: (width: number) =>
    `a variable record says the variable is ${formatCount(width)} bytes wide; a string variable is 1 to 255 bytes wide`,
  stringRanges:
    'a string variable has a range of missing values, which only numeric variables can have',
  orphanContinuation:
    'a long-string continuation record has no string variable before it that needs more room',
  missingContinuation: (name: string, needed: number, got: number) =>
    `string variable ${name} needs ${plural(needed, 'continuation record')} after it, but ${formatCount(got)} follow`,
  noVariables: 'the file has no variables, so there is nothing to read',
  labelsWithoutVariables:
    'a value label record (type 3) is not followed by the record (type 4) that says which variables the labels belong to',
  labelIndex: (index: number, count: number) =>
    `a value label record applies labels to variable number ${formatCount(index)}, but the file has ${plural(count, 'variable record')}`,
  labelOnContinuation: (index: number) =>
    `a value label record applies labels to variable record ${formatCount(index)}, which continues a long string rather than starting a variable`,
  labelMixedTypes:
    'a value label record applies the same labels to numeric and string variables, or to a string wider than 8 bytes',
  vlsUnknown: (name: string) =>
    `the very long string record names variable ${name}, which the file does not have`,
  vlsSegments: (name: string, width: number) =>
    `the very long string record says ${name} is ${plural(width, 'byte')} wide, but the string variables after it do not hold that many segments`,
  vlsBadWidth: (name: string, text: string) =>
    `the very long string record gives ${name} the width "${isolate(text)}", which is not a width of 256 to 32,767 bytes`,
  zlibHeader: (what: string) => `the compressed data's header ${what}`,
  zlibTrailer: (what: string) => `the compressed data's block list ${what}`,
  zlibBlock: (block: number, why: string) =>
    `compressed block ${formatCount(block + 1)} cannot be decompressed (${why})`,
  zlibBlockSize: (block: number, declared: number, got: number) =>
    `compressed block ${formatCount(block + 1)} should decompress to ${plural(declared, 'byte')} but gives ${got > declared ? 'more' : plural(got, 'byte')}`,
  partialCase: (caseNumber: number, variable: string) =>
    `the data ends in the middle of case ${formatCount(caseNumber)} (at variable ${variable})`,
  endInCase: (caseNumber: number, variable: string) =>
    `the compressed data's end code comes in the middle of case ${formatCount(caseNumber)} (at variable ${variable})`,
  fewerCases: (promised: number, found: number) =>
    `the header promises ${plural(promised, 'case')}, but the data holds ${formatCount(found)}`,
  noCases:
    'The SPSS file has a dictionary but no cases (respondents). Choose a file that holds data.',
  // Warnings: the file is read, with this said about it.
  unknownEncoding: (name: string) =>
    `The file says its text is in "${isolate(name)}", which this app does not decode; its text was read as Windows-1252, so some letters may be wrong.`,
  lossyText: (names: string[]) =>
    `Some text did not decode cleanly (shown as �) in ${names.length === 1 ? 'variable' : 'variables'} ${names.join(', ')}. The file's character encoding may be wrong: try choosing another encoding.`,
  weightNotNumeric: (index: number) =>
    `The file names variable record ${formatCount(index)} as its weight, but that is not a numeric variable; the figures are unweighted.`,
  mrsetSkipped: (name: string, why: string) =>
    `The multiple-response set ${name} was left out: ${why}.`,
  mrsetUnknownVariable: (name: string) =>
    `it names variable "${isolate(name)}", which the file does not have`,
  mrsetMixed: 'its variables are not all numeric or all string',
  mrsetEmpty: 'it has no variables',
  mrsetSyntax: (offset: number) =>
    `its record cannot be read past byte ${formatCount(offset)} of the record`,
  // Detected settings, in words.
  encodingRecord: (name: string) => `the file's character encoding record says "${isolate(name)}"`,
  encodingCodePage: (code: number) => `the file's header gives code page ${formatCount(code)}`,
  encodingDefault:
    'the file does not say which character encoding it uses; read as Windows-1252, as SPSS wrote older files',
  encodingChosen: 'chosen by you',
  encodingDefinition: 'as the definition says',
  delimiterReason: 'an SPSS system file has no delimiter (not applicable)',
  shapeReason: 'an SPSS system file holds one case (respondent) per row',
  // Reasons shown in the import preview.
  reasonSingle: (labels: number) =>
    `Single-answer: a numeric variable with ${plural(labels, 'value label')}; answers in code order.`,
  reasonNumeric: 'Numeric: a numeric variable without value labels.',
  reasonNumericMissingLabels:
    'Numeric: a numeric variable whose value labels name only its missing values.',
  reasonString: (detected: string) => `A string variable. ${detected}`,
  reasonStringLabels: (labels: number) =>
    `Single-answer: a string variable with ${plural(labels, 'value label')}.`,
  reasonWeight: 'The weight: the file is weighted by this variable (WEIGHT BY).',
  reasonDichotomy: (counted: string, n: number) =>
    `Multi-answer: the file's multiple dichotomy set; ${plural(n, 'variable')}, each counted when it holds ${counted}.`,
  reasonCategory: (n: number) =>
    `Multi-answer: the file's multiple category set; ${plural(n, 'variable')} each holding one of the options' codes.`,
  reasonRanges: (lo: string, hi: string) =>
    ` Values from ${lo} to ${hi} are missing, as the file declares.`,
} as const;

// ---- Links: reading a view from the address (src/state/url) ------------------

export const linkMessages = {
  unreadable: 'This link could not be read. Showing the library instead.',
  repeated: (key: string) => `This link repeats "${capEcho(key)}". Showing the library instead.`,
  newer: (version: number) =>
    `This link was made by a newer version of Survey Workbench (format ${version}). Showing the library instead.`,
  malformed: (where: string) =>
    `This link is malformed${where ? ` (at "${capEcho(where)}")` : ''}. Showing the library instead.`,
  // What a link names is repeated capped and isolated (capEcho): anyone can write a link.
  noSurvey: 'This link names no survey. Showing the library instead.',
  surveyMissing: (id: string) =>
    `The survey "${capEcho(id)}" is not in this library. Showing the library instead.`,
  questionMissing: (question: string, title: string) =>
    `The question "${capEcho(question)}" is not in "${isolate(title)}". Showing the survey instead.`,
  netsDropped: 'Some nets in this link name options that do not exist; they were left out.',
  compareDropped:
    'Some compared questions in this link are not in this library; they were left out.',
  notRespondents: (title: string) =>
    `"${isolate(title)}" holds published figures, not respondents: compare its segments on a question page instead.`,
  noRowsQuestion: (id: string) => `There is no question "${capEcho(id)}" for the rows.`,
  noColsQuestion: (id: string) => `There is no question "${capEcho(id)}" for the columns.`,
  noWeightColumn: (id: string) =>
    `There is no numeric column "${capEcho(id)}" to weight by; the survey's own weight is used.`,
  filterDropped: (id: string) =>
    `The filter on "${capEcho(id)}" names no question in this survey and was left out.`,
} as const;

// ---- SQL queries (src/core/sql) ---------------------------------------------

/** The text in a message, with what cannot be shown (a NUL, a lone surrogate) as U+FFFD. */
const shown = (text: string): string =>
  `"${capEcho(text.replaceAll('\0', '\uFFFD').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD'))}"`;

export const sqlMessages = {
  unwritable: (what: string, text: string) =>
    `The ${what} ${shown(text)} holds a NUL character or a broken UTF-16 surrogate, which SQL text cannot carry exactly. Rename it in the file, or leave it out of this table.`,
  utf16be:
    'DuckDB reads UTF-16 only little-endian, so it cannot read this UTF-16 BE file. Convert the file to UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8) and make the query for that copy.',
  needsLabels: (question: string) =>
    `Question "${isolate(question)}" is named by option numbers (in a net or a filter), which only the loaded table can turn into answers: pass the table with the schema.`,
  noWeightColumn: (id: string) =>
    `The weight "${isolate(id)}" reads no column of the file, so the query cannot read it. Pick a numeric column.`,
  savNotRead:
    'DuckDB cannot read SPSS files, so there is no query for this one. Save it as CSV (in PSPP or SPSS) and ask again for that file.',
  needsEncodings: (name: string) =>
    `Reading ${name} needs DuckDB's encodings extension: run INSTALL encodings; LOAD encodings; first.`,
} as const;

// ---- Parquet files (src/core/parquet) ---------------------------------------

const parquetBytes = (n: number): string => `${formatCount(n)} byte${n === 1 ? '' : 's'}`;

export const parquetMessages = {
  /** For the synchronous door (loadSurveyFile), which cannot load the reader. */
  needsAsync:
    'This is a Parquet file: its reader is loaded on demand, so it is read through loadSurveyFileAsync.',
  readerMissing: (why: string) =>
    `The Parquet reader could not be loaded (${why}). Reload the page and try again.`,
  advice:
    'The file is damaged (cut short or altered) or was not written completely; write it again from the program that made it.',
  tooShort: (size: number) =>
    `The file is ${parquetBytes(size)} long: too short for a Parquet file, which starts and ends with "PAR1" around its footer.`,
  noTailMagic: (at: number) =>
    `Byte ${formatCount(at)}: the file starts like a Parquet file but does not end with "PAR1", so it was cut short or altered.`,
  footerTooLong: (length: number, at: number) =>
    `Byte ${formatCount(at)}: the footer says it is ${parquetBytes(length)} long, more than the file holds before it.`,
  footer: (from: number, to: number, why: string) =>
    `Bytes ${formatCount(from)}–${formatCount(to)} (the footer) cannot be read: ${why}.`,
  chunk: (column: string, group: number, from: number, to: number, why: string) =>
    `Bytes ${formatCount(from)}–${formatCount(to)} (column "${column}", row group ${formatCount(group + 1)}) cannot be read: ${why}.`,
  page: (column: string, group: number, at: number, why: string) =>
    `Byte ${formatCount(at)} (column "${column}", row group ${formatCount(group + 1)}): ${why}.`,
  outOfMemory: (why: string) =>
    `The file is too large to read in this browser tab (${why}). Try a smaller extract of it.`,
  structure: 'its structure is not what the Parquet format requires',
  pastEnd: 'it points past the end of its bytes',
  tooManyValues: 'it claims more values than can be held',
  unnamedColumn: 'it lists a column without a name',
  noChunk: (column: string, group: number) =>
    `Row group ${formatCount(group + 1)} has no data for column "${column}".`,
  tooManyRows: (stated: number, most: number) =>
    `The footer says the file has ${formatCount(stated)} rows; this app reads at most ${formatCount(most)}.`,
  rowCounts: (stated: number, summed: number) =>
    `The footer says the file has ${formatCount(stated)} rows, but its row groups add up to ${formatCount(summed)}.`,
  pageTooLarge: (codec: string, size: number, from: number) =>
    `a ${codec} page says it expands to ${parquetBytes(size)} from ${parquetBytes(from)}, which that compression cannot do`,
  unsupportedCodec: (codec: string, column: string) =>
    `Column "${column}" is compressed with ${codec}, which this app does not read. Write the file again with snappy, gzip, zstd, brotli or LZ4 compression (or none).`,
  noColumns:
    'The file has no column this app can read (only nested or binary ones). Write the answers as plain columns: text, numbers, booleans or dates.',
  noRows: 'The file has its columns but no rows: there is nobody to count.',
  skippedColumns: (names: string[], why: string) =>
    `${names.length === 1 ? 'Column' : 'Columns'} ${names
      .slice(0, 5)
      .map((n) => `"${n}"`)
      .join(', ')}${names.length > 5 ? ` and ${formatCount(names.length - 5)} more` : ''} ${
      names.length === 1 ? 'was' : 'were'
    } left out: ${why}.`,
  nested: 'lists, structs and maps have no single answer per respondent',
  unsupportedType: 'interval, BSON, geometry and variant values are no survey answers',
  duplicateName: 'another column has the same name',
  definitionFromFile: (why: string) =>
    `The survey definition stored in this Parquet file cannot be used: ${why} Load another definition, or remove it from the file's metadata.`,
  encodingReason: 'Parquet stores text as UTF-8.',
  delimiterReason: 'Parquet stores columns, not delimited text.',
  shapeReason: 'Parquet: one row per respondent, one column per source column.',
  shapeReasonDefinition:
    'Parquet: one row per respondent; the survey definition stored in the file decides the questions.',
};

// ---- Share links and exports (src/state/share, src/core/export) --------------

export const shareMessages = {
  payloadEmpty:
    "This link's survey data is missing (the link ends where the data should be). Ask the sender for the link again, copied in full.",
  payloadNotBase64:
    "This link's survey data is damaged: it holds characters a share link never has, so part of it was probably changed or cut while copying. Ask the sender for the link again, copied in full.",
  payloadTooLong: (chars: number, limit: number) =>
    `This link's survey data is ${chars.toLocaleString('en-US')} characters long, more than the ${limit.toLocaleString('en-US')} a share link carries. Ask the sender for the survey file instead.`,
  payloadNotDeflate:
    "This link's survey data is damaged: it cannot be decompressed, so it was probably cut short or changed while copying. Ask the sender for the link again, copied in full.",
  payloadChecksum:
    "This link's survey data is damaged: its checksum does not match, so some characters were changed while copying. Ask the sender for the link again, copied in full.",
  payloadInflatedTooLarge: (limitBytes: number) =>
    `This link's survey data would unpack to more than ${Math.round(limitBytes / (1024 * 1024))} MB, far more than any shared survey, so it was not opened. Ask the sender for the survey file instead.`,
  payloadNotJson:
    "This link's survey data is damaged: it unpacks, but not to survey data. Ask the sender for the link again, copied in full.",
  payloadVersion: (version: string) =>
    `This link's survey data is in format version ${version}, which this version of the app cannot read. Reload the page to get the newest version of the app, or ask the sender for the survey file.`,
  payloadShape: (path: string, problem: string) =>
    `This link's survey data is damaged: ${path === '' ? 'the survey' : `"${capEcho(path)}"`} ${problem}. Ask the sender for the link again, or for the survey file.`,
  fingerprintInvalid:
    "This link's file fingerprint is damaged (it should be 64 hexadecimal characters). Ask the sender for the link again, copied in full.",
  fingerprintMismatch:
    'This is not the file the link was made from (its fingerprint differs). Ask the sender for the original file.',
} as const;

export const exportMessages = {
  // Data text beside the app's words is isolated (src/core/format/bidi.ts): a label's
  // override must not turn "(n = 1,200)" or the rest of the line around.
  question: (text: string) => `Question: ${isolate(text)}`,
  segment: (segment: string) => `Segment: ${isolate(segment)}`,
  base: (base: string) => `Base: ${isolate(base)}`,
  baseN: (n: number) => `n = ${n.toLocaleString('en-US')}`,
  baseUnknown: 'Base: not published',
  note: (text: string) => `Note: ${isolate(text)}`,
  source: (parts: string[]) => `Source: ${parts.map(isolate).join('. ')}`,
  sourceRespondents: (title: string) => `Source: respondent-level data, "${isolate(title)}"`,
  rows: (text: string) => `Rows: ${isolate(text)}`,
  columns: (text: string) => `Columns: ${isolate(text)}`,
  columnsTotal: 'Columns: Total (no column question)',
  filter: (text: string | null) =>
    `Filter: ${text === null ? 'none (all respondents)' : isolate(text)}`,
  weight: (weight: string | null) =>
    weight === null ? 'Weight: none (unweighted counts)' : `Weight: ${isolate(weight)}`,
  percents: (label: string) => `Percents: ${label}`,
  percentLabels: {
    col: "column percents (each column's respondents are 100%)",
    row: "row percents (each row's respondents are 100%)",
    total: 'total percents (everyone in the table is 100%)',
    cases:
      "percent of those who answered (respondents who chose at least one option are 100%; SPSS's percent of cases)",
    resp: 'percent of respondents (everyone asked the question is 100%, including those who chose none)',
    responses: 'percent of responses (all mentions are 100%)',
  },
  percentFallback: (asked: string) =>
    ` The view asks for ${asked}, which needs a multi-answer question; column percents are shown instead.`,
  chiSquare: (statistic: string, df: number, p: string) =>
    `Chi-square: ${statistic} with ${df} degree${df === 1 ? '' : 's'} of freedom, p ${p}`,
  chiSquareNone: 'Chi-square: not computed for this table',
  tests: (note: string) => `Significance: ${note}`,
  headerOption: 'Option',
  headerPercent: 'Percent',
  headerRank: 'Rank',
  total: 'Total',
  baseRowUnweighted: 'Base (unweighted)',
  baseRowWeighted: 'Base (weighted)',
  baseRowCases: 'Base (cases: chose at least one option)',
  baseRowResponses: 'Base (responses: all mentions)',
  rowBaseUnweighted: 'Row base (unweighted)',
  rowBaseWeighted: 'Row base (weighted)',
  measurePercent: '%',
  measureCount: 'Count',
  measureSig: 'Higher than',
  notApplicable: '–',
  pngFailed:
    'The chart could not be turned into a PNG picture in this browser. Download it as SVG instead (word processors and slide software open SVG too).',
} as const;

// ---- The library in this browser: storage, links, other tabs (src/app, src/ui) --

export const storageMessages = {
  quotaFull: (what: string) =>
    `The browser's storage for this site is full, so ${what} could not be saved. Delete an uploaded survey you no longer need, or free space in the browser's site settings, and try again. The survey is still open for this session.`,
  failed: (what: string, detail: string) =>
    `${what} could not be saved in this browser (${detail}). It stays open for this session only.`,
  whatLibrary: 'The library of uploads',
  whatChange: 'The change',
  whatSurvey: (name: string) => `“${isolate(name)}”`,
  savedUploadBroken: (name: string, detail: string) =>
    `The saved upload “${isolate(name)}” could not be opened (${detail}).`,
  noLongerThere: 'That upload is no longer in the library.',
  // A survey carried in a link is shown, not stored, until the user keeps it.
  fromLinkTag: 'From a link, not saved',
  fromLinkNotice: (title: string) =>
    `“${isolate(title)}” was opened from a link. It is kept only in this tab, not in your library: close the tab and it is gone. Its title, publisher and figures are as the sender wrote them.`,
  keep: 'Keep in my library',
  keepLabel: (title: string) => `Keep ${isolate(title)} in my library`,
  kept: (title: string) => `“${isolate(title)}” is now in your library.`,
  keptAlready: (title: string) => `“${isolate(title)}” was already in your library.`,
  keptUnderNewId: (title: string, taken: string, id: string) =>
    `Your library already holds a different survey under the id "${isolate(taken)}", so “${isolate(title)}” was kept under the new id "${isolate(id)}".`,
  // The need-file flow: the user chose the file, so the survey is saved, and says so.
  fromLinkFileSaved: (title: string) =>
    `“${isolate(title)}” was read from the file you chose, with the link's survey definition, and saved in your library. Delete it there if you do not want to keep it.`,
  // Several tabs share one library.
  renameGone: (name: string) =>
    `“${isolate(name)}” was deleted in another tab, so it was not renamed; it stays deleted.`,
  renameReplaced: (theirs: string, yours: string) =>
    `“${isolate(theirs)}” had just been renamed in another tab; your name “${isolate(yours)}” replaces it.`,
  deleteGone: (name: string) => `“${isolate(name)}” had already been deleted in another tab.`,
  deleted: (name: string) => `Deleted “${isolate(name)}”.`,
  restoreTaken: (name: string, current: string) =>
    `“${isolate(name)}” was not restored: since you deleted it, another tab saved “${isolate(current)}” under its id, and undoing would overwrite it.`,
  restoreChanged: (name: string) =>
    `“${isolate(name)}” was not restored: another tab saved and deleted a survey under its id since you deleted it.`,
  remoteDeleted: (name: string) => `“${isolate(name)}” was deleted in another tab.`,
  remoteRenamed: (from: string, to: string) =>
    `“${isolate(from)}” was renamed “${isolate(to)}” in another tab.`,
} as const;

// ---- The app's pages (src/state/models, src/ui) -------------------------------

export const libraryMessages = {
  respondents: (n: string) => `${n} respondents`,
  /** The sidebar's group for respondent-level data, which has no publisher. */
  respondentGroup: 'Respondent data',
  unknownPublisher: 'Unknown publisher',
  none: '—',
  columnRespondents: 'Respondents',
  /** The accessible name holds the visible text ("Export CSV") first, then what it exports. */
  exportCsv: (title: string) => `Export CSV of ${title}`,
  surveysCaption: (n: number) => `${n} survey${n === 1 ? '' : 's'}`,
} as const;

export const appMessages = {
  menu: 'Surveys',
  importCancelled: 'Import cancelled. Nothing was imported; your library is unchanged.',
  nothingImported: 'Nothing was imported; your library is unchanged.',
  /** Appended to an import failure, unless the failure already says it. */
  withNothingImported: (message: string) =>
    /nothing was imported/i.test(message)
      ? message
      : `${message} Nothing was imported; your library is unchanged.`,
} as const;

export const flagsPageMessages = {
  /** Several segments of one question share a flag: one row names them all. */
  segments: (segments: string[]) =>
    segments.length <= 3
      ? segments.join(', ')
      : `${segments.length} segments: ${segments.slice(0, 3).join(', ')} and ${segments.length - 3} more`,
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
} as const;

// ---- Views and links ---------------------------------------------------------
