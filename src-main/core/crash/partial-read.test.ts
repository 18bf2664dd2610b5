import { describe, expect, it } from 'vitest';
import { partialReadCandidates, pointLostValue } from './partial-read';

describe('partialReadCandidates', () => {
  it('fills the one covered glyph with every digit, wherever it is (reads of the rocket skin, 2026-12-05)', () => {
    expect(partialReadCandidates('x2.Q3', 2)).toEqual([2.03, 2.13, 2.23, 2.33, 2.43, 2.53, 2.63, 2.73, 2.83, 2.93]);
    expect(partialReadCandidates('xQ.72', 2)).toEqual([0.72, 1.72, 2.72, 3.72, 4.72, 5.72, 6.72, 7.72, 8.72, 9.72]);
    expect(partialReadCandidates('x1.8p', 2)).toHaveLength(10);
    expect(partialReadCandidates('12.Q5×', 2)).toEqual([12.05, 12.15, 12.25, 12.35, 12.45, 12.55, 12.65, 12.75, 12.85, 12.95]);
  });

  it('a covered leading digit of a longer number is never nothing', () => {
    expect(partialReadCandidates('Q2.50x', 2)).toEqual([12.5, 22.5, 32.5, 42.5, 52.5, 62.5, 72.5, 82.5, 92.5]);
  });

  it('says nothing of whole numbers, two covered glyphs, another format or other text', () => {
    expect(partialReadCandidates('x2.13', 2)).toBeNull();
    expect(partialReadCandidates('xQ.Q3', 2)).toBeNull();
    expect(partialReadCandidates('x2.Q', 1)).toEqual([2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9]);
    expect(partialReadCandidates('x2.Q3', 1)).toBeNull();
    expect(partialReadCandidates('FLEW AWAY!', 2)).toBeNull();
    expect(partialReadCandidates('x2.Q3', 0)).toBeNull();
  });

  it('a read that lost only its point stands for one value (orbit with letter-spacing -9px: every frame from 2.00x)', () => {
    expect(partialReadCandidates('227x', 2)).toEqual([2.27]);
    expect(partialReadCandidates('x1206', 2)).toEqual([12.06]);
    expect(partialReadCandidates('21', 1)).toEqual([2.1]);
  });
});

describe('pointLostValue', () => {
  it('puts the point back before the decimals the flight shows', () => {
    expect(pointLostValue('227x', 2)).toBe(2.27);
    expect(pointLostValue('×100', 2)).toBe(1);
    expect(pointLostValue('123456', 2)).toBe(1234.56);
  });

  it('says nothing of other text, too few or too many digits, a leading zero or a game with no decimals', () => {
    for (const text of ['2.27x', '22', '0', '1234567', '027x', 'x2Q7', 'CRASHED']) expect(pointLostValue(text, 2), text).toBeNull();
    expect(pointLostValue('227', 0)).toBeNull();
  });
});
