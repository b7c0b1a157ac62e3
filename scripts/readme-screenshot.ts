// The README's picture of the app: the crosstab page at 1400 × 900, made from
// the built app (run `npx vite build` first) and written to docs/crosstab.png.
// Usage: npx tsx scripts/readme-screenshot.ts
import { preview } from 'vite';
import { launch } from '../tests/e2e/browser';

const OUT = new URL('../docs/crosstab.png', import.meta.url).pathname;
const VIEW =
  '#v=1&page=crosstab&s=demo-simulated-wechat-respondents' +
  `&r=${encodeURIComponent('Which type of official accounts do you follow?')}&c=age_group` +
  '&rn=0.1&rn=0.1.3a';

const server = await preview({
  preview: { port: 4190, strictPort: false, host: '127.0.0.1' },
  logLevel: 'warn',
});
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report a URL');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}${VIEW}`);
  await page.getByTestId('crosstab-table').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: OUT });
  console.log(OUT);
} finally {
  await browser.close();
  await server.close();
}
