// Manual check (not part of npm test: it needs a large file and minutes): import
// a large respondent file (CSV or Parquet) in Chromium through the real file
// input, and report the import time, the page's long tasks and worst response
// time during the import, the browser's memory (sum of its processes'
// proportional set size), then open a crosstab by its link and time it, and
// time one more once the crosstab helper holds the survey (memory is sampled
// until then: the helper's copy counts in the peak).
// Usage: npx tsx scripts/check-large-import.ts <file> [baseUrl] [--rows Q1 --cols Q2] [--profile]
//   [--profile-dir /tmp/p]
//   --profile: sample the page's main thread (CPU profile) during the import and
//   during the crosstab, and say where its time went: CPU time, steadier than
//   wall-clock time on a loaded machine (names need: npx vite build --minify false);
//   --profile-dir also saves them there (import.cpuprofile, crosstab.cpuprofile)
//
// A 10,000,000 × 30 file comes from the bench generator:
//   npx tsx perf/generate.ts --rows 10000000 --out /tmp/survey-10m.csv --parquet /tmp/survey-10m.parquet
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { launch } from '../tests/e2e/browser';
import { checkArgs } from './checkArgs';
import { breakdown, type CpuProfile } from './profileParts';

const {
  file,
  baseUrl,
  rows: rowsQ,
  cols: colsQ,
  profile,
  profileDir,
} = checkArgs('check-large-import.ts', { rows: 'Q1', cols: 'Q2', weight: null });

/** The processes descended from this one (the Chromium it launched), read from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** A Chromium process's kind, from its command line: browser, renderer, gpu, or a utility's sub-type. */
function kindOf(pid: number): string {
  try {
    // Chromium rewrites its command line into one space-separated string.
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
    if (type === undefined) return 'browser';
    if (type !== 'utility') return type;
    const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? '';
    return sub.split('.')[0] ?? 'utility';
  } catch {
    return 'gone';
  }
}

/**
 * Memory of every process of the browser this script launched (browser,
 * renderer, GPU, utility, worker), as proportional set size: shared pages are
 * split between the processes that share them, so the sum is what the browser
 * really occupies. Other Chromiums on the machine are not counted. `byKind`
 * gets each kind's share (the renderer holds the page and its workers; the
 * storage service, IndexedDB).
 */
function browserPssMiB(byKind?: Map<string, number>): number {
  let kib = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      const k = Number(m?.[1] ?? 0);
      kib += k;
      if (byKind) {
        const kind = kindOf(pid);
        byKind.set(kind, (byKind.get(kind) ?? 0) + k / 1024);
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kib / 1024;
}

/** Functions whose main-thread time is reported on its own (by name: an unminified build keeps them). */
const PARTS: Record<string, string[]> = {
  firstRenderReact: ['performWorkOnRoot'],
  analyseSurvey: ['analyseSurvey'],
  seriesBases: ['seriesBases'],
  crosstabEngine: ['crosstab', 'banner'],
  answerCounts: ['withAnswerCounts', 'answerCountColumn'],
  weightCandidates: ['weightCandidates'],
};

interface LongTask {
  start: number;
  ms: number;
}
/** The page's record of long tasks (a name of its own: e2e tests declare theirs). */
type Recorded = Window & { __checkLongTasks: LongTask[] };

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
// Every task over 50 ms on the page's main thread, from the first script on.
await page.addInitScript(() => {
  const tasks: LongTask[] = [];
  (window as unknown as Recorded).__checkLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      tasks.push({ start: e.startTime, ms: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(baseUrl);
await page.getByRole('button', { name: 'Import a file…' }).click();
await page.getByTestId('file-input').setInputFiles(file);
// The preview reads the file's head (a Parquet file's footer is at its end: its preview may fail).
const importButton = page.getByRole('button', { name: `Import ${basename(file)}` });
await importButton.waitFor({ timeout: 120_000 });
await page
  .getByTestId('preview')
  .or(page.getByTestId('import-error'))
  .or(page.locator('.import-panel [role="alert"]'))
  .first()
  .waitFor({ timeout: 120_000 })
  .catch(() => undefined);
const baseline = browserPssMiB();
const cdp = profile ? await page.context().newCDPSession(page) : null;
if (cdp !== null) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
}
/** The page's sampled main-thread time since the profiler started, and its parts; null without --profile. */
const profiled = async (name: string): Promise<Record<string, number> | null> => {
  if (cdp === null) return null;
  const p = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
  if (profileDir !== '') writeFileSync(`${profileDir}/${name}.cpuprofile`, JSON.stringify(p));
  return breakdown(p, PARTS);
};
const importStart = await page.evaluate(() => performance.now());
const t0 = Date.now();
await importButton.click();
let worst = 0;
let peak = 0;
let peakKinds = new Map<string, number>();
/** The browser's memory now; the peak so far, and how it was shared between processes. */
const sample = (): number => {
  const kinds = new Map<string, number>();
  const now = browserPssMiB(kinds);
  if (now > peak) {
    peak = now;
    peakKinds = kinds;
  }
  return now;
};
let done = false;
let failed: string | null = null;
const finished = Promise.race([
  page.getByTestId('question-list').waitFor({ timeout: 1_800_000 }),
  page
    .getByTestId('import-error')
    .waitFor({ timeout: 1_800_000 })
    .then(async () => (failed = await page.getByTestId('import-error').innerText())),
]).then(() => (done = true));
let reported = Date.now();
while (!done) {
  const s = Date.now();
  await page.evaluate(() => 0);
  worst = Math.max(worst, Date.now() - s);
  const now = sample();
  if (Date.now() - reported > 10_000) {
    reported = Date.now();
    console.error(`${((reported - t0) / 1000).toFixed(0)} s: ${Math.round(now)} MiB`);
  }
  await new Promise((r) => setTimeout(r, 200));
}
await finished;
if (failed !== null) {
  console.error(`The import failed after ${(Date.now() - t0) / 1000} s: ${failed}`);
  await browser.close();
  process.exit(1);
}
const seconds = (Date.now() - t0) / 1000;
const importEnd = await page.evaluate(() => performance.now());
const after = browserPssMiB();
const questions = await page.locator('[data-testid="question-list"] > li').count();
await page.waitForTimeout(500); // long tasks are reported after they end
const importProfile = await profiled('import');
const importTasks = await page.evaluate(
  ([a, b]) =>
    (window as unknown as Recorded).__checkLongTasks.filter((t) => t.start >= a && t.start <= b),
  [importStart, importEnd] as const,
);

// The crosstab, opened by its link: from the hash change to the table on screen.
const survey = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('s');
if (cdp !== null) await cdp.send('Profiler.start');
// Written as text: tsx would wrap named functions in a helper the page does not have.
const crosstab = (await page.evaluate(`(async () => {
  const t = performance.now();
  location.hash = ${JSON.stringify(`#v=1&page=crosstab&s=${survey ?? ''}&r=${rowsQ}&c=${colsQ}`)};
  await new Promise((resolve) => {
    const check = () =>
      document.querySelector('[data-testid="crosstab-table"] tbody tr') ? resolve() : requestAnimationFrame(check);
    check();
  });
  // The frame that paints it.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ms = performance.now() - t;
  // Long tasks are reported after they end: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { ms, tasks: window.__checkLongTasks.filter((x) => x.start >= t - 1) };
})()`)) as { ms: number; tasks: LongTask[] };
const crosstabProfile = await profiled('crosstab');
sample();

// The crosstab helper (app/crosstabClient.ts): after the first crosstab the page
// sends it a copy of the survey in the background. Until it holds it, crosstabs
// are counted on the page; then the helper counts half. Switch the view (the
// significance tests off and on, each a new count) until a crosstab was
// counted with the helper, sampling the browser's memory meanwhile, and time it.
const memoryPoll = setInterval(sample, 250);
const helperT0 = Date.now();
let helped: { ms: number; tasks: LongTask[]; by: string | null } | null = null;
for (let k = 0; k < 240 && helped === null; k++) {
  const hash = `#v=1&page=crosstab&s=${survey ?? ''}&r=${rowsQ}&c=${colsQ}&t=${k % 2}`;
  const r = (await page.evaluate(`(async () => {
    const t = performance.now();
    location.hash = ${JSON.stringify(hash)};
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await new Promise((resolve) => {
      const check = () =>
        document.querySelector('[data-testid="crosstab-counting"]') === null &&
        document.querySelector('[data-testid="crosstab-table"] tbody tr')
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    const ms = performance.now() - t;
    const by = document.querySelector('[data-testid="crosstab-result"]')?.getAttribute('data-counted-with') ?? null;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ms, by, tasks: window.__checkLongTasks.filter((x) => x.start >= t - 1) };
  })()`)) as { ms: number; tasks: LongTask[]; by: string | null };
  if (r.by === 'helper') helped = r;
  else await page.waitForTimeout(500);
}
clearInterval(memoryPoll);
const helperSeconds = (Date.now() - helperT0) / 1000;
const withHelper = sample();
const mb = statSync(file).size / 1e6;
const worstTask = (tasks: LongTask[]) => Math.max(0, ...tasks.map((x) => x.ms));
console.log(
  JSON.stringify(
    {
      file: basename(file),
      megabytes: Number(mb.toFixed(1)),
      importSeconds: Number(seconds.toFixed(1)),
      throughputMBs: Number((mb / seconds).toFixed(1)),
      worstPageResponseMs: worst,
      longTasksDuringImport: importTasks.length,
      worstLongTaskDuringImportMs: worstTask(importTasks),
      longTasksOver100Ms: importTasks
        .filter((x) => x.ms > 100)
        .map((x) => `${x.ms} ms at ${((x.start - importStart) / 1000).toFixed(1)} s`),
      browserMemoryBeforeImportMiB: Math.round(baseline),
      peakBrowserMemoryMiB: Math.round(peak),
      peakByProcessMiB: Object.fromEntries([...peakKinds].map(([k, v]) => [k, Math.round(v)])),
      browserMemoryAfterImportMiB: Math.round(after),
      questions,
      crosstab: `${rowsQ} × ${colsQ}`,
      crosstabMs: Math.round(crosstab.ms),
      worstLongTaskDuringCrosstabMs: worstTask(crosstab.tasks),
      helperHeldSurveyWithinSeconds: helped === null ? null : Number(helperSeconds.toFixed(1)),
      crosstabWithHelperMs: helped === null ? null : Math.round(helped.ms),
      browserMemoryWithHelperMiB: Math.round(withHelper),
      worstLongTaskDuringCrosstabWithHelperMs: helped === null ? null : worstTask(helped.tasks),
      ...(importProfile === null
        ? {}
        : {
            profiledMainThreadMsDuringImport: importProfile,
            profiledMainThreadMsDuringCrosstab: crosstabProfile,
          }),
    },
    null,
    2,
  ),
);
await browser.close();
