// Developer aid: screenshot pages of a running app (npm start or vite preview).
// Usage: npx tsx scripts/screenshot.ts [--size 390x844] <baseUrl> <outDir> <hash>...
import { launch } from '../tests/e2e/browser';

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const [width, height] = (sizeAt >= 0 ? (args.splice(sizeAt, 2)[1] ?? '') : '1280x900')
  .split('x')
  .map(Number);
const [baseUrl = 'http://127.0.0.1:4173/', outDir = '/tmp', ...hashes] = args;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: width || 1280, height: height || 900 } });
page.on('console', (m) => {
  if (m.type() === 'error') console.error('console error:', m.text());
});
page.on('pageerror', (e) => console.error('page error:', e.message));
for (const [i, hash] of (hashes.length ? hashes : ['']).entries()) {
  await page.goto(`${baseUrl}${hash}`);
  // The library is read in a worker: wait until it is, then let charts settle.
  await page
    .waitForFunction(() => !document.body.innerText.includes('Loading the library'), null, {
      timeout: 15_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  const file = `${outDir}/shot-${i}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file, hash);
}
await browser.close();
