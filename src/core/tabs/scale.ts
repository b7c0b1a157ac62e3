// Ordered scales: which single-answer questions are ratings, the score of each
// option, and which options make the top-2 and bottom-2 boxes. Options come in
// the file's order of first appearance, so the scale's order is read from the
// labels themselves, never from their positions:
//   - numbered: every option starts with a whole number ("1", "2 - Disagree",
//     "7 = Extremely likely") and the numbers run 1, 2, 3… with no gap (0–10
//     too). A gap means bands, not a scale ("18-24", "25-34" start 18, 25).
//     Scores are the numbers.
//   - worded: every option is a known phrase of one family (agree/disagree,
//     satisfied/dissatisfied, likely/unlikely, never…always, or "very /
//     somewhat / not very / not at all <the same word>"). Scores are 1, 2, 3…
//     from the most negative option.
// Answers such as "No answer" or "Don't know" are off the scale: no score, in
// no box, left out of means. Anything else unknown means it is not a scale.

export interface OrderedScale {
  /** scores[k]: the score of option k; null: off the scale ("No answer", "Don't know"). */
  scores: (number | null)[];
  /** Option indexes of the two highest and the two lowest scores (empty below four points). */
  top2: number[];
  bottom2: number[];
}

/** Fewest points for a scale: a mean of two answers is a proportion. */
const MIN_POINTS = 3;
/** Top-2 and bottom-2 boxes need four points, or the boxes overlap. */
const BOX_POINTS = 4;
/** 0–10 is the longest numbered scale in common use. */
const MAX_POINTS = 11;

const OFF_SCALE = new Set([
  'no answer',
  'not answered',
  "don't know",
  'do not know',
  'dont know',
  'dk',
  'not sure',
  "can't say",
  'cannot say',
  'refused',
  'prefer not to say',
  'prefer not to answer',
  'not applicable',
  'n/a',
  'na',
]);

/** Lower case, one space, plain apostrophes (’ and the ? a lost ’ decodes to), no trailing dot. */
function normal(label: string): string {
  return label
    .toLowerCase()
    .replace(/[\u2018\u2019`´]|(?<=[a-z])\?(?=[a-z])/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .trim();
}

// Worded families: phrase -> position (higher is more positive). Positions
// only order the options; scores are re-numbered 1, 2, 3… over those present.
const AGREE: Record<string, number> = {
  'strongly disagree': 1,
  'completely disagree': 1,
  'totally disagree': 1,
  'disagree strongly': 1,
  disagree: 2,
  'somewhat disagree': 3,
  'slightly disagree': 3,
  'tend to disagree': 3,
  'mostly disagree': 3,
  'disagree somewhat': 3,
  'neither agree nor disagree': 4,
  'neither agree or disagree': 4,
  'neither disagree nor agree': 4,
  'somewhat agree': 5,
  'slightly agree': 5,
  'tend to agree': 5,
  'mostly agree': 5,
  'agree somewhat': 5,
  agree: 6,
  'strongly agree': 7,
  'completely agree': 7,
  'totally agree': 7,
  'agree strongly': 7,
};

const SATISFIED: Record<string, number> = {
  'very dissatisfied': 1,
  'extremely dissatisfied': 1,
  'completely dissatisfied': 1,
  'very unsatisfied': 1,
  dissatisfied: 2,
  unsatisfied: 2,
  'somewhat dissatisfied': 3,
  'fairly dissatisfied': 3,
  'slightly dissatisfied': 3,
  'neither satisfied nor dissatisfied': 4,
  'neither satisfied or dissatisfied': 4,
  'somewhat satisfied': 5,
  'fairly satisfied': 5,
  'slightly satisfied': 5,
  satisfied: 6,
  'very satisfied': 7,
  'extremely satisfied': 7,
  'completely satisfied': 7,
};

const LIKELY: Record<string, number> = {
  'very unlikely': 1,
  'extremely unlikely': 1,
  'not at all likely': 1,
  unlikely: 2,
  'not very likely': 2,
  'somewhat unlikely': 3,
  'fairly unlikely': 3,
  'neither likely nor unlikely': 4,
  'neither likely or unlikely': 4,
  'somewhat likely': 5,
  'fairly likely': 5,
  likely: 6,
  'very likely': 7,
  'extremely likely': 7,
};

const FREQUENCY: Record<string, number> = {
  never: 1,
  rarely: 2,
  seldom: 2,
  sometimes: 3,
  occasionally: 3,
  often: 4,
  frequently: 4,
  usually: 4,
  'very often': 5,
  always: 6,
};

/** "neither" alone is the middle of whichever family the other options belong to. */
const NEUTRAL = new Set(['neither', 'neutral', 'neither nor']);

const FAMILIES = [AGREE, SATISFIED, LIKELY, FREQUENCY];

/** Intensity words before one shared word: "Very / Somewhat / Not very / Not at all masculine". */
const INTENSITY: [string, number][] = [
  ['not at all', 1],
  ['not very', 2],
  ['not too', 2],
  ['not so', 2],
  ['slightly', 3],
  ['a little', 3],
  ['somewhat', 4],
  ['fairly', 4],
  ['moderately', 4],
  ['quite', 5],
  ['very', 6],
  ['extremely', 7],
  ['completely', 7],
];

/** Positions of worded labels (null off the scale), or null when they are not one known family. */
function wordedPositions(labels: readonly string[]): (number | null)[] | null {
  const words = labels.map(normal);
  for (const family of FAMILIES) {
    const middle = (Math.min(...Object.values(family)) + Math.max(...Object.values(family))) / 2;
    const pos = words.map((w) =>
      OFF_SCALE.has(w) ? null : (family[w] ?? (NEUTRAL.has(w) ? middle : undefined)),
    );
    if (pos.every((p) => p !== undefined)) return pos as (number | null)[];
  }
  // One shared word after intensity words.
  let stem: string | null = null;
  const pos: (number | null)[] = [];
  for (const w of words) {
    if (OFF_SCALE.has(w)) {
      pos.push(null);
      continue;
    }
    const found = INTENSITY.find(([prefix]) => w.startsWith(`${prefix} `));
    if (found === undefined) return null;
    const rest = w.slice(found[0].length + 1);
    if (stem !== null && rest !== stem) return null;
    stem = rest;
    pos.push(found[1]);
  }
  return stem === null ? null : pos;
}

/** The leading whole number of a numbered option ("5", "5 - Agree", "5 = Very likely"), or undefined. */
function leadingNumber(label: string): number | undefined {
  const m = /^\s*(\d{1,2})(?:\s*$|\s*[-–—=:.)]\s*\D|\s+\D)/.exec(label);
  // "18-24" is a band: a number after the dash.
  if (m === null || /^\s*\d+\s*[-–—]\s*\d/.test(label)) return undefined;
  return Number(m[1]);
}

function numberedPositions(labels: readonly string[]): (number | null)[] | null {
  const pos = labels.map((l) => (OFF_SCALE.has(normal(l)) ? null : leadingNumber(l)));
  if (pos.some((p) => p === undefined)) return null;
  const on = (pos as (number | null)[]).filter((p): p is number => p !== null);
  const sorted = [...new Set(on)].sort((a, b) => a - b);
  if (sorted.length !== on.length || sorted.length > MAX_POINTS) return null;
  // 1, 2, 3… (or 0, 1, 2…) with no gap.
  if (sorted[0]! > 1 || sorted.some((p, i) => i > 0 && p !== sorted[i - 1]! + 1)) return null;
  return pos as (number | null)[];
}

/**
 * Whether a numbered scale's words run the other way ("1 - Strongly agree …
 * 5 - Strongly disagree"): then the top box is the lowest numbers.
 */
function wordsDescend(labels: readonly string[], numbers: readonly (number | null)[]): boolean {
  const rest = labels.map((l) => l.replace(/^\s*\d{1,2}\s*[-–—=:.)]?\s*/, ''));
  const withText = rest
    .map((r, i) => (r !== '' && numbers[i] !== null ? i : -1))
    .filter((i) => i >= 0);
  if (withText.length < 2) return false;
  const words = wordedPositions(withText.map((i) => rest[i]!));
  if (words === null) return false;
  let agree = 0;
  for (let a = 0; a < withText.length; a++)
    for (let b = a + 1; b < withText.length; b++) {
      const dn = numbers[withText[a]!]! - numbers[withText[b]!]!;
      const dw = words[a]! - words[b]!;
      agree += Math.sign(dn) * Math.sign(dw);
    }
  return agree < 0;
}

/** The ordered scale these options form, or null when they form none. */
export function orderedScale(labels: readonly string[]): OrderedScale | null {
  let scores: (number | null)[];
  let descending = false;
  const numbered = numberedPositions(labels);
  if (numbered !== null) {
    scores = numbered;
    descending = wordsDescend(labels, numbered);
  } else {
    const worded = wordedPositions(labels);
    if (worded === null) return null;
    const distinct = [...new Set(worded.filter((p): p is number => p !== null))].sort(
      (a, b) => a - b,
    );
    if (distinct.length !== worded.filter((p) => p !== null).length) return null;
    scores = worded.map((p) => (p === null ? null : distinct.indexOf(p) + 1));
  }
  const on = scores
    .map((s, k) => ({ s, k }))
    .filter((e): e is { s: number; k: number } => e.s !== null)
    .sort((a, b) => a.s - b.s);
  if (on.length < MIN_POINTS) return null;
  const boxes = on.length >= BOX_POINTS;
  const low = boxes ? on.slice(0, 2).map((e) => e.k) : [];
  const high = boxes
    ? on
        .slice(-2)
        .map((e) => e.k)
        .reverse()
    : [];
  return {
    scores,
    top2: descending ? low : high,
    bottom2: descending ? high : low,
  };
}
