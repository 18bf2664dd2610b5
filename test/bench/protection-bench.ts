/**
 * Protection benchmarks (part of `npm run bench:exchange`), on the exchange simulator over 127.0.0.1 with real signatures:
 *  1. entry-to-protection-acknowledged per venue: from the closed candle reaching the strategy trader to the venue's
 *     acknowledgement of the stop (and take-profit tiers where they rest), through the markets service. p50/p99.
 *  2. restart-to-reconciled with 50 open strategy positions: a new markets service on the same SQLite file, from
 *     construction until every account is reconciled and every strategy has checked its position and protection
 *     (5 stops dropped at the venue while down, so re-creation is included).
 */
import { marketsStores } from '../support/markets-stores';
import { sqliteSafety } from '../support/safety';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ActionsRepo } from '../../src-main/adapters/store/actions-repo';
import { openDatabase } from '../../src-main/adapters/store/database';
import { SettingsRepo } from '../../src-main/adapters/store/settings-repo';
import { ScryptCipher } from '../../src-main/adapters/secrets/scrypt-cipher';
import { startSimulator, type Simulator } from '../../src-main/adapters/exchange/simulator/server';
import type { Kline } from '../../src-main/core/exchange/types';
import { EventBus } from '../../src-main/engine/event-bus';
import { MarketsService } from '../../src-main/engine/markets/markets-service';
import { StrategyToggles } from '../../src-main/engine/services/strategy-toggles';

const KEY = { apiKey: 'bench-trade-key', secret: 'bench-trade-secret-0123', canWithdraw: false };
const VENUES = ['binance-spot', 'binance-futures', 'bybit'] as const;
const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function sim(): Promise<Simulator> {
  const s = await startSimulator({ keys: [KEY] });
  for (const v of [s.binance, s.futures, s.bybit]) v.engine.deposit('USDT', 10_000_000);
  s.trade('BTCUSDT', 100);
  return s;
}

function boot(file: string) {
  const db = openDatabase(file);
  const settings = new SettingsRepo(db);
  const actions = new ActionsRepo(db);
  const safety = sqliteSafety(db, actions);
  const toggles = new StrategyToggles(settings);
  const markets = new MarketsService({ ...marketsStores(db, settings, new ScryptCipher('bench')), actions, settings, bus: new EventBus(), safety, toggles, healthEveryMs: 60_000 });
  markets.open();
  return { db, markets, toggles, close: async () => (await markets.close(), db.close()) };
}

let clock = 1_800_000_000_000;
const bar = (close: number): Kline => {
  const openTime = (clock += 3_600_000);
  return { symbol: 'BTCUSDT', interval: '1h', openTime, closeTime: openTime + 3_599_999, open: close, high: close, low: close, close, volume: 1, closed: true };
};

async function entryToProtected(venue: (typeof VENUES)[number], entries: number): Promise<void> {
  const s = await sim();
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-bench-'));
  const b = boot(join(dir, 'c.db'));
  try {
    await b.markets.start();
    const account = await b.markets.addAccount({ exchange: venue, environment: 'testnet', label: venue, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: s.httpUrl, paperBalance: 0 });
    // Enter on even bars, leave on odd ones: every entry is a fresh position to protect.
    const times = Array.from({ length: entries * 2 }, (_, i) => clock + (i + 1) * 3_600_000);
    const signals = times.map((time, i) => ({ time, action: i % 2 === 0 ? ('enter' as const) : ('exit' as const) }));
    const config = b.markets.configureStrategy({ strategy: 'external-signal', params: { signals }, accountId: account.id, symbol: 'BTCUSDT', interval: '1h', quotePerTrade: 100, riskProfile: true, feeRate: 0.001 });
    b.toggles.setEnabled(`strategy:${config.id}`, true);
    const trader = b.markets.trader(config.id)!;
    const samples: number[] = [];
    for (let i = 0; i < entries * 2; i++) {
      const t0 = performance.now();
      await trader.enqueue(bar(100));
      if (i % 2 === 0) {
        if (trader.position()?.stopPrice !== 85) throw new Error(`${venue}: entry ${i / 2} not protected: ${trader.lastEvent}`);
        samples.push(performance.now() - t0);
      }
    }
    samples.sort((a, b2) => a - b2);
    console.log(`entry-to-protection-acknowledged ${venue.padEnd(15)} n=${samples.length} p50=${ms(pct(samples, 50))} p99=${ms(pct(samples, 99))} max=${ms(samples.at(-1)!)}  (market entry, fill, stop${venue === 'binance-spot' ? '' : ' + 2 take-profit tiers'} acknowledged)`);
  } finally {
    await b.close();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function restartToReconciled(positions: number): Promise<void> {
  const s = await sim();
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-bench-'));
  const file = join(dir, 'c.db');
  try {
    const a = boot(file);
    await a.markets.start();
    const accounts = await Promise.all(VENUES.map((v) => a.markets.addAccount({ exchange: v, environment: 'testnet', label: v, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: s.httpUrl, paperBalance: 0 })));
    const entry = bar(100);
    for (let i = 0; i < positions; i++) {
      const config = a.markets.configureStrategy({ strategy: 'external-signal', params: { signals: [{ time: 0, action: 'enter' }] }, accountId: accounts[i % accounts.length]!.id, symbol: 'BTCUSDT', interval: '1h', quotePerTrade: 100, riskProfile: true, feeRate: 0.001 });
      a.toggles.setEnabled(`strategy:${config.id}`, true);
      await a.markets.trader(config.id)!.enqueue(entry);
    }
    await a.close();
    // While down, the venue loses five stops.
    const stops = s.futures.engine.openOrders('BTCUSDT').filter((o) => o.type === 'STOP_MARKET').slice(0, 5);
    for (const o of stops) s.futures.engine.cancel(o.clientOrderId);
    const t0 = performance.now();
    const b = boot(file);
    await b.markets.start();
    const took = performance.now() - t0;
    const held = b.markets.listStrategies().filter((c) => b.markets.trader(c.id)?.position()).length;
    const resting = [s.binance, s.futures, s.bybit].reduce((n, v) => n + v.engine.openOrders('BTCUSDT').filter((o) => o.type === 'STOP_MARKET').length, 0);
    console.log(`restart-to-reconciled with ${positions} open positions on 3 venues: ${ms(took)} (${held} positions resumed, ${resting} stops resting, ${stops.length} re-created)`);
    await b.close();
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function protectionBench(): Promise<void> {
  // 40 per venue: each enter/exit pair reads balances (weight 20 on spot) and must stay inside one minute's 6 000 weight.
  for (const v of VENUES) await entryToProtected(v, 40);
  await restartToReconciled(50);
}
