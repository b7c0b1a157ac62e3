import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrosstab } from '../../src/cli/crosstab';
import { runInspect } from '../../src/cli/inspect';
import { MAX_FILE_BYTES, openSurvey } from '../../src/cli/open';
import { capture, ROOT, spawnCli, tempDir, removeTempDirs } from './helpers';

afterAll(removeTempDirs);

/** A named pipe nobody writes to: opening it for reading would wait forever. */
function fifo(): string | null {
  const path = join(tempDir(), 'pipe.csv');
  const made = spawnSync('mkfifo', [path]);
  return made.status === 0 ? path : null;
}
const pipe = fifo();

describe('the one door refuses what is not a regular file, without hanging', () => {
  it('a folder: exit 1 from inspect and crosstab', async () => {
    const folder = join(ROOT, 'surveys');
    for (const run of [
      () => runInspect([folder, '--json']),
      () => runCrosstab([folder, '--rows', 'q']),
    ]) {
      const r = await capture(run);
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr: `Cannot read ${folder}: it is a folder, not a file.\n`,
      });
    }
  });

  it.skipIf(pipe === null)('a named pipe (FIFO) nobody writes to', async () => {
    const started = Date.now();
    const r = await capture(() => runInspect([pipe!, '--json']));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Cannot read ${pipe}: it is a named pipe (FIFO), not a file. Save the data to a file and read that.\n`,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  // The real process must end too (a blocked open would keep it alive): exit 1, well
  // before spawnCli's 20 s timeout.
  it.skipIf(pipe === null)('a named pipe: the CLI process exits 1 at once', () => {
    const r = spawnCli('crosstab', pipe!, '--rows', 'q');
    expect([r.signal, r.status]).toEqual([null, 1]);
    expect(r.stderr).toContain('it is a named pipe (FIFO), not a file');
  });

  it.skipIf(!existsSync('/dev/zero'))(
    'an endless device such as /dev/zero',
    async () => {
      const r = await openSurvey({ file: '/dev/zero', multi: [] });
      expect(!r.ok && r.error.message).toBe('Cannot read /dev/zero: it is a device, not a file.');
    },
    30_000,
  );

  it('a file over 2 GiB - 1 bytes, by its size, before reading a byte', async () => {
    const file = join(tempDir(), 'huge.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    truncateSync(file, MAX_FILE_BYTES + 1); // sparse: no disk space used
    try {
      const r = await openSurvey({ file, multi: [] });
      expect(!r.ok && r.error.message).toBe(
        `${file} is 2,147,483,648 bytes; at most 2,147,483,647 bytes (2 GiB - 1) can be read. Split the file, or keep only the columns you need.`,
      );
    } finally {
      rmSync(file);
    }
  });

  it('an empty regular file reaches the core, which says it is empty', async () => {
    const file = join(tempDir(), 'empty.csv');
    writeFileSync(file, '');
    const r = await capture(() => runInspect([file]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}: The file is empty`));
  });
});
