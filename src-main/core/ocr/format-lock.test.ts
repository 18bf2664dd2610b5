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

  it('a lock taken from one value held still yields to three distinct values with other decimals', () => {
    const lock = new FormatLock();
    // A game that drops trailing zeros holds 1x at the start of a flight that goes on as 1.01x.
    for (const text of ['1x', '1x', '1x', '1x']) lock.confirm(text);
    expect(lock.decimals).toBe(0);
    for (const text of ['1.01x', '1.01x', '1.02x']) lock.refused(text);
    expect(lock.accepts('1.03x')).toBe(false);
    lock.refused('1.03x');
    expect(lock.decimals).toBe(2);
    expect(lock.accepts('1.04x')).toBe(true);
    // A lock on values seen changing does not yield.
    lock.shown('1.10x');
    for (const text of ['14x', '15x', '16x', '17x']) lock.refused(text);
    expect(lock.decimals).toBe(2);
    expect(lock.accepts('18x')).toBe(false);
  });

  it('a lock on one value is made firm by another in its decimals: a crash value left on screen, then a trimmed flight', () => {
    const lock = new FormatLock();
    for (let i = 0; i < 3; i++) lock.confirm('2.35x');
    for (const text of ['1.01x', '1.02x']) lock.shown(text);
    for (const text of ['1.1x', '1.2x', '1.3x']) lock.refused(text);
    expect(lock.decimals).toBe(2);
    expect(lock.dropsTrailingZeros).toBe(true);
    expect(lock.accepts('1.31x')).toBe(true);
  });

  it('learns a display that drops trailing zeros (2.3x for 2.30) from three shorter values refused, and dates them as cents', () => {
    const lock = new FormatLock();
    for (const text of ['1.01x', '1.02x', '1.03x']) lock.confirm(text);
    expect(lock.decimals).toBe(2);
    for (const text of ['1.1x', '1.1x', '1.2x']) lock.refused(text);
    expect(lock.accepts('1.3x')).toBe(false);
    lock.refused('1.3x');
    expect(lock.dropsTrailingZeros).toBe(true);
    expect(lock.accepts('1.4x')).toBe(true);
    expect(lock.accepts('2x')).toBe(true);
    expect(lock.accepts('1.41x')).toBe(true);
    // Its decimals are still the game's: 1.4x is 1.40, a step of a cent, not of a tenth.
    expect(lock.decimalsOf('1.4x')).toBe(2);
    // A trimmed display never writes a trailing zero, and never more decimals than it was locked to.
    expect(lock.accepts('1.40x')).toBe(false);
    expect(lock.accepts('1.401x')).toBe(false);
  });

  it('never takes a display that has shown a trailing zero for one that drops them: shorter reads stay misreads', () => {
    const lock = new FormatLock();
    for (const text of ['1.08x', '1.09x', '1.10x']) lock.confirm(text);
    lock.shown('1.10x');
    for (const text of ['1.1x', '1.2x', '1.3x', '14x', '2x']) lock.refused(text);
    expect(lock.dropsTrailingZeros).toBe(false);
    expect(lock.accepts('1.4x')).toBe(false);
    expect(lock.decimalsOf('1.4x')).toBe(1);
  });

  it('a format known from an earlier session holds from the first read, and no read overturns it', () => {
    // orbit at letter-spacing -9px: a session that starts mid-flight reads 200x, 202x, 203x with the point lost.
    const shown = FormatLock.known({ decimals: 2, trailingZeros: 'shown' });
    for (const text of ['200x', '202x', '203x', '206x']) {
      expect(shown.accepts(text), text).toBe(false);
      shown.refused(text);
      shown.confirm(text);
    }
    expect(shown.dropsTrailingZeros).toBe(false);
    expect(shown.decimals).toBe(2);
    expect(shown.accepts('2.07x')).toBe(true);
    expect(shown.holds({ decimals: 2, trailingZeros: 'shown' })).toBe(true);
    expect(shown.holds({ decimals: 2, trailingZeros: 'dropped' })).toBe(false);
    // dawn + trim=1 holds a frozen x1 while betting: a game known to drop its zeros shows 1.00 so.
    const dropped = FormatLock.known({ decimals: 2, trailingZeros: 'dropped' });
    expect(['x1', '1.1x', '2.35x'].map((t) => dropped.accepts(t))).toEqual([true, true, true]);
    expect(dropped.accepts('1.10x')).toBe(false);
    expect(dropped.decimalsOf('x1')).toBe(2);
    // A lock learned in the session is not a known one.
    expect(new FormatLock(2).holds({ decimals: 2, trailingZeros: 'shown' })).toBe(false);
  });

  it('says what the game does with trailing zeros once it has shown which', () => {
    const lock = new FormatLock();
    for (const text of ['1.08x', '1.09x']) lock.confirm(text);
    expect(lock.trailingZeros).toBeNull();
    lock.shown('1.10x');
    expect(lock.trailingZeros).toBe('shown');
    const trimmed = new FormatLock(2);
    for (const text of ['1.1x', '1.2x', '1.3x']) trimmed.refused(text);
    expect(trimmed.trailingZeros).toBe('dropped');
  });

  it('can start locked', () => {
    const lock = new FormatLock(2);
    expect(lock.accepts('372x')).toBe(false);
    lock.confirm('3x');
    expect(lock.accepts('4x')).toBe(false);
    expect(lock.accepts('3.72x')).toBe(true);
  });
});
