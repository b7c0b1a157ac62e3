// The library's Export CSV of respondent data runs in a worker: the demo
// survey downloads as the same bytes the engine writes; a large generated
// survey shows its progress, can be cancelled, and never blocks the page for
// 100 ms (PerformanceObserver "longtask"). Copy as SQL puts the crosstab's
// query on the clipboard (or, where the clipboard is refused, in a selected
// box), and DuckDB counts the page's numbers with it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { crosstab } from '../../src/core/crosstab/crosstab';
import { parseDefinition } from '../../src/core/definition/definition';
import { exportRespondentCsv } from '../../src/core/export/respondents';
import { loadRespondents } from '../support/pipeline';
import { expectSameCounts, openDuck } from '../core/sql/duckdb';
import { browserForFile, copiedSql, importFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
const DEMO = fileURLToPath(
  new URL('../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
);
const DEMO_TITLE = 'WeChat users (simulated respondents)';
const definition = parseDefinition(readFileSync(DEMO.replace(/\.csv$/, '.json'), 'utf8'), 'demo');
if (!definition.ok) throw new Error(definition.error.message);
const demo = loadRespondents(new Uint8Array(readFileSync(DEMO)), {
  file: 'demo-simulated-wechat-respondents.csv',
  definition: definition.value,
});

/** Rows of the large generated survey; SW_EXPORT_ROWS=1000000 measures the million. */
const ROWS = Number(process.env.SW_EXPORT_ROWS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'survey-export-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A seeded survey: an id, three single-answer questions (one in Chinese), a multi-answer one, a number, a weight, free text with quotes and commas. */
function largeSurvey(rows: number): string {
  let seed = 20260101;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const out = ['id,gender,age,city,apps,score,weight,comment'];
  const apps = ['WeChat', 'QQ', '微博', 'Douyin', 'Alipay'];
  for (let i = 1; i <= rows; i++) {
    const chosen = apps.filter(() => next() < 0.4).join(';');
    out.push(
      [
        i,
        pick(['Female', 'Male']),
        pick(['18-24', '25-30', '31-40', '41+']),
        pick(['北京', '上海', '广州', '深圳']),
        chosen === '' ? '' : `"${chosen}"`,
        Math.floor(next() * 11),
        (0.5 + next()).toFixed(3),
        pick(['"says ""hi"", then leaves"', '=1+1', 'plain', '']),
      ].join(','),
    );
  }
  return `${out.join('\n')}\n`;
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Long tasks on the page from now on (PerformanceObserver "longtask", Chromium). */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

describe('Export CSV in a worker', { timeout: 600_000 }, () => {
  it('downloads the demo survey as exactly the bytes the engine writes', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByTestId('library-table').waitFor();
    const file = await download(w.page, () =>
      w.page.getByRole('button', { name: `Export CSV of ${DEMO_TITLE}` }).click(),
    );
    expect(file.name).toBe('demo-simulated-wechat-respondents.csv');
    const expected = exportRespondentCsv(demo.table);
    expect(file.bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    // 1,500 respondents and the header; questions by their wording.
    const lines = file.bytes.toString('utf8').split('\n');
    expect(lines.length).toBe(1502);
    expect(lines[0]).toBe(
      'respondent_id,gender,age_group,city_tier,How often do you use WeChat?,What is the reason that you started to use WeChat?,Which type of official accounts do you follow?,weight',
    );
    await expect
      .poll(() => w.page.getByTestId('export-result').textContent())
      .toContain('1,500 rows');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it(`shows progress for ${ROWS.toLocaleString('en-US')} respondents, cancels, and never blocks the page for 100 ms`, async () => {
    const path = join(dir, 'large-survey.csv');
    writeFileSync(path, largeSurvey(ROWS));
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByTestId('library-table').waitFor();
    await importFile(w.page, path, 'large-survey.csv');
    await w.page.goto(`${baseUrl}#v=1&page=library`);
    const button = w.page.getByRole('button', { name: /^Export CSV of large-survey/ });
    await button.waitFor();

    // Cancel: the progress goes, nothing is downloaded, focus returns to the button.
    let downloads = 0;
    w.page.on('download', () => downloads++);
    await button.click();
    const progress = w.page.getByTestId('export-progress');
    await expect
      .poll(() => progress.textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`Writing [1-9][\\d,]* of ${ROWS.toLocaleString('en-US')} rows`));
    await w.page.getByRole('button', { name: 'Cancel export' }).click();
    await progress.waitFor({ state: 'detached' });
    expect(await w.page.getByTestId('export-result').textContent()).toContain('cancelled');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(downloads).toBe(0);

    // The whole export, timed on the page.
    const longTasks = await watchLongTasks(w.page);
    const started = Date.now();
    const file = await download(w.page, () => button.click());
    const seconds = (Date.now() - started) / 1000;
    const tasks = await longTasks();
    const longest = Math.max(0, ...tasks);
    console.info(
      `export of ${ROWS} respondents: ${(file.bytes.length / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
        `long tasks on the page: ${tasks.length}, the longest ${longest.toFixed(0)} ms`,
    );
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('id,gender,age,city,apps,score,weight,comment\n')).toBe(true);
    // One line per respondent, the header, and the final line break ("says ""hi""" holds no line break).
    expect(text.split('\n').length).toBe(ROWS + 2);
    expect(text).toContain("'=1+1");
    expect(longest).toBeLessThan(100);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('Copy as SQL', { timeout: 120_000 }, () => {
  const view = (extra: string) =>
    `${baseUrl}#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=${encodeURIComponent(
      'What is the reason that you started to use WeChat?',
    )}&c=age_group${extra}`;

  it('copies the query for the view, which DuckDB counts as the page does', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseUrl).origin,
    });
    await w.page.goto(view('&f=0%3Agender'));
    await w.page.getByTestId('crosstab-table').waitFor();
    const sql = await copiedSql(w.page, 'demo-simulated-wechat-respondents.csv');
    expect(sql).toContain("read_csv('demo-simulated-wechat-respondents.csv'");
    expect(sql).toContain('-- Weighted by "weight": count is the sum of weights.');

    // The copied query, pointed at the file, counts the page's table (women only, weighted).
    const duck = await openDuck();
    if (typeof duck !== 'string') {
      const rows = await duck.rows(
        sql.replace("read_csv('demo-simulated-wechat-respondents.csv'", `read_csv('${DEMO}'`),
      );
      const x = crosstab(demo.table, {
        rows: { questionId: 'What is the reason that you started to use WeChat?' },
        cols: { questionId: 'age_group' },
        filter: [{ questionId: 'gender', options: [0] }],
      });
      if (!x.ok) throw new Error(x.error.message);
      expect(expectSameCounts(x.value, rows, 'copied query')).toBe(24);
      duck.close();
    }
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('shows the query selected in a box when the browser refuses the clipboard', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    // As text: a function would be compiled with helpers the page does not have.
    await w.context.addInitScript({
      content: `Object.defineProperty(Navigator.prototype, 'clipboard', {
        configurable: true,
        get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }),
      });`,
    });
    await w.page.goto(view(''));
    await w.page.getByTestId('crosstab-table').waitFor();
    await w.page.getByRole('button', { name: 'Copy as SQL' }).click();
    const box = w.page.getByRole('textbox', { name: 'The DuckDB query for this table' });
    await box.waitFor();
    const selected = await box.evaluate(
      (t) =>
        t === document.activeElement &&
        (t as HTMLTextAreaElement).selectionStart === 0 &&
        (t as HTMLTextAreaElement).selectionEnd === (t as HTMLTextAreaElement).value.length,
    );
    expect(selected).toBe(true);
    expect(await box.inputValue()).toContain('ORDER BY row_label, col_label;');
    expect(await w.page.getByTestId('copy-sql-status').textContent()).toContain('Ctrl+C');
    await w.context.close();
  });

  it('says why there is no query for a question the app made (number of answers chosen)', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(
      view('').replace(
        /&r=[^&]*/,
        '&r=' + encodeURIComponent('answers:What is the reason that you started to use WeChat?'),
      ),
    );
    await w.page.getByTestId('crosstab-table').waitFor();
    const button = w.page.getByRole('button', { name: 'Copy as SQL' });
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await w.page.getByTestId('copy-sql-reason').textContent()).toContain(
      'made by the app, not read from the file',
    );
    await w.context.close();
  });
});
