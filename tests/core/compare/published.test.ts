import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { comparePublished } from '../../../src/core/compare/published';
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
