import { describe, expect, it } from 'vitest';
import { autoCashoutEntry, stakeEntry } from './game-fields';

describe('autoCashoutEntry', () => {
  it('keeps a two-decimal target exactly, despite binary floating point', () => {
    expect(autoCashoutEntry(1.5)).toBe(1.5);
    expect(autoCashoutEntry(2.01)).toBe(2.01);
    expect(autoCashoutEntry(1.1 + 0.2)).toBe(1.3);
  });

  it('rounds a finer target up, never below what the signal asked for', () => {
    expect(autoCashoutEntry(1.234)).toBe(1.24);
    expect(autoCashoutEntry(4.9999)).toBe(5);
  });
});

describe('stakeEntry', () => {
  it('writes amounts the way a game field accepts them', () => {
    expect(stakeEntry(1)).toBe('1');
    expect(stakeEntry(0.1 + 0.2)).toBe('0.3');
    expect(stakeEntry(12.345)).toBe('12.35');
  });
});
