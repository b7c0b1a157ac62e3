// The CLI opens a .sav through its one door (src/cli/open.ts), like any
// survey file: the file's weight, --no-weight, --multi naming an MR set by its
// name or label, and a damaged file reported as `file: Byte N: …`. Then the
// import's progress, cancelling and size limit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatError, openSurvey } from '../../../src/cli/open';
import { loadSurveyFile } from '../../../src/core/pipeline';
import { chosen, fixture, FIXTURES, loaded } from './helpers';
import { savFile } from './writer';

const file = fileURLToPath(new URL('hdv2003.sav', FIXTURES));

describe('the CLI opener', () => {
  it('reads a .sav with its weight, or unweighted with --no-weight', async () => {
    const weighted = loaded(await openSurvey({ file, multi: [] }));
    expect(weighted.table.weightId).toBe('poids');
    const plain = loaded(await openSurvey({ file, multi: [], weight: null }));
    expect(plain.table.weightId).toBeNull();
  });

  it('takes --multi naming an MR set by its name or its label', async () => {
    for (const columns of [['$loisirs'], ['Loisirs pratiqués']]) {
      const r = loaded(await openSurvey({ file, multi: [{ id: 'leisure', columns }] }));
      expect(chosen(r.table, 'leisure')).toEqual(chosen(r.table, '$loisirs'));
    }
  });

  it('reports a damaged .sav as file: Byte N: what is wrong', async () => {
    const damaged = join(mkdtempSync(join(tmpdir(), 'sav-')), 'cut.sav');
    writeFileSync(damaged, fixture('hdv2003.sav').subarray(0, 20_000));
    const r = await openSurvey({ file: damaged, multi: [] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatError(r.error)).toMatch(
        /cut\.sav: Byte 19,\d{3}: the data ends in the middle of case \d+ \(at variable [\w.]+\)\. The file is damaged/,
      );
  });
});

describe('progress, cancelling and the size limit', () => {
  const cases = Array.from({ length: 20_000 }, (_, i) => [i % 5, i]);
  const bytes = savFile({ vars: [{ name: 'Q' }, { name: 'N' }], cases, compression: 1 });

  it('reports progress in rows and bytes', () => {
    const seen: { bytes: number; rows: number }[] = [];
    const r = loadSurveyFile(bytes, { file: 'big.sav', onProgress: (p) => seen.push(p) });
    expect(r.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toMatchObject({ bytes: bytes.length, rows: 20_000 });
  });

  it('stops when asked to', () => {
    const r = loadSurveyFile(bytes, { file: 'big.sav', shouldCancel: () => true });
    expect(!r.ok && r.error.code).toBe('import-cancelled');
  });

  it('refuses a file over the size limit before reading it', () => {
    const r = loadSurveyFile(bytes, { file: 'big.sav', maxBytes: 1000 });
    expect(!r.ok && r.error.code).toBe('import-too-large');
  });
});
