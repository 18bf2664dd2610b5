import { describe, expect, it } from 'vitest';
import { betRefusal } from './bet-limits';

const limits = { maxStake: 10, dailyLossLimit: 50, maxConsecutiveLosses: 3, maxBetsPerHour: 20 };
const calm = { todayPnl: 0, consecutiveLosses: 0, betsLastHour: 0 };

describe('betRefusal', () => {
  it('allows a bet inside every limit', () => {
    expect(betRefusal(10, limits, calm)).toBeNull();
  });
  it.each([
    [11, calm, /exceeds the max stake 10/],
    [0, calm, /not a positive amount/],
    [Number.NaN, calm, /not a positive amount/],
    [5, { ...calm, todayPnl: -46 }, /daily loss limit: today −46.00/],
    [5, { ...calm, consecutiveLosses: 3 }, /3 losses in a row/],
    [5, { ...calm, betsLastHour: 20 }, /20 bets in the last hour/],
  ])('refuses stake %s with %o', (stake, history, reason) => {
    expect(betRefusal(stake, limits, history)).toMatch(reason);
  });
  it('allows a bet that would land exactly on the daily loss limit', () => {
    expect(betRefusal(5, limits, { ...calm, todayPnl: -45 })).toBeNull();
  });
});
