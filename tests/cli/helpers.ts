// Test helpers for the command line: run a command in-process (fast, with its
// stdout, stderr and exit code), or spawn the real CLI when the process's own
// exit code is what is tested.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { Result } from '../../src/core/result';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO = join(ROOT, 'surveys/demo-simulated-wechat-respondents.csv');
export const DEMO_DEFINITION = join(ROOT, 'surveys/demo-simulated-wechat-respondents.json');
export const HDV2003 = join(ROOT, '../shared/datasets/questionr/questionr-hdv2003.csv');
export const haveHdv2003 = existsSync(HDV2003);
export const LEISURE = [
  'hard.rock',
  'lecture.bd',
  'peche.chasse',
  'cuisine',
  'bricol',
  'cinema',
  'sport',
];

const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** The real CLI in its own process (about 0.6 s): for exit codes and what main.ts does. */
export function spawnCli(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A command's run function in this process, with what it writes to stdout and stderr. */
export async function capture(run: () => Promise<number>) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run();
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const made: string[] = [];

/** A fresh temporary folder, removed by removeTempDirs. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  made.push(dir);
  return dir;
}

/** For afterAll: removes the folders tempDir made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the demo respondent file alone in a temporary folder: no definition beside it. */
export function demoWithoutDefinition(): string {
  const file = join(tempDir(), 'demo.csv');
  copyFileSync(DEMO, file);
  return file;
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
