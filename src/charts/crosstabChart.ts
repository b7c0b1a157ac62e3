// Grouped horizontal bars for a crosstab or one tab-book table, drawn with d3
// into an <svg>: a legend of the columns (Total first, each with its colour and
// letter), then for each row option a group of bars, one per column, as long as
// its column percent, with the value and its significance letters at the end
// ("34.0% BC"); under the bars the base, the notes and the letters legend.
// Bars are never stacked and never a pie: a multi-answer row's percents add to
// more than 100%.
//
// Labels are set with .text(), never as markup: they come from files. Data text
// is isolated (FSI … PDI, src/core/format/bidi.ts) before it is wrapped or cut
// to fit, and each line is balanced, so a label's U+202E cannot turn a value
// around. Text widths are the bar chart's estimates (fitLabel, wrapText), with
// no DOM measuring, so the drawing is the same in tests and in every browser.
// Colours are presentation attributes, so an SVG or PNG export (charts/export.ts)
// keeps them without the app's stylesheet; text classes are the bar chart's
// ("caption", "grid"), which the export already styles.
import { scaleLinear, select } from 'd3';
import { balanceLines, isolate } from '../core/format/bidi';
import { formatNumber } from '../core/format/number';
import { exportMessages, crosstabChartMessages as M } from '../core/messages';
import { fitLabel } from './bars';
import { wrapText } from './export';

/** The chart's input: src/state/models/crosstabChartModel.ts builds it (CrosstabChartModel). */
export interface CrosstabChartData {
  rowsText: string;
  colsText: string | null;
  series: readonly { label: string; letter: string | null; total: boolean }[];
  groups: readonly {
    label: string;
    net: boolean;
    bars: readonly { value: number | null; text: string; letters: string }[];
  }[];
  bases: readonly {
    unweighted: number;
    weighted: number | null;
    effective: number | null;
    small: boolean;
  }[];
  weight: string | null;
  filter: string | null;
  multi: 'over-100' | 'not-over-100' | null;
  letters: { level: number; lowerLevel: number | null; rest: boolean } | null;
}

export interface CrosstabChartOptions {
  width: number;
}

const MARGIN = { top: 8, right: 10, bottom: 8, left: 8 };
/** Below this width row labels go above their bars, which then have the whole width. */
const NARROW = 480;
const LINE = 15;
const BAR = 13;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const LABEL_GAP = 8;
const LEGEND_ROW = 18;
const SWATCH = 11;
const LEGEND_GAP = 16;
const AXIS = 22;
const CAPTION_PX = 11.5;
const CAPTION_LINE = 16;
/** At most this many lines of a row label; the rest is cut with "…" (the full label is its tooltip). */
const LABEL_LINES = 2;

/** Total in slate, then one colour per column, each at least 3:1 against white (WCAG 1.4.11). */
const TOTAL_COLOUR = '#5b6270';
const PALETTE = [
  '#1f5fbf',
  '#b3541e',
  '#2e7d32',
  '#8e3ea8',
  '#a3172d',
  '#00796b',
  '#7a5c00',
  '#c2185b',
] as const;

/** Each series' colour: Total slate, the columns through the palette (again from the start after eight). */
export function seriesColours(series: CrosstabChartData['series']): string[] {
  let k = 0;
  return series.map((s) => (s.total ? TOTAL_COLOUR : (PALETTE[k++ % PALETTE.length] ?? '')));
}

/**
 * The width in pixels the bar chart estimates for `text` (fitLabel keeps it
 * whole exactly when it fits): found by bisection, so the estimate stays in
 * one place (charts/bars.ts).
 */
function widthOf(text: string): number {
  let lo = 0;
  let hi = 16 * [...text].length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fitLabel(text, mid) === text) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A label in at most `lines` lines of `max` pixels, the last cut with "…"; isolated and balanced. */
export function labelLines(label: string, max: number, lines = LABEL_LINES): string[] {
  const all = wrapText(isolate(label), max);
  const kept =
    all.length <= lines
      ? all
      : [...all.slice(0, lines - 1), fitLabel(all.slice(lines - 1).join(' '), max)];
  return balanceLines(kept);
}

const baseFigures = (b: CrosstabChartData['bases'][number]): string[] => [
  formatNumber(b.unweighted, 0),
  ...(b.weighted === null ? [] : [formatNumber(b.weighted, 1)]),
  ...(b.effective === null ? [] : [formatNumber(b.effective, 1)]),
];

/** The lines under the bars, in words: the base, the notes, the letters legend. */
export function crosstabChartNotes(data: CrosstabChartData): string[] {
  const weighted = data.bases.some((b) => b.weighted !== null);
  const effective = data.bases.some((b) => b.effective !== null);
  const parts = data.series.map((s, i) => {
    const b = data.bases[i];
    return b ? M.basePart(M.column(s.label, s.letter), baseFigures(b), b.small) : '';
  });
  const notes = [M.base(parts, weighted, effective)];
  if (data.bases.some((b) => b.small)) notes.push(M.smallBase);
  if (data.weight !== null) notes.push(M.weighted(data.weight));
  if (data.filter !== null) notes.push(exportMessages.filter(data.filter));
  if (data.multi !== null)
    notes.push(data.multi === 'over-100' ? M.multiOver100 : M.multiNotOver100);
  if (data.letters !== null) {
    notes.push(M.letters(data.letters.level, data.letters.lowerLevel, data.letters.rest));
  }
  return notes;
}

/** The chart's accessible name and export title: "Rows by Columns: column %". */
export const crosstabChartTitle = (data: CrosstabChartData): string =>
  M.title(data.rowsText, data.colsText);

/** Draw (or redraw) the chart into `svgEl`. */
export function drawCrosstabChart(
  svgEl: SVGSVGElement,
  data: CrosstabChartData,
  options: CrosstabChartOptions,
): void {
  const width = Math.max(240, Math.round(options.width));
  const inner = width - MARGIN.left - MARGIN.right;
  const narrow = width < NARROW;
  const colours = seriesColours(data.series);
  const columnNames = data.series.map((s) => M.column(s.label, s.letter));

  // Legend: one item per column, flowing into as many rows as the width needs.
  const legend = columnNames.map((name) => {
    const text = fitLabel(name, inner - SWATCH - 4);
    return { text, width: SWATCH + 4 + widthOf(text) };
  });
  const legendPos: { x: number; row: number }[] = [];
  let lx = 0;
  let row = 0;
  for (const item of legend) {
    if (lx > 0 && lx + item.width > inner) {
      row++;
      lx = 0;
    }
    legendPos.push({ x: lx, row });
    lx += item.width + LEGEND_GAP;
  }
  const legendHeight = (row + 1) * LEGEND_ROW;

  // Columns: row labels (wide screens), bars, values with their letters.
  const longest = Math.max(0, ...data.groups.map((g) => widthOf(isolate(g.label))));
  const labelWidth = narrow ? inner : Math.min(Math.max(80, longest), Math.round(inner * 0.38));
  const valueText = (b: { text: string; letters: string }) =>
    b.letters === '' ? b.text : `${b.text} ${b.letters}`;
  const valueWidth =
    Math.max(40, ...data.groups.flatMap((g) => g.bars.map((b) => widthOf(valueText(b))))) + 8;
  const x0 = MARGIN.left + (narrow ? 0 : labelWidth + LABEL_GAP);
  const x1 = Math.max(x0 + 40, width - MARGIN.right - valueWidth);
  const scale = scaleLinear().domain([0, 100]).range([x0, x1]);
  /** Positions to 0.01 px: no binary noise in the SVG. */
  const round = (px: number) => Math.round(px * 100) / 100;
  const x = (v: number) => round(scale(v));

  const barsHeight = (n: number) => n * BAR + Math.max(0, n - 1) * BAR_GAP;
  const top = MARGIN.top + legendHeight + 6;
  const layout = data.groups.map((g) => ({
    lines: labelLines(g.label, labelWidth),
    barsTop: 0,
    height: 0,
  }));
  let y = top;
  const groupTops: number[] = [];
  layout.forEach((l, i) => {
    const n = data.groups[i]?.bars.length ?? 0;
    const labelHeight = l.lines.length * LINE;
    groupTops.push(y);
    if (narrow) {
      l.barsTop = labelHeight + 2;
      l.height = labelHeight + 2 + barsHeight(n);
    } else {
      l.barsTop = Math.max(0, (labelHeight - barsHeight(n)) / 2);
      l.height = Math.max(labelHeight, barsHeight(n));
    }
    y += l.height + GROUP_GAP;
  });
  const bottom = Math.max(top, y - GROUP_GAP);
  const notes = crosstabChartNotes(data).flatMap((note) =>
    balanceLines(wrapText(note, inner, CAPTION_PX)),
  );
  const height = Math.ceil(bottom + AXIS + notes.length * CAPTION_LINE + MARGIN.bottom + 4);

  const svg = select(svgEl);
  svg.selectAll('*').remove();
  const title = crosstabChartTitle(data);
  svg
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', title);
  svg.append('title').text(title);
  svg.append('desc').text(M.description(data.groups.length, data.series.length));

  const legendG = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  legend.forEach((item, i) => {
    const pos = legendPos[i] ?? { x: 0, row: 0 };
    const g = legendG.append('g').attr('transform', `translate(${pos.x},${pos.row * LEGEND_ROW})`);
    g.append('rect')
      .attr('width', SWATCH)
      .attr('height', SWATCH)
      .attr('y', 2)
      .attr('fill', colours[i] ?? TOTAL_COLOUR);
    g.append('text')
      .attr('x', SWATCH + 4)
      .attr('y', SWATCH / 2 + 2)
      .attr('dy', '0.35em')
      .text(balanceLines([item.text])[0] ?? '');
    if (item.text !== columnNames[i]) g.append('title').text(columnNames[i] ?? '');
  });

  // Light grid at 0, 25, 50, 75 and 100% (0, 50, 100 when the bars are short).
  const ticks = x1 - x0 < 200 ? [0, 50, 100] : [0, 25, 50, 75, 100];
  const grid = svg.append('g').attr('class', 'grid');
  for (const t of ticks) {
    grid
      .append('line')
      .attr('x1', x(t))
      .attr('x2', x(t))
      .attr('y1', top - 2)
      .attr('y2', bottom + 2);
    grid
      .append('text')
      .attr('x', x(t))
      .attr('y', bottom + 16)
      // "0%" at the very left edge (a phone) starts there instead of being cut in half.
      .attr('text-anchor', t === 0 && x0 < 20 ? 'start' : 'middle')
      .text(`${t}%`);
  }

  const groupsG = svg.append('g').attr('class', 'groups');
  data.groups.forEach((group, r) => {
    const l = layout[r];
    if (!l) return;
    const g = groupsG
      .append('g')
      .attr('class', group.net ? 'xgroup net' : 'xgroup')
      .attr('data-row', r)
      .attr('transform', `translate(0,${groupTops[r] ?? 0})`);
    // The full label as the group's tooltip (the drawn one may be cut).
    g.append('title').text(isolate(group.label));
    const label = g
      .append('text')
      .attr('class', 'xlabel')
      .attr('x', narrow ? MARGIN.left : MARGIN.left + labelWidth)
      .attr('text-anchor', narrow ? 'start' : 'end')
      .attr('font-weight', group.net ? 700 : null);
    l.lines.forEach((line, k) => {
      label
        .append('tspan')
        .attr('x', narrow ? MARGIN.left : MARGIN.left + labelWidth)
        .attr('y', k * LINE + LINE / 2)
        .attr('dy', '0.35em')
        .text(line);
    });
    group.bars.forEach((b, s) => {
      const by = l.barsTop + s * (BAR + BAR_GAP);
      const tip = M.bar(
        columnNames[s] ?? '',
        b.value === null ? `${b.text} (${M.noRespondents})` : b.text,
        b.letters,
      );
      if (b.value !== null) {
        g.append('rect')
          .attr('class', 'xbar')
          .attr('data-series', s)
          .attr('x', x0)
          .attr('y', by)
          .attr('height', BAR)
          .attr('width', Math.max(0, round(x(b.value) - x0)))
          .attr('fill', colours[s] ?? TOTAL_COLOUR)
          .append('title')
          .text(tip);
      }
      const value = g
        .append('text')
        .attr('class', b.value === null ? 'xbar-value caption' : 'xbar-value')
        .attr('data-series', s)
        .attr('x', b.value === null ? x0 : x(b.value) + 4)
        .attr('y', by + BAR / 2)
        .attr('dy', '0.35em');
      value.append('tspan').text(b.text);
      if (b.letters !== '') {
        value
          .append('tspan')
          .attr('class', 'xletters')
          .attr('font-weight', 700)
          .text(` ${b.letters}`);
      }
      value.append('title').text(tip);
    });
  });

  const caption = svg
    .append('text')
    .attr('class', 'caption')
    .attr('x', MARGIN.left)
    .attr('y', bottom + AXIS + CAPTION_LINE - 2);
  notes.forEach((line, k) => {
    caption
      .append('tspan')
      .attr('x', MARGIN.left)
      .attr('dy', k === 0 ? 0 : CAPTION_LINE)
      .text(line);
  });
}
