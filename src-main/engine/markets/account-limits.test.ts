import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/store/database';
import { StrategyStateRepo } from '../../adapters/store/strategy-state-repo';
import { AccountLimits, AccountLimitsConfig } from './account-limits';

const DAY = 86_400_000;
const cfg = AccountLimitsConfig.parse({ maxPositions: 2, dailyLoss: 0.05, maxDrawdown: 0.2 });

describe('AccountLimits: shared per account, persisted', () => {
  it('max positions, daily loss from the day start, drawdown from the peak; a new process remembers day start and peak', () => {
    const db = openDatabase(':memory:');
    const limits = () => new AccountLimits(new StrategyStateRepo(db), () => cfg);
    const t0 = 10 * DAY;
    expect(limits().check('a', { openPositions: 0, equity: 1_000, now: t0 })).toBeNull();
    expect(limits().check('a', { openPositions: 2, equity: 1_000, now: t0 })).toMatch(/2 positions already open/);
    expect(limits().check('a', { openPositions: 0, equity: 1_200, now: t0 + 1 })).toBeNull(); // peak 1 200, day start still 1 000
    expect(limits().check('a', { openPositions: 0, equity: 950, now: t0 + 2 })).toMatch(/daily loss/);
    // Next day: a new day start, but the peak (1 200) is remembered: 950 is more than 20% below it.
    expect(limits().check('a', { openPositions: 0, equity: 959, now: t0 + DAY })).toMatch(/drawdown/);
    expect(limits().check('a', { openPositions: 0, equity: 961, now: t0 + DAY + 1 })).toBeNull();
    // Accounts do not share state.
    expect(limits().check('b', { openPositions: 0, equity: 10, now: t0 + DAY })).toBeNull();
  });
});
