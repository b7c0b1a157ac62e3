import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { comparePublished, testPercents } from '../../../src/core/compare/published';
import type { CompareColumn } from '../../../src/core/compare/published';
import type { PublishedOption } from '../../../src/core/published/types';
import { twoProportionZ } from '../../../src/core/stats/proportions';
import { expectRelClose } from '../../support/numbers';
import { parseDistributionCsv } from '../../../src/core/published/parse';

function eguan() {
  const text = readFileSync(
    new URL('../../../surveys/eguan-2013-07-mobile-im-share.csv', import.meta.url),
    'utf8',
  );
  const parsed = parseDistributionCsv(text, 'eguan.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const q = parsed.value.questions[0]!;
  return q.series.map((s) => ({ name: s.segment ?? '', options: s.options }));
}

describe('comparing published columns', () => {
  it('puts Eguan registered and active shares side by side with points and index', () => {
    const c = comparePublished(eguan());
    expect(c.columns).toEqual(['Registered users', 'Active users']);
    const qq = c.rows.find((r) => r.label === 'QQ (Tencent)')!;
    expect(qq.cells.map((x) => x.value)).toEqual([38.07, 42.54]);
    expect(qq.cells[1]!.diff).toBe(4.47);
    expect(qq.cells[1]!.index).toBe(111.7);
    const wechat = c.rows.find((r) => r.label === 'WeChat (Tencent)')!;
    expect(wechat.cells[1]!.diff).toBe(-4.59);
    expect(wechat.cells[1]!.index).toBe(83.6);
  });

  it('matches options by label when the columns list them in another order', () => {
    const c = comparePublished(eguan());
    // Registered lists MSN before Wangwang; active lists Wangwang first. Rows follow the first column.
    expect(c.rows.map((r) => r.label)).toEqual([
      'QQ (Tencent)',
      'WeChat (Tencent)',
      'Feixin (China Mobile)',
      'Yiliao (China Telecom)',
      'MSN (Microsoft China)',
      'Wangwang (Taobao)',
      'Miliao (Xiaomi)',
      'Other',
    ]);
    const msn = c.rows.find((r) => r.label === 'MSN (Microsoft China)')!;
    expect(msn.cells.map((x) => x.value)).toEqual([3.8, 2.53]);
    expect(msn.cells[1]!.diff).toBe(-1.27);
  });

  it('leaves a cell blank when a column does not publish the option', () => {
    const c = comparePublished([
      {
        name: 'A',
        options: [
          {
            label: 'Yes',
            percent: { text: '60%', value: 60, decimals: 0, lowerBound: false },
            rank: null,
            omitted: false,
          },
        ],
      },
      {
        name: 'B',
        options: [
          {
            label: 'No',
            percent: { text: '40%', value: 40, decimals: 0, lowerBound: false },
            rank: null,
            omitted: false,
          },
        ],
      },
    ]);
    expect(c.rows.map((r) => r.cells.map((x) => x.value))).toEqual([
      [60, null],
      [null, 40],
    ]);
    expect(c.rows[1]!.cells[1]!.diff).toBeNull();
  });
});

describe('two-proportion test of published percents', () => {
  it('equals R prop.test(c(50, 36), c(100, 100), correct = FALSE): z = 1.99959196164, p = 0.0455443426', () => {
    const t = testPercents({ percent: 50, base: 100 }, { percent: 36, base: 100 });
    if (!('z' in t)) throw new Error('untestable');
    expectRelClose(t.z, 1.999591961640148, 1e-12, 'z');
    expectRelClose(t.p, 0.04554434264935701, 1e-9, 'p');
    expect(t.significant).toBe(true);
    // The z the column letters use, the same test.
    expect(twoProportionZ(0.5, 100, 0.36, 100)).toEqual({ z: t.z, p: t.p });
  });

  it('is signed by the first percent and not significant at p ≥ 0.05', () => {
    // 29% vs 34% of 41 each: z = −0.48736, p = 0.62601 (30-digit reference).
    const t = testPercents({ percent: 29, base: 41 }, { percent: 34, base: 41 });
    if (!('z' in t)) throw new Error('untestable');
    expectRelClose(t.z, -0.4873560617726919, 1e-12, 'z');
    expectRelClose(t.p, 0.6260060251934713, 1e-9, 'p');
    expect(t.significant).toBe(false);
  });

  it('is never a test without both bases', () => {
    expect(testPercents({ percent: 50, base: null }, { percent: 36, base: 100 })).toEqual({
      untestable: 'no-base',
    });
    expect(testPercents({ percent: 50, base: 100 }, { percent: 36, base: null })).toEqual({
      untestable: 'no-base',
    });
    expect(testPercents({ percent: 50, base: 0 }, { percent: 36, base: 100 })).toEqual({
      untestable: 'no-base',
    });
  });

  it('does not test a lower bound ("30+%") or two 0% figures', () => {
    expect(
      testPercents({ percent: 30, base: 100, lowerBound: true }, { percent: 36, base: 100 }),
    ).toEqual({ untestable: 'lower-bound' });
    expect(testPercents({ percent: 0, base: 100 }, { percent: 0, base: 80 })).toEqual({
      untestable: 'no-variance',
    });
  });
});

describe('the compared rows carry the test', () => {
  const option = (label: string, text: string): PublishedOption => ({
    label,
    percent: {
      text,
      value: Number.parseFloat(text),
      decimals: text.includes('.') ? text.split('.')[1]!.replace('%', '').length : 0,
      lowerBound: text.includes('+'),
    },
    rank: null,
    omitted: false,
  });
  const columns = (baseA: number | null, baseB?: number | null): CompareColumn[] => [
    { name: 'A', baseN: baseA, options: [option('Yes', '50%'), option('Maybe', '30+%')] },
    {
      name: 'B',
      ...(baseB === undefined ? {} : { baseN: baseB }),
      options: [option('Yes', '36%'), option('Maybe', '31%'), option('No', '33%')],
    },
  ];

  it('tests each cell against the reference column when both bases are known', () => {
    const c = comparePublished(columns(100, 100));
    const yes = c.rows.find((r) => r.label === 'Yes')!;
    expect(yes.cells[0]!.test).toBeNull();
    const t = yes.cells[1]!.test;
    if (t === null || !('z' in t)) throw new Error('no test');
    // B (36%) against A (50%): z = −1.9996, p = 0.0455.
    expectRelClose(t.z, -1.999591961640148, 1e-12, 'z');
    expect(t.significant).toBe(true);
    expect(yes.cells[1]!.diff).toBe(-14);
  });

  it('says why a cell has no test', () => {
    const c = comparePublished(columns(100));
    expect(c.rows.find((r) => r.label === 'Yes')!.cells[1]!.test).toEqual({
      untestable: 'no-base',
    });
    const known = comparePublished(columns(100, 100));
    expect(known.rows.find((r) => r.label === 'Maybe')!.cells[1]!.test).toEqual({
      untestable: 'lower-bound',
    });
    // No reference value: no diff, no index, no test.
    expect(known.rows.find((r) => r.label === 'No')!.cells[1]!.test).toBeNull();
  });

  it('never tests the Eguan segments, which state no bases', () => {
    const c = comparePublished(eguan());
    expect(c.rows.every((r) => r.cells[1]!.test !== null && 'untestable' in r.cells[1]!.test)).toBe(
      true,
    );
  });
});
