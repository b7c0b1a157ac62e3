import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import type { PublishedSurvey } from '../../../src/core/published/types';
import type { Result } from '../../../src/core/result';
import { fromBase64Url, toBase64Url } from '../../../src/state/url/base64url';
import {
  MAX_DECODE_CHARS,
  MAX_INFLATED_BYTES,
  MAX_PAYLOAD_CHARS,
  adler32,
  decodeSurveyPayload,
  encodeSurveyPayload,
} from '../../../src/state/url/payload';
import { mulberry32 } from '../../support/random';

function bundled(file: string): PublishedSurvey {
  const text = readFileSync(new URL(`../../../surveys/${file}`, import.meta.url), 'utf8');
  const parsed = parseDistributionCsv(text, file);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const eguan = bundled('eguan-2013-07-mobile-im-share.csv');

/** Link text for any JSON value, packed as encodeSurveyPayload packs a survey. */
const pack = (value: unknown): string =>
  toBase64Url(zlibSync(new TextEncoder().encode(JSON.stringify(value)), { level: 9 }));
const packText = (text: string): string =>
  toBase64Url(zlibSync(new TextEncoder().encode(text), { level: 9 }));

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

describe('a bundled survey travels inside a link', () => {
  // Sizes with fflate 0.8.3 at level 9: 844, 2114 and 1583 characters.
  it.each([
    ['eguan-2013-07-mobile-im-share.csv', 1, 2, 16, 1000],
    ['sootoo-2013-06-wechat-users.csv', 9, 9, 40, 2400],
    ['sootoo-2013-08-official-accounts.csv', 5, 5, 24, 1800],
  ])(
    '%s comes back equal (%i questions, %i series, %i options) in fewer than %i characters',
    (file, questions, series, options, bound) => {
      const survey = bundled(file);
      expect(survey.questions).toHaveLength(questions);
      const allSeries = survey.questions.flatMap((q) => q.series);
      expect(allSeries).toHaveLength(series);
      expect(allSeries.flatMap((s) => s.options)).toHaveLength(options);
      const text = encodeSurveyPayload(survey);
      expect(text).not.toBeNull();
      expect(text!.length).toBeLessThan(bound);
      expect(text!.length).toBeLessThanOrEqual(MAX_PAYLOAD_CHARS);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      const decoded = decodeSurveyPayload(text!);
      expect(decoded).toEqual({ ok: true, value: survey });
    },
  );

  it('keeps the printed figures exactly: "38.07%" stays 38.07 with 2 decimals', () => {
    const decoded = decodeSurveyPayload(encodeSurveyPayload(eguan)!);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const option = decoded.value.questions[0]!.series[0]!.options[0]!;
    expect(option).toEqual({
      label: 'QQ (Tencent)',
      percent: { text: '38.07%', value: 38.07, decimals: 2, lowerBound: false },
      rank: null,
      omitted: false,
    });
    expect(decoded.value.questions[0]!.series[1]!.segment).toBe('Active users');
  });

  it('round-trips any survey within the bounds that fits in a link', () => {
    const text = fc.string({ maxLength: 40 });
    const percent = fc.record({
      text: fc.string({ maxLength: 10 }),
      value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      decimals: fc.integer({ min: 0, max: 20 }),
      lowerBound: fc.boolean(),
    });
    const survey = fc.record({
      format: fc.constant('distribution' as const),
      meta: fc.record({
        title: text,
        publisher: fc.option(text),
        date: fc.option(text),
        population: fc.option(text),
        source: fc.option(text),
        sourceUrl: fc.option(text),
      }),
      questions: fc.array(
        fc.record({
          id: text,
          text,
          declaredKind: fc.option(fc.constantFrom('single', 'multi', 'numeric', 'text' as const)),
          note: fc.option(text),
          series: fc.array(
            fc.record({
              segment: fc.option(text),
              base: fc.option(text),
              subgroup: fc.boolean(),
              baseN: fc.option(fc.nat()),
              options: fc.array(
                fc.record({
                  label: text,
                  percent: fc.option(percent),
                  rank: fc.option(fc.nat({ max: 1000 })),
                  omitted: fc.boolean(),
                }),
                { maxLength: 8 },
              ),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(survey, (s: PublishedSurvey) => {
        const encoded = encodeSurveyPayload(s);
        if (encoded === null) return;
        // -0 becomes 0 in JSON; compare as JSON does.
        expect(decodeSurveyPayload(encoded)).toEqual({
          ok: true,
          value: JSON.parse(JSON.stringify(s)),
        });
      }),
      { seed: 20130725, numRuns: 150 },
    );
  });

  it('is not made for a survey too big to carry (random labels do not compress)', () => {
    const random = mulberry32(42); // seeded: the "too big" survey is the same on every run
    const word = () =>
      Array.from({ length: 24 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join(
        '',
      );
    const big: PublishedSurvey = {
      ...eguan,
      questions: Array.from({ length: 40 }, (_, q) => ({
        id: `q${q}`,
        text: word(),
        declaredKind: null,
        note: null,
        series: [
          {
            segment: null,
            base: null,
            subgroup: false,
            baseN: null,
            options: Array.from({ length: 10 }, () => ({
              label: word(),
              percent: null,
              rank: null,
              omitted: false,
            })),
          },
        ],
      })),
    };
    // 440 random 24-letter words hold about 440 * 24 * log2(26) / 8 ≈ 6,200 bytes of entropy.
    expect(encodeSurveyPayload(big)).toBeNull();
  });

  it('is not made for a survey outside the bounds a link is decoded with', () => {
    const long = structuredClone(eguan);
    long.questions[0]!.series[0]!.options[0]!.label = 'x'.repeat(1001);
    expect(encodeSurveyPayload(long)).toBeNull();
  });

  it('leaves out keys that are not part of a survey', () => {
    const extra = { ...eguan, secret: 'kept out', meta: { ...eguan.meta, cache: [1, 2, 3] } };
    const decoded = decodeSurveyPayload(encodeSurveyPayload(extra)!);
    expect(decoded).toEqual({ ok: true, value: eguan });
  });
});

describe('a damaged or hostile link is refused with a clear message', () => {
  const good = encodeSurveyPayload(eguan)!;
  const goodBytes = fromBase64Url(good)!;
  const flipped = (at: number) => {
    const copy = goodBytes.slice();
    copy[at] = copy[at]! ^ 0x10;
    return toBase64Url(copy);
  };
  const envelope = (survey: unknown) => ({ v: 1, survey });
  const withOption = (option: unknown) =>
    envelope({
      ...eguan,
      questions: [
        {
          ...eguan.questions[0]!,
          series: [{ ...eguan.questions[0]!.series[0]!, options: [option] }],
        },
      ],
    });
  const option = eguan.questions[0]!.series[0]!.options[0]!;
  // 2 MB of spaces inside a JSON string: deflates to about 2 KB.
  const bomb = packText(`{"v":1,"pad":"${' '.repeat(2 * 1024 * 1024)}"}`);

  it.each([
    ['an empty payload', '', 'share-payload-empty', 'missing'],
    [
      'a character outside base64url',
      `${good.slice(0, 20)}$${good.slice(21)}`,
      'share-payload-not-base64',
      'damaged',
    ],
    [
      'standard base64 "+" and "/"',
      `${good.slice(0, 20)}+/${good.slice(22)}`,
      'share-payload-not-base64',
      'damaged',
    ],
    ['padding', `${good}=`, 'share-payload-not-base64', 'damaged'],
    [
      'a space from a line break in an email',
      `${good.slice(0, 30)} ${good.slice(30)}`,
      'share-payload-not-base64',
      'damaged',
    ],
    ['a length no bytes give (4k + 1)', 'AAAAA', 'share-payload-not-base64', 'damaged'],
    ['non-zero bits after the last byte', 'AB', 'share-payload-not-base64', 'damaged'],
    [
      'more text than any link carries',
      'A'.repeat(MAX_DECODE_CHARS + 1),
      'share-payload-too-long',
      'more than',
    ],
    [
      'bytes that are not zlib',
      toBase64Url(new TextEncoder().encode('{"v":1,"survey":{}}')),
      'share-payload-not-deflate',
      'damaged',
    ],
    [
      'a cut-off link (last 20 bytes lost)',
      toBase64Url(goodBytes.subarray(0, -20)),
      'share-payload-not-deflate',
      'damaged',
    ],
    [
      'a cut-off link (checksum half lost)',
      toBase64Url(goodBytes.subarray(0, -2)),
      'share-payload-not-deflate',
      'damaged',
    ],
    ['a changed checksum', flipped(goodBytes.length - 1), 'share-payload-checksum', 'checksum'],
    ['a changed header', flipped(0), 'share-payload-not-deflate', 'damaged'],
    [
      'valid zlib of text that is not JSON',
      packText('{"v":1,"survey":'),
      'share-payload-not-json',
      'damaged',
    ],
    [
      'valid zlib of bytes that are not UTF-8',
      toBase64Url(zlibSync(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d))),
      'share-payload-not-json',
      'damaged',
    ],
    ['JSON that is not an object', pack([1, 2, 3]), 'share-payload-not-json', 'damaged'],
    ['JSON null', pack(null), 'share-payload-not-json', 'damaged'],
    [
      'a newer payload version',
      pack({ v: 2, survey: eguan }),
      'share-payload-version',
      'version 2',
    ],
    ['no version', pack({ survey: eguan }), 'share-payload-shape', '"v" is missing'],
    ['no survey', pack({ v: 1 }), 'share-payload-shape', '"survey" is missing'],
    [
      'a respondent table instead',
      pack(envelope({ ...eguan, format: 'respondents' })),
      'share-payload-shape',
      '"format" is not one of the allowed values',
    ],
    [
      'a question kind that does not exist',
      pack(envelope({ ...eguan, questions: [{ ...eguan.questions[0], declaredKind: 'ranking' }] })),
      'share-payload-shape',
      '"questions[0].declaredKind" is not one of',
    ],
    [
      'a percent given as text',
      pack(withOption({ ...option, percent: { ...option.percent, value: '38.07' } })),
      'share-payload-shape',
      '"questions[0].series[0].options[0].percent.value" has the wrong type',
    ],
    [
      'an infinite percent (1e999)',
      packText(JSON.stringify(withOption(option)).replace('38.07,', '1e999,')),
      'share-payload-shape',
      'percent.value" has the wrong type',
    ],
    [
      'fractional decimals',
      pack(withOption({ ...option, percent: { ...option.percent, decimals: 1.5 } })),
      'share-payload-shape',
      'decimals',
    ],
    [
      'a missing label',
      pack(withOption({ ...option, label: undefined })),
      'share-payload-shape',
      '"questions[0].series[0].options[0].label" is missing',
    ],
    [
      'a label of 100,000 characters',
      pack(withOption({ ...option, label: 'x'.repeat(100_000) })),
      'share-payload-shape',
      'label" is too long',
    ],
    [
      '5,000 options in one series',
      pack(
        envelope({
          ...eguan,
          questions: [
            {
              ...eguan.questions[0],
              series: [
                {
                  ...eguan.questions[0]!.series[0],
                  options: Array.from({ length: 5000 }, () => option),
                },
              ],
            },
          ],
        }),
      ),
      'share-payload-shape',
      'has too many entries',
    ],
    [
      'a negative respondent count',
      pack(
        envelope({
          ...eguan,
          questions: [
            { ...eguan.questions[0], series: [{ ...eguan.questions[0]!.series[0], baseN: -5 }] },
          ],
        }),
      ),
      'share-payload-shape',
      'baseN" is too small',
    ],
    [
      'a zip bomb (2 MB of spaces in about 2 KB)',
      bomb,
      'share-payload-too-large',
      'more than 1 MB',
    ],
  ])('%s', (_what, text, code, words) => {
    const error = errorOf(decodeSurveyPayload(text));
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/^This link's survey data /);
    expect(error.message).toMatch(/ask the sender for the (link again|survey file)/i);
  });

  it('the zip bomb really is small and really would unpack past the cap', () => {
    expect(bomb.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    expect(2 * 1024 * 1024).toBeGreaterThan(MAX_INFLATED_BYTES);
  });

  it('never opens a changed survey after any single-bit change (checksum or inflate catches it)', () => {
    const codes = new Set<string>();
    let unchanged = 0;
    for (let at = 0; at < goodBytes.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = goodBytes.slice();
        copy[at] = copy[at]! ^ (1 << bit);
        const result = decodeSurveyPayload(toBase64Url(copy));
        if (result.ok) {
          // Only a bit DEFLATE never reads (padding after the last block) may change.
          expect(result.value, `byte ${at} bit ${bit}`).toEqual(eguan);
          unchanged++;
        } else codes.add(result.error.code);
      }
    }
    expect(unchanged).toBeLessThan(8);
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['share-payload-checksum', 'share-payload-not-deflate']),
    );
  });

  it('a "__proto__" key neither pollutes Object.prototype nor reaches the survey', () => {
    const json = JSON.stringify(envelope(eguan)).replace(
      '"meta":{',
      '"meta":{"__proto__":{"polluted":"yes","title":"forged"},"constructor":{"prototype":{"polluted":"yes"}},',
    );
    const result = decodeSurveyPayload(
      packText(`{"__proto__":{"polluted":"yes"},${json.slice(1)}`),
    );
    expect(result).toEqual({ ok: true, value: eguan });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value.meta)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value.meta, '__proto__')).toBe(false);
    expect(result.value.meta.title).toBe(eguan.meta.title);
  });
});

describe('the link alphabet and checksum', () => {
  it.each([
    [[], ''],
    [[0xfb], '-w'],
    [[0xfb, 0xff], '-_8'],
    [[0x66, 0x6f, 0x6f], 'Zm9v'],
    [[0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72], 'Zm9vYmFy'],
  ])('bytes %j are %j (RFC 4648 test vectors, url alphabet)', (bytes, text) => {
    expect(toBase64Url(Uint8Array.from(bytes))).toBe(text);
    expect(fromBase64Url(text)).toEqual(Uint8Array.from(bytes));
  });

  it.each([
    ['Wikipedia', 0x11e60398],
    ['', 0x00000001],
    ['a', 0x00620062],
  ])('the Adler-32 of %j is %i', (text, sum) => {
    expect(adler32(new TextEncoder().encode(text))).toBe(sum);
  });

  it('the Adler-32 of 100,000 bytes of 0xff is 0x149a302c, as zlib computes it', () => {
    // CPython: zlib.adler32(b"\xff" * 100000) == 0x149a302c (sums wrap many times)
    expect(adler32(new Uint8Array(100_000).fill(0xff))).toBe(0x149a302c);
  });
});
