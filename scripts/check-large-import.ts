// Manual check (not part of npm test: it needs a ~300 MB file and a minute):
// import a large respondent CSV in Chromium through the real file input, and
// report the import time, the page's worst response time during the import,
// and the browser's memory (sum of its processes' proportional set size).
// Usage: npx tsx scripts/check-large-import.ts <file.csv> [baseUrl]
import { execSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { launch } from '../tests/e2e/browser';

const [file, baseUrl = 'http://127.0.0.1:4173/'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: npx tsx scripts/check-large-import.ts <file.csv> [baseUrl]');
  process.exit(2);
}

/**
 * Memory of every Chromium process (browser, renderer, GPU, utility, worker), as
 * proportional set size: shared pages are split between the processes that share
 * them, so the sum is what the browser really occupies. Run with no other Chromium open.
 */
function browserRssMiB(): number {
  const pids = execSync('pgrep -x chromium || true', { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  let kib = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kib += Number(m?.[1] ?? 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kib / 1024;
}

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(baseUrl);
await page.getByRole('button', { name: 'Import a file…' }).click();
await page.getByTestId('file-input').setInputFiles(file);
await page.getByTestId('preview').waitFor({ timeout: 120_000 });
const baseline = browserRssMiB();
const t0 = Date.now();
await page.getByRole('button', { name: `Import ${basename(file)}` }).click();
let worst = 0;
let peak = 0;
let done = false;
const finished = page
  .getByTestId('question-list')
  .waitFor({ timeout: 600_000 })
  .then(() => (done = true));
while (!done) {
  const s = Date.now();
  await page.evaluate(() => 0);
  worst = Math.max(worst, Date.now() - s);
  peak = Math.max(peak, browserRssMiB());
  await new Promise((r) => setTimeout(r, 200));
}
await finished;
const seconds = (Date.now() - t0) / 1000;
const mb = statSync(file).size / 1e6;
console.log(
  JSON.stringify(
    {
      file: basename(file),
      megabytes: Number(mb.toFixed(1)),
      importSeconds: Number(seconds.toFixed(1)),
      throughputMBs: Number((mb / seconds).toFixed(1)),
      worstPageResponseMs: worst,
      browserMemoryBeforeImportMiB: Math.round(baseline),
      peakBrowserMemoryMiB: Math.round(peak),
      browserMemoryAfterImportMiB: Math.round(browserRssMiB()),
      questions: await page.locator('[data-testid="question-list"] > li').count(),
    },
    null,
    2,
  ),
);
await browser.close();
