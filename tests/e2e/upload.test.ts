// Uploads through the real file input: a GB18030 file with Chinese labels is
// detected, previewed, imported in the worker, rendered, and still there after
// a reload; a broken file is refused with its line, and nothing is lost.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const browserOf = browserForFile();

async function upload(
  page: Page,
  path: string | { name: string; mimeType: string; buffer: Buffer },
) {
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await page.getByTestId('file-input').setInputFiles(path);
}

describe('uploading a file', () => {
  it('detects GB18030, renders the Chinese labels, and keeps the survey across a reload', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await upload(w.page, fixture('upload-wechat-gb18030.csv'));
    await w.page.getByTestId('preview').waitFor();
    expect(await w.page.getByLabel('Encoding').inputValue()).toBe('gb18030');
    expect(await w.page.getByLabel('Name of question 你多久使用一次微信？').inputValue()).toBe(
      '你多久使用一次微信？',
    );
    // The weight is proposed, and applied only when chosen.
    await w.page.getByRole('button', { name: 'Weight by 权重' }).click();
    await expect.poll(() => w.page.getByLabel('Weight column').inputValue()).toBe('权重');
    await w.page.getByRole('button', { name: 'Import upload-wechat-gb18030.csv' }).click();
    await w.page.getByTestId('question-list').waitFor();
    const list = await w.page.getByTestId('question-list').innerText();
    expect(list).toContain('你关注哪些类型的公众号？');
    expect(list).toContain('Multiple answers allowed');

    await w.page.locator('[data-question="你多久使用一次微信？"] h3 a').click();
    await w.page.getByTestId('bar-chart').waitFor();
    const labels = await w.page.locator('[data-testid="bar-chart"] .bar-label').allTextContents();
    expect(labels).toEqual(['一天多次', '一天一次', '几天一次', '一周一次']);
    // Weighted by 权重: 一天多次 = (1.2 + 1.1 + 1.0) / 6.0 = 55.0%.
    const values = await w.page.locator('[data-testid="bar-chart"] .bar-value').allTextContents();
    expect(values[0]).toBe('55.0%');
    // CJK glyphs are really drawn: a CJK label is wider than a same-length Latin one would be with a missing font.
    const width = await w.page
      .locator('[data-testid="bar-chart"] .bar-label')
      .first()
      .evaluate((el) => (el as SVGTextElement).getBBox().width);
    expect(width).toBeGreaterThan(30);

    await w.page.reload();
    await w.page.getByTestId('bar-chart').waitFor();
    expect(await w.page.locator('[data-testid="bar-chart"] .bar-label').first().textContent()).toBe(
      '一天多次',
    );
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it("fetches the crosstab page's code once respondent data is imported, so its first crosstab never shows the loading fallback", async () => {
    const w = await openWatched(browserOf(), baseUrl);
    // Scripts fetched in full (requestfinished, not just asked for), so the chunk is in by the check.
    const scripts: string[] = [];
    w.page.on('requestfinished', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await w.page.goto(baseUrl);
    await upload(w.page, fixture('upload-wechat-gb18030.csv'));
    await w.page.getByRole('button', { name: 'Import upload-wechat-gb18030.csv' }).click();
    await w.page.getByTestId('question-list').waitFor();
    await expect.poll(() => scripts.some((s) => /\/CrosstabPage-[\w-]+\.js$/.test(s))).toBe(true);
    // Then two frames, for the browser to evaluate the module and settle its import.
    await w.page.evaluate(
      () =>
        new Promise<void>((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => done())),
        ),
    );
    // Record whether the Suspense fallback ("Loading…") is ever in the page while the crosstab opens.
    await w.page.evaluate(() => {
      const seen = { fallback: false };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('main [role="status"]')?.textContent === 'Loading…')
          seen.fallback = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const survey = new URLSearchParams((await w.page.evaluate(() => location.hash)).slice(1)).get(
      's',
    );
    await w.page.evaluate(
      (s) =>
        (location.hash = `#v=1&page=crosstab&s=${s}&r=${encodeURIComponent('你多久使用一次微信？')}`),
      survey ?? '',
    );
    await w.page.getByTestId('crosstab-table').waitFor();
    expect(
      await w.page.evaluate(
        () => (window as unknown as { __seen: { fallback: boolean } }).__seen.fallback,
      ),
    ).toBe(false);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('refuses a ragged file with its line number and leaves the library and the view as they were', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=library`);
    await w.page.getByTestId('library-table').waitFor();
    const before = await w.page.getByTestId('library-table').locator('tbody tr').count();
    const rows = [
      'id,colour,size',
      ...Array.from({ length: 30 }, (_, i) => `${i},red,${i % 3}`),
      '31,blue',
      '32,red,1',
    ];
    await upload(w.page, {
      name: 'ragged.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    });
    // The broken line is within the rows the preview reads, so the preview already refuses it.
    const error = w.page.getByTestId('preview-error');
    await error.waitFor();
    expect(await w.page.getByRole('button', { name: 'Import ragged.csv' }).isDisabled()).toBe(true);
    const text = await error.innerText();
    expect(text).toContain('ragged.csv');
    expect(text).toMatch(/line 32/i);
    await w.page.getByRole('button', { name: 'Close' }).click();
    expect(await w.page.getByTestId('library-table').locator('tbody tr').count()).toBe(before);
    expect(w.page.url()).toContain('page=library');
    await w.context.close();
  });
});
