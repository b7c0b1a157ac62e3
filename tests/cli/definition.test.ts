import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionOfFile, runDefinition } from '../../src/cli/definition';
import { inspectFile, runInspect } from '../../src/cli/inspect';
import { runCrosstab } from '../../src/cli/crosstab';
import { parseDefinition } from '../../src/core/definition/definition';
import {
  capture,
  DEMO,
  DEMO_DEFINITION,
  demoWithoutDefinition,
  HDV2003,
  haveHdv2003,
  LEISURE,
  ROOT,
  tempDir,
  unwrap,
  removeTempDirs,
} from './helpers';

afterAll(removeTempDirs);

const respondents = async (file: string, definition?: string) => {
  const r = unwrap(
    await inspectFile({ file, multi: [], ...(definition === undefined ? {} : { definition }) }),
  );
  if (r.format !== 'respondents') throw new Error('not respondent data');
  return r;
};

describe('the definition command', () => {
  it('prints the complete definition the demo is read with: its own, resolved', async () => {
    const r = await capture(() => runDefinition([DEMO]));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const printed = unwrap(parseDefinition(r.stdout, 'stdout'));
    const own = unwrap(parseDefinition(readFileSync(DEMO_DEFINITION, 'utf8'), DEMO_DEFINITION));
    expect(printed.format).toBe('survey-workbench-definition');
    expect([
      printed.weight,
      printed.id,
      printed.title,
      printed.encoding,
      printed.delimiter,
    ]).toEqual(['weight', 'respondent_id', own.title, 'utf-8', ',']);
    expect(printed.questions?.find((q) => q.id === 'gender')).toEqual({
      id: 'gender',
      text: 'gender',
      kind: 'single',
      columns: ['gender'],
      answers: ['Female', 'Male'],
    });
  });

  it('records --no-weight and --weight as the decided weight', async () => {
    expect(
      unwrap(await definitionOfFile({ file: DEMO, multi: [], weight: null })).weight,
    ).toBeNull();
    const copy = demoWithoutDefinition();
    expect(unwrap(await definitionOfFile({ file: copy, multi: [] })).weight).toBeNull();
    expect(unwrap(await definitionOfFile({ file: copy, multi: [], weight: 'weight' })).weight).toBe(
      'weight',
    );
  });

  it('round trip: saved, then passed to a copy without its own, it gives the same shares', async () => {
    const saved = await capture(() => runDefinition([DEMO, '--json']));
    const copy = demoWithoutDefinition();
    const file = join(dirname(copy), 'saved-definition.json');
    writeFileSync(file, saved.stdout);
    const own = await respondents(DEMO);
    const passed = await respondents(copy, file);
    expect(passed.weight).toBe('weight');
    expect(passed.warnings).toEqual([]);
    expect(passed.title).toBe(own.title);
    expect(passed.questions).toEqual(own.questions);
    const gender = passed.questions.find((q) => q.id === 'gender')!;
    expect(gender.options.map((o) => o.percent)).toEqual([46, 54]);
    // Without it, the same copy is unweighted.
    const bare = await respondents(copy);
    expect(bare.questions.find((q) => q.id === 'gender')!.options.map((o) => o.percent)).toEqual([
      37.07, 62.93,
    ]);
  });

  it.skipIf(!haveHdv2003)('records a --multi group with the values that mean chosen', async () => {
    const def = unwrap(
      await definitionOfFile({
        file: HDV2003,
        weight: 'poids',
        multi: [{ id: 'leisure', columns: LEISURE }],
      }),
    );
    expect(def.weight).toBe('poids');
    const leisure = def.questions?.find((q) => q.id === 'leisure');
    expect(leisure).toMatchObject({ kind: 'multi', columns: LEISURE, answers: LEISURE });
    expect(leisure?.chosen).toContain('Oui');
    expect(def.questions?.find((q) => q.id === 'sport')).toMatchObject({
      kind: 'single',
      columns: ['sport'],
    });
  });

  it('refuses published percentages with exit 1', async () => {
    const file = 'surveys/eguan-2013-07-mobile-im-share.csv';
    const r = await capture(() => runDefinition([file]));
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain(`${file}: This file holds published percentages`);
  });
});

describe('a broken definition', () => {
  it('a truncated --definition is an error at its line and column, in inspect and crosstab', async () => {
    const text = readFileSync(DEMO_DEFINITION, 'utf8');
    const file = join(tempDir(), 'cut.json');
    writeFileSync(file, text.slice(0, text.indexOf('"questions"') + 20));
    const lines = text.slice(0, text.indexOf('"questions"') + 20).split('\n');
    const [line, column] = [lines.length, lines.at(-1)!.length + 1];
    const expected = `${file}:${line}:${column}: This survey definition is not valid JSON: it breaks at line ${line}, column ${column}`;
    const inspect = await capture(() => runInspect([DEMO, '--definition', file]));
    expect([inspect.code, inspect.stdout]).toEqual([1, '']);
    expect(inspect.stderr.startsWith(expected), inspect.stderr).toBe(true);
    const crosstab = await capture(() =>
      runCrosstab([DEMO, '--rows', 'gender', '--definition', file]),
    );
    expect(crosstab.code).toBe(1);
    expect(crosstab.stderr.startsWith(expected), crosstab.stderr).toBe(true);
  });

  it('a broken <name>.json beside the data is an error naming that file', async () => {
    const copy = demoWithoutDefinition();
    const beside = copy.replace(/\.csv$/, '.json');
    writeFileSync(
      beside,
      '{\n  "format": "survey-workbench-definition",\n  "version": 1,\n  "weight": 3\n}\n',
    );
    const r = await capture(() => runInspect([copy, '--json']));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${beside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: This survey definition is not valid at "weight"`,
      ),
    );
  });

  it('a definition naming a column the file lacks lists the columns', async () => {
    const file = join(tempDir(), 'other.json');
    writeFileSync(
      file,
      '{"format": "survey-workbench-definition", "version": 1, "weight": "poids"}',
    );
    const r = await inspectFile({ file: DEMO, multi: [], definition: file });
    expect(!r.ok && r.error.message).toContain(
      'The survey definition weights by the column "poids", which this file does not have.',
    );
  });

  it('--definition must be a regular file too', async () => {
    const r = await inspectFile({ file: DEMO, multi: [], definition: join(ROOT, 'surveys') });
    expect(!r.ok && r.error.message).toBe(
      `Cannot read ${ROOT}surveys: it is a folder, not a file.`,
    );
  });
});
