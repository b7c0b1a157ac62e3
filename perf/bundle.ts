// The production bundle's gzip size, gzipped with zlib (default level, as a
// web server would). The budget is for what a first visit downloads: the
// entry script, its static imports and any worker the page starts at once
// (none since the bundled surveys are read when the app is built: see
// STARTED_AT_LOAD); chunks loaded by a dynamic import() (later pages, Parquet,
// Excel, codecs) and workers started on demand are only fetched when a user
// needs them, so they are reported apart. tests/e2e/firstVisit.test.ts checks
// this against the scripts a browser really fetches. Reads dist/ when it is newer
// than every source file; otherwise runs `vite build` into a temporary folder
// (so the lead's dist/ is left alone).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  source: string;
  files: { name: string; bytes: number; gzipBytes: number; initial: boolean }[];
  /** Raw and gzipped bytes of the initial JS (entry, static imports, started workers). */
  jsBytes: number;
  gzipBytes: number;
  /** Gzipped bytes of the chunks loaded only on demand. */
  lazyGzipBytes: number;
}

/** Relative JS files a chunk loads statically (`import … from "./x.js"`), not `import("./x.js")`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map(
    (m) => m[1]!,
  );
}

/**
 * Workers a first visit starts, by their file names: none. The bundled surveys
 * are read when the app is built (scripts/bundledSurveys.ts) and the page only
 * fetches their JSON; the import worker starts on the first upload, and the
 * others (tab books, exports, parallel parsing) when the user asks for them,
 * though some of their URLs sit in initial chunks. A worker the page starts as
 * it opens belongs here: tests/e2e/firstVisit.test.ts fails until it is.
 */
const STARTED_AT_LOAD: readonly RegExp[] = [];

/** Workers a chunk can start: the first script named after `new Worker(new URL(` (Vite nests URLs). */
function startedWorkers(code: string, startedAtLoad: readonly RegExp[]): string[] {
  return [...code.matchAll(/new Worker\((?:\s*new URL\()+\s*["'`]([^"'`]+\.js)["'`]/g)]
    .map((m) => m[1]!)
    .filter((url) => startedAtLoad.some((name) => name.test(url.split('/').pop() ?? '')));
}

/** The initial chunks: index.html's module scripts and what they load without import(). */
export function initialFiles(
  dir: string,
  startedAtLoad: readonly RegExp[] = STARTED_AT_LOAD,
): Set<string> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const todo = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) =>
    join(dir, m[1]!),
  );
  const seen = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const rel of staticImports(code)) todo.push(join(dirname(file), rel));
    // Worker URLs are written relative to the site root or to the chunk.
    for (const url of startedWorkers(code, startedAtLoad)) {
      todo.push(url.startsWith('/') ? join(dir, url) : join(dirname(file), url));
    }
  }
  return seen;
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
  const initial = initialFiles(dir);
  const files = walk(dir)
    .filter((p) => /\.(m?js)$/.test(p))
    .map((p) => {
      const buf = readFileSync(p);
      return {
        name: p.slice(dir.length + 1),
        bytes: buf.length,
        gzipBytes: gzipSync(buf).length,
        initial: initial.has(p),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const first = files.filter((f) => f.initial);
  return {
    source,
    files,
    jsBytes: first.reduce((s, f) => s + f.bytes, 0),
    gzipBytes: first.reduce((s, f) => s + f.gzipBytes, 0),
    lazyGzipBytes: files.filter((f) => !f.initial).reduce((s, f) => s + f.gzipBytes, 0),
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
