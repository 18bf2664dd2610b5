// Stay informed, end to end: a session recorded by the engine (rounds played, an autopilot session stopped, a
// shutdown), then `cockpit headless` on that data folder shows the equity history chart and the session reports.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountView, type AutopilotState } from '../../src-shared/contract';
import { startDemoFeed } from '../../src-main/adapters/exchange/simulator/demo-feed';
import { startSimulator, type Simulator } from '../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../src-main/adapters/secrets/scrypt-cipher';
import { SignalRecorder } from '../../src-main/adapters/store/signal-recorder';
import { EquityRepo } from '../../src-main/adapters/store/equity-repo';
import { createEngine, type Engine } from '../../src-main/engine/engine';
import { openCockpitSession, type CockpitSession } from '../support/cockpit-session';
import { openCockpit } from '../support/ui-helpers';
import { tempDir } from '../support/temp-dir';

const SHOTS = 'test-results';
const HOUR = 3_600_000;
const EARLIER = 36;

const autopilotState = (running: boolean): AutopilotState => ({
  running,
  profile: 'Practice game',
  source: { url: 'ws://127.0.0.1:8765', state: running ? 'open' : 'closed', reconnects: 0, lastMessageAt: null, detail: null },
  queueLength: 0,
  current: null,
  game: null,
  stopping: null,
});

/** Plays dry-run rounds into the engine's store the way the autopilot records them, and publishes each result. */
function playRounds(engine: Engine, results: number[]): void {
  const signals = new SignalRecorder(engine.db);
  const executions = engine.autopilot.executions;
  results.forEach((pnl, i) => {
    const roundId = `h-${i + 1}`;
    const at = Date.now();
    // Received a little before the Bet click it led to (in dry run, the click the gate refused).
    const receivedAt = at - 25 - 3 * i;
    const signal = { timestamp: receivedAt, target: 1 + Math.max(pnl, 0.2), range: null, bet: true, roundId, stake: 1 };
    const signalId = signals.record('ws://127.0.0.1:8765', JSON.stringify(signal), receivedAt, { verdict: 'accepted', signal });
    const e = executions.create({ signalId, roundId, mode: 'dry-run', bet: true, stake: 1, target: signal.target, at });
    executions.transition(e.id, 'WAITING_FOR_ROUND', at, null);
    engine.actions.record({ kind: 'refused-click', target: 'bet', mode: 'dry-run', reason: `bet round ${roundId}; refused: dry run: no click sent`, executionId: e.id, at });
    executions.transition(e.id, 'PLACED_BET', at, null);
    executions.transition(e.id, 'MONITORING', at, null);
    const done = executions.transition(e.id, pnl > 0 ? 'CASHOUT_EXECUTED' : 'CRASHED', at + 1_000, null, { pnl, ...(pnl > 0 ? { cashoutAt: 1 + pnl } : {}) });
    engine.bus.emit('execution.updated', done);
  });
}

describe('stay informed: equity history and session reports', () => {
  const dir = tempDir('cockpit-history-');
  let session: CockpitSession;
  let page: Page;
  let sim: Simulator;
  let stopFeed: () => void;
  let paper: AccountView;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A first run of the engine on this data folder: the history it leaves is what the cockpit must show.
    const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('e2e'), startMarkets: false });
    await engine.dispatch('system.dismissSetupGuide', undefined);
    // A paper account on the exchange simulator, with the equity its earlier trading left.
    sim = await startSimulator();
    stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 60_000 }, everyMs: 50, volatility: 0.003, seed: 5 });
    const added = await engine.dispatch('markets.addAccount', { exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: sim.httpUrl, paperBalance: 10_000 });
    if (!added.ok) throw new Error(added.error.message);
    paper = AccountView.parse(added.data);
    // Earlier rounds, a few hours back, with the snapshot each left: the all-time chart has a history to draw.
    const equity = new EquityRepo(engine.db);
    const start = Date.now() - 3 * HOUR;
    for (let i = 0; i < EARLIER; i++) {
      const at = start + i * 5 * 60_000;
      const won = Math.sin(i / 4) > -0.35;
      const e = engine.autopilot.executions.create({ signalId: null, roundId: `early-${i}`, mode: 'dry-run', bet: true, stake: 1, target: 1.6, at });
      for (const s of ['WAITING_FOR_ROUND', 'PLACED_BET', 'MONITORING'] as const) engine.autopilot.executions.transition(e.id, s, at, null);
      engine.autopilot.executions.transition(e.id, won ? 'CASHOUT_EXECUTED' : 'CRASHED', at + 2_000, null, won ? { cashoutAt: 1.6, pnl: 0.6 } : { pnl: -1 });
      equity.record('crash:dry-run', at + 2_000, equity.crashCumulativePnl('dry-run'));
      equity.record(paper.id, at, 10_000 + Math.round(Math.sin(i / 5) * 4_000 + i * 150) / 100);
    }
    engine.bus.emit('autopilot.state', autopilotState(true));
    playRounds(engine, [0.5, -1, 0.25, 1.1, -1, 0.4, 0.8]);
    // As AutopilotService.stop does: the audit row with the reason, then the state.
    engine.actions.record({ kind: 'autopilot', target: 'stop', mode: 'dry-run', reason: 'user stopped the autopilot' });
    engine.bus.emit('autopilot.state', autopilotState(false));
    expect((await engine.shutdown('e2e: first run over')).problems).toEqual([]);
    expect(readdirSync(join(dir.path, 'reports')).filter((f) => f.endsWith('.md'))).toHaveLength(2);

    session = await openCockpitSession(['headless', '--port', '0', '--data', dir.path], {}, { width: 1440, height: 1100 });
    ({ page } = session);
    await openCockpit(page, session.cockpit.url);
  });

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
    stopFeed?.();
    await sim?.close();
    dir.cleanup();
  });

  it('charts the recorded equity in the P&L panel, by range', async () => {
    const history = page.getByTestId('crash-equity-history');
    await history.waitFor();
    expect(await history.getByLabel('Equity history of').inputValue()).toBe('crash:dry-run');
    // All time: the earlier snapshots and one per round played.
    await expect.poll(() => page.getByTestId('crash-equity-history-chart').getAttribute('data-points')).toBe(String(EARLIER + 7));
    // This headless session has played nothing yet.
    await history.getByRole('button', { name: 'Session', exact: true }).click();
    await expect.poll(() => history.textContent()).toContain('No equity recorded here yet');
    await history.getByRole('button', { name: 'All time', exact: true }).click();
    await expect.poll(() => page.getByTestId('crash-equity-history-chart').getAttribute('data-points')).toBe(String(EARLIER + 7));
    // The chart drew (a canvas with pixels), not only its container.
    await expect.poll(() => page.getByTestId('crash-equity-history-chart').locator('canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await page.locator('section.pnl').screenshot({ path: join(SHOTS, 'ui-equity-history.png') });
  });

  it('lists the session reports, newest first, with what they counted', async () => {
    const rows = page.getByTestId('reports-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trigger')))).toEqual(['shutdown', 'autopilot']);
    const autopilot = rows.nth(1);
    expect(await autopilot.textContent()).toContain('autopilot: Practice game');
    expect(await autopilot.textContent()).toContain('7 dry-run rounds');
    // +0.5 −1 +0.25 +1.1 −1 +0.4 +0.8 = +1.05, simulated; 5 of 7 won.
    expect(await autopilot.textContent()).toContain('+1.05 (sim.)');
    expect(await autopilot.textContent()).toContain('71.4%');
    expect(await autopilot.textContent()).toContain('user stopped the autopilot');
    // Signal → click p50 of 25, 28, … 43 ms.
    expect(await autopilot.textContent()).toContain('34 ms');
    expect(await rows.nth(0).textContent()).toContain('e2e: first run over');
    await page.locator('section.reports').screenshot({ path: join(SHOTS, 'ui-session-reports.png') });
    await page.screenshot({ path: join(SHOTS, 'ui-history-autopilot.png'), fullPage: true });
    expect(session.errors).toEqual([]);
  });

  it('charts each account’s equity under its P&L in the Markets view', async () => {
    await page.getByRole('button', { name: 'Markets', exact: true }).click();
    const history = page.getByTestId('account-equity-history');
    await history.waitFor();
    expect(await history.getByLabel('Equity history of').inputValue()).toBe(paper.id);
    await expect.poll(() => page.getByTestId('account-equity-history-chart').getAttribute('data-points')).toBe(String(EARLIER));
    await page.waitForTimeout(300);
    await page.getByRole('region', { name: 'P&L per symbol' }).screenshot({ path: join(SHOTS, 'ui-account-equity-history.png') });
    expect(session.errors).toEqual([]);
  });
});
