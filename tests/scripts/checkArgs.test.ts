import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkArgs } from '../../scripts/checkArgs';

const FREEZE = { rows: 'Q20', cols: 'Q24', weight: 'weight' };
const LARGE = { rows: 'Q1', cols: 'Q2', weight: null };

describe('the manual checks read their flags through parseArgs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the defaults when only a file is named', () => {
    expect(checkArgs('x.ts', FREEZE, ['/tmp/s.csv'])).toEqual({
      file: '/tmp/s.csv',
      baseUrl: 'http://127.0.0.1:4173/',
      rows: 'Q20',
      cols: 'Q24',
      weight: 'weight',
      profile: false,
      profileDir: '',
    });
  });

  it('takes flags before or after the file, and a base URL', () => {
    const a = checkArgs('x.ts', FREEZE, [
      '--rows',
      'Q1',
      '/tmp/s.csv',
      'http://localhost:5000/',
      '--cols=Q3',
      '--profile',
      '--profile-dir',
      '/tmp/p',
      '--weight',
      'w2',
    ]);
    expect(a).toMatchObject({
      file: '/tmp/s.csv',
      baseUrl: 'http://localhost:5000/',
      rows: 'Q1',
      cols: 'Q3',
      weight: 'w2',
      profile: true,
      profileDir: '/tmp/p',
    });
  });

  it('gives no weight to a check that takes none', () => {
    expect(checkArgs('x.ts', LARGE, ['/tmp/s.parquet']).weight).toBeNull();
  });

  it.each([
    ['no file', [] as string[], 'Expected a file'],
    ['an unknown flag', ['/tmp/s.csv', '--row', 'Q1'], "Unknown option '--row'"],
    ['a flag without its value', ['/tmp/s.csv', '--rows'], "'--rows"],
    ['a weight the check does not take', ['/tmp/s.csv', '--weight', 'w'], 'takes no --weight'],
  ])('exits with 2 and the usage on %s', (_, argv, message) => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => checkArgs('check-large-import.ts', LARGE, argv)).toThrow('exit 2');
    expect(exit).toHaveBeenCalledWith(2);
    const printed = String(err.mock.calls[0]?.[0]);
    expect(printed).toContain(message);
    expect(printed).toContain('Usage: npx tsx scripts/check-large-import.ts <file>');
  });
});
