import { describe, expect, it } from 'vitest';
import { load, loadRespondents } from '../../support/pipeline';

const BANNER_BAD = [
  'AMONG ADULTS,,All,Age,',
  ',,,18-34,35+',
  'Do you drink tea?,,,,',
  ',Yes,60%,55%,62%',
  ',No,40%,3o%,38%',
].join('\n');

describe('errors name the file, the line, the column and what to do', () => {
  it.each([
    { what: 'an empty file', input: '', code: 'import-empty', line: undefined, column: undefined },
    {
      what: 'a header without rows',
      input: 'a,b\n',
      code: 'import-no-rows',
      line: undefined,
      column: undefined,
    },
    {
      what: 'a row with too many fields',
      input: 'a,b\n1,2\n3,4,5\n',
      code: 'import-ragged-row',
      line: 3,
      column: 3,
    },
    {
      what: 'a row with too few fields',
      input: 'a,b,c\n1,2,3\n4,5,6\n7,8\n',
      code: 'import-ragged-row',
      line: 4,
      column: 3,
    },
    {
      what: 'a bad percent in a banner table',
      input: BANNER_BAD,
      code: 'banner-bad-percent',
      line: 5,
      column: 4,
    },
    {
      what: 'a duplicated header',
      input: 'age,age\n1,2\n',
      code: 'schema-duplicate-header',
      line: 1,
      column: 2,
    },
    {
      what: 'a single column of prose',
      input:
        'It was a bright cold day in April, and the clocks were striking thirteen.\nWinston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly.\n',
      code: 'import-not-csv',
      line: 1,
      column: undefined,
    },
  ])('reports $what', ({ input, code, line, column }) => {
    const r = load(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.file).toBe('test.csv');
    expect(r.error.line).toBe(line);
    expect(r.error.column).toBe(column);
    expect(r.error.message.length).toBeGreaterThan(20);
  });

  it('names the bad percent text in the message', () => {
    const r = load(BANNER_BAD);
    expect(!r.ok && r.error.message).toContain('"3o%" is not a percent');
  });

  it('reports the line numbers of a ragged row after the 1,000-row sample', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},x`);
    rows[1200] = '1200,x,oops';
    const r = load(`id,q\n${rows.join('\n')}\n`);
    expect(!r.ok && [r.error.code, r.error.line]).toEqual(['import-ragged-row', 1202]);
  });

  it('tolerates trailing empty fields', () => {
    const { table } = loadRespondents('a,b\n1,x,,\n2,y\n');
    expect(table.rowCount).toBe(2);
  });

  it('refuses binary files with NUL bytes', () => {
    const r = load(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(!r.ok && r.error.code).toBe('import-binary');
  });

  it('refuses a file above the size limit before reading it', () => {
    const r = load('a,b\n1,2\n', { maxBytes: 4 });
    expect(!r.ok && r.error.code).toBe('import-too-large');
    expect(!r.ok && r.error.message).toContain('more than the');
  });

  it('stops when cancelled between chunks', () => {
    const big = `q\n${'yes\n'.repeat(300_000)}`; // 1.2 MB: more than one chunk
    const r = load(big, { shouldCancel: () => true });
    expect(!r.ok && r.error.code).toBe('import-cancelled');
  }, 30_000);

  it('reports an unclosed quote', () => {
    const r = load('a,b\n1,"open\n2,3\n');
    expect(!r.ok && r.error.code).toMatch(/unclosed-quote/);
  });
});

describe('a file of only delimiters', () => {
  it.each([',,,,\n,,,,\n,,,,\n', ';;;\n;;;\n', ' , , \n , , \n'])(
    'is refused as holding no data: %j',
    (text) => {
      const r = load(new TextEncoder().encode(text), { file: 'empty.csv' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('import-no-data');
    },
  );
});
