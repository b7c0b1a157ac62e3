// Published figures read like an analyst (src/core/published, src/core/compare):
// bases from rounding, margins of error, tests between segments, bounds.
import { isolate } from '../format/bidi';

const analystQuoted = (label: string) => `"${isolate(label)}"`;

export const analystMessages = {
  // Bases from rounding (published/bases.ts).
  basesHeading: 'Bases from rounding',
  basesFit: (candidates: readonly string[], more: boolean, smallest: string) =>
    `These figures fit a base of ${candidates.join(', ')}${more ? ', …' : ''}: each printed percent is a whole number of that many people, rounded as printed. They cannot come from fewer than ${smallest} people (unless they are weighted: weighted figures need not fit any base).`,
  basesCount: (count: string, limit: string) => `${count} of the bases from 1 to ${limit} fit.`,
  statedFits: (n: string) => `The stated base of ${n} respondents fits every figure.`,
  noBaseFits: (limit: string) =>
    `These figures fit no base of whole respondents up to ${limit}. Weighted figures fail this test legitimately, so this is no error; but no smallest base can be given, and margins of error need a base you type.`,

  // The base and design-effect inputs.
  controlsLabel: 'Margins of error (95% intervals)',
  baseLabel: 'Base (respondents)',
  baseHint:
    'Empty: the base the file states, or else the smallest base the figures fit. A base you type applies where the file states none.',
  deffLabel: 'Design effect',
  deffHint:
    '1 for a simple random sample; more for weighted or clustered samples (the effective base is the base ÷ the design effect).',
  // Respondent data: no base to type (core/published/marginBase.ts respondentMarginBase).
  baseRespondents:
    'Base: the respondents who answered each question, counted from the data (no base to type).',
  baseRespondentsWeighted: (weight: string) =>
    `Base: Kish's effective base of the respondents who answered each question, weighted by ${isolate(weight)}, counted from the data (no base to type).`,
  deffHintRespondents: (weighted: boolean) =>
    weighted
      ? "Empty or 1: the weighting's effective base alone; more for clustering or a design the weight does not capture (the effective base ÷ the design effect)."
      : 'Empty or 1 for a simple random sample; more for clustered samples (the effective base is the base ÷ the design effect).',
  basePlaceholder: 'e.g. 1200',
  deffPlaceholder: '1',
  apply: 'Apply',
  clear: 'Clear',
  baseInvalid: (text: string) =>
    `${analystQuoted(text)} is not a base: type a whole number of respondents from 1 to 10,000,000, or leave it empty.`,
  deffInvalid: (text: string) =>
    `${analystQuoted(text)} is not a design effect: type a number from 1 (a simple random sample) to 999, with at most 3 decimals.`,

  // Which base the intervals use.
  usesStated: (n: string) => `Intervals use the stated base of ${n} respondents.`,
  usesStatedOverTyped: (n: string, typed: string) =>
    `Intervals use the stated base of ${n} respondents (the base you typed, ${typed}, applies where the file states none).`,
  usesTyped: (n: string) => `Intervals use the base you typed, ${n}.`,
  typedMisfits: (n: string) =>
    `Some printed figures cannot be a whole number out of ${n}, rounded as printed: check the base (weighted figures fail this test too).`,
  usesSmallest: (n: string, margin: string) =>
    `Intervals use the smallest base these figures fit, ${n}: the margins are at most ±${margin} points (a larger base gives smaller margins).`,
  noIntervals: (limit: string) =>
    `No intervals: the file states no base and the figures fit none up to ${limit}. Type a base above to see margins of error.`,
  noIntervalsRespondents: 'No intervals: this question has no base.',
  effective: (n: string, deff: string, effective: string) =>
    `With a design effect of ${deff}, the effective base is ${n} ÷ ${deff} = ${effective}.`,
  usesEffective: (effective: string, respondents: string, weight: string) =>
    `Intervals use the effective base of ${effective} of ${respondents} respondents (Kish), weighted by ${isolate(weight)}: weighting costs precision.`,
  typedNotUsed: (typed: string) =>
    `The base you typed, ${typed}, is not used: respondent data states its own.`,
  effectiveOnKish: (kish: string, deff: string, effective: string) =>
    `The design effect of ${deff} is applied on top of the weighting's: ${kish} ÷ ${deff} = ${effective}.`,

  // The interval column, the chart's error bars and the export.
  intervalHeader: '95% interval',
  intervalCell: (low: string, high: string) => `${low}–${high}`,
  noIntervalLowerBound: (printed: string) =>
    `No interval: ${printed} is a lower bound, so the figure itself is not known.`,
  noIntervalNoFigure: 'No interval: no figure is published for this option.',
  intervalFootnote:
    '— : no interval, for a lower bound such as "30+%" or an option without a figure.',
  chartIntervals:
    'A thin line across each bar shows its 95% interval; the table below lists the intervals.',
  barTooltipInterval: (low: string, high: string) => `95% interval ${low}–${high}%`,
  exportIntervals: (uses: string, deff: string, effective: string) =>
    `Wilson 95% intervals. ${uses} Design effect ${deff}: effective base ${effective}.`,
  exportLow: '95% low',
  exportHigh: '95% high',

  // Compare: two-proportion tests.
  testHeader: 'Test (95%)',
  testHeaderTitle:
    'Two-sided two-proportion z-test at 95% of this column against the first, using both bases',
  significant: (p: string) => `significant (p ${p})`,
  notSignificant: (p: string) => `not significant (p ${p})`,
  untestableLowerBound: 'not testable: a lower bound',
  untestableNoVariance: 'not testable: both 0% or both 100%',
  notTestable: 'Not testable without a base.',
  compareTested:
    'Differences are tested (two-sided two-proportion z-test at 95%) only where both columns have a base: stated in the file, counted from respondent data (Kish’s effective base when weighted), or typed above for this question.',
  compareDeff: (deff: string) =>
    `This question’s bases are divided by the design effect of ${deff} typed above, as its margins are; other surveys’ are not.`,
  compareUntested:
    'Differences are not testable without a base for both columns. Type a base above to test this question’s segments against each other.',

  // Bounds for what was not published.
  boundsHeading: 'How many chose both?',
  boundsIntro:
    'A report gives the share choosing each option, not how many chose two together. The printed shares still bound it.',
  firstOption: 'First option',
  secondOption: 'Second option',
  chooseOption: 'Choose an option…',
  pairSentence: (a: string, b: string, both: string, either: string) =>
    `Between ${both} chose both ${analystQuoted(a)} and ${analystQuoted(b)}; between ${either} chose either (or both).`,
  pairSame: 'Choose two different options.',
  pairMissing: (label: string) => `${analystQuoted(label)} has no figure in this segment.`,
  pairNote:
    'These are bounds from the printed shares, not estimates: any share in the range fits the published figures. Rounding is not added.',
  crossLabel: 'Cross with another one-answer question of this survey',
  chooseQuestion: 'Choose a question…',
  crossCaption: (rows: string, cols: string, segment: string | null) =>
    `Bounds from the marginals, not estimates: ${isolate(rows)} by ${isolate(cols)}${segment === null ? '' : ` (${isolate(segment)})`}, each cell as a share of all respondents.`,
  crossNote:
    'Each cell lies in [max(0, row + column − 100), min(row, column)] percent of all respondents. Each end can be reached, one cell at a time, by some table with these marginals. This holds only if both questions were asked of the same people; options printed as lower bounds or without figures are left out.',
  crossRange: (low: string, high: string) => `${low}–${high}%`,
} as const;
