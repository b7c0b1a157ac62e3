// The bundled demo file: simulated respondents whose marginals reproduce
// Sootoo Research's published June 2013 percents, with a raking weight.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import {
  ACCOUNTS,
  AGES,
  FREQUENCY,
  GENDERS,
  makeDemoSurvey,
  N,
  Q_ACCOUNTS,
  Q_FREQUENCY,
  Q_REASONS,
  REASONS,
  TARGETS,
  TIERS,
} from '../../../scripts/make-demo-survey';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

const CSV = new URL('../../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url);
const SIDECAR = new URL('../../../surveys/demo-simulated-wechat-respondents.json', import.meta.url);
const text = readFileSync(CSV, 'utf8');
const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
const split = (cell: string | undefined) => (cell ? cell.split(';') : null);
const table = respondents(
  [
    single(
      'gender',
      rows.map((r) => r.gender ?? null),
      GENDERS,
    ),
    single(
      'age_group',
      rows.map((r) => r.age_group ?? null),
      AGES,
    ),
    single(
      'city_tier',
      rows.map((r) => r.city_tier ?? null),
      TIERS,
    ),
    single(
      Q_FREQUENCY,
      rows.map((r) => r[Q_FREQUENCY] ?? null),
      FREQUENCY.map((f) => f[0]),
    ),
    multi(
      Q_REASONS,
      rows.map((r) => split(r[Q_REASONS])),
      REASONS.map((r) => r[0]),
    ),
    multi(
      Q_ACCOUNTS,
      rows.map((r) => split(r[Q_ACCOUNTS])),
      ACCOUNTS.map((a) => a[0]),
    ),
    numeric(
      'weight',
      rows.map((r) => Number(r.weight)),
    ),
  ],
  { weightId: 'weight' },
);
const percents = (questionId: string, weightId: string | null) =>
  unwrap(crosstab(table, { rows: { questionId }, cols: null, weightId })).colPercents.map(
    (r) => r[0]!,
  );

describe('demo-simulated-wechat-respondents.csv', () => {
  it('is what scripts/make-demo-survey.ts writes (seeded, deterministic) and stays under ~150 KB', () => {
    const demo = makeDemoSurvey();
    expect(demo.csv).toBe(text);
    expect(demo.sidecar).toBe(readFileSync(SIDECAR, 'utf8'));
    expect(text.length).toBeLessThan(155_000);
    expect(rows).toHaveLength(N);
  });

  it('carries the notice "Simulated respondents, not real data" in its sidecar', () => {
    const sidecar = JSON.parse(readFileSync(SIDECAR, 'utf8')) as Record<string, string>;
    expect(sidecar.notice).toBe('Simulated respondents, not real data');
    expect(sidecar.source).toContain('seed 20130620');
  });

  // Weighted (the file's default weight), within about one respondent's weight.
  const TOLERANCE = 0.25;

  it('reproduces "How often do you use WeChat?" 36.23 / 27.17 / 21.24 / 15.36 (weighted)', () => {
    percents(Q_FREQUENCY, 'weight').forEach((p, k) =>
      expect(Math.abs(p - FREQUENCY[k]![1])).toBeLessThanOrEqual(TOLERANCE),
    );
  });

  it.each([
    [Q_REASONS, REASONS.map((r) => r[2])],
    [Q_ACCOUNTS, ACCOUNTS.map((a) => a[1])],
  ])('reproduces each option share of respondents of "%s" (weighted)', (q, published) => {
    const x = unwrap(crosstab(table, { rows: { questionId: q }, cols: null, weightId: 'weight' }));
    x.colPercentsOfRespondents!.forEach((row, k) =>
      expect(Math.abs(row[0]! - published[k]!)).toBeLessThanOrEqual(TOLERANCE),
    );
    // Everyone answered with at least one option.
    expect(x.colCases![0]).toBeCloseTo(x.total, 9);
    expect(x.unweightedTotal).toBe(N);
  });

  it.each([
    ['gender', TARGETS.gender],
    ['age_group', TARGETS.age],
    ['city_tier', TARGETS.tier],
  ])('weights %s to its raking target', (q, target) => {
    percents(q, 'weight').forEach((p, k) => expect(p).toBeCloseTo(100 * target[k]!, 1));
  });

  it('makes younger respondents use WeChat more often (chi-square p < 0.001)', () => {
    const x = unwrap(
      crosstab(table, {
        rows: { questionId: Q_FREQUENCY },
        cols: { questionId: 'age_group' },
        weightId: null,
      }),
    );
    expect(x.colPercents[0]![0]!).toBeGreaterThan(x.colPercents[0]![3]! + 10);
    expect(x.chiSquare!.p).toBeLessThan(0.001);
  });
});
