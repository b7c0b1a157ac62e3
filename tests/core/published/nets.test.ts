import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeNet } from '../../../src/core/published/nets';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { parsePercentText } from '../../../src/core/published/percent';
import type { PublishedOption, PublishedSurvey } from '../../../src/core/published/types';

function bundled(name: string): PublishedSurvey {
  const text = readFileSync(new URL(`../../../surveys/${name}.csv`, import.meta.url), 'utf8');
  const r = parseDistributionCsv(text, `${name}.csv`);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function pick(
  survey: PublishedSurvey,
  id: string,
  labels: string[],
  segment: string | null = null,
) {
  const s = survey.questions.find((q) => q.id === id)?.series.find((x) => x.segment === segment);
  return labels.map((l) => {
    const o = s?.options.find((x) => x.label === l);
    if (o === undefined) throw new Error(`no option ${l}`);
    return o;
  });
}

const opt = (printed: string): PublishedOption => ({
  label: printed,
  percent: parsePercentText(printed) ?? null,
  rank: null,
  omitted: false,
});

describe('nets of published options', () => {
  it('adds up single-answer shares: Eguan QQ + WeChat among registered users = 66.04%', () => {
    const eguan = bundled('eguan-2013-07-mobile-im-share');
    const options = pick(eguan, 'share', ['QQ (Tencent)', 'WeChat (Tencent)'], 'Registered users');
    expect(computeNet('single', options)).toEqual({
      kind: 'sum',
      value: 66.04,
      decimals: 2,
      lowerBound: false,
      note: null,
    });
    const active = pick(eguan, 'share', ['QQ (Tencent)', 'WeChat (Tencent)'], 'Active users');
    expect(computeNet('single', active)).toMatchObject({ kind: 'sum', value: 65.92 });
  });

  it('gives a range for multi-answer shares: June oa1 Leisure + Famous = 42.29% to 78.41%', () => {
    const june = bundled('sootoo-2013-06-wechat-users');
    const options = pick(june, 'oa1', ['Leisure and Life', 'Famous person and star']);
    expect(computeNet('multi', options)).toEqual({
      kind: 'range',
      low: 42.29,
      high: 78.41,
      decimals: 2,
      lowerBound: false,
      note: null,
    });
  });

  it('caps a multi-answer range at 100%: use2 friends + interested = 71.34% to 100%', () => {
    const june = bundled('sootoo-2013-06-wechat-users');
    const options = pick(june, 'use2', [
      'That reason is that friends or colleagues have already used WeChat',
      'That reason is that was interested in WeChat',
    ]);
    expect(computeNet('multi', options)).toMatchObject({ kind: 'range', low: 71.34, high: 100 });
  });

  it('propagates a lower bound: August q3 News + "30+%" Science is at least 65.5%, at most 100%', () => {
    const august = bundled('sootoo-2013-08-official-accounts');
    const options = pick(august, 'q3', ['News', 'Science and technology']);
    const net = computeNet('multi', options);
    expect(net).toMatchObject({ kind: 'range', low: 65.5, high: 100, lowerBound: true });
    expect(net?.note).toContain('lower bound');
    expect(computeNet('single', [opt('30+%'), opt('12.5%')])).toMatchObject({
      kind: 'sum',
      value: 42.5,
      decimals: 1,
      lowerBound: true,
    });
  });

  it.each([
    ['single', ['10', '20.25', '']],
    ['multi', ['10', '20.25', '']],
  ] as const)(
    'treats %s options without a figure as making the net a lower bound',
    (kind, printed) => {
      const net = computeNet(kind, printed.map(opt));
      expect(net?.lowerBound).toBe(true);
      expect(net?.note).toContain('no published figure');
      if (net?.kind === 'sum') expect(net.value).toBe(30.25);
      if (net?.kind === 'range') expect([net.low, net.high]).toEqual([20.25, 100]);
    },
  );

  it('has no net when none of the options has a figure (a chart without numbers)', () => {
    expect(computeNet('single', [opt(''), opt('')])).toBeNull();
    expect(computeNet('multi', [])).toBeNull();
  });
});
