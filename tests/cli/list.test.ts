import { describe, expect, it } from 'vitest';
import { listSurveys, runList } from '../../src/cli/list';
import { capture, unwrap } from './helpers';

describe('list', () => {
  it('lists the bundled surveys with id, file, format, title, publisher, date and question count', async () => {
    const r = await capture(() => runList(['--json']));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list).toEqual(unwrap(await listSurveys()).summaries);
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
    // Respondent files take their title from the definition beside them.
    expect(list.find((s) => s.id === 'demo-simulated-wechat-respondents')).toMatchObject({
      file: 'surveys/demo-simulated-wechat-respondents.csv',
      format: 'respondents',
      title: 'WeChat users (simulated respondents)',
    });
  });

  it('prints one line per survey without --json', async () => {
    const r = await capture(() => runList([]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'eguan-2013-07-mobile-im-share  Market share of mobile instant messenger services in China (Eguan, 2013-07): 1 question\n',
    );
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(4);
  });

  it('refuses an unknown option or a file with exit 2', async () => {
    const flag = await capture(() => runList(['--all']));
    expect([flag.code, flag.stderr.split('\n')[0]]).toEqual([2, 'Unknown option "--all".']);
    const file = await capture(() => runList(['surveys/demo.csv']));
    expect([file.code, file.stderr.split('\n')[0]]).toEqual([
      2,
      'Unexpected argument "surveys/demo.csv": this command reads no file.',
    ]);
  });
});
