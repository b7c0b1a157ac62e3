import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialFiles } from '../../perf/bundle';

/** A fake dist/ laid out as Vite writes it (backtick strings, nested worker URLs). */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  mkdirSync(join(dir, 'assets'));
  const write = (name: string, code: string) => writeFileSync(join(dir, 'assets', name), code);
  writeFileSync(
    join(dir, 'index.html'),
    '<script type="module" crossorigin src="./assets/index-a.js"></script>',
  );
  write(
    'index-a.js',
    'import{r as e}from"./react-b.js";' +
      'const w=()=>new Worker(new URL(new URL(`importWorker-c.js`,import.meta.url).href,``+import.meta.url),{type:`module`});' +
      'const p=()=>import("./parquet-d.js");' +
      'const t=()=>new Worker(new URL(new URL(`tabsWorker-g.js`,import.meta.url).href,``+import.meta.url));',
  );
  write('react-b.js', 'export const r=1;');
  write('importWorker-c.js', 'import"./codes-e.js";const x=()=>import(`./sav-f.js`);');
  write('codes-e.js', '');
  write('parquet-d.js', '');
  write('sav-f.js', '');
  write('tabsWorker-g.js', '');
  return dir;
}

describe('the bundle budget counts what a first visit loads', () => {
  it('takes the entry, its static imports and a worker started at load with its imports, not dynamic imports or on-demand workers', () => {
    const dir = fakeDist();
    const names = [...initialFiles(dir, [/^importWorker-/])]
      .map((p) => p.slice(dir.length + 1))
      .sort();
    expect(names).toEqual([
      'assets/codes-e.js',
      'assets/importWorker-c.js',
      'assets/index-a.js',
      'assets/react-b.js',
    ]);
  });

  it('counts no worker by default: the page starts none as it opens (the bundled surveys are read at build time)', () => {
    const dir = fakeDist();
    const names = [...initialFiles(dir)].map((p) => p.slice(dir.length + 1)).sort();
    expect(names).toEqual(['assets/index-a.js', 'assets/react-b.js']);
  });
});
