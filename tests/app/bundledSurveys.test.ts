import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBundled, encodeBundled } from '../../src/app/bundledJson';
import { readBundledFile } from '../../src/app/bundledLoad';
import { openSurvey } from '../../src/cli/open';
import { storedRecord, type StoredSurvey } from '../../src/state/models/stored';
import type { RespondentTable } from '../../src/core/table/types';
import {
  bundledInputs,
  bundledPaths,
  bundledSurveysJson,
  readBundledSurveys,
} from '../../scripts/bundledSurveys';

const SURVEYS = fileURLToPath(new URL('../../surveys/', import.meta.url));
const name = (path: string) => path.split(/[\\/]/).pop()!;

describe('the bundled surveys read at build time', () => {
  const records = decodeBundled(bundledSurveysJson(SURVEYS));

  it('holds the four files of surveys/, in name order, under their file names', () => {
    expect(records.map((r) => [r.id, r.kind])).toEqual([
      ['demo-simulated-wechat-respondents', 'respondents'],
      ['eguan-2013-07-mobile-im-share', 'distribution'],
      ['sootoo-2013-06-wechat-users', 'distribution'],
      ['sootoo-2013-08-official-accounts', 'distribution'],
    ]);
    expect(bundledInputs(SURVEYS).map(name)).toEqual([
      'demo-simulated-wechat-respondents.csv',
      'demo-simulated-wechat-respondents.json',
      'eguan-2013-07-mobile-im-share.csv',
      'sootoo-2013-06-wechat-users.csv',
      'sootoo-2013-08-official-accounts.csv',
    ]);
  });

  it('equals, after the JSON round trip, what the CLI door reads from each file with its sidecar', async () => {
    for (const [i, path] of bundledPaths(SURVEYS).entries()) {
      const loaded = await openSurvey({ file: path, multi: [] });
      if (!loaded.ok) throw new Error(loaded.error.message);
      const record = records[i]!;
      const origin = { id: record.id, file: name(path), addedAt: '', fingerprint: '', bytes: 0 };
      const { bytes: bundledBytes, ...bundled } = record;
      const { bytes, ...fromCli } = storedRecord(loaded.value, origin);
      expect(bundled.file).toBe(name(path));
      expect(bundledBytes).toBe(readFileSync(path).length);
      expect(bytes).toBe(0);
      // Typed arrays compared element by element and by type (Uint8Array ≠ Uint16Array).
      expect(bundled).toEqual(fromCli);
    }
  });

  it('keeps the demo survey as the seed made it: 1,500 respondents, 556 women and 944 men, weighted', () => {
    const demo = records[0]!;
    if (demo.kind !== 'respondents') throw new Error('demo is not respondent data');
    const table: RespondentTable = demo.table;
    expect(table.rowCount).toBe(1500);
    expect(table.weightId).toBe('weight');
    expect(table.meta.notice).toBe('Simulated respondents, not real data');
    const gender = table.columns.find((c) => c.id === 'gender');
    if (gender?.type !== 'single') throw new Error('gender is not a single-answer question');
    expect(gender.codes).toBeInstanceOf(Uint8Array);
    const count = (label: string) =>
      gender.codes.filter((c) => c === gender.labels.indexOf(label) + 1).length;
    expect([count('Female'), count('Male')]).toEqual([556, 944]);
    const weight = table.columns.find((c) => c.id === 'weight');
    expect(weight?.type === 'numeric' && weight.values).toBeInstanceOf(Float64Array);
  });

  it("keeps a published survey's figures as the file prints them (eguan: QQ 38.07%)", () => {
    const eguan = records[1]!;
    if (eguan.kind !== 'distribution') throw new Error('eguan is not published figures');
    const share = eguan.survey.questions[0]!;
    expect(eguan.name).toBe('Market share of mobile instant messenger services in China');
    expect(JSON.stringify(share)).toContain('38.07%');
  });
});

describe('the JSON form of the records', () => {
  const table = (columns: RespondentTable['columns']): StoredSurvey => ({
    id: 't',
    name: 't',
    file: 't.csv',
    addedAt: '',
    fingerprint: '',
    bytes: 3,
    kind: 'respondents',
    table: {
      format: 'respondents',
      meta: { title: 't', notice: null, source: null },
      rowCount: 3,
      columns,
      weightId: null,
      idColumnId: null,
    },
  });

  it('brings back missing numbers, −0, and 16- and 32-bit codes bit for bit', () => {
    const record = table([
      { id: 'n', text: 'n', type: 'numeric', values: Float64Array.of(NaN, -0, 0.1 + 0.2) },
      { id: 's', text: 's', type: 'single', labels: ['a'], codes: Uint16Array.of(0, 1, 65535) },
      {
        id: 'm',
        text: 'm',
        type: 'multi',
        labels: ['x'],
        words: 1,
        masks: Uint32Array.of(0, 4294967295),
        patternCount: 2,
        patternOf: Uint8Array.of(0, 1, 2),
      },
    ]);
    const [back] = decodeBundled(encodeBundled([record]));
    expect(back).toEqual(record);
    if (back?.kind !== 'respondents') throw new Error('not respondents');
    const values = (back.table.columns[0] as { values: Float64Array }).values;
    expect(Object.is(values[1], -0)).toBe(true);
    expect(values[2]).toBe(0.30000000000000004);
  });

  it('refuses what JSON would change, naming the field', () => {
    const record = table([
      { id: 'n', text: 'n', type: 'numeric', values: Float64Array.of(1, 2, 3) },
    ]);
    expect(() => encodeBundled([{ ...record, bytes: Infinity }])).toThrow(
      'bytes is Infinity, which JSON cannot keep',
    );
    expect(() => encodeBundled([{ ...record, name: new Map() as unknown as string }])).toThrow(
      'name is not a plain object',
    );
    expect(() =>
      encodeBundled([
        table([
          {
            id: 'n',
            text: 'n',
            type: 'numeric',
            values: Int8Array.of(1) as unknown as Float64Array,
          },
        ]),
      ]),
    ).toThrow('values is a Int8Array, which the bundle cannot keep');
  });

  it('refuses text that is not a bundle', () => {
    expect(() => decodeBundled('{"surveys":[]}')).toThrow('it holds no list of surveys');
    expect(() => decodeBundled('{"records":[{"$array":"Int8Array","values":[1]}]}')).toThrow(
      'an array is damaged',
    );
  });
});

describe('a bundled file that cannot be read', () => {
  it('stops the build, naming the file and what is wrong with it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'bundled-'));
    writeFileSync(join(folder, 'broken.csv'), 'a,b\n1\n');
    writeFileSync(join(folder, 'broken.json'), '{"format": "something else"}');
    const read = readBundledFile('broken.csv', new Uint8Array(), '{"format": "something else"}');
    expect(read.ok).toBe(false);
    const why = read.ok ? '' : read.error;
    expect(why).toContain('broken.json');
    expect(() => readBundledSurveys(folder)).toThrow(
      `A bundled survey in surveys/ could not be read, so the app was not built. Fix the file, or remove it from surveys/:\n${why}`,
    );
  });
});
