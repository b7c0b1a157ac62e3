// Launch Debian's Chromium through playwright-core, with the flags this
// machine needs (no sandbox as root, no background network, no GPU).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** A page that records console errors, page errors and requests to other origins. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  foreignRequests: string[];
}

export async function openWatched(
  browser: Browser,
  baseUrl: string,
  /** bypassCSP: let a test inject a script of its own (axe-core) into the page. */
  options: { bypassCSP?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
  // A Content Security Policy violation (an eval, a foreign script) is an error too:
  // Chromium reports it as an event, not on the console.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} in ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  return { page, context, errors, foreignRequests };
}

/** Import a file through the real file input and wait for its survey page. */
export async function importFile(page: Page, path: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByTestId('preview').waitFor();
  await page.getByRole('button', { name: `Import ${name}` }).click();
  await page.getByTestId('question-list').waitFor();
}

/**
 * Copy as SQL on the page, and the query it put on the clipboard, checked to
 * name the survey's file on its first line (the context allows clipboard-read).
 */
export async function copiedSql(page: Page, file: string): Promise<string> {
  await page.getByRole('button', { name: 'Copy as SQL' }).click();
  await expect.poll(() => page.getByTestId('copy-sql-status').textContent()).toContain('Copied');
  const sql = await page.evaluate(() => navigator.clipboard.readText());
  expect(sql.split('\n')[0]).toBe(
    `-- The query reads "${file}" from the folder DuckDB runs in: point read_csv at your copy of the file.`,
  );
  return sql;
}

/** A fixture's absolute path. */
export const fixture = (name: string): string =>
  new URL(`../fixtures/${name}`, import.meta.url).pathname;

/**
 * One browser for a test file: launched before its tests, closed after.
 * Returns a getter, since the browser exists only once beforeAll has run.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}
