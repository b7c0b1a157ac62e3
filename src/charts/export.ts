// A chart as a standalone picture for a report: the chart's <svg> with a
// header (title, question, base, filters) above it and a footer (notes,
// source) below, as SVG text or as a PNG.
//
// Everything is built with DOM calls (createElementNS, setAttribute,
// textContent), never from strings of markup: labels and titles are data.
// Styles are written onto the elements as presentation attributes (no <style>
// element), so the picture looks the same in any SVG viewer or vector editor
// and needs nothing from the app's stylesheet or its Content-Security-Policy.
import { exportMessages as M, problem } from '../core/messages';
import { balanceLines, isolate } from '../core/format/bidi';
import type { Result } from '../core/result';

export interface SvgExportMeta {
  title: string;
  question?: string | null;
  /** e.g. "Base: all respondents, n = 1,200". Written as given. */
  base?: string | null;
  /** The filters in words; null or absent: no filter line. */
  filters?: string | null;
  /** Notes under the chart ("Multiple answers allowed: …", flags). */
  notes?: readonly string[];
  /** e.g. "Source: Eguan, 2013-07". Written as given. */
  source?: string | null;
}

export interface StandaloneSvg {
  text: string;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const INK = '#1d2330';
const MUTED = '#545d6e';
const BAR = '#3f72c4';
const BAR_EMPH = '#1b3f78';
const PAD = 12;

/**
 * The look of the `svg …` rules in src/ui/styles/tables.css, as attributes (later
 * rules win). Keep in step with the stylesheet; a new chart's classes go here.
 * Not copied from getComputedStyle: that would make the export depend on
 * whether the chart is on the page, and a detached chart has no styles.
 */
const RULES: readonly (readonly [string, Record<string, string>])[] = [
  ['text', { 'font-family': FONT, 'font-size': '12.5px', fill: INK }],
  ['.bar', { fill: BAR }],
  ['.emphasis .bar', { fill: BAR_EMPH }],
  ['.lower-bound', { fill: 'none', stroke: BAR, 'stroke-width': '2', 'stroke-dasharray': '3 2' }],
  ['.bar-value.missing', { fill: MUTED, 'font-style': 'italic' }],
  ['.grid line', { stroke: '#e6e9ef' }],
  ['.grid text, .caption', { fill: MUTED, 'font-size': '11.5px' }],
];

/**
 * Text broken into lines of at most `maxWidth` pixels, at spaces (or anywhere
 * in CJK text, which has none). Widths are estimated as the bar chart does
 * (7 px a Latin character, 13 px a CJK one at 12.5 px), scaled to `fontPx`.
 */
export function wrapText(text: string, maxWidth: number, fontPx = 12.5): string[] {
  const scale = fontPx / 12.5;
  const charWidth = (ch: string) =>
    /\p{Bidi_Control}/u.test(ch) ? 0 : (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7) * scale;
  const lines: string[] = [];
  let line = '';
  let width = 0;
  let lastSpace = -1;
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    const w = charWidth(ch);
    if (width + w > maxWidth + 1e-9 && line !== '') {
      if (ch === ' ') {
        lines.push(line);
        line = '';
        width = 0;
        lastSpace = -1;
        continue;
      }
      if (lastSpace > 0) {
        lines.push(line.slice(0, lastSpace));
        line = line.slice(lastSpace + 1);
      } else {
        lines.push(line);
        line = '';
      }
      width = [...line].reduce((sum, c) => sum + charWidth(c), 0);
      lastSpace = line.lastIndexOf(' ');
    }
    if (ch === ' ') lastSpace = line.length;
    line += ch;
    width += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '');
  const box =
    svg
      .getAttribute('viewBox')
      ?.trim()
      .split(/[\s,]+/)
      .map(Number) ?? [];
  const width = attr('width') || box[2] || svg.getBoundingClientRect().width || 600;
  const height = attr('height') || box[3] || svg.getBoundingClientRect().height || 400;
  return { width, height };
}

/** Writes RULES onto the copy, so it keeps the app's look without the app's stylesheet. */
function applyStyles(clone: SVGSVGElement): void {
  for (const [selector, attrs] of RULES) {
    for (const el of clone.querySelectorAll(selector)) {
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    }
  }
}

/** The chart with its header and footer, as standalone SVG text and its size in pixels. */
export function standaloneSvg(svg: SVGSVGElement, meta: SvgExportMeta): StandaloneSvg {
  const doc = svg.ownerDocument;
  const { width: chartWidth, height: chartHeight } = chartSize(svg);
  const width = Math.max(chartWidth, 320);
  const textWidth = width - 2 * PAD;
  const out = doc.createElementNS(SVG_NS, 'svg');
  out.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);

  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  out.append(background);

  let y = PAD;
  const addLines = (text: string, fontPx: number, attrs: Record<string, string>) => {
    // Data text in the header and footer comes isolated (FSI … PDI): keep each line balanced.
    for (const line of balanceLines(wrapText(text, textWidth, fontPx))) {
      y += Math.round(fontPx * 1.4);
      const el = doc.createElementNS(SVG_NS, 'text');
      el.setAttribute('x', String(PAD));
      el.setAttribute('y', String(y));
      el.setAttribute('font-family', FONT);
      el.setAttribute('font-size', `${fontPx}px`);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      el.textContent = line;
      out.append(el);
    }
  };

  addLines(isolate(meta.title), 15, { fill: INK, 'font-weight': '600' });
  if (meta.question) addLines(meta.question, 12.5, { fill: INK });
  if (meta.base) addLines(meta.base, 11.5, { fill: MUTED });
  if (meta.filters) addLines(M.filter(meta.filters), 11.5, { fill: MUTED });
  y += PAD / 2;

  const chart = svg.cloneNode(true) as SVGSVGElement;
  applyStyles(chart);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(y));
  chart.setAttribute('width', String(chartWidth));
  chart.setAttribute('height', String(chartHeight));
  chart.removeAttribute('style');
  chart.removeAttribute('class');
  out.append(chart);
  y += chartHeight;

  for (const note of meta.notes ?? []) addLines(note, 11.5, { fill: MUTED });
  if (meta.source) addLines(meta.source, 11.5, { fill: MUTED });
  const height = Math.ceil(y + PAD);

  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
  return { text, width, height };
}

/**
 * SVG text drawn into a canvas and encoded as PNG, `scale` times the size in
 * pixels (2 for sharp text on paper and high-density screens). Browser only.
 */
export async function svgToPngBlob(
  svgString: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Result<Blob>> {
  const failed = (): Result<Blob> => ({
    ok: false,
    error: problem('export-png-failed'),
  });
  const url = URL.createObjectURL(new Blob([svgString], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    const loaded = new Promise<boolean>((resolve) => {
      image.onload = () => resolve(true);
      image.onerror = () => resolve(false);
    });
    image.src = url;
    if (!(await loaded)) return failed();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (context === null) return failed();
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob === null ? failed() : { ok: true, value: blob };
  } catch {
    return failed();
  } finally {
    URL.revokeObjectURL(url);
  }
}
