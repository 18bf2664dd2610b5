// The two exchange latency histograms on a headless cockpit's GET /metrics (in-process, a real engine on a SQLite file,
// the exchange simulator): every REST request of a Binance spot, a Binance USDⓈ-M and a Bybit testnet account is
// timed under its venue (a refused one as an error), and every market order sma-cross sends on a paper account is
// timed from the candle it acted on.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { DEMO_MARKET } from '../../../src-main/cli/commands/demo';
import { DEMO_SMA_CROSS } from '../../../src-main/engine/demo/demo-seed';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { startHeadless, type HeadlessShell } from '../../../src-main/headless/headless-shell';
import { buildClient, contract, type CockpitCalls, type Result } from '../../../src-shared/contract';
import { histogramCount, histogramSeries, observations, parsePrometheus } from '../../support/prometheus-text';
import { tempDir } from '../../support/temp-dir';
import { KEY, simulator, until } from '../exchange/harness';

const REST = 'cockpit_rest_latency_seconds';
const TICK = 'cockpit_tick_to_order_seconds';

const dir = tempDir('cockpit-latency-');
let sim: Simulator;
let stopFeed: (() => void) | undefined;
let shell: HeadlessShell<{ engine: Engine }>;
let calls: CockpitCalls;

async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

/** The /metrics text as a scraper gets it; parsed too, so a malformed exposition fails here. */
async function scrape(): Promise<string> {
  const res = await fetch(`${new URL(shell.url).origin}/metrics`, { headers: { Authorization: `Bearer ${shell.token}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  parsePrometheus(text);
  return text;
}

beforeAll(async () => {
  sim = await simulator();
  sim.futures.engine.deposit('USDT', 50_000);
  shell = await startHeadless({
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(dir.path, 'no-renderer'),
    openEngine: () => ({ engine: createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('latency test'), startMarkets: false }) }),
  });
  calls = buildClient(contract, shell.opened.engine.dispatch);
}, 30_000);

afterAll(async () => {
  stopFeed?.();
  await shell?.opened.engine.shutdown('test done');
  await sim?.close();
  dir.cleanup();
});

describe('exchange latency histograms on GET /metrics', () => {
  it('times every REST request by venue, and a refused one as an error', async () => {
    const before = await scrape();
    for (const venue of ['binance-spot', 'binance-futures', 'bybit']) expect(histogramCount(before, REST, { venue }), venue).toBe(0);

    // Adding a key checks it (withdraw permission, then a balance read): REST requests to each venue.
    for (const exchange of ['binance-spot', 'binance-futures', 'bybit'] as const) {
      await must(calls.markets.addAccount({ exchange, environment: 'testnet', label: `Sim ${exchange}`, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl }));
    }
    const added = await scrape();
    for (const venue of ['binance-spot', 'binance-futures', 'bybit']) {
      expect(histogramCount(added, REST, { venue, outcome: 'ok' }), venue).toBeGreaterThanOrEqual(2);
      expect(histogramCount(added, REST, { venue, outcome: 'error' }), venue).toBe(0);
    }
    // Only venue and outcome: no path, account or id can grow the series.
    expect(histogramSeries(added, REST).every((s) => Object.keys(s.labels).sort().join() === 'outcome,venue')).toBe(true);
    expect(histogramSeries(added, REST)).toHaveLength(6);

    // One 503 on Bybit's balance read (one-shot): the read is retried; the refused attempt counts as an error, the retry as ok.
    const bybit = (await must(calls.markets.listAccounts())).find((a) => a.exchange === 'bybit')!;
    const okBefore = histogramCount(added, REST, { venue: 'bybit', outcome: 'ok' });
    sim.bybit.faults.inject('/v5/account/wallet-balance', { kind: 'status', status: 503 });
    await must(calls.markets.balances({ id: bybit.id }));
    const refused = await scrape();
    expect(histogramCount(refused, REST, { venue: 'bybit', outcome: 'error' })).toBe(1);
    // At least the retry: the account's own background requests (user-data stream set-up) may add more.
    expect(histogramCount(refused, REST, { venue: 'bybit', outcome: 'ok' })).toBeGreaterThanOrEqual(okBefore + 1);
    expect(histogramCount(refused, REST, { venue: 'binance-futures', outcome: 'error' })).toBe(0);
  }, 60_000);

  it("times each of a paper strategy's market orders from the closed candle it acted on", async () => {
    const { engine } = shell.opened;
    expect(observations(parsePrometheus(await scrape()), TICK)).toBe(0);
    const paper = await must(calls.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: sim.httpUrl, paperBalance: 10_000 }));
    const strategy = await must(calls.markets.configureStrategy({ strategy: 'sma-cross', params: DEMO_SMA_CROSS, accountId: paper.id, symbol: 'BTCUSDT', interval: '1s', riskProfile: true }));
    await must(calls.app.setStrategyEnabled({ id: `strategy:${strategy.id}`, enabled: true }));
    // The demo's market, started with the strategy: its first entry comes within 5 s (demo-feed.test.ts).
    stopFeed = startDemoFeed(sim, DEMO_MARKET);
    const trader = () => engine.markets.trader(strategy.id);
    await until(() => (trader()?.orders ?? 0) > 0, 20_000, 50);
    await must(calls.app.setStrategyEnabled({ id: `strategy:${strategy.id}`, enabled: false }));
    await trader()!.idle();

    const families = parsePrometheus(await scrape());
    // Every market order the loop sent (entries and exits), each once; protective stops are not strategy decisions.
    expect(observations(families, TICK)).toBe(trader()!.orders);
    const tick = families.find((f) => f.name === TICK)!.metrics[0]!;
    // In-process paper venue: the balance and limit reads before an entry take milliseconds, never seconds.
    expect(Number(tick.sum)).toBeGreaterThan(0);
    expect(Number(tick.sum) / trader()!.orders).toBeLessThan(1);
  }, 60_000);
});
