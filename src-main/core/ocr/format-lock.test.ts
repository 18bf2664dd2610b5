import { describe, expect, it } from 'vitest';
import { FormatLock } from './format-lock';

describe('FormatLock', () => {
  it('accepts anything until three reads in a row agree, then only that many decimals', () => {
    const lock = new FormatLock();
    for (const text of ['1.43x', '1.5x', '1.51x', '1.52x', '1.53x']) {
      expect(lock.accepts(text)).toBe(true);
      lock.confirm(text);
    }
    expect(lock.decimals).toBe(2);
    expect(lock.accepts('143x')).toBe(false);
    expect(lock.accepts('1.4x')).toBe(false);
    expect(lock.accepts('1,234.56x')).toBe(true);
  });

  it('locks whole-number displays too', () => {
    const lock = new FormatLock();
    for (const text of ['2x', '3x', '4x']) lock.confirm(text);
    expect(lock.accepts('5x')).toBe(true);
    expect(lock.accepts('5.00x')).toBe(false);
  });

  it('can start locked', () => {
    const lock = new FormatLock(2);
    expect(lock.accepts('372x')).toBe(false);
    lock.confirm('3x');
    expect(lock.accepts('4x')).toBe(false);
    expect(lock.accepts('3.72x')).toBe(true);
  });
});
