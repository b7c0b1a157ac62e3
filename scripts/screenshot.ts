// Developer aid: screenshot pages of a running app (npm start or vite preview).
// Usage: npx tsx scripts/screenshot.ts <baseUrl> <outDir> <hash>...
import { launch } from '../tests/e2e/browser';

const [baseUrl = 'http://127.0.0.1:4173/', outDir = '/tmp', ...hashes] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => {
  if (m.type() === 'error') console.error('console error:', m.text());
});
page.on('pageerror', (e) => console.error('page error:', e.message));
for (const [i, hash] of (hashes.length ? hashes : ['']).entries()) {
  await page.goto(`${baseUrl}${hash}`);
  await page.waitForTimeout(400);
  const file = `${outDir}/shot-${i}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file, hash);
}
await browser.close();
