// Equity history and strategy reports on a real engine trading a paper account against the exchange simulator: the
// snapshot taken when a trade closes, the report written when the strategy is switched off, and both through the contract.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { AccountView, EquityHistory, ReportListing, StrategyConfigView, SymbolPnl } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';
import { simulator, until } from '../exchange/harness';

let sim: Simulator;
let stopFeed: () => void;
let engine: Engine;
const dir = tempDir('cockpit-markets-history-');

async function call(name: string, input?: unknown): Promise<unknown> {
  const r = await engine.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

beforeAll(async () => {
  sim = await simulator();
  stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 20, volatility: 0.004, seed: 7 });
  engine = createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('history test') });
});
afterAll(async () => {
  stopFeed();
  if (engine.db.open) await engine.shutdown('test done');
  await sim.close();
  dir.cleanup();
});

describe('equity history and reports of a paper strategy', () => {
  it('snapshots the account when a trade closes, and reports the strategy when it is switched off', async () => {
    const paper = AccountView.parse(await call('markets.addAccount', { exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: sim.httpUrl, paperBalance: 5_000 }));
    const strategy = StrategyConfigView.parse(await call('markets.configureStrategy', { strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: paper.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 1_000 }));
    engine.strategies.setEnabled(`strategy:${strategy.id}`, true);
    const equity = async () => EquityHistory.parse(await call('history.equity', { scope: paper.id, range: 'session' })).points;
    await until(async () => (await equity()).length >= 1, 45_000, 200);
    const trades = async () => SymbolPnl.array().parse(await call('markets.pnlBySymbol')).find((p) => p.accountId === paper.id)?.trades ?? 0;
    expect(await trades()).toBeGreaterThanOrEqual(1);
    // Cash plus the coins at their mark: a few trades of 1,000 on a random walk move 5,000 by little.
    const [first] = await equity();
    expect(first!.equity).toBeGreaterThan(4_900);
    expect(first!.equity).toBeLessThan(5_100);

    engine.strategies.setEnabled(`strategy:${strategy.id}`, false);
    await until(async () => ReportListing.parse(await call('history.reports', { limit: 5 })).reports.length >= 1, 10_000, 100);
    const { reports, lastError } = ReportListing.parse(await call('history.reports', { limit: 5 }));
    expect(lastError).toBeNull();
    expect(reports[0]!.report).toMatchObject({ trigger: 'strategy', subject: expect.stringContaining('sma-cross · BTCUSDT 1s · Paper'), reason: 'switched off', rounds: { live: null, dryRun: null } });
    expect(reports[0]!.report.trades!.rounds).toBeGreaterThanOrEqual(1);
    expect(readFileSync(reports[0]!.file, 'utf8')).toMatch(/## Exchange trades\n\n- Trades: \d+/);

    const shutdown = await engine.shutdown('test done');
    expect(shutdown.problems).toEqual([]);
  }, 90_000);
});
