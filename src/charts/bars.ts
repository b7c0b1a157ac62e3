// Horizontal bar chart of one series of percents, drawn with d3 into an <svg>.
// Labels are set with .text(), never as markup: they come from files. Data text
// is isolated (FSI … PDI, src/core/format/bidi.ts) after it is cut to fit, so a
// label's U+202E cannot turn the value or tooltip text beside it around.
import { max, scaleBand, scaleLinear, select } from 'd3';
import { isolate } from '../core/format/bidi';
import { formatNumber } from '../core/format/number';
import { analystMessages as M } from '../core/messages';

export interface Bar {
  label: string;
  /** null: shown as a gap ("not published"), no bar. */
  value: number | null;
  /** As printed by the source, e.g. "38.07%" or "30+%". */
  text: string;
  /** "30+%": the bar is drawn to 30 with an open end. */
  lowerBound: boolean;
  /** A net or total row: drawn in a different tone. */
  emphasis?: boolean;
  /** The 95% interval in percent, drawn as a thin whisker across the bar; absent or null: none. */
  interval?: { low: number; high: number } | null;
}

export interface BarChartOptions {
  width: number;
  /** Shown under the bars, e.g. the multi-answer note. */
  caption?: string | null;
  title: string;
  /** Accessible description of what the chart shows. */
  description: string;
}

const ROW = 26;
const LABEL_GAP = 8;
const VALUE_WIDTH = 64;
const MARGIN = { top: 8, right: 12, bottom: 28, left: 8 };

// Approximate text widths: 7px a Latin character, 13px a CJK one (no DOM
// measuring, so drawing is the same in tests and in every browser).
const charWidth = (ch: string) =>
  /\p{Bidi_Control}/u.test(ch) ? 0 : /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7;
const textWidth = (text: string) => [...text].reduce((w, ch) => w + charWidth(ch), 0);

/** Width of the label column: the longest label, capped so bars keep room. */
function labelWidth(bars: Bar[], width: number): number {
  return Math.min(Math.max(80, ...bars.map((b) => textWidth(b.label))), Math.round(width * 0.45));
}

/** A label cut to fit `max` pixels, with "…"; the full label goes in a tooltip. */
export function fitLabel(label: string, max: number): string {
  if (textWidth(label) <= max) return label;
  let out = '';
  let w = charWidth('…');
  for (const ch of label) {
    if (w + charWidth(ch) > max) break;
    out += ch;
    w += charWidth(ch);
  }
  return `${out.trimEnd()}…`;
}

/** Caption text is 11.5 px: the 12.5 px estimates above, scaled. */
const CAPTION_SCALE = 11.5 / 12.5;
const CAPTION_LINE = 16;

/**
 * The caption broken into lines of at most `max` pixels at spaces (anywhere in
 * CJK text, which has none), so a long note is never cut at the chart's edge
 * (on the page, or in an SVG or PNG export, which copies the chart).
 */
export function wrapCaption(text: string, max: number): string[] {
  const w = (t: string) => textWidth(t) * CAPTION_SCALE;
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (w(candidate) <= max || line === '') {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
    // A word longer than the line (CJK text): break it by characters.
    while (w(line) > max && [...line].length > 1) {
      let cut = '';
      for (const ch of line) {
        if (w(cut + ch) > max) break;
        cut += ch;
      }
      if (cut === '') break;
      lines.push(cut);
      line = line.slice(cut.length);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Whiskers are dark ink: they must show on the bar's blue and on the white beside it. */
const WHISKER = '#1d2330';

const hasInterval = (d: Bar): boolean =>
  d.interval !== undefined && d.interval !== null && d.value !== null && !d.lowerBound;

/** Draw (or redraw) the chart. Returns nothing: the svg is the output. */
export function drawBars(svgEl: SVGSVGElement, bars: Bar[], options: BarChartOptions): void {
  const { width } = options;
  const lw = labelWidth(bars, width);
  const captionLines = options.caption
    ? wrapCaption(options.caption, width - MARGIN.left - MARGIN.right)
    : [];
  const captionHeight = captionLines.length * CAPTION_LINE + (captionLines.length > 0 ? 4 : 0);
  const innerHeight = Math.max(1, bars.length) * ROW;
  const height = MARGIN.top + innerHeight + MARGIN.bottom + captionHeight;
  const x0 = MARGIN.left + lw + LABEL_GAP;
  const x1 = width - MARGIN.right - VALUE_WIDTH;
  const top = Math.max(100, max(bars, (b) => b.value ?? 0) ?? 0);
  const x = scaleLinear().domain([0, top]).range([x0, x1]);
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([MARGIN.top, MARGIN.top + innerHeight])
    .paddingInner(0.25);

  const svg = select(svgEl);
  svg.selectAll('*').remove();
  svg
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', isolate(options.title));
  svg.append('title').text(isolate(options.title));
  svg.append('desc').text(options.description);

  // Light grid at 0, 25, 50, 75, 100 so bars read against the whole.
  // Fewer grid lines when the bars are short (a phone): their labels must not run together.
  const ticks = x.ticks(x1 - x0 < 200 ? 2 : 4);
  const grid = svg.append('g').attr('class', 'grid');
  grid
    .selectAll('line')
    .data(ticks)
    .join('line')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', MARGIN.top)
    .attr('y2', MARGIN.top + innerHeight);
  grid
    .selectAll('text')
    .data(ticks)
    .join('text')
    .attr('x', (d) => x(d))
    .attr('y', MARGIN.top + innerHeight + 16)
    .attr('text-anchor', 'middle')
    .text((d) => `${d}%`);

  const rows = svg
    .append('g')
    .selectAll('g')
    .data(bars)
    .join('g')
    .attr('class', (d) => (d.emphasis ? 'bar-row emphasis' : 'bar-row'))
    .attr('transform', (_, i) => `translate(0,${y(i) ?? 0})`);
  const bh = y.bandwidth();
  // The value goes after the bar, its open end, or its whisker, whichever reaches farther.
  const valueX = (d: Bar): number => {
    const end = x(d.value ?? 0) + (d.lowerBound ? 18 : 4);
    return hasInterval(d) ? Math.max(end, x(d.interval?.high ?? 0) + 4) : end;
  };

  rows
    .append('text')
    .attr('class', 'bar-label')
    .attr('x', MARGIN.left + lw)
    .attr('y', bh / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((d) => isolate(fitLabel(d.label, lw)));
  // The full label (and value) as a tooltip on the whole row.
  rows
    .append('title')
    .text(
      (d) =>
        `${isolate(d.label)}: ${d.text}${
          hasInterval(d) && d.interval
            ? ` (${M.barTooltipInterval(formatNumber(d.interval.low, 1), formatNumber(d.interval.high, 1))})`
            : ''
        }`,
    );

  const withValue = rows.filter((d) => d.value !== null);
  withValue
    .append('rect')
    .attr('class', 'bar')
    .attr('x', x0)
    .attr('height', bh)
    .attr('width', (d) => Math.max(0, x(d.value ?? 0) - x0));
  // A lower bound ("30+%") gets an open, dashed end: the true bar is longer.
  withValue
    .filter((d) => d.lowerBound)
    .append('path')
    .attr('class', 'lower-bound')
    .attr('d', (d) => {
      const end = x(d.value ?? 0);
      return `M${end},0 l14,${bh / 2} l-14,${bh / 2}`;
    });
  // Error bars: a thin line from the interval's low to its high end, with caps.
  // Drawn with presentation attributes, so SVG and PNG exports look the same.
  // Hidden from assistive technology: the table lists the intervals.
  const whiskers = withValue
    .filter((d) => hasInterval(d))
    .append('g')
    .attr('class', 'whisker')
    .attr('aria-hidden', 'true')
    .attr('stroke', WHISKER)
    .attr('stroke-width', '1.5');
  const cap = Math.max(4, bh * 0.5);
  whiskers
    .append('line')
    .attr('x1', (d) => x(d.interval?.low ?? 0))
    .attr('x2', (d) => x(d.interval?.high ?? 0))
    .attr('y1', bh / 2)
    .attr('y2', bh / 2);
  for (const end of ['low', 'high'] as const) {
    whiskers
      .append('line')
      .attr('x1', (d) => x(d.interval?.[end] ?? 0))
      .attr('x2', (d) => x(d.interval?.[end] ?? 0))
      .attr('y1', (bh - cap) / 2)
      .attr('y2', (bh + cap) / 2);
  }
  rows
    .append('text')
    .attr('class', (d) => (d.value === null ? 'bar-value missing' : 'bar-value'))
    .attr('x', (d) => (d.value === null ? x0 : valueX(d)))
    .attr('y', bh / 2)
    .attr('dy', '0.35em')
    .text((d) => d.text);

  if (captionLines.length > 0) {
    const caption = svg
      .append('text')
      .attr('class', 'caption')
      .attr('x', MARGIN.left)
      .attr('y', MARGIN.top + innerHeight + MARGIN.bottom + CAPTION_LINE - 4);
    caption
      .selectAll('tspan')
      .data(captionLines)
      .join('tspan')
      .attr('x', MARGIN.left)
      .attr('dy', (_, i) => (i === 0 ? 0 : CAPTION_LINE))
      .text((d) => d);
  }
}
