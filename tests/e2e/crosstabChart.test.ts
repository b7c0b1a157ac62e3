// The crosstab's chart on the bundled simulated respondents: grouped bars whose
// values and letters are the table's column percents, exports as SVG and PNG,
// no axe violation, and no sideways scrolling on a phone.
import axe from 'axe-core';
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

const REASON = encodeURIComponent('What is the reason that you started to use WeChat?');
const VIEW = `#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=${REASON}&c=age_group`;

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Each table row's figures: [label, "71.3%", "52.7% CD", …] (Total first, counts hidden). */
const tableFigures = (page: Page) =>
  page
    .getByTestId('crosstab-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) => [
        tr.querySelector('th')?.textContent?.trim() ?? '',
        ...[...tr.querySelectorAll('td')].map((td) =>
          (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ]),
    );

/** Each bar group's figures as the chart writes them: [label, "71.3%", "52.7% CD", …]. */
const chartFigures = (page: Page) =>
  page
    .getByTestId('crosstab-chart')
    .locator('g.xgroup')
    .evaluateAll((groups) =>
      groups.map((g) => [
        g.querySelector('title')?.textContent ?? '',
        ...[...g.querySelectorAll('text.xbar-value')].map((t) =>
          [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(''),
        ),
      ]),
    );

/** Serious and critical axe-core violations on the page, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (c: Document) => Promise<unknown> } }).axe;
    return ((await run.run(document)) as { violations: unknown[] }).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the crosstab chart', () => {
  it('draws the table’s column percents and letters as grouped bars, Total first', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${VIEW}`);
    await w.page.getByTestId('crosstab-chart').locator('g.xgroup').first().waitFor();

    const table = await tableFigures(w.page);
    const chart = await chartFigures(w.page);
    // Six reasons × (Total and four age groups).
    expect(chart).toHaveLength(6);
    expect(chart.every((g) => g.length === 6)).toBe(true);
    expect(chart).toEqual(table);
    // The Total bars are the simulation's weighted marginals, which follow Sootoo's published
    // June 2013 figures (71.34%, 47.42%, 34.05%, 29.31%, 21.34%, 2.59%) to within 0.1 point.
    expect(chart[0]?.slice(0, 2)).toEqual(['Friends use it', '71.3%']);
    const published = [71.34, 47.42, 34.05, 29.31, 21.34, 2.59];
    chart.forEach((g, i) =>
      expect(Math.abs(Number.parseFloat(g[1] ?? '') - published[i]!)).toBeLessThanOrEqual(0.1),
    );
    expect(chart.flat().some((t) => /^\d+\.\d% [A-D]+$/.test(t))).toBe(true);
    await expect(w.page.locator('[data-testid="crosstab-chart"] rect.xbar').count()).resolves.toBe(
      30,
    );

    const legend = await w.page
      .locator('[data-testid="crosstab-chart"] g.legend text')
      .allTextContents();
    expect(legend).toEqual(['Total', '18-24 (A)', '25-30 (B)', '31-40 (C)', '41+ (D)']);
    const notes = await w.page.locator('[data-testid="crosstab-chart"] text.caption').textContent();
    expect(notes).toContain('Total 1,500 / 1,500.0');
    expect(notes).toContain(
      'Respondents could give several answers; percents add to more than 100%.',
    );
    expect(notes).toContain(
      'Letters: significantly higher than the column with that letter at 95%.',
    );
    await expect(w.page.getByTestId('crosstab-chart-table-note').innerText()).resolves.toBe(
      'The table above has these numbers.',
    );
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('exports the chart as SVG and PNG with the survey, the notice and the figures', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${VIEW}`);
    await w.page.getByTestId('crosstab-chart').locator('g.xgroup').first().waitFor();

    const svg = await download(w.page, 'Export chart (SVG)');
    expect(svg.name).toBe(
      'WeChat users (simulated respondents) - What is the reason that you started to use WeChat - by age_group.svg',
    );
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml [^>]*>\n<svg /);
    expect(text).toContain('WeChat users (simulated respondents)');
    expect(text).toContain('Simulated respondents, not real data');
    expect(text).toContain('71.3%');
    expect(text).toContain('by age_group: column %');
    expect(text).not.toContain('<script');

    const png = await download(w.page, 'Export chart (PNG)');
    expect(png.name.endsWith(' - by age_group.png')).toBe(true);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('says when the table shows other percents than the chart', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${VIEW}&pct=row`);
    await w.page.getByTestId('crosstab-chart').locator('g.xgroup').first().waitFor();
    await expect(w.page.getByTestId('crosstab-chart-table-note').innerText()).resolves.toBe(
      "The chart shows column %; the table above shows Row %. Choose Column % to see the chart's numbers in the table.",
    );
    // Still the column percents: 71.3% of everyone, as with Column %.
    expect((await chartFigures(w.page))[0]?.slice(0, 2)).toEqual(['Friends use it', '71.3%']);
    await w.context.close();
  });

  it.each([
    [1400, 900],
    [390, 844],
  ])('has no axe violation and fits the page at %i px wide', async (width, height) => {
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    await w.page.setViewportSize({ width, height });
    await w.page.goto(`${baseUrl}${VIEW}`);
    await w.page.getByTestId('crosstab-chart').locator('g.xgroup').first().waitFor();
    expect(await axeProblems(w.page)).toEqual([]);
    const sizes = await w.page.evaluate(() => {
      const svg = document.querySelector('[data-testid="crosstab-chart"]');
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        chart: svg?.getBoundingClientRect().right ?? Infinity,
        viewBox: svg?.getAttribute('viewBox') ?? '',
      };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.chart).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.viewBox).toMatch(/^0 0 \d+ \d+$/);
    await w.context.close();
  });
});
