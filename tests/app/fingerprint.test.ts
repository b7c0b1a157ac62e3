import { describe, expect, it } from 'vitest';
import { checkFingerprint, fingerprintBytes } from '../../src/app/fingerprint';

const bytes = (text: string) => new TextEncoder().encode(text);
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('a file fingerprint is the SHA-256 of its bytes', () => {
  // FIPS 180-2 / NIST test vectors.
  it.each([
    {
      what: 'no bytes',
      text: '',
      hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
    { what: '"abc"', text: 'abc', hex: ABC },
    {
      what: 'the 56-letter NIST message',
      text: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      hex: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    },
    {
      what: 'a million "a"s',
      text: 'a'.repeat(1_000_000),
      hex: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    },
  ])('of $what is $hex', async ({ text, hex }) => {
    expect(await fingerprintBytes(bytes(text))).toBe(hex);
  });

  it('hashes only the view of a larger buffer, not the buffer behind it', async () => {
    const buffer = bytes('xxabcxx');
    expect(await fingerprintBytes(buffer.subarray(2, 5))).toBe(ABC);
  });
});

describe('checking a file against the fingerprint a link carries', () => {
  it.each([
    ['the same bytes', ABC],
    ['the fingerprint in upper case', ABC.toUpperCase()],
  ])('accepts %s', async (_what, expected) => {
    expect(await checkFingerprint(expected, bytes('abc'))).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['a file one byte different', 'abd'],
    ['the same text with a final line break', 'abc\n'],
    ['the same text with a byte order mark', '\uFEFFabc'],
  ])('refuses %s, telling the user to ask for the original file', async (_what, text) => {
    expect(await checkFingerprint(ABC, bytes(text))).toEqual({
      ok: false,
      error: {
        code: 'share-fingerprint-mismatch',
        message:
          'This is not the file the link was made from (its fingerprint differs). Ask the sender for the original file.',
      },
    });
  });

  it.each([
    ['empty', ''],
    ['cut short', ABC.slice(0, 63)],
    ['one digit too many', `${ABC}0`],
    ['not hexadecimal', ABC.replace('b', 'g')],
    ['with spaces', ` ${ABC}`],
  ])('calls a fingerprint that is %s a damaged link', async (_what, expected) => {
    const result = await checkFingerprint(expected, bytes('abc'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('share-fingerprint-invalid');
      expect(result.error.message).toContain("This link's file fingerprint is damaged");
    }
  });
});
