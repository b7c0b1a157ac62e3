// The CLI reads a .parquet file through the one opener (openSurvey), exactly
// as the app does: inspect, crosstab and definition print for the demo's
// Parquet export what they print for its CSV, the definition coming from the
// file's own metadata.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrosstab } from '../../src/cli/crosstab';
import { runDefinition } from '../../src/cli/definition';
import { runInspect } from '../../src/cli/inspect';
import { openSurvey } from '../../src/cli/open';
import { exportParquet } from '../../src/core/parquet/index';
import { capture, DEMO, removeTempDirs, tempDir, unwrap } from './helpers';

afterAll(removeTempDirs);

/** The demo (read with its definition, beside it) exported as Parquet into a folder of its own. */
async function demoParquet(): Promise<string> {
  const loaded = unwrap(await openSurvey({ file: DEMO, multi: [] }));
  if (loaded.kind !== 'respondents') throw new Error('not respondent data');
  const file = join(tempDir(), 'demo.parquet');
  writeFileSync(file, await exportParquet(loaded.table, loaded.definition));
  return file;
}

describe('a .parquet file on the command line', { timeout: 30_000 }, () => {
  it('inspect prints what it prints for the CSV', async () => {
    const pq = await demoParquet();
    const a = await capture(() => runInspect([DEMO, '--json']));
    const b = await capture(() => runInspect([pq, '--json']));
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(JSON.parse(b.stdout)).toEqual({ ...JSON.parse(a.stdout), file: pq });
  });

  it('crosstab prints the same numbers, weighted by the weight the file carries', async () => {
    const pq = await demoParquet();
    const argv = ['--rows', 'How often do you use WeChat?', '--cols', 'age_group', '--json'];
    const a = await capture(() => runCrosstab([DEMO, ...argv, '--where', 'gender=Female']));
    const b = await capture(() => runCrosstab([pq, ...argv, '--where', 'gender=Female']));
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
    const unweighted = await capture(() => runCrosstab([pq, ...argv, '--no-weight']));
    expect(JSON.parse(unweighted.stdout).counts).not.toEqual(JSON.parse(b.stdout).counts);
  });

  it('definition prints the definition the CSV is read with', async () => {
    const pq = await demoParquet();
    const a = await capture(() => runDefinition([DEMO]));
    const b = await capture(() => runDefinition([pq]));
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a damaged file is refused on stderr with the byte, exit 1', async () => {
    const pq = await demoParquet();
    const cut = join(tempDir(), 'cut.parquet');
    const { readFileSync } = await import('node:fs');
    writeFileSync(cut, readFileSync(pq).subarray(0, 5000));
    const r = await capture(() => runInspect([cut, '--json']));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /cut\.parquet: Byte 4,996: the file starts like a Parquet file but does not end with "PAR1"/,
    );
  });
});
