// Files from strangers: markup in headers and labels renders as text, a
// javascript: source link is never a link, a file with 100,000 columns is
// refused without freezing the page, and no script from a file ever runs.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, importFile, browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

async function watchScripts(page: Page) {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  return () => dialogs;
}

describe('hostile files', () => {
  it('shows markup in headers and labels as text and runs none of it', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const dialogs = await watchScripts(w.page);
    await w.page.goto(baseUrl);
    await importFile(w.page, fixture('hostile/markup-headers.csv'), 'markup-headers.csv');
    const list = await w.page.getByTestId('question-list').innerText();
    expect(list).toContain('<script>alert(1)</script>');
    expect(list).toContain('<img src=x onerror=alert(1)>');
    expect(await w.page.locator('main img').count()).toBe(0);
    expect(await w.page.locator('main script').count()).toBe(0);
    await w.page.locator('[data-question="<script>alert(1)</script>"] h3 a').click();
    await w.page.getByTestId('bar-chart').waitFor();
    expect(
      await w.page.getByTestId('bar-chart').locator('svg, img, script, foreignObject').count(),
    ).toBe(0);
    expect(dialogs()).toBe(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('keeps a javascript: source link as plain text', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const dialogs = await watchScripts(w.page);
    await w.page.goto(baseUrl);
    await importFile(
      w.page,
      fixture('hostile/distribution-javascript-url.csv'),
      'distribution-javascript-url.csv',
    );
    expect(await w.page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await w.page.locator('main').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs()).toBe(0);
    await w.context.close();
  });

  it('refuses 100,000 columns with a clear message while the page stays responsive', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: 100_000 }, (_, i) => String(i % 7)).join(',');
    await w.page.getByRole('button', { name: 'Import a file…' }).click();
    await w.page.getByTestId('file-input').setInputFiles({
      name: 'wide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${row}\n`),
    });
    // The page answers while the worker reads the file.
    const started = Date.now();
    expect(await w.page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    const error = w.page.getByTestId('preview-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/wide\.csv.*20,?000 columns/i);
    await w.context.close();
  });
});
