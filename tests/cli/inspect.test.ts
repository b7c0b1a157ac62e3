import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface InspectedSeries {
  id: string;
  segment: string | null;
  kind: string;
  kindInferred: boolean;
  base: string | null;
  subgroup: boolean;
  total: number | null;
  answersPerRespondent: number | null;
  flags: { code: string; severity: string; message: string }[];
  options: {
    label: string;
    percent: number | null;
    lowerBound: boolean;
    rank: number | null;
    omitted: boolean;
  }[];
}

describe('cli inspect on a published distribution', () => {
  it('prints the Eguan survey as JSON, one entry per segment, both totalling 100.00%', () => {
    const r = cli('inspect', 'surveys/eguan-2013-07-mobile-im-share.csv', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      file: string;
      format: string;
      survey: Record<string, string | null>;
      questions: InspectedSeries[];
    };
    expect(out.file).toBe('surveys/eguan-2013-07-mobile-im-share.csv');
    expect(out.format).toBe('distribution');
    expect(out.survey).toEqual({
      title: 'Market share of mobile instant messenger services in China',
      publisher: 'Eguan',
      date: '2013-07',
      population: 'Mobile instant messenger users in China',
      source: "Eguan, as reported on a blog about China's social media on 25 July 2013",
      sourceUrl: null,
    });
    expect(
      out.questions.map((q) => [
        q.id,
        q.segment,
        q.kind,
        q.kindInferred,
        q.total,
        q.answersPerRespondent,
      ]),
    ).toEqual([
      ['share', 'Registered users', 'single', true, 100, null],
      ['share', 'Active users', 'single', true, 100, null],
    ]);
    expect(out.questions[0]?.flags.map((f) => f.code)).toEqual(['kind-inferred']);
    expect(out.questions[1]?.options.slice(0, 2)).toEqual([
      {
        label: 'QQ (Tencent)',
        percent: 42.54,
        printed: '42.54%',
        lowerBound: false,
        rank: null,
        omitted: false,
      },
      {
        label: 'WeChat (Tencent)',
        percent: 23.38,
        printed: '23.38%',
        lowerBound: false,
        rank: null,
        omitted: false,
      },
    ]);
  });

  it('prints a short summary without --json', () => {
    const r = cli('inspect', 'surveys/sootoo-2013-08-official-accounts.csv');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('User analytics of WeChat official accounts');
    expect(r.stdout).toContain('multi (inferred), total at least 160.2%, 5 options');
    expect(r.stdout).toContain('at least 1.09 answers per respondent on average');
  });

  it('reports a missing file on stderr and exits 1', () => {
    const r = cli('inspect', 'surveys/no-such-survey.csv', '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Cannot read surveys/no-such-survey.csv: no such file.\n');
  });

  it('reports a format error with file, line and column and exits 1', () => {
    const r = cli('inspect', 'tests/fixtures/distribution/bad-percent.csv', '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'tests/fixtures/distribution/bad-percent.csv: Line 4, column 3 ("percent"): "3o%" is not a percent. Write it as printed: 38.07, 38.07%, 29, 30+% for "at least 30%", or leave it blank when no figure is published.\n',
    );
  });

  it.each([[[]], [['a.csv', 'b.csv']], [['a.csv', '--jsn']], [['a.csv', '--encoding']]])(
    'exits 2 with the usage for the arguments %j',
    (args) => {
      const r = cli('inspect', ...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Usage: inspect <file.csv>');
    },
  );
});

describe('cli inspect on respondent data', () => {
  it('prints each question with the share of respondents per option', () => {
    const r = cli('inspect', 'surveys/demo-simulated-wechat-respondents.csv', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      format: string;
      rowCount: number;
      weight: string | null;
      notice: string | null;
      questions: InspectedSeries[];
    };
    expect([out.format, out.rowCount, out.weight, out.notice]).toEqual([
      'respondents',
      1500,
      'weight',
      'Simulated respondents, not real data',
    ]);
    const often = out.questions.find((q) => q.id === 'How often do you use WeChat?');
    expect(often?.kind).toBe('single');
    expect(often?.kindInferred).toBe(true);
    expect(often?.total).toBeNull();
    // Counted independently from the file: the share of the 1,500 rows giving each answer.
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(
        new URL('../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
        'utf8',
      ),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(1500);
    for (const o of often?.options ?? []) {
      const n = rows.filter((row) => row['How often do you use WeChat?'] === o.label).length;
      expect(o.percent).toBeCloseTo((100 * n) / 1500, 2);
    }
    const sum = often?.options.reduce((a, o) => a + (o.percent ?? 0), 0) ?? 0;
    expect(sum).toBeCloseTo(100, 1);
  });
});
