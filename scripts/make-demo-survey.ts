// Writes surveys/demo-simulated-wechat-respondents.csv (+ .json sidecar): a
// seeded simulation of WeChat users whose answers reproduce the marginals that
// Sootoo Research published in June 2013 (surveys/sootoo-2013-06-wechat-users.csv).
// Simulated respondents, not real data.
//
//   npx tsx scripts/make-demo-survey.ts
//
// How: segments (gender, age group, city tier) are drawn from a deliberately
// skewed "online panel" mix, and a weight rakes (iterative proportional
// fitting) gender, age group and city tier to population targets. Every answer
// is then given to the respondents ranked highest on a latent score (segment
// effect plus noise) until their weights add up to the published share: so the
// WEIGHTED marginals equal the published percents (to within about one
// respondent's weight, ~0.1 points), and answers correlate with segments.
//
// To keep the file small, the multi-answer reasons use short labels; REASONS
// maps each to Sootoo's wording.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../perf/random';
import { loadSurveyFile } from '../src/core/pipeline';
import {
  DEFINITION_FORMAT,
  DEFINITION_VERSION,
  formatDefinition,
  type SurveyDefinition,
} from '../src/core/definition/definition';

export const SEED = 20130620;
/** About 1,600 respondents would exceed the ~150 KB budget for a bundled file; 1,500 fits. */
export const N = 1500;

export const GENDERS = ['Male', 'Female'];
export const AGES = ['18-24', '25-30', '31-40', '41+'];
export const TIERS = ['Tier 1', 'Tier 2', 'Tier 3+'];
/** The sample's skewed mix (IT-news readers) and the population targets the weight rakes to. */
const SAMPLE = { gender: [0.62, 0.38], age: [0.34, 0.36, 0.22, 0.08], tier: [0.5, 0.3, 0.2] };
export const TARGETS = {
  gender: [0.54, 0.46],
  age: [0.3, 0.32, 0.26, 0.12],
  tier: [0.3, 0.35, 0.35],
};

export const Q_FREQUENCY = 'How often do you use WeChat?';
export const Q_REASONS = 'What is the reason that you started to use WeChat?';
export const Q_ACCOUNTS = 'Which type of official accounts do you follow?';

/** [label, published percent] */
export const FREQUENCY: [string, number][] = [
  ['Many times in a day', 36.23],
  ['One time in a day', 27.17],
  ['One time in few days', 21.24],
  ['One time in a week', 15.36],
];
/** [short label, Sootoo's wording, published percent of respondents] */
export const REASONS: [string, string, number][] = [
  ['Friends use it', 'That reason is that friends or colleagues have already used WeChat', 71.34],
  ['Curious about it', 'That reason is that was interested in WeChat', 47.42],
  ['Voice and text', 'That reason is that can send the voice or text by WeChat', 34.05],
  ['Video calls', 'That reason is that can use video call on WeChat', 29.31],
  ['Group voice chat', 'That reason is that can use group voice chat on WeChat', 21.34],
  ['Tencent products', 'That reason is that use every time the products provided by Tencent', 2.59],
];
export const ACCOUNTS: [string, number][] = [
  ['Leisure and Life', 36.12],
  ['Corporate', 16.74],
  ['News and Media', 26.48],
  ['Famous person and star', 42.29],
  ['Other', 12.78],
];

export interface DemoSurvey {
  csv: string;
  sidecar: string;
}

export function makeDemoSurvey(seed = SEED, n = N): DemoSurvey {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const pick = (shares: number[]) => {
    let u = rand();
    for (let k = 0; k < shares.length; k++) if ((u -= shares[k]!) < 0) return k;
    return shares.length - 1;
  };
  // Segments, shuffled into a random order by drawing them independently.
  const gender = Array.from({ length: n }, () => pick(SAMPLE.gender));
  const age = Array.from({ length: n }, () => pick(SAMPLE.age));
  const tier = Array.from({ length: n }, () => pick(SAMPLE.tier));

  // Rake gender, age and tier to TARGETS.
  const weight = new Array<number>(n).fill(1);
  const dims: [number[], number[]][] = [
    [gender, TARGETS.gender],
    [age, TARGETS.age],
    [tier, TARGETS.tier],
  ];
  for (let iter = 0; iter < 100; iter++) {
    for (const [codes, target] of dims) {
      const sums = target.map(() => 0);
      codes.forEach((c, i) => (sums[c]! += weight[i]!));
      const factors = target.map((t, c) => (t * n) / sums[c]!);
      codes.forEach((c, i) => (weight[i]! *= factors[c]!));
    }
  }

  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const cell = (i: number) => (gender[i]! * 4 + age[i]!) * 3 + tier[i]!;

  // Give each option to the highest-scoring respondents until their weights add
  // up to the published share of the total weight.
  const rankBy = (score: (i: number) => number) =>
    [...Array(n).keys()].map((i) => [score(i) + normal(), i] as const).sort((a, b) => b[0] - a[0]);

  // Frequency: younger and big-city users use it more often.
  const frequency = new Array<number>(n);
  const cumulative: number[] = [];
  FREQUENCY.reduce((acc, f) => {
    cumulative.push(acc + (f[1] / 100) * totalWeight);
    return acc + (f[1] / 100) * totalWeight;
  }, 0);
  let k = 0;
  let sum = 0;
  for (const [, i] of rankBy((i) => -0.45 * age[i]! + 0.35 * (tier[i] === 0 ? 1 : 0))) {
    // Move on once this respondent's weight would overshoot by more than half.
    while (k < FREQUENCY.length - 1 && sum + weight[i]! / 2 > cumulative[k]!) k++;
    frequency[i] = k;
    sum += weight[i]!;
  }

  const multiAnswer = (shares: number[], effect: (option: number, i: number) => number) => {
    const chosen = Array.from({ length: n }, () => [] as number[]);
    shares.forEach((share, option) => {
      const target = (share / 100) * totalWeight;
      let sum = 0;
      for (const [, i] of rankBy((i) => effect(option, i))) {
        if (sum + weight[i]! / 2 > target) break;
        chosen[i]!.push(option);
        sum += weight[i]!;
      }
    });
    // Everyone asked gives at least one answer: a respondent with none takes an
    // option from someone of the same segment cell (so the same weight) who chose
    // several, so every option's weighted share stays as it was.
    for (let i = 0; i < n; i++) {
      if (chosen[i]!.length > 0) continue;
      let donor = chosen.findIndex((c, j) => c.length >= 2 && cell(j) === cell(i));
      if (donor < 0) donor = chosen.findIndex((c) => c.length >= 2);
      const option = chosen[donor]!.splice(Math.floor(rand() * chosen[donor]!.length), 1)[0]!;
      chosen[i]!.push(option);
    }
    return chosen;
  };
  const female = (i: number) => (gender[i] === 1 ? 1 : 0);
  const young = (i: number) => (age[i]! <= 1 ? 1 : 0);
  const reasons = multiAnswer(
    REASONS.map((r) => r[2]),
    (o, i) =>
      [0.5 * female(i), 0.4 * young(i), 0.2 * (1 - female(i)), 0.6 * young(i), 0.3 * young(i), 0][
        o
      ]!,
  );
  const accounts = multiAnswer(
    ACCOUNTS.map((a) => a[1]),
    (o, i) =>
      [
        0.4 * female(i),
        0.6 * (tier[i] === 0 ? 1 : 0),
        0.5 * (1 - female(i)) + 0.3 * (age[i]! >= 2 ? 1 : 0),
        0.5 * female(i) + 0.6 * young(i),
        0,
      ][o]!,
  );

  const header = [
    'respondent_id',
    'gender',
    'age_group',
    'city_tier',
    Q_FREQUENCY,
    Q_REASONS,
    Q_ACCOUNTS,
    'weight',
  ];
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) {
    lines.push(
      [
        String(i + 1),
        GENDERS[gender[i]!],
        AGES[age[i]!],
        TIERS[tier[i]!],
        FREQUENCY[frequency[i]!]![0],
        reasons[i]!.sort((a, b) => a - b)
          .map((o) => REASONS[o]![0])
          .join(';'),
        accounts[i]!.sort((a, b) => a - b)
          .map((o) => ACCOUNTS[o]![0])
          .join(';'),
        weight[i]!.toFixed(3),
      ].join(','),
    );
  }
  const csv = lines.join('\n') + '\n';
  // The survey definition beside the data: title, notice, source, the weight (decided,
  // never guessed), and the answer order readers expect rather than the order answers
  // first appear. Written complete, as the app writes one, by reading the file with it.
  const seedDefinition: SurveyDefinition = {
    format: DEFINITION_FORMAT,
    version: DEFINITION_VERSION,
    title: 'WeChat users (simulated respondents)',
    notice: 'Simulated respondents, not real data',
    source: `Seeded simulation matching Sootoo Research's June 2013 marginals (seed ${seed})`,
    weight: 'weight',
    id: 'respondent_id',
    questions: [
      {
        id: Q_FREQUENCY,
        text: Q_FREQUENCY,
        kind: 'single',
        columns: [Q_FREQUENCY],
        answers: FREQUENCY.map(([label]) => label),
      },
      {
        id: 'city_tier',
        text: 'city_tier',
        kind: 'single',
        columns: ['city_tier'],
        answers: TIERS,
      },
    ],
  };
  const loaded = loadSurveyFile(new TextEncoder().encode(csv), {
    file: 'demo-simulated-wechat-respondents.csv',
    definition: seedDefinition,
  });
  if (!loaded.ok || loaded.value.kind !== 'respondents')
    throw new Error(`the demo does not read back: ${JSON.stringify(loaded)}`);
  return { csv, sidecar: formatDefinition(loaded.value.definition) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = makeDemoSurvey();
  const base = new URL('../surveys/demo-simulated-wechat-respondents', import.meta.url);
  writeFileSync(fileURLToPath(`${base.href}.csv`), demo.csv);
  writeFileSync(fileURLToPath(`${base.href}.json`), demo.sidecar);
  process.stdout.write(`wrote ${N} simulated respondents (${demo.csv.length} bytes)\n`);
}
