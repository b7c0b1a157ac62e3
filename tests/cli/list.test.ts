import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('cli list', () => {
  it('lists the bundled surveys with id, file, format, title, publisher, date and question count', () => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'list', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    const published = list.filter((s) => s.format === 'distribution');
    expect(published).toEqual([
      {
        id: 'eguan-2013-07-mobile-im-share',
        file: 'surveys/eguan-2013-07-mobile-im-share.csv',
        format: 'distribution',
        title: 'Market share of mobile instant messenger services in China',
        publisher: 'Eguan',
        date: '2013-07',
        questions: 1,
      },
      {
        id: 'sootoo-2013-06-wechat-users',
        file: 'surveys/sootoo-2013-06-wechat-users.csv',
        format: 'distribution',
        title: 'The behavior analysis of WeChat users',
        publisher: 'Sootoo Research',
        date: '2013-06',
        questions: 9,
      },
      {
        id: 'sootoo-2013-08-official-accounts',
        file: 'surveys/sootoo-2013-08-official-accounts.csv',
        format: 'distribution',
        title: 'User analytics of WeChat official accounts',
        publisher: 'Sootoo Research',
        date: '2013-08',
        questions: 5,
      },
    ]);
    // Respondent files take their title from the .json sidecar next to them.
    expect(list.find((s) => s.id === 'demo-simulated-wechat-respondents')).toMatchObject({
      format: 'respondents',
      title: 'WeChat users (simulated respondents)',
    });
  });

  it('refuses an unknown option with exit 2', () => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'list', '--all'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown option "--all"');
  });
});
