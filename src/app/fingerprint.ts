// A file's fingerprint: the SHA-256 of its bytes, as 64 lowercase hex digits.
// A share link names a survey too big to carry by it, so the recipient can be
// told whether the file they open is the one the link was made from. Web
// Crypto (crypto.subtle) is in every browser, in Workers and in Node 20.
import { problem } from '../core/messages';
import { fail, ok } from '../core/result';
import type { Result } from '../core/result';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** SHA-256 of the bytes as lowercase hex: "abc" -> "ba7816bf…f20015ad". */
export async function fingerprintBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Whether `bytes` are the file whose fingerprint a link carries. Upper-case hex
 * in the link is accepted; anything that is not 64 hex digits is a damaged link.
 */
export async function checkFingerprint(expected: string, bytes: Uint8Array): Promise<Result<void>> {
  if (!HEX_SHA256.test(expected)) {
    return fail(problem('share-fingerprint-invalid'));
  }
  const actual = await fingerprintBytes(bytes);
  if (actual !== expected.toLowerCase()) {
    return fail(problem('share-fingerprint-mismatch'));
  }
  return ok(undefined);
}
