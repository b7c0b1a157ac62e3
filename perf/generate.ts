// A seeded respondent-level survey for the benchmark, written straight into a
// Uint8Array (UTF-8 CSV, no intermediate string): respondent_id, weight, then
// 30 questions Q1..Q30. 22 are single-answer (3-12 options), 8 multi-answer
// (5-15 options joined by `;`). Every third question has Chinese labels; the
// English labels include some with commas and quotes, so cells get quoted.
// Answers are skewed per question; ~3% of single answers are blank (missing)
// and ~8% of multi-answer cells are blank (not asked).
import { mulberry32 } from './random';

const DEFAULT_SEED = 20240601;
export const MULTI_IDS = ['Q4', 'Q8', 'Q12', 'Q16', 'Q20', 'Q24', 'Q27', 'Q30'];
const SINGLE_OPTIONS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 5, 4, 3, 7, 12, 6, 5, 8, 10, 4, 9, 11];
const MULTI_OPTIONS = [5, 7, 9, 11, 13, 15, 6, 10];
const SINGLE_MISSING = 0.03;
const MULTI_MISSING = 0.08;

const EN = [
  'Very satisfied',
  'Satisfied',
  'Neither',
  'Dissatisfied',
  'Very dissatisfied',
  'Yes, often',
  'Daily',
  'Weekly',
  'Monthly',
  'The "premium" plan',
  'Rarely',
  'Never',
  'Under 25',
  '25 to 34',
  'Friends, family',
  '35 to 44',
  '45 to 54',
  '55 and over',
  'Price',
  'Quality',
  'Other (say "what")',
  'Brand',
  'Design',
  'Online, via app',
  'Service',
];
const ZH = [
  '微信',
  '支付宝',
  '淘宝',
  '京东',
  '微博',
  '抖音',
  '非常满意',
  '比较满意',
  '一般',
  '不太满意',
  '很不满意',
  '北京',
  '上海',
  '广州',
  '深圳',
];

export interface BenchQuestion {
  id: string;
  type: 'single' | 'multi';
  labels: string[];
  /** Single: probability of each option (sums to 1). Multi: probability each option is chosen. */
  probs: number[];
}

export interface BenchSurvey {
  bytes: Uint8Array;
  rows: number;
  questions: BenchQuestion[];
}

export function benchQuestions(seed = DEFAULT_SEED): BenchQuestion[] {
  const rand = mulberry32(seed ^ 0x5eed);
  const out: BenchQuestion[] = [];
  let s = 0;
  let m = 0;
  for (let q = 1; q <= 30; q++) {
    const id = `Q${q}`;
    const multi = MULTI_IDS.includes(id);
    const n = multi ? MULTI_OPTIONS[m++]! : SINGLE_OPTIONS[s++]!;
    const pool = q % 3 === 0 ? ZH : EN;
    const labels = Array.from({ length: n }, (_, j) => pool[(q * 5 + j) % pool.length]!);
    let probs: number[];
    if (multi) probs = labels.map(() => 0.03 + 0.3 * rand());
    else {
      const w = labels.map(() => rand() * rand() + 0.05);
      const total = w.reduce((a, b) => a + b, 0);
      probs = w.map((x) => x / total);
    }
    out.push({ id, type: multi ? 'multi' : 'single', labels, probs });
  }
  return out;
}

class ByteWriter {
  buf: Uint8Array;
  n = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  ensure(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + extra));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  ascii(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }
  byte(c: number): void {
    this.ensure(1);
    this.buf[this.n++] = c;
  }
}

const utf8 = new TextEncoder();
const needsQuotes = (s: string): boolean => /[",\n\r]/.test(s);
const escapeInner = (s: string): string => s.replace(/"/g, '""');
const cellBytes = (s: string): Uint8Array =>
  utf8.encode(needsQuotes(s) ? `"${escapeInner(s)}"` : s);

const COMMA = 44;
const SEMI = 59;
const QUOTE = 34;
const NL = 10;

/** The survey as CSV bytes; the same seed and row count give the same bytes. */
export function generateSurvey(rows: number, seed = DEFAULT_SEED): BenchSurvey {
  const questions = benchQuestions(seed);
  const rand = mulberry32(seed);
  const w = new ByteWriter(Math.max(1024, rows * 240));
  w.ascii('respondent_id,weight,' + questions.map((q) => q.id).join(',') + '\n');
  const singleCells = questions.map((q) => q.labels.map(cellBytes));
  const multiParts = questions.map((q) => q.labels.map((l) => utf8.encode(escapeInner(l))));
  const multiQuoted = questions.map((q) => q.labels.some(needsQuotes));
  const cumulative = questions.map((q) => {
    let acc = 0;
    return q.probs.map((p) => (acc += p));
  });
  for (let r = 1; r <= rows; r++) {
    w.ascii(String(r));
    w.byte(COMMA);
    w.ascii((0.4 + 1.6 * rand()).toFixed(4));
    for (let k = 0; k < questions.length; k++) {
      w.byte(COMMA);
      const q = questions[k]!;
      if (q.type === 'single') {
        if (rand() < SINGLE_MISSING) continue;
        const u = rand();
        const cum = cumulative[k]!;
        let j = 0;
        while (j < cum.length - 1 && u >= cum[j]!) j++;
        w.bytes(singleCells[k]![j]!);
        continue;
      }
      if (rand() < MULTI_MISSING) continue;
      const quoted = multiQuoted[k]!;
      if (quoted) w.byte(QUOTE);
      let chosen = 0;
      for (let j = 0; j < q.labels.length; j++) {
        if (rand() >= q.probs[j]!) continue;
        if (chosen++ > 0) w.byte(SEMI);
        w.bytes(multiParts[k]![j]!);
      }
      if (chosen === 0) w.bytes(multiParts[k]![0]!); // everyone asked chose something
      if (quoted) w.byte(QUOTE);
    }
    w.byte(NL);
  }
  return { bytes: w.buf.slice(0, w.n), rows, questions };
}
