import { describe, expect, it } from 'vitest';
import {
  crosstabChartNotes,
  drawCrosstabChart,
  labelLines,
  seriesColours,
  type CrosstabChartData,
} from '../../src/charts/crosstabChart';
import { FSI, PDI } from '../../src/core/format/bidi';
import { buildCrosstabGrid } from '../../src/state/models/crosstabModel';
import { crosstabChartModel } from '../../src/state/models/crosstabChartModel';
import { DEFAULT_CROSSTAB } from '../../src/state/url/view';
import { mulberry32 } from '../support/random';
import { multi, respondents, single } from '../support/respondents';
import { svgElement, svgText, type SvgNode } from './svgDom';

// 120 seeded respondents in three age groups; a multi-answer "apps" whose
// options are chosen more often by the young (so the columns differ enough for
// letters), with a CJK, a right-to-left and a long label.
const AGES = ['18-24', '25-39', '40+'];
const APPS = [
  'WeChat',
  '微博 (Weibo)',
  'تطبيق آخر',
  'Email, to keep up with colleagues, clients and suppliers outside of working hours and on holidays',
];
const CHANCE = [
  [0.9, 0.75, 0.5],
  [0.6, 0.35, 0.15],
  [0.2, 0.25, 0.3],
  [0.15, 0.4, 0.6],
];

function survey() {
  const rand = mulberry32(20130601);
  const ages: string[] = [];
  const apps: string[][] = [];
  for (let i = 0; i < 120; i++) {
    const a = Math.floor(rand() * 3);
    ages.push(AGES[a]!);
    apps.push(APPS.filter((_, k) => rand() < CHANCE[k]![a]!));
  }
  return respondents([single('age', ages, AGES), multi('apps', apps, APPS)]);
}

function model(): CrosstabChartData {
  const built = buildCrosstabGrid(survey(), { ...DEFAULT_CROSSTAB, rows: 'apps', cols: 'age' });
  if (!built?.ok) throw new Error('no crosstab');
  return crosstabChartModel(built.value, {
    rowsText: 'Apps used',
    colsText: 'Age group',
    filter: null,
    weight: null,
  });
}

function draw(data: CrosstabChartData, width: number): SvgNode {
  const svg = svgElement();
  drawCrosstabChart(svg as unknown as SVGSVGElement, data, { width });
  return svg;
}

const bars = (svg: SvgNode) => svg.all('rect').filter((r) => r.getAttribute('class') === 'xbar');
const num = (n: SvgNode, name: string) => Number(n.getAttribute(name));
const valueLabels = (svg: SvgNode) =>
  svg.all('text').filter((t) => t.getAttribute('class')?.startsWith('xbar-value'));
/** A value label's visible text (its tooltip left out). */
const shown = (t: SvgNode) =>
  t.childNodes
    .filter((c) => c.tagName === 'tspan')
    .map((c) => c.textContent)
    .join('');

describe('the crosstab chart of a multi-answer question', () => {
  const data = model();

  it('has figures whose columns add to more than 100%, with letters (the input of the snapshots)', () => {
    const sums = data.series.map((_, s) =>
      data.groups.reduce((sum, g) => sum + (g.bars[s]?.value ?? 0), 0),
    );
    expect(Math.min(...sums)).toBeGreaterThan(100);
    expect(data.multi).toBe('over-100');
    expect(data.groups.some((g) => g.bars.some((b) => b.letters !== ''))).toBe(true);
  });

  it('draws as the snapshot at 760 px', async () => {
    await expect(svgText(draw(data, 760))).toMatchFileSnapshot('__snapshots__/crosstab-760.svg');
  });

  it('draws as the snapshot at a phone’s 360 px, labels above their bars', async () => {
    await expect(svgText(draw(data, 360))).toMatchFileSnapshot('__snapshots__/crosstab-360.svg');
  });

  it('draws one bar per column in each group, side by side from the same start, never stacked', () => {
    const svg = draw(data, 760);
    const drawn = bars(svg);
    expect(drawn).toHaveLength(data.groups.length * data.series.length);
    const starts = new Set(drawn.map((b) => num(b, 'x')));
    expect(starts.size).toBe(1);
    for (const group of svg.all('g').filter((g) => g.getAttribute('class') === 'xgroup')) {
      const ys = bars(group).map((b) => num(b, 'y'));
      expect(new Set(ys).size).toBe(ys.length);
      // Each below the one before, without overlap.
      ys.slice(1).forEach((y, i) => expect(y).toBeGreaterThanOrEqual(ys[i]! + 13));
    }
  });

  it('makes each bar as long as its column percent on one scale (0–100%)', () => {
    const values = data.groups.flatMap((g) => g.bars.map((b) => b.value ?? 0));
    const widths = bars(draw(data, 760)).map((b) => num(b, 'width'));
    // Pixels per point from the widest bar; positions are rounded to 0.01 px.
    const widest = widths.indexOf(Math.max(...widths));
    const perPoint = widths[widest]! / values[widest]!;
    widths.forEach((w, i) => expect(Math.abs(w - values[i]! * perPoint)).toBeLessThanOrEqual(0.02));
    // The widest possible bar (100%) fits in the chart with room for its value.
    expect(perPoint * 100).toBeLessThan(760 - 8 - 60);
  });

  it('writes each value as the table does, with its letters: "34.0% BC"', () => {
    const svg = draw(data, 760);
    const expected = data.groups.flatMap((g) =>
      g.bars.map((b) => (b.letters === '' ? b.text : `${b.text} ${b.letters}`)),
    );
    expect(valueLabels(svg).map(shown)).toEqual(expected);
    expect(expected.some((t) => /^\d+\.\d% [A-C]+$/.test(t))).toBe(true);
  });

  it('colours Total slate and each column its own colour, and keys them in a legend with letters', () => {
    const svg = draw(data, 760);
    const legend = svg.all('g').find((g) => g.getAttribute('class') === 'legend');
    expect(legend?.all('text').map((t) => t.textContent)).toEqual([
      'Total',
      '18-24 (A)',
      '25-39 (B)',
      '40+ (C)',
    ]);
    const colours = seriesColours(data.series);
    expect(new Set(colours).size).toBe(4);
    expect(legend?.all('rect').map((r) => r.getAttribute('fill'))).toEqual(colours);
    expect(bars(svg).map((b) => b.getAttribute('fill'))).toEqual(
      data.groups.flatMap(() => colours),
    );
  });

  it('notes the base per column, the multi-answer sum and what the letters mean', () => {
    const notes = crosstabChartNotes(data);
    const n = data.bases.map((b) => b.unweighted);
    expect(n[0]).toBe(120);
    expect(n.slice(1).reduce((a, b) => a + b, 0)).toBe(120);
    expect(notes).toEqual([
      `Base (respondents per column): Total 120; 18-24 (A) ${n[1]}; 25-39 (B) ${n[2]}; 40+ (C) ${n[3]}`,
      'Respondents could give several answers; percents add to more than 100%.',
      'Letters: significantly higher than the column with that letter at 95%.',
    ]);
    const caption = draw(data, 760)
      .all('text')
      .find((t) => t.getAttribute('class') === 'caption');
    expect(caption?.textContent).toBe(notes.join(''));
  });

  it('keeps a right-to-left label in its own isolate and the full long label in a tooltip', () => {
    const svg = draw(data, 760);
    const groups = svg.all('g').filter((g) => g.getAttribute('class') === 'xgroup');
    const label = (g: SvgNode | undefined) =>
      g?.all('text').find((t) => t.getAttribute('class') === 'xlabel');
    expect(label(groups[2])?.textContent).toBe(`${FSI}تطبيق آخر${PDI}`);
    const long = groups[3];
    const lines =
      label(long)
        ?.all('tspan')
        .map((t) => t.textContent) ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(long?.childNodes[0]?.tagName).toBe('title');
    expect(long?.childNodes[0]?.textContent).toBe(APPS[3]);
  });
});

describe('row labels', () => {
  it('wrap at spaces into two lines, the second cut with "…"', () => {
    expect(labelLines('one two three four five six seven', 70)).toEqual(['one two', 'three fou…']);
  });

  it('break CJK text between characters (13 px each)', () => {
    expect(labelLines('您使用微信的原因是什么', 52)).toEqual(['您使用微', '信的原…']);
  });

  it('stay isolated on every line when they hold a right-to-left override', () => {
    const lines = labelLines('\u202Egnp.exe and more words here', 70);
    expect(lines.length).toBe(2);
    for (const line of lines) {
      expect(line.startsWith(FSI)).toBe(true);
      expect(line.endsWith(PDI)).toBe(true);
    }
  });
});

describe('the weighted chart of a tab book', () => {
  it('gives unweighted, weighted and effective bases, the weight, the filter and lowercase letters', () => {
    const data: CrosstabChartData = {
      rowsText: 'Q1',
      colsText: 'gender',
      series: [
        { label: 'Total', letter: null, total: true },
        { label: 'Female', letter: 'A', total: false },
      ],
      groups: [
        {
          label: 'Yes',
          net: false,
          bars: [
            { value: 40, text: '40.0%', letters: '' },
            { value: null, text: '–', letters: '' },
          ],
        },
      ],
      bases: [
        { unweighted: 1200, weighted: 1180.25, effective: 1010.04, small: false },
        { unweighted: 0, weighted: 0, effective: 0, small: false },
      ],
      weight: 'wt',
      filter: 'respondents where "region" is "North"',
      multi: null,
      letters: { level: 0.95, lowerLevel: 0.9, rest: true },
    };
    expect(crosstabChartNotes(data)).toEqual([
      'Base (respondents per column, unweighted / weighted / effective): Total 1,200 / 1,180.3 / 1,010.0; Female (A) 0 / 0.0 / 0.0',
      'Weighted by wt: the bars are weighted column percents.',
      'Filter: respondents where "region" is "North"',
      "Letters: a column's own letter marks a value significantly higher than the rest of the sample at 95% (lowercase: at 90%).",
    ]);
    const svg = draw(data, 600);
    // No bar for the column without respondents: its value is "–" with a tooltip that says why.
    expect(bars(svg)).toHaveLength(1);
    const missing = valueLabels(svg)[1];
    expect(missing && shown(missing)).toBe('–');
    expect(missing?.all('title')[0]?.textContent).toBe('Female (A): – (no respondents)');
    expect(svgText(svg)).not.toContain('NaN');
  });
});
