// Session reports from a real SQLite file to real files: what they count, and that no disk problem reaches trading or shutdown.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportFiles } from '../../../src-main/adapters/reports/report-files';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { SignalRecorder } from '../../../src-main/adapters/store/signal-recorder';
import { ActionsRepo } from '../../../src-main/adapters/store/actions-repo';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { ExecutionsRepo } from '../../../src-main/adapters/store/executions-repo';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { ReportRowsRepo } from '../../../src-main/adapters/store/report-rows-repo';
import { createEngine } from '../../../src-main/engine/engine';
import { SessionReports } from '../../../src-main/engine/history/session-reports';
import { SessionReport } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';

const T0 = Date.UTC(2026, 11, 4, 20, 0, 0);

describe('session reports', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let clock: number;
  let alerts: string[];

  beforeEach(() => {
    dir = tempDir('cockpit-reports-');
    db = openDatabase(join(dir.path, 'cockpit.sqlite'));
    clock = T0;
    alerts = [];
  });
  afterEach(() => {
    if (db.open) db.close();
    dir.cleanup();
  });

  const reports = (files = new ReportFiles(join(dir.path, 'reports')), writeTimeoutMs?: number) =>
    new SessionReports({ rows: new ReportRowsRepo(db), files, now: () => clock, alert: (m) => alerts.push(m), ...(writeTimeoutMs ? { writeTimeoutMs } : {}) });

  /** One round as the autopilot records it: the signal, the execution, the Bet click (refused in dry run) and the result. */
  const round = (roundId: string, mode: 'live' | 'dry-run', outcome: number | 'limit' | 'error', receivedAt: number, clickAfterMs: number) => {
    const signals = new SignalRecorder(db);
    const executions = new ExecutionsRepo(db);
    const actions = new ActionsRepo(db);
    const signal = { timestamp: receivedAt, target: 2, range: null, bet: true, roundId, stake: 1 };
    const signalId = signals.record('ws://test', JSON.stringify(signal), receivedAt, { verdict: 'accepted', signal });
    const e = executions.create({ signalId, roundId, mode, bet: true, stake: 1, target: 2, at: receivedAt });
    if (outcome === 'limit') return executions.transition(e.id, 'SKIPPED', receivedAt + 1, 'limit', { reason: 'refused by limit: 5 losses in a row' });
    executions.transition(e.id, 'WAITING_FOR_ROUND', receivedAt, null);
    const at = receivedAt + clickAfterMs;
    if (mode === 'live') actions.record({ kind: 'click', target: 'bet', mode, reason: 'bet', executionId: e.id, at, detail: { latencyMs: 3 } });
    else actions.record({ kind: 'refused-click', target: 'bet', mode, reason: 'bet; refused: dry run: no click sent', executionId: e.id, at });
    executions.transition(e.id, 'PLACED_BET', at, null);
    if (outcome === 'error') return executions.transition(e.id, 'FAILED', at + 5, 'error', { reason: 'error: capture failed' });
    executions.transition(e.id, 'MONITORING', at, null);
    return executions.transition(e.id, outcome > 0 ? 'CASHOUT_EXECUTED' : 'CRASHED', at + 1000, null, { pnl: outcome, ...(outcome > 0 ? { cashoutAt: 1 + outcome } : {}) });
  };

  it('writes Markdown and JSON for an autopilot session: rounds, P&L, win rate, best and worst, limits, errors, latency', async () => {
    round('old', 'live', 5, T0 - 60_000, 10);
    round('r1', 'live', 0.5, T0 + 1_000, 40);
    round('r2', 'live', -1, T0 + 2_000, 20);
    round('r3', 'live', 1.25, T0 + 3_000, 30);
    round('r4', 'live', 'limit', T0 + 4_000, 0);
    round('r5', 'live', 'error', T0 + 5_000, 50);
    round('d1', 'dry-run', 3, T0 + 6_000, 10);
    new ActionsRepo(db).record({ kind: 'autopilot', target: 'game-mismatch', mode: 'live', reason: 'the game no longer looks as learned', at: T0 + 7_000 });
    clock = T0 + 60_000;
    const path = await reports().write({ trigger: 'autopilot', subject: 'Practice game', reason: 'user stopped the autopilot', from: T0, trades: 'none' });
    expect(path).toBe(join(dir.path, 'reports', '2026-12-04T20-01-00Z-autopilot-practice-game.md'));
    const md = readFileSync(path!, 'utf8');
    expect(md).toContain('- Rounds: 3 (2 won, 1 lost; 2 signals not played)');
    expect(md).toContain('- P&L: +0.75');
    expect(md).toContain('- Win rate: 66.7%');
    expect(md).toContain('- Best: round r3, +1.25');
    expect(md).toContain('- Worst: round r2, −1.00');
    expect(md).toContain('## Crash rounds (dry run, simulated)');
    const json = SessionReport.parse(JSON.parse(readFileSync(path!.replace(/\.md$/, '.json'), 'utf8')));
    expect(json.limitsHit.recent.map((e) => e.what)).toEqual(['round r4: refused by limit: 5 losses in a row']);
    expect(json.errors.recent.map((e) => e.what)).toEqual(['round r5: error: capture failed', 'autopilot: the game no longer looks as learned']);
    // Signal → click over the window (live clicks and dry-run would-be clicks); the old round is outside it.
    expect(json.latency.signalToClickMs).toEqual({ n: 5, p50: 30, p90: 50, p99: 50, max: 50 });
    expect(json.latency.clickMs).toEqual({ n: 4, p50: 3, p90: 3, p99: 3, max: 3 });
    expect(alerts).toEqual([]);
  });

  it('counts a strategy’s own closed trades, including one opened before its session, and no other strategy’s', async () => {
    const store = new OrderStore(db, 'paper-1');
    const order = (id: string, strategy: string) => store.upsert({ clientOrderId: id, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', status: 'FILLED', quantity: 1, filledQty: 1, reduceOnly: false, updatedAt: T0 }, { strategy });
    for (const [id, strategy] of [['a1', 'cfg-a'], ['a2', 'cfg-a'], ['a3', 'cfg-a'], ['a4', 'cfg-a'], ['b1', 'cfg-b'], ['b2', 'cfg-b']] as const) order(id, strategy);
    const fill = (id: string, side: 'BUY' | 'SELL', price: number, at: number) => store.addFill({ clientOrderId: id, tradeId: `${id}-t`, symbol: 'BTCUSDT', side, price, quantity: 1, fee: 0, at }, true);
    fill('a1', 'BUY', 100, T0 - 10_000);
    fill('a2', 'SELL', 110, T0 + 1_000);
    fill('a3', 'BUY', 100, T0 + 2_000);
    fill('a4', 'SELL', 95, T0 + 3_000);
    fill('b1', 'BUY', 10, T0 + 1_500);
    fill('b2', 'SELL', 50, T0 + 2_500);
    clock = T0 + 10_000;
    const path = await reports().write({ trigger: 'strategy', subject: 'sma-cross · BTCUSDT 1s · Paper', reason: 'switched off', from: T0, trades: { accountId: 'paper-1', strategy: 'cfg-a' } });
    const json = SessionReport.parse(JSON.parse(readFileSync(path!.replace(/\.md$/, '.json'), 'utf8')));
    expect(json.trades).toMatchObject({ rounds: 2, wins: 1, losses: 1, pnl: 5, best: { pnl: 10 }, worst: { pnl: -5 } });
    expect(json.rounds).toEqual({ live: null, dryRun: null });
  });

  it('lists the newest reports first, skipping files that are not reports, and keeps two reports of the same second', async () => {
    const r = reports();
    await r.write({ trigger: 'autopilot', subject: 'A', reason: 'x', from: T0, trades: 'none' });
    clock += 1_000;
    await r.write({ trigger: 'shutdown', subject: '', reason: 'SIGTERM', from: T0, trades: 'all' });
    await r.write({ trigger: 'shutdown', subject: '', reason: 'SIGTERM again', from: T0, trades: 'all' });
    writeFileSync(join(dir.path, 'reports', '9999-not-a-report.json'), '{"hello": 1}');
    writeFileSync(join(dir.path, 'reports', '9999-truncated.json'), '{"version": 1, "trig');
    const listing = await r.list(10);
    expect(listing.reports.map((x) => x.report.reason)).toEqual(['SIGTERM again', 'SIGTERM', 'x']);
    expect(listing.reports[0]!.file).toMatch(/2026-12-04T20-00-01Z-shutdown-2\.md$/);
    expect(listing.lastError).toBeNull();
    expect((await r.list(1)).reports).toHaveLength(1);
  });

  it('records a clear error when the folder cannot be written, and never rejects', async () => {
    // A file where the folder should be: mkdir fails for every user, root included.
    writeFileSync(join(dir.path, 'reports'), 'not a folder');
    const r = reports();
    await expect(r.write({ trigger: 'autopilot', subject: 'A', reason: 'x', from: T0, trades: 'none' })).resolves.toBeNull();
    expect(alerts).toEqual([expect.stringMatching(/^Session report \(autopilot A\) not written: .*(EEXIST|ENOTDIR)/)]);
    expect((await r.list(5)).lastError).toMatch(/cannot be read: ENOTDIR/);
  });

  it('gives up on a disk that is full or does not answer, within the timeout', async () => {
    const full = { dir: 'x', write: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })), list: async () => [] };
    await expect(reports(full as unknown as ReportFiles).write({ trigger: 'shutdown', subject: '', reason: 'x', from: T0, trades: 'all' })).resolves.toBeNull();
    expect(alerts.at(-1)).toMatch(/ENOSPC: no space left on device/);
    const hung = { dir: 'x', write: () => new Promise<string>(() => {}), list: async () => [] };
    const started = Date.now();
    await expect(reports(hung as unknown as ReportFiles, 100).write({ trigger: 'shutdown', subject: '', reason: 'x', from: T0, trades: 'all' })).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(alerts.at(-1)).toMatch(/did not answer within 100 ms/);
  });

  it('a closed store is an error in the report, not an exception', async () => {
    db.close();
    await expect(reports().write({ trigger: 'shutdown', subject: '', reason: 'x', from: T0, trades: 'all' })).resolves.toBeNull();
    expect(alerts[0]).toMatch(/not written: .*(not open|closed)/i);
  });
});

describe('session reports from the engine', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir('cockpit-engine-reports-')));
  afterEach(() => dir.cleanup());

  it('writes a shutdown report into the data folder’s reports/', async () => {
    const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('t'), startMarkets: false });
    expect(await engine.dispatch('history.reports', { limit: 5 })).toMatchObject({ ok: true, data: { reports: [], lastError: null } });
    const report = await engine.shutdown('test over');
    expect(report.problems).toEqual([]);
    const files = readdirSync(join(dir.path, 'reports'));
    expect(files.filter((f) => f.endsWith('.md'))).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-shutdown-engine\.md$/)]);
    expect(readFileSync(join(dir.path, 'reports', files.find((f) => f.endsWith('.md'))!), 'utf8')).toContain('(test over)');
  });

  it('reports an unwritable reports folder as a shutdown problem, and still closes the store cleanly', async () => {
    const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('t'), startMarkets: false });
    writeFileSync(join(dir.path, 'reports'), 'a file, not a folder');
    const report = await engine.shutdown('test over');
    expect(report.problems).toEqual([expect.stringMatching(/^Session report \(shutdown engine\) not written: /)]);
    expect(engine.db.open).toBe(false);
    // The store was still closed properly: it reopens and recorded the shutdown.
    const db = openDatabase(join(dir.path, 'cockpit.sqlite'));
    expect(new ActionsRepo(db).recent(5).map((a) => a.kind)).toContain('shutdown');
    db.close();
    expect(existsSync(join(dir.path, 'reports'))).toBe(true);
  });
});
