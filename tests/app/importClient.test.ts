import { describe, expect, it } from 'vitest';
import { completeLines } from '../../src/app/importClient';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('the preview head of a large file', () => {
  it.each([
    [
      'UTF-8: cut after the last line feed',
      bytes(0x61, 0x0a, 0x62, 0x0a, 0x63),
      false,
      bytes(0x61, 0x0a, 0x62, 0x0a),
    ],
    [
      'CRLF: the CR stays with its line',
      bytes(0x61, 0x0d, 0x0a, 0x62),
      false,
      bytes(0x61, 0x0d, 0x0a),
    ],
    [
      'UTF-16LE: both bytes of the line break stay',
      bytes(0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x62, 0x00),
      false,
      bytes(0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00),
    ],
    [
      'UTF-16BE: both bytes of the line break stay',
      bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a, 0x00, 0x62),
      false,
      bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a),
    ],
    ['a whole file is left as it is', bytes(0x61, 0x0a, 0x62), true, bytes(0x61, 0x0a, 0x62)],
    ['a head without any line break is left as it is', bytes(0x61, 0x62), false, bytes(0x61, 0x62)],
  ])('%s', (_name, head, whole, expected) => {
    expect([...completeLines(head, whole)]).toEqual([...expected]);
  });
});
