import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { ExecutionsRepo } from '../../../src-main/adapters/store/executions-repo';
import { pnlSummary } from '../../../src-main/engine/autopilot/pnl-summary';
import { tempDir } from '../../support/temp-dir';

describe('crash P&L from the executions table', () => {
  const dir = tempDir();
  afterEach(() => dir.cleanup());

  it('sums session, today, all-time and per-day figures per mode, and keeps dry-run apart from live', () => {
    const db = openDatabase(join(dir.path, 'p.sqlite'));
    const repo = new ExecutionsRepo(db);
    const day = (d: number, h: number) => new Date(2026, 10, d, h).getTime();
    const play = (round: string, at: number, mode: 'live' | 'dry-run', won: boolean, stake = 2) => {
      const e = repo.create({ signalId: null, roundId: round, mode, bet: true, stake, target: 2, at });
      for (const s of ['WAITING_FOR_ROUND', 'PLACED_BET', 'MONITORING'] as const) repo.transition(e.id, s, at, null);
      repo.transition(e.id, won ? 'CASHOUT_EXECUTED' : 'CRASHED', at + 1000, null, won ? { cashoutAt: 2.01, pnl: 2.02 } : { pnl: -stake });
    };
    play('1', day(20, 10), 'live', true);
    play('2', day(20, 11), 'live', false);
    play('3', day(21, 9), 'live', true);
    play('4', day(21, 10), 'dry-run', false, 50);
    const summary = pnlSummary(repo, 'live', day(21, 0), day(21, 12));
    expect(summary).toMatchObject({ session: 2.02, today: 2.02, allTime: 2.04, wins: 2, losses: 1 });
    expect(summary.winRate).toBeCloseTo(2 / 3);
    expect(summary.daily).toEqual([
      { day: '2026-11-21', pnl: 2.02, wins: 1, losses: 0 },
      { day: '2026-11-20', pnl: 0.02, wins: 1, losses: 1 },
    ]);
    expect(summary.equity.map((p) => p.equity)).toEqual([2.02, 0.02, 2.04]);
    expect(pnlSummary(repo, 'dry-run', 0, day(21, 12))).toMatchObject({ allTime: -50, wins: 0, losses: 1 });
    db.close();
  });
});
