import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../src/core/pipeline';
import { benchQuestions, generateSurvey, MULTI_IDS } from '../../perf/generate';

describe('the benchmark survey generator', () => {
  it('gives the same bytes for the same seed and row count, and other bytes for another seed', () => {
    const a = generateSurvey(500);
    const b = generateSurvey(500);
    const c = generateSurvey(500, 7);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });

  it('asks 22 single-answer questions of 3 to 12 options and 8 multi-answer of 5 to 15', () => {
    const qs = benchQuestions();
    const singles = qs.filter((q) => q.type === 'single').map((q) => q.labels.length);
    const multis = qs.filter((q) => q.type === 'multi').map((q) => q.labels.length);
    expect(qs).toHaveLength(30);
    expect(singles).toHaveLength(22);
    expect(Math.min(...singles)).toBe(3);
    expect(Math.max(...singles)).toBe(12);
    expect(multis).toHaveLength(8);
    expect(Math.min(...multis)).toBe(5);
    expect(Math.max(...multis)).toBe(15);
    for (const q of qs) expect(new Set(q.labels).size).toBe(q.labels.length);
  });

  it('is read by the import pipeline as 22 single, 8 multi, a weight and an id, with quoted and Chinese labels intact', () => {
    const survey = generateSurvey(3000);
    const loaded = loadSurveyFile(survey.bytes, { file: 'bench.csv', weightId: 'weight' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok || loaded.value.kind !== 'respondents') return;
    const { table } = loaded.value;
    expect(table.rowCount).toBe(3000);
    expect(table.weightId).toBe('weight');
    expect(table.idColumnId).toBe('respondent_id');
    const types = table.columns.map((c) => c.type);
    expect(types.filter((t) => t === 'single')).toHaveLength(22);
    expect(types.filter((t) => t === 'multi')).toHaveLength(8);
    expect(table.columns.filter((c) => c.type === 'multi').map((c) => c.id)).toEqual(MULTI_IDS);
    const labels = new Set(table.columns.flatMap((c) => ('labels' in c ? c.labels : [])));
    for (const l of ['Yes, often', 'The "premium" plan', 'Other (say "what")', '微信', '非常满意'])
      expect(labels.has(l)).toBe(true);
    for (const q of survey.questions) {
      const col = table.columns.find((c) => c.id === q.id);
      expect(col !== undefined && 'labels' in col ? [...col.labels].sort() : []).toEqual(
        [...q.labels].sort(),
      );
    }
  });

  it('draws single answers with the question’s probabilities, 3% left blank', () => {
    const survey = generateSurvey(20000);
    const loaded = loadSurveyFile(survey.bytes, { file: 'bench.csv', weightId: 'weight' });
    if (!loaded.ok || loaded.value.kind !== 'respondents') throw new Error('not loaded');
    const q1 = survey.questions[0]!;
    const col = loaded.value.table.columns.find((c) => c.id === 'Q1');
    if (col?.type !== 'single') throw new Error('Q1 is not single');
    const counts = new Array<number>(col.labels.length + 1).fill(0);
    for (const code of col.codes) counts[code]!++;
    expect(counts[0]! / 20000).toBeCloseTo(0.03, 2);
    q1.labels.forEach((label, j) => {
      const share = counts[col.labels.indexOf(label) + 1]! / 20000;
      expect(Math.abs(share - 0.97 * q1.probs[j]!)).toBeLessThan(0.015);
    });
  });
});
