// The production bundle's gzip size: every JS file Vite emits, gzipped with
// zlib (default level, as a web server would). Reads dist/ when it is newer
// than every source file; otherwise runs `vite build` into a temporary folder
// (so the lead's dist/ is left alone).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  source: string;
  files: { name: string; bytes: number; gzipBytes: number }[];
  jsBytes: number;
  gzipBytes: number;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function newest(paths: string[]): number {
  let t = 0;
  for (const p of paths) {
    try {
      const s = statSync(p);
      t = Math.max(t, s.isDirectory() ? newest(walk(p)) : s.mtimeMs);
    } catch {
      // missing input: ignore
    }
  }
  return t;
}

function measureDir(dir: string, source: string): BundleFigures {
  const files = walk(dir)
    .filter((p) => /\.(m?js)$/.test(p))
    .map((p) => {
      const buf = readFileSync(p);
      return { name: p.slice(dir.length + 1), bytes: buf.length, gzipBytes: gzipSync(buf).length };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    source,
    files,
    jsBytes: files.reduce((s, f) => s + f.bytes, 0),
    gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}

/** Bundle figures, or a string saying why there are none. */
export function bundleSize(root: string, forceBuild: boolean): BundleFigures | string {
  const dist = join(root, 'dist');
  const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) =>
    join(root, p),
  );
  let distTime = 0;
  try {
    const built = walk(dist).filter((p) => /\.(m?js)$/.test(p));
    distTime = built.length === 0 ? 0 : Math.min(...built.map((p) => statSync(p).mtimeMs));
  } catch {
    distTime = 0;
  }
  if (!forceBuild && distTime > 0 && distTime >= newest(inputs))
    return measureDir(dist, 'dist/ (newer than the sources)');
  const out = mkdtempSync(join(tmpdir(), 'survey-bench-dist-'));
  try {
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const run = spawnSync(
      process.execPath,
      [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: root, encoding: 'utf8', timeout: 300_000 },
    );
    if (run.status !== 0) {
      const why = (run.stderr || run.stdout || String(run.error ?? '')).trim().split('\n')[0];
      return `vite build failed: ${why}`;
    }
    return measureDir(out, 'vite build (fresh, into a temporary folder)');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
