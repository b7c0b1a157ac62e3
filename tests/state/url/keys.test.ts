// The README's "What goes into a link" table is the link codec's table of keys,
// row for row: a key added to URL_KEYS without its README row fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../src/state/url/codec';
import { FIXED_KEYS, NOT_IN_LINKS, URL_KEYS } from '../../../src/state/url/keys';
import { HOME } from '../../../src/state/url/view';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = /### What goes into a link\n\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';

describe('the table of link keys', () => {
  it("is the README's table, row for row", () => {
    const rows = [
      '| key | in the link | why |',
      '| --- | --- | --- |',
      ...FIXED_KEYS.map((k) => `| \`${k.key}\` | yes | ${k.why} |`),
      ...URL_KEYS.map((k) => `| \`${k.key}\` | yes | ${k.why} |`),
      ...NOT_IN_LINKS.map((k) => `| ${k.what} | no | ${k.why} |`),
    ];
    expect(section.split('\n')).toEqual(rows);
  });

  it('names each key once', () => {
    const keys = [...FIXED_KEYS, ...URL_KEYS].map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(URL_KEYS.filter((k) => k.pages !== undefined).map((k) => [k.key]))(
    'leaves the crosstab key %s out of links to other pages',
    (key) => {
      const hash = encodeView({
        ...HOME,
        page: 'survey',
        survey: 's1',
        crosstab: {
          ...HOME.crosstab,
          rows: 'q1',
          cols: 'q2',
          weight: null,
          filters: [{ question: 'q3', options: [0, 1] }],
          percent: 'row',
          counts: true,
          tests: false,
          sort: { col: 1, desc: true },
          rowNets: [{ options: [0, 1], all: false }],
          colNets: [{ options: [1, 2], all: true }],
        },
      });
      expect(new URLSearchParams(hash.slice(1)).has(key)).toBe(false);
      expect(decodeView(hash).state.crosstab).toEqual(HOME.crosstab);
    },
  );
});
