// Published distributions (src/core/published): the format's errors, and the
// flags on analysed questions.
import { isolate } from '../format/bidi';
import { listWords } from './words';

/** A published-distribution file's problems; the place ("Line 7, column 12 ("percent"): ") is put before them by `located`. */
export const publishedErrors = {
  'distribution-no-rows':
    'The file has a header line but no rows. Add one row per option: question, option, percent.',
  'distribution-missing-columns': (missing: string[]) =>
    `The header has no ${missing.map((m) => `"${isolate(m)}"`).join(', ')} column${missing.length === 1 ? '' : 's'}. A published-distribution file needs the columns "question", "option" and "percent".`,
  'distribution-unknown-column': (name: string, allowed: readonly string[]) =>
    `Unknown column "${isolate(name)}". Rename it to one of ${allowed.map((a) => `"${isolate(a)}"`).join(', ')} (or delete the column), so that no figures are silently left out.`,
  'distribution-unnamed-column': (allowed: readonly string[]) =>
    `This column has values but no name. Name it one of ${allowed.map((a) => `"${isolate(a)}"`).join(', ')}, or delete it.`,
  'distribution-duplicate-column': (name: string, first: number) =>
    `The column "${isolate(name)}" appears twice (first as column ${first}). Keep one of them.`,
  'distribution-extra-field': (count: number) =>
    `This row has a value beyond the last column of the header (it has ${count} fields). Remove it, or add a column name for it.`,
  'distribution-unclosed-quote':
    'A quoted value starts here but its closing quote is missing. Add the closing " or remove the opening one.',
  'distribution-survey-conflict': (
    column: string,
    value: string,
    first: string,
    firstLine: number,
  ) =>
    `"${isolate(value)}" differs from the ${column} "${isolate(first)}" given on line ${firstLine}. A file holds one survey: leave ${column} blank after its first row, or split the file.`,
  'distribution-row-before-question': (column: string) =>
    `This row has options but no question yet. Give the ${column} on the first row of each question.`,
  'distribution-question-text-missing':
    'This row starts a new question but its "question" cell is blank. Write the question text on the first row of each question.',
  'distribution-question-conflict': (
    column: string,
    value: string,
    first: string,
    firstLine: number,
  ) =>
    `"${isolate(value)}" differs from the ${column} "${isolate(first)}" given for this question on line ${firstLine}. Leave it blank on the question's later rows, or give this row its own question_id to start a new question.`,
  'distribution-duplicate-question-id': (id: string, firstLine: number) =>
    `The question_id "${isolate(id)}" was already used by the question starting on line ${firstLine}. Give each question its own id and keep a question's rows together.`,
  'distribution-bad-kind': (text: string) =>
    `"${isolate(text)}" is not a question kind. Write single, multi, numeric or text (or leave it blank to infer it from the total).`,
  'distribution-segment-missing': (segment: string) =>
    `This question is split into segments ("${isolate(segment)}" starts here), but its first rows have no segment. Give the segment on the first row of every segment.`,
  'distribution-duplicate-segment': (segment: string, firstLine: number) =>
    `The segment "${isolate(segment)}" of this question already started on line ${firstLine}. Keep each segment's rows together.`,
  'distribution-segment-conflict': (
    column: string,
    value: string,
    first: string,
    firstLine: number,
  ) =>
    `"${isolate(value)}" differs from the ${column} "${isolate(first)}" given for this segment on line ${firstLine}. Give it once, on the segment's first row.`,
  'distribution-bad-subgroup': (text: string) =>
    `"${isolate(text)}" is not yes or no. Write yes when only a subgroup was asked, no (or leave it blank) otherwise.`,
  'distribution-bad-base-n': (text: string) =>
    `"${isolate(text)}" is not a number of respondents. Write a whole number like 1200, or leave the cell blank.`,
  'distribution-missing-option': (value: string) =>
    `"${isolate(value)}" is given without an option label. Write the option's label in the "option" column.`,
  'distribution-bad-percent': (text: string) =>
    `"${isolate(text)}" is not a percent. Write it as printed: 38.07, 38.07%, 29, 30+% for "at least 30%", or leave it blank when no figure is published.`,
  'distribution-bad-rank': (text: string) =>
    `"${isolate(text)}" is not a rank. Write a whole number like 3 or #3, or leave it blank.`,
  'distribution-duplicate-option': (label: string, firstLine: number) =>
    `The option "${isolate(label)}" already appears on line ${firstLine} in this question and segment. Give each option once (use a segment for another group of respondents).`,
  // A published banner table (published/bannerTable.ts).
  'banner-no-question':
    'Percent cells appear before any question row. Put the question text in the first column on its own row above its options.',
  'banner-bad-percent': (text: string) =>
    `"${isolate(text)}" is not a percent. Write a number like 37, 37% or 37.5% (or leave the cell blank when there is no figure).`,
} as const;

export const publishedMessages = {
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
  /** Why a net is what it is (the question page's net rows). */
  netSum: 'One answer per respondent: the net is the sum of the options.',
  netRange:
    'Multiple answers allowed: the share choosing any of these lies between the largest option and the sum (capped at 100%); published percents cannot say where.',
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
