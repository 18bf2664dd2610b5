// Equity snapshots on a real SQLite file: the repo, the recorder fed by the engine's own events, and the contract call.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Execution } from '../../../src-shared/contract';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { EquityRepo } from '../../../src-main/adapters/store/equity-repo';
import { ExecutionsRepo } from '../../../src-main/adapters/store/executions-repo';
import { EventBus } from '../../../src-main/engine/event-bus';
import { EquityRecorder } from '../../../src-main/engine/history/equity-recorder';
import { historyHandlers } from '../../../src-main/engine/history/history-handlers';
import type { SessionReports } from '../../../src-main/engine/history/session-reports';
import { tempDir } from '../../support/temp-dir';

describe('equity history', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let repo: EquityRepo;
  let executions: ExecutionsRepo;
  let bus: EventBus;
  let clock: number;
  let recorder: EquityRecorder | undefined;

  beforeEach(() => {
    dir = tempDir('cockpit-equity-');
    db = openDatabase(join(dir.path, 'cockpit.sqlite'));
    repo = new EquityRepo(db);
    executions = new ExecutionsRepo(db);
    bus = new EventBus();
    clock = Date.UTC(2026, 11, 4, 12);
  });
  afterEach(() => {
    recorder?.stop();
    db.close();
    dir.cleanup();
  });

  const play = (round: string, mode: 'live' | 'dry-run', pnl: number): Execution => {
    const e = executions.create({ signalId: null, roundId: round, mode, bet: true, stake: 1, target: 2, at: clock });
    for (const s of ['WAITING_FOR_ROUND', 'PLACED_BET', 'MONITORING'] as const) executions.transition(e.id, s, clock, null);
    return executions.transition(e.id, pnl > 0 ? 'CASHOUT_EXECUTED' : 'CRASHED', clock, null, { pnl, ...(pnl > 0 ? { cashoutAt: 1 + pnl } : {}) });
  };

  it('stores snapshots per scope and reads a time range back in order, across a reopen of the file', () => {
    repo.record('crash', 3_000, 2);
    repo.record('crash', 1_000, 1);
    repo.record('paper-1', 2_000, 10_000);
    repo.record('crash', 5_000, 3);
    db.close();
    db = openDatabase(join(dir.path, 'cockpit.sqlite'));
    repo = new EquityRepo(db);
    expect(repo.history('crash', 0, 4_000)).toEqual([
      { t: 1_000, equity: 1 },
      { t: 3_000, equity: 2 },
    ]);
    expect(repo.history('paper-1', 0, 10_000)).toEqual([{ t: 2_000, equity: 10_000 }]);
    expect(repo.latest('crash')).toEqual({ t: 5_000, equity: 3 });
    expect(repo.latest('nobody')).toBeUndefined();
  });

  it('snapshots the cumulative P&L after each played round, once per round, live and dry run apart', () => {
    recorder = new EquityRecorder({ repo, bus, now: () => clock, everyMs: () => 3_600_000, accounts: () => [], accountEquity: async () => null, closedTrades: () => 0, log: () => {} });
    recorder.start();
    const first = play('r1', 'live', 0.5);
    bus.emit('execution.updated', first);
    // The same final row published again (the crash point noted afterwards) adds no second point.
    bus.emit('execution.updated', executions.noteMaxSeen(first.id, 3.2));
    clock += 1_000;
    bus.emit('execution.updated', play('r2', 'live', -1));
    clock += 1_000;
    bus.emit('execution.updated', play('r3', 'dry-run', 2));
    // A round still in flight or skipped is not a result.
    bus.emit('execution.updated', { ...first, id: 99, status: 'MONITORING' });
    expect(repo.history('crash', 0, clock)).toEqual([
      { t: clock - 2_000, equity: 0.5 },
      { t: clock - 1_000, equity: -0.5 },
    ]);
    expect(repo.history('crash:dry-run', 0, clock)).toEqual([{ t: clock, equity: 2 }]);
  });

  it('snapshots the game balance read off the screen after a live round, and nothing for a round without one', () => {
    recorder = new EquityRecorder({ repo, bus, now: () => clock, everyMs: () => 3_600_000, accounts: () => [], accountEquity: async () => null, closedTrades: () => 0, log: () => {} });
    recorder.start();
    bus.emit('round.ended', { roundId: 'r1', crashPoint: 2.4, cashoutAt: 2, target: 2, gameBalance: 1001.5 });
    clock += 1_000;
    bus.emit('round.ended', { roundId: 'r2', crashPoint: 1.2, cashoutAt: null, target: 2, gameBalance: null });
    bus.emit('round.ended', { roundId: 'r3', crashPoint: 1.3, cashoutAt: null, target: 2 });
    clock += 1_000;
    bus.emit('round.ended', { roundId: 'r4', crashPoint: 1.1, cashoutAt: null, target: 2, gameBalance: 1000.5 });
    expect(repo.history('crash:balance', 0, clock)).toEqual([
      { t: clock - 2_000, equity: 1001.5 },
      { t: clock, equity: 1000.5 },
    ]);
  });

  it('snapshots an account when a trade closes and on every tick, never for an account without a session', async () => {
    let closed = 0;
    const equity: Record<string, number | null> = { 'paper-1': 10_000, 'bin-2': null };
    recorder = new EquityRecorder({ repo, bus, now: () => clock, everyMs: () => 3_600_000, accounts: () => Object.keys(equity), accountEquity: async (id) => equity[id] ?? null, closedTrades: () => closed, log: () => {} });
    recorder.start();
    bus.emit('markets.changed', { accountId: 'paper-1', what: 'order' });
    await new Promise((r) => setImmediate(r));
    expect(repo.history('paper-1', 0, clock)).toEqual([]);
    closed = 1;
    equity['paper-1'] = 10_012.5;
    bus.emit('markets.changed', { accountId: 'paper-1', what: 'position' });
    await new Promise((r) => setImmediate(r));
    expect(repo.history('paper-1', 0, clock)).toEqual([{ t: clock, equity: 10_012.5 }]);
    clock += 300_000;
    await recorder.snapshotAccounts();
    expect(repo.history('paper-1', 0, clock).map((p) => p.equity)).toEqual([10_012.5, 10_012.5]);
    expect(repo.history('bin-2', 0, clock)).toEqual([]);
  });

  it('takes a snapshot every N minutes on its own', async () => {
    recorder = new EquityRecorder({ repo, bus, now: () => Date.now(), everyMs: () => 30, accounts: () => ['paper-1'], accountEquity: async () => 500, closedTrades: () => 0, log: () => {} });
    recorder.start();
    await expect.poll(() => repo.history('paper-1', 0, Date.now()).length, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
  });

  it('a failing store loses the snapshot and says so, but never throws into the event that fed it', () => {
    const logged: string[] = [];
    recorder = new EquityRecorder({ repo, bus, now: () => clock, everyMs: () => 3_600_000, accounts: () => [], accountEquity: async () => null, closedTrades: () => 0, log: (m) => logged.push(m) });
    recorder.start();
    const round = play('r1', 'live', 0.5);
    db.close();
    expect(() => bus.emit('execution.updated', round)).not.toThrow();
    expect(logged.join('\n')).toMatch(/equity snapshot not recorded: .*(not open|closed)/i);
    db = openDatabase(join(dir.path, 'cockpit.sqlite'));
  });

  it('answers the contract call for a session, a day or all time, thinned to the points asked for', async () => {
    const day = new Date(2026, 11, 4).getTime();
    for (let i = 0; i < 100; i++) repo.record('crash', day - 50_000 + i * 1_000, i);
    const sessionStart = day + 20_000;
    const handlers = historyHandlers({ equity: repo, reports: {} as SessionReports, sessionStart, now: () => day + 60_000 });
    const all = await handlers.equity({ scope: 'crash', range: 'all', maxPoints: 1000 });
    expect(all.points).toHaveLength(100);
    const today = await handlers.equity({ scope: 'crash', range: 'day', maxPoints: 1000 });
    expect(today.points[0]).toEqual({ t: day, equity: 50 });
    const session = await handlers.equity({ scope: 'crash', range: 'session', maxPoints: 10 });
    expect(session.points).toHaveLength(10);
    expect(session.points[0]).toEqual({ t: sessionStart, equity: 70 });
    expect(session.points.at(-1)).toEqual({ t: day + 49_000, equity: 99 });
  });
});
