// Accessibility checked in the browser: axe-core runs on every kind of page
// at a desktop width (1400 px) and a phone width (390 px), and no serious or
// critical violation is allowed. The phone layout: the sidebar is a drawer
// behind a menu button, and no page scrolls sideways.
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, fixture, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
/** axe-core's own bundle, as text to inject into the page. */
const AXE_SOURCE = axe.source;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical violations on the page as it is now, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(', ')}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ''}`,
    );
}

const NEED_FILE = `#v=1&page=survey&s=upload-0123456789abcdef&fp=${'ab'.repeat(32)}&fn=survey.csv`;

/** Every kind of page, reached as a user would (a link, or a click). */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'library',
    open: async (page) => {
      await page.goto(`${baseUrl}#`);
      await page.getByTestId('library-table').waitFor();
    },
  },
  {
    name: 'survey',
    open: async (page) => {
      await page.goto(`${baseUrl}#v=1&page=survey&s=eguan-2013-07-mobile-im-share`);
      await page.getByTestId('question-list').waitFor();
    },
  },
  {
    name: 'question of a published survey',
    open: async (page) => {
      await page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-08-official-accounts&q=q3`);
      await page.getByTestId('question-table').first().waitFor();
    },
  },
  {
    name: 'question of respondent data',
    open: async (page) => {
      await page.goto(
        `${baseUrl}#v=1&page=question&s=demo-simulated-wechat-respondents&q=Which+type+of+official+accounts+do+you+follow%3F`,
      );
      await page.getByTestId('question-table').first().waitFor();
    },
  },
  {
    name: 'flags',
    open: async (page) => {
      await page.goto(`${baseUrl}#v=1&page=flags`);
      await page.getByTestId('flags-table').waitFor();
    },
  },
  {
    name: 'crosstab',
    open: async (page) => {
      await page.goto(
        `${baseUrl}#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=How+often+do+you+use+WeChat%3F&c=age_group&cnt=1`,
      );
      await page.getByTestId('crosstab-table').waitFor();
    },
  },
  {
    name: 'import preview with a file chosen',
    open: async (page) => {
      await page.goto(`${baseUrl}#`);
      await page.getByTestId('library-table').waitFor();
      await page.getByRole('button', { name: 'Import a file…' }).click();
      await page.getByTestId('file-input').setInputFiles(fixture('upload-wechat-gb18030.csv'));
      await page.getByTestId('preview').waitFor({ state: 'attached' });
    },
  },
  {
    name: 'the need-file panel',
    open: async (page) => {
      await page.goto(`${baseUrl}${NEED_FILE}`);
      await page.getByTestId('need-file').waitFor();
    },
  },
];

describe.each([
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
])('at $width px', ({ width, height }) => {
  it('every kind of page has no serious or critical axe violation and no sideways page scroll', async () => {
    // axe is injected as a script of the test's own: the app's CSP would refuse it.
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    await w.page.setViewportSize({ width, height });
    const problems: string[] = [];
    for (const p of PAGES) {
      try {
        await p.open(w.page);
      } catch (e) {
        problems.push(`${p.name}: could not be opened (${String(e).split('\n')[0]})`);
        continue;
      }
      // Let charts settle to the width they are given.
      await w.page.waitForTimeout(150);
      for (const line of await axeProblems(w.page)) problems.push(`${p.name}: ${line}`);
      const scroll = await w.page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      if (scroll > width) problems.push(`${p.name}: the page is ${scroll} px wide at ${width} px`);
    }
    expect(problems).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('the phone layout', () => {
  it('puts the library in a drawer: the menu button opens it, focus moves in, Escape closes it and focus returns', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(`${baseUrl}#`);
    await w.page.getByTestId('library-table').waitFor();
    const menu = w.page.getByRole('button', { name: 'Surveys' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    const drawer = w.page.locator(`#${await menu.getAttribute('aria-controls')}`);
    await expect(drawer.isVisible()).resolves.toBe(false);

    await menu.focus();
    await w.page.keyboard.press('Enter');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(drawer.isVisible()).resolves.toBe(true);
    expect(await w.page.evaluate(() => document.activeElement?.closest('#sidebar') !== null)).toBe(
      true,
    );
    await w.page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(drawer.isVisible()).resolves.toBe(false);
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe(
      'sidebar',
    );

    // Following a link in the drawer closes it and opens the page.
    await menu.click();
    await drawer
      .getByRole('link', { name: /Market share of mobile/ })
      .first()
      .click();
    await w.page.getByTestId('question-list').waitFor();
    await expect(drawer.isVisible()).resolves.toBe(false);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('keeps wide tables inside their own scrolling box and fits the chart to the screen', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(
      `${baseUrl}#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=How+often+do+you+use+WeChat%3F&c=age_group&cnt=1`,
    );
    const table = w.page.getByTestId('crosstab-table');
    await table.waitFor();
    const box = await table.evaluate((t) => {
      const scroller = t.parentElement as HTMLElement;
      return {
        table: t.scrollWidth,
        box: scroller.clientWidth,
        overflow: getComputedStyle(scroller).overflowX,
      };
    });
    expect(box.table).toBeGreaterThan(box.box);
    expect(box.overflow).toBe('auto');
    expect(await w.page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=oa2`);
    const chart = w.page.getByTestId('bar-chart').first();
    await chart.waitFor();
    const width = await chart.evaluate((svg) => svg.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(390);
    expect(width).toBeGreaterThan(250);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
