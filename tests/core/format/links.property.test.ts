// Links from files (a distribution's source_url) and URLs: only http(s) ever
// becomes a link; script, data and other schemes stay text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { safeHttpUrl } from '../../../src/core/format/links';

describe('safeHttpUrl', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['javascript://example.com/%0Aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['blob:https://example.com/uuid'],
    ['ftp://example.com/x'],
    ['mailto:a@example.com'],
    ['//example.com/x'],
    ['/relative/path'],
    ['www.example.com'],
    ['<img src=x onerror=alert(1)>'],
    [''],
  ])('rejects %j', (text) => {
    expect(safeHttpUrl(text)).toBeNull();
  });

  it.each([
    [null, null],
    [undefined, null],
  ])('gives null for %j', (text, expected) => {
    expect(safeHttpUrl(text)).toBe(expected);
  });

  it.each([
    ['https://www.sootoo.com/content/123.shtml', 'https://www.sootoo.com/content/123.shtml'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/a b', 'https://example.com/a%20b'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['https://example.com/?q="><script>', 'https://example.com/?q=%22%3E%3Cscript%3E'],
    ['https://微信.com/路径', 'https://xn--vuqz89a.com/%E8%B7%AF%E5%BE%84'],
  ])('accepts %j as %j', (text, href) => {
    expect(safeHttpUrl(text)).toBe(href);
  });

  it('returns only http(s) URLs whose text has no quote, angle bracket or space, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl({ validSchemes: ['http', 'https', 'javascript', 'data', 'ftp'] }),
          fc
            .tuple(fc.constantFrom('javascript', 'data', 'vbscript', 'http', 'https'), fc.string())
            .map(([scheme, rest]) => `${scheme}:${rest}`),
        ),
        (text) => {
          const href = safeHttpUrl(text);
          if (href === null) return;
          expect(href).toMatch(/^https?:\/\//);
          expect(href).not.toMatch(/["<>\s]/);
        },
      ),
      { seed: 8101, numRuns: 200 },
    );
  });
});

describe('the source_url of the hostile fixture', () => {
  it('is read as the text "javascript:alert(1)" and never becomes a link', () => {
    const file = new URL('../../fixtures/hostile/distribution-javascript-url.csv', import.meta.url);
    const r = parseDistributionCsv(readFileSync(file, 'utf8'), 'd.csv');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.meta.sourceUrl).toBe('javascript:alert(1)');
    expect(safeHttpUrl(r.value.meta.sourceUrl)).toBeNull();
  });
});
