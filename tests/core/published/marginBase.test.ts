import { describe, expect, it } from 'vitest';
import { marginBase } from '../../../src/core/published/marginBase';

describe('the base margins of error use', () => {
  it('is the stated base first, even when the user typed another', () => {
    expect(marginBase(1200, 500, 41)).toEqual({ n: 1200, from: 'stated' });
  });
  it('is the typed base where the file states none', () => {
    expect(marginBase(null, 500, 41)).toEqual({ n: 500, from: 'typed' });
  });
  it('is the smallest consistent base when nothing else is known', () => {
    expect(marginBase(null, null, 41)).toEqual({ n: 41, from: 'smallest' });
  });
  it('is none when no base is known, and never one that is not a whole number of people', () => {
    expect(marginBase(null, null, null)).toBeNull();
    expect(marginBase(0, 12.5, null)).toBeNull();
  });
});
