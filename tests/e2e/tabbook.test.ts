// The tab book page in Chromium: on the bundled demo survey, a banner made in
// the editor, built off the page, with contents that lead to each table, the
// bases and letters the engine computes in Node, an .xlsx with its sheets,
// and no serious accessibility problem; a banner saved with an upload survives
// a reload and goes into its definition; and on a large generated survey
// (200,000 respondents × 30 questions) no task of the page's uses more than
// 100 ms of its CPU nor holds it for 200 ms, and the page's figures are
// tabs()' in Node.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateSurvey } from '../../perf/generate';
import { parseDefinition } from '../../src/core/definition/definition';
import { loadSurveyFile } from '../../src/core/pipeline';
import type { RespondentTable } from '../../src/core/table/types';
import { tabBookGrids } from '../../src/core/tabs/sheet';
import type { TabBook } from '../../src/core/tabs/types';
import { tableVM } from '../../src/state/models/tabBook';
import { buildTabBook } from '../../src/state/models/tabBookBuild';
import { openDuck } from '../core/sql/duckdb';
import { browserForFile, copiedSql, importFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
const temp = mkdtempSync(join(tmpdir(), 'tabbook-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const DEMO_ID = 'demo-simulated-wechat-respondents';
const DEMO = new URL(`../../surveys/${DEMO_ID}`, import.meta.url).pathname;

function unwrapped<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function respondentTable(bytes: Uint8Array, file: string, definition?: string): RespondentTable {
  const loaded = unwrapped(
    loadSurveyFile(bytes, {
      file,
      ...(definition === undefined
        ? {}
        : { definition: unwrapped(parseDefinition(definition, `${file}.json`)) }),
    }),
  );
  if (loaded.kind !== 'respondents') throw new Error('not respondent data');
  return loaded.table;
}

/** Each row of table k (0-based) as the page shows it: label, then each cell's text. */
async function pageRows(page: Page, k: number): Promise<string[][]> {
  // A table's grid is drawn when it comes near the window.
  const section = page.getByTestId('tabbook-table').nth(k);
  await section.scrollIntoViewIfNeeded();
  await section.locator('tbody tr').first().waitFor();
  return section
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}

/** The same rows from the book computed in Node, formatted by the page's own view model. */
function nodeRows(book: TabBook, k: number): string[][] {
  return tableVM(book, book.tables[k]!, k).rows.map((r) => [
    r.label,
    ...r.cells.map(
      (c) => `${c.text}${c.small ? '*' : ''}${c.letters === '' ? '' : ` ${c.letters}`}`,
    ),
  ]);
}

async function build(page: Page, timeout = 60_000): Promise<string> {
  await page.getByRole('button', { name: /^Build/ }).click();
  const status = page.getByTestId('tabbook-status').filter({ hasText: /^Built \d+ tables?\.$/ });
  await status.waitFor({ timeout });
  return status.innerText();
}

/** The page's main-thread tasks in a Chromium trace: wall time and CPU time, in ms. */
function mainThreadTasks(trace: Buffer): { wall: number; cpu: number }[] {
  interface TraceEvent {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  }
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = new Set(
    parsed.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return parsed.traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const a = (
      window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await a.run(document)).violations;
  });
  return (violations as { id: string; impact: string | null; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the tab book of the demo survey', () => {
  const table = respondentTable(
    new Uint8Array(readFileSync(`${DEMO}.csv`)),
    'demo.csv',
    readFileSync(`${DEMO}.json`, 'utf8'),
  );
  const book = unwrapped(
    buildTabBook(table, {
      banner: { columns: ['gender', 'age_group'] },
      rows: null,
      tests: { level: 0.95, lowerLevel: 0.9, compare: 'group', correction: 'none' },
      nets: false,
    }),
  );

  it('builds every question against a banner made in the editor, with the bases and letters tabs() gives in Node', async () => {
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    await w.page.goto(`${baseUrl}#v=1&page=survey&s=${DEMO_ID}`);
    await w.page.getByRole('link', { name: 'Tab book: every question against a banner' }).click();
    await w.page.getByTestId('banner-empty').waitFor();
    // The banner: gender, then age_group, added in the editor.
    for (const q of ['gender', 'age_group']) {
      await w.page.getByLabel('Question to add').selectOption(q);
      await w.page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    expect(
      await w.page
        .getByTestId('banner-list')
        .locator('> li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-question'))),
    ).toEqual(['gender', 'age_group']);
    await w.page.getByLabel('Lowercase letters at 90% too').check();
    expect(w.page.url()).toContain('tl=1');
    expect(await build(w.page)).toBe('Built 6 tables.');

    // The header: Total, then each banner question over its lettered columns.
    const head = w.page.getByTestId('tabbook-table').first().locator('thead');
    expect(await head.locator('tr').nth(0).locator('th').allInnerTexts()).toEqual([
      'Total',
      'gender',
      'age_group',
    ]);
    expect(await head.locator('tr').nth(2).locator('td').allInnerTexts()).toEqual([
      '',
      '(A)',
      '(B)',
      '(C)',
      '(D)',
      '(E)',
      '(F)',
    ]);
    // Weighted by the sidecar's weight: unweighted n, weighted and effective bases.
    const rows4 = await pageRows(w.page, 3);
    expect(rows4.slice(0, 3)).toEqual([
      ['Base (unweighted)', '1,500', '556', '944', '503', '562', '322', '113'],
      ['Base (weighted)', '1,500.0', '690.0', '810.0', '450.0', '480.0', '390.0', '180.0'],
      ['Effective base', '1,112.2', '428.1', '720.3', '389.0', '431.9', '253.4', '87.9'],
    ]);
    // Every table, cell for cell, letters included, is the book computed in Node.
    for (let k = 0; k < book.tables.length; k++)
      expect(await pageRows(w.page, k)).toEqual(nodeRows(book, k));
    expect(rows4[3]).toEqual([
      'Many times in a day',
      '36%',
      '39% b',
      '34%',
      '58% DEF',
      '37% EF',
      '22% F',
      '9%',
    ]);
    // Under each table: the base line and what was tested.
    const table4 = w.page.getByTestId('tabbook-table').nth(3);
    expect(await table4.getByTestId('base-line').innerText()).toBe(
      'Base: all respondents who answered the question.',
    );
    expect(await table4.getByTestId('test-line').innerText()).toContain(
      'uppercase at 95%, lowercase at 90%, without correction for multiple comparisons',
    );

    // The contents lead to each table, without leaving the view.
    const before = w.page.url();
    await w.page
      .getByTestId('tabbook-contents')
      .getByRole('link', { name: 'Table 5: What is the reason that you started to use WeChat?' })
      .click();
    await expect
      .poll(() => w.page.evaluate(() => document.activeElement?.id))
      .toBe('tabbook-table-5-h');
    expect(
      await w.page.evaluate(() => {
        const top = document.getElementById('tabbook-table-5')!.getBoundingClientRect().top;
        return top >= -1 && top < window.innerHeight;
      }),
    ).toBe(true);
    expect(w.page.url()).toBe(before);

    // Printing: every table drawn, the controls hidden, each table on a page of its own.
    await w.page.pdf({ path: join(temp, 'book.pdf') });
    expect(await w.page.locator('.tabbook-table table').count()).toBe(6);
    await w.page.emulateMedia({ media: 'print' });
    expect(
      await w.page.evaluate(() => [
        getComputedStyle(document.querySelector('.tabbook-controls')!).display,
        getComputedStyle(document.getElementById('tabbook-table-2')!).breakBefore,
      ]),
    ).toEqual(['none', 'page']);
    await w.page.emulateMedia({ media: 'screen' });

    expect(await axeProblems(w.page)).toEqual([]);
    await w.page.setViewportSize({ width: 390, height: 844 });
    expect(await axeProblems(w.page)).toEqual([]);
    expect(
      await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('exports the book as .xlsx, one sheet per table with contents, or all tables on one sheet', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const banner = encodeURIComponent(JSON.stringify({ columns: ['gender', 'age_group'] }));
    await w.page.goto(`${baseUrl}#v=1&page=tabs&s=${DEMO_ID}&tl=1&tb=${banner}`);
    expect(await build(w.page)).toBe('Built 6 tables.');
    const sheets = await download(w.page, 'Export .xlsx');
    expect(sheets.name).toBe('WeChat users (simulated respondents) - tab book.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheets.bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(tabBookGrids(book, 'sheets').map((g) => g.name));
    expect(names.slice(0, 3)).toEqual(['Contents', '1 gender', '2 age_group']);
    expect(workbook.getWorksheet('1 gender')!.getCell('A1').value).toBe('Table 1: gender');

    await w.page.getByLabel('Workbook layout').selectOption('one-sheet');
    const one = await download(w.page, 'Export .xlsx');
    const single = new ExcelJS.Workbook();
    await single.xlsx.load(one.bytes as unknown as ArrayBuffer);
    expect(single.worksheets.map((s) => s.name)).toEqual(['Tables']);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('copies the built book as one DuckDB query, which counts every cell the page shows', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseUrl).origin,
    });
    const banner = encodeURIComponent(JSON.stringify({ columns: ['gender', 'age_group'] }));
    await w.page.goto(`${baseUrl}#v=1&page=tabs&s=${DEMO_ID}&tl=1&tb=${banner}`);
    expect(await build(w.page)).toBe('Built 6 tables.');
    const sql = await copiedSql(w.page, `${DEMO_ID}.csv`);
    const duck = await openDuck();
    if (typeof duck !== 'string') {
      const rows = await duck.rows(
        sql.replaceAll(`read_csv('${DEMO_ID}.csv'`, `read_csv('${DEMO}.csv'`),
      );
      duck.close();
      // The same weighted counts as the book the page built (tabs() in Node), each once.
      const cells = book.tables
        .flatMap((t) => t.counts.flat())
        .filter((n) => n > 0)
        .map((n) => n.toFixed(9))
        .sort();
      expect(rows.map((r) => Number(r[4]).toFixed(9)).sort()).toEqual(cells);
    }
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it("keeps a bundled survey's banner in the link: a fresh browser opens the same tab book", async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=tabs&s=${DEMO_ID}`);
    await w.page.getByLabel('Question to add').selectOption('city_tier');
    await w.page.getByRole('button', { name: 'Add', exact: true }).click();
    await w.page.getByLabel('Question to add').selectOption('gender');
    await w.page.getByRole('button', { name: 'Add', exact: true }).click();
    await w.page.getByLabel('Nest gender within').selectOption('city_tier');
    await w.page.getByLabel('Correction for multiple comparisons').selectOption('bh');
    await w.page.getByLabel('Only these questions').check();
    const rows = w.page.getByRole('group', { name: 'Row questions' });
    await rows.getByLabel('How often do you use WeChat?').check();
    await rows.getByLabel('age_group').check();
    expect(await w.page.getByRole('button', { name: 'Save banner' }).isDisabled()).toBe(true);
    const link = await w.page.getByTestId('share-link').inputValue();
    expect(link).toContain('tb=');
    expect(link).toContain('tx=bh');
    // Rows in the survey's order, whatever the order they were ticked in.
    expect(new URLSearchParams(new URL(link).hash.slice(1)).getAll('tr')).toEqual([
      'age_group',
      'How often do you use WeChat?',
    ]);
    expect(await build(w.page)).toBe('Built 2 tables.');
    const first = await pageRows(w.page, 0);

    const fresh = await openWatched(browserOf(), baseUrl);
    await fresh.page.goto(link);
    expect(await build(fresh.page)).toBe('Built 2 tables.');
    expect(await pageRows(fresh.page, 0)).toEqual(first);
    expect(
      await fresh.page
        .getByTestId('tabbook-table')
        .first()
        .locator('thead tr')
        .nth(1)
        .locator('th')
        .allInnerTexts(),
    ).toEqual([
      'Answer',
      'Total',
      'Tier 1',
      'Tier 2',
      'Tier 3+',
      'Tier 1 / Female',
      'Tier 1 / Male',
      'Tier 2 / Female',
      'Tier 2 / Male',
      'Tier 3+ / Female',
      'Tier 3+ / Male',
    ]);
    expect([...w.errors, ...fresh.errors]).toEqual([]);
    await fresh.context.close();
    await w.context.close();
  });
});

describe('the banner editor from the keyboard', () => {
  it('keeps focus on the moved question, and after a removal goes to the question picker', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=tabs&s=${DEMO_ID}`);
    for (const q of ['gender', 'age_group']) {
      await w.page.getByLabel('Question to add').selectOption(q);
      await w.page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await w.page.getByRole('button', { name: 'Move age_group up' }).click();
    const order = () =>
      w.page
        .getByTestId('banner-list')
        .locator('> li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-question')));
    expect(await order()).toEqual(['age_group', 'gender']);
    // At the top, "up" is disabled: focus stays on the moved question, on its other button.
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move age_group down',
    );
    await w.page.keyboard.press('Enter');
    expect(await order()).toEqual(['gender', 'age_group']);
    await w.page.getByRole('button', { name: 'Remove gender from the banner' }).click();
    expect(await w.page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await order()).toEqual(['age_group']);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('a banner saved with an uploaded survey', () => {
  it('is stored in its definition: a reload shows it as saved, with a banded numeric question', async () => {
    // Twelve respondents with an age to band.
    const csv = [
      'id,gender,age,likes',
      ...Array.from(
        { length: 12 },
        (_, i) => `${i + 1},${i % 2 === 0 ? 'F' : 'M'},${18 + i * 4},${i % 3 === 0 ? 'Yes' : 'No'}`,
      ),
    ].join('\n');
    const path = join(temp, 'banded.csv');
    writeFileSync(path, csv);
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await importFile(w.page, path, 'banded.csv');
    const id = new URLSearchParams(new URL(w.page.url()).hash.slice(1)).get('s')!;
    await w.page.goto(`${baseUrl}#v=1&page=tabs&s=${id}`);
    await w.page.getByLabel('Question to add').selectOption('age');
    await w.page.getByLabel('Cut points for age').fill('30, 40');
    await w.page.getByRole('button', { name: 'Add', exact: true }).click();
    // Ages 18, 22, …, 62: 18–29, 30–39, 40+.
    expect(await w.page.getByTestId('band-labels').innerText()).toBe('Bands: 18–29, 30–39, 40+');
    await w.page.getByRole('button', { name: 'Save banner' }).click();
    await w.page
      .getByTestId('banner-status')
      .filter({ hasText: 'Saved with the survey' })
      .waitFor();
    // Saved: the link no longer carries the banner (the survey's definition does).
    await w.page.waitForFunction(() => !window.location.hash.includes('tb='), null, {
      timeout: 5_000,
    });

    await w.page.reload();
    await w.page.getByTestId('banner-list').waitFor();
    expect(await w.page.getByTestId('banner-status').innerText()).toBe(
      'This is the banner saved with the survey.',
    );
    await build(w.page);
    expect(
      await w.page
        .getByTestId('tabbook-table')
        .first()
        .locator('thead tr')
        .nth(1)
        .locator('th')
        .allInnerTexts(),
    ).toEqual(['Answer', 'Total', '18–29', '30–39', '40+']);
    // The library's "Download definition" now carries the banner.
    await w.page.goto(baseUrl);
    const [file] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Download definition of banded' }).click(),
    ]);
    const def = JSON.parse(readFileSync(await file.path(), 'utf8')) as { banner?: unknown };
    expect(def.banner).toEqual({ columns: ['age'], bands: [{ question: 'age', cuts: [30, 40] }] });
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('a large survey', () => {
  const ROWS = 200_000;
  const BANNER = ['Q1', 'Q2', 'Q3', 'Q5'];

  it(`builds 31 tables of ${ROWS.toLocaleString('en-US')} respondents without a task using 100 ms of the page's CPU, with the figures of tabs() in Node`, async () => {
    const survey = generateSurvey(ROWS);
    const path = join(temp, 'tabbook-large.csv');
    writeFileSync(path, survey.bytes);
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByRole('button', { name: 'Import a file…' }).click();
    await w.page.getByTestId('file-input').setInputFiles(path);
    await w.page.getByTestId('preview').waitFor({ timeout: 60_000 });
    await w.page.getByRole('button', { name: 'Import tabbook-large.csv' }).click();
    await w.page.getByTestId('question-list').waitFor({ timeout: 180_000 });
    const id = new URLSearchParams(new URL(w.page.url()).hash.slice(1)).get('s')!;
    const banner = encodeURIComponent(JSON.stringify({ columns: BANNER }));
    await w.page.goto(`${baseUrl}#v=1&page=tabs&s=${id}&tl=1&tx=bh&tb=${banner}`);
    await w.page.getByTestId('banner-list').waitFor();
    // Let the page settle, then record every long task from the click on.
    await w.page.waitForTimeout(500);
    await w.page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    // The observer sees a task that blocks for 150 ms (so an empty list below means something).
    await w.page.evaluate(() =>
      setTimeout(() => {
        const t = performance.now();
        while (performance.now() - t < 150);
      }, 0),
    );
    await expect
      .poll(() => w.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks))
      .toEqual([expect.any(Number)]);
    await w.page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks.length = 0;
    });
    // Chromium's trace beside it: how much of each of the page's tasks was its own work (CPU time).
    await browserOf().startTracing(w.page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    const started = Date.now();
    // The 30 questions, and the weight column: proposed, not chosen, so it is a numeric question.
    expect(await build(w.page, 240_000)).toBe('Built 31 tables.');
    const seconds = (Date.now() - started) / 1000;
    await w.page.waitForTimeout(500);
    const trace = mainThreadTasks(await browserOf().stopTracing());
    const longTasks = await w.page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    console.log(
      `tab book of ${ROWS} respondents: ${seconds.toFixed(1)} s; long tasks (ms): ${longTasks.map((d) => Math.round(d)).join(', ') || 'none'}; the page's longest task used ${Math.round(Math.max(...trace.map((t) => t.cpu)))} ms of CPU`,
    );
    // The page's own work per task, by CPU time: the measure of what the app does.
    expect(trace.filter((t) => t.cpu > 100)).toEqual([]);
    // Wall time per task is what a user feels, but on a two-core machine it also counts the
    // time the system gives the worker's book and the test runner instead of the page: a task
    // of 16 ms of CPU was seen held for 84 ms (51–103 ms over runs, its CPU never over 16 ms).
    // So wall time is held to the freeze bar of the large-import check, 200 ms, and CPU time to 100 ms above.
    expect(longTasks.filter((d) => d > 200)).toEqual([]);

    // The same bytes read in Node as the app read them (no definition: unweighted).
    const table = respondentTable(survey.bytes, 'tabbook-large.csv');
    const book = unwrapped(
      buildTabBook(table, {
        banner: { columns: BANNER },
        rows: null,
        tests: { level: 0.95, lowerLevel: 0.9, compare: 'group', correction: 'bh' },
        nets: false,
      }),
    );
    expect(book.tables.map((t) => t.question.id)).toEqual([
      'weight',
      ...Array.from({ length: 30 }, (_, k) => `Q${k + 1}`),
    ]);
    expect(book.weightId).toBeNull();
    for (const k of [0, 1, 16, 30]) expect(await pageRows(w.page, k)).toEqual(nodeRows(book, k));
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 400_000);
});
