// The README's hand-written example must stay a valid file: a user copies it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDistributionCsv } from '../src/core/published/parse';
import { analyseSurvey } from '../src/core/published/analyse';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example =
  /A minimal file you can write by hand:\n\n```csv\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe("the README's example file", () => {
  it('reads as two questions, the first in two segments with a lower bound', () => {
    const parsed = parseDistributionCsv(example, 'README example');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const a = analyseSurvey(parsed.value);
    const series = a.questions.flatMap((q) => q.series);
    expect(series.map((s) => [s.questionId, s.segment, s.kind, s.kindInferred, s.total])).toEqual([
      ['q1', 'Men', 'multi', false, 111],
      ['q1', 'Women', 'multi', false, 113],
      ['q2', null, 'single', false, 100],
    ]);
    expect(series[0]!.flags.map((f) => f.code)).toEqual(['multi-total-over-100', 'lower-bound']);
  });
});
