import { describe, expect, it } from 'vitest';
import type { TopicSwitches } from '../../../src-shared/contract';
import { ChannelFilter } from './channel-filter';
import type { Notice } from './notice';

const ALL: TopicSwitches = { rounds: true, safety: true, signals: true, errors: true, trades: true };
const round = (status: string, pnl: number | null, mode: 'live' | 'dry-run' = 'dry-run'): Notice => ({ topic: 'rounds', kind: 'round', at: 9, roundId: 'r', status, mode, bet: true, stake: 1, target: 2, cashoutAt: null, pnl, reason: null });
const kill: Notice = { topic: 'safety', kind: 'kill-switch', at: 1, engaged: true };

describe('ChannelFilter', () => {
  it('passes only the topics switched on; a test message always', () => {
    const f = new ChannelFilter({ topics: { ...ALL, safety: false }, roundDigestEvery: 1 });
    expect(f.accept(kill)).toEqual([]);
    expect(f.accept(round('CRASHED', -1))).toHaveLength(1);
    const off = new ChannelFilter({ topics: { rounds: false, safety: false, signals: false, errors: false, trades: false }, roundDigestEvery: 1 });
    expect(off.accept({ topic: 'test', kind: 'test', at: 1 })).toHaveLength(1);
    expect(off.accept(round('CRASHED', -1))).toEqual([]);
  });

  it('folds rounds into one digest every N, P&L per mode', () => {
    const f = new ChannelFilter({ topics: ALL, roundDigestEvery: 3 });
    expect(f.accept(round('CASHOUT_EXECUTED', 1, 'live'))).toEqual([]);
    expect(f.accept(round('CRASHED', -1))).toEqual([]);
    // Other topics are not held back by a digest.
    expect(f.accept(kill)).toEqual([kill]);
    expect(f.accept(round('SKIPPED', null))).toEqual([{ topic: 'rounds', kind: 'digest', at: 9, rounds: 3, won: 1, lost: 1, notPlayed: 1, pnl: { live: 1, dryRun: -1 } }]);
    expect(f.accept(round('CRASHED', -1))).toEqual([]);
  });
});
