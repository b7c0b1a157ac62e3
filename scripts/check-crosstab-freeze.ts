// Manual check (not part of npm test: it imports a ~370 MB file, minutes on two
// cores): does changing a crosstab of a large survey freeze the page? Imports a
// respondent file in Chromium through the real file input, opens its crosstab
// by link, then makes crosstab changes through the controls as a user would
// (the case first: columns to Q24 with Q20 on the rows, weighted) and
// reports, for each change, the page's long tasks (PerformanceObserver
// "longtask": every main-thread task over 50 ms; none means every task of the
// change took under 50 ms).
//
//   npx tsx perf/generate.ts --rows 1000000 --out /tmp/survey-1m.csv   (the bench survey, 367 MB)
//   npx vite build --outDir /tmp/dist && npx vite preview --outDir /tmp/dist --port 4173 &
//   npx tsx scripts/check-crosstab-freeze.ts <file.csv> [baseUrl] [--rows Q20 --cols Q24 --weight weight]
//     [--profile]   where each change's main-thread time went (CPU sampling; names need
//                   an unminified build: npx vite build --minify false)
//     [--profile-dir /tmp/p]   also save each change's profile there (change-1.cpuprofile, …)
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { launch } from '../tests/e2e/browser';
import { checkArgs } from './checkArgs';
import { breakdown, type CpuProfile } from './profileParts';

const args = checkArgs('check-crosstab-freeze.ts', { rows: 'Q20', cols: 'Q24', weight: 'weight' });
const { file, baseUrl, rows: rowsQ, cols: colsQ, profile, profileDir } = args;
const weight = args.weight!; // set: this check has a default weight

interface Entry {
  start: number;
  ms: number;
  name: string;
}
declare global {
  interface Window {
    __longTasks: Entry[];
  }
}

/** Functions whose time is reported on its own (by name: an unminified build keeps them). */
const PARTS: Record<string, string[]> = {
  engine: ['crosstab', 'banner'],
  weightPicker: ['weightCandidates'],
  answerCounts: ['withAnswerCounts', 'answerCountColumn'],
  chart: ['drawCrosstabChart'],
  reactRenderAndCommit: ['performWorkOnRoot'],
};

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: e.startTime, ms: e.duration, name: e.name });
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(baseUrl);
const t0 = Date.now();
await page.getByRole('button', { name: 'Import a file…' }).click();
await page.getByTestId('file-input').setInputFiles(file);
await page.getByRole('button', { name: `Import ${basename(file)}` }).click({ timeout: 120_000 });
await page.getByTestId('question-list').waitFor({ timeout: 900_000 });
const importSeconds = (Date.now() - t0) / 1000;
const survey = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('s');
if (survey === null) throw new Error('no survey id in the link after the import');

// The crosstab by its link: Q20 against Q1 (a single-answer question), weighted.
const start = `#v=1&page=crosstab&s=${encodeURIComponent(survey)}&r=${rowsQ}&c=Q1&w=${weight}`;
await page.goto(`${baseUrl}${start}`);
await page.getByTestId('crosstab-table').waitFor({ timeout: 120_000 });
await page.waitForTimeout(1000);

const settings = page.getByRole('group', { name: 'Crosstab settings' });
const changes: [string, () => Promise<unknown>][] = [
  [
    `columns Q1 → ${colsQ} (${rowsQ} × ${colsQ}, weighted)`,
    () => settings.getByLabel('Columns').selectOption(colsQ),
  ],
  [
    `weight → unweighted (${rowsQ} × ${colsQ})`,
    () => settings.getByLabel('Weight').selectOption('-'),
  ],
  [`weight → ${weight} again`, () => settings.getByLabel('Weight').selectOption(weight)],
  [
    `rows ${rowsQ} → Q1 (Q1 × ${colsQ}, weighted)`,
    () => settings.getByLabel('Rows').selectOption('Q1'),
  ],
  [
    `rows Q1 → ${rowsQ} (${rowsQ} × ${colsQ}, weighted)`,
    () => settings.getByLabel('Rows').selectOption(rowsQ),
  ],
];
const cdp = profile ? await page.context().newCDPSession(page) : null;
if (cdp !== null) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
}
const results = [];
for (const [what, act] of changes) {
  const from = await page.evaluate(() => performance.now());
  if (cdp !== null) await cdp.send('Profiler.start');
  await act();
  // Let the table render and any trailing work finish.
  await page.getByTestId('crosstab-table').waitFor();
  await page.waitForTimeout(1500);
  const longTasks = await page.evaluate(
    (since) => window.__longTasks.filter((e) => e.start >= since).map((e) => Math.round(e.ms)),
    from,
  );
  const sampled =
    cdp === null ? null : ((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
  if (sampled !== null && profileDir !== '')
    writeFileSync(`${profileDir}/change-${results.length + 1}.cpuprofile`, JSON.stringify(sampled));
  const busy = sampled === null ? null : breakdown(sampled, PARTS);
  results.push({
    change: what,
    ...(busy === null ? {} : { profiledMainThreadMs: busy }),
    longTasksMs: longTasks,
    longestTaskMs: Math.max(0, ...longTasks),
  });
}
const head = await page.getByTestId('crosstab-table').locator('thead th').allInnerTexts();
console.log(
  JSON.stringify(
    { file: basename(file), importSeconds, survey, tableHead: head.slice(0, 4), results },
    null,
    2,
  ),
);
await browser.close();
