// Developer aid: screenshot pages of a running app (npm start or vite preview).
// Usage: npx tsx scripts/screenshot.ts [--size 390x844] <baseUrl> <outDir> <hash>...
// (baseUrl defaults to http://127.0.0.1:4173/, outDir to /tmp, --size to 1280x900;
// flags by node:util's parseArgs: a wrong one prints the usage and exits with 2)
import { parseArgs } from 'node:util';
import { launch } from '../tests/e2e/browser';

const USAGE = 'Usage: npx tsx scripts/screenshot.ts [--size 390x844] <baseUrl> <outDir> <hash>...';

function screenshotArgs(argv: string[]): {
  width: number;
  height: number;
  baseUrl: string;
  outDir: string;
  hashes: string[];
} {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { size: { type: 'string', default: '1280x900' } },
    });
    const size = /^(\d+)x(\d+)$/.exec(values.size);
    const [width, height] = [Number(size?.[1]), Number(size?.[2])];
    if (!(width > 0 && height > 0))
      throw new Error(
        `--size needs a width and height in pixels, like 390x844, not '${values.size}'`,
      );
    const [baseUrl = 'http://127.0.0.1:4173/', outDir = '/tmp', ...hashes] = positionals;
    return { width, height, baseUrl, outDir, hashes };
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const { width, height, baseUrl, outDir, hashes } = screenshotArgs(process.argv.slice(2));
const browser = await launch();
const page = await browser.newPage({ viewport: { width, height } });
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
