import { describe, expect, it } from 'vitest';
import { formatMultiplier, formatPercent, signedMoney } from './format';

describe('signedMoney', () => {
  it('marks gains with ▲ and a plus sign', () => {
    expect(signedMoney(12.5)).toEqual({ icon: '▲', text: '+12.50', tone: 'up', spoken: 'gain 12.50' });
  });
  it('marks losses with ▼ and a real minus sign', () => {
    expect(signedMoney(-3)).toEqual({ icon: '▼', text: '−3.00', tone: 'down', spoken: 'loss 3.00' });
  });
  it('treats values that round to zero as even, never "−0.00"', () => {
    expect(signedMoney(-0.001).text).toBe('0.00');
    expect(signedMoney(-0.001).icon).toBe('■');
  });
});

describe('multiplier and percent', () => {
  it('formats with two decimals and a dash for missing values', () => {
    expect(formatMultiplier(2)).toBe('2.00×');
    expect(formatMultiplier(null)).toBe('—');
    expect(formatPercent(0.5)).toBe('50.0%');
    expect(formatPercent(null)).toBe('—');
  });
});
