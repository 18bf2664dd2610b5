// A markets service booted from its parts on a SQLite file, against the exchange simulator: boot it, drop it without a
// shutdown (a SIGKILL as far as the venue and the file can tell) or close it, and boot another on the same file.
import { marketsStores } from '../../support/markets-stores';
import { sqliteSafety } from '../../support/safety';
import { ActionsRepo } from '../../../src-main/adapters/store/actions-repo';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { SettingsRepo } from '../../../src-main/adapters/store/settings-repo';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import type { SimVenue } from '../../../src-main/adapters/exchange/simulator/venue';
import { bybitOrder } from '../../../src-main/adapters/exchange/simulator/bybit-routes';
import type { EngineOrder } from '../../../src-main/core/exchange/matching/engine-types';
import { StrategyStateRepo } from '../../../src-main/adapters/store/strategy-state-repo';
import type { Kline } from '../../../src-main/core/exchange/types';
import { EventBus } from '../../../src-main/engine/event-bus';
import { MarketsService } from '../../../src-main/engine/markets/markets-service';
import type { SafetyService } from '../../../src-main/engine/services/safety-service';
import { StrategyToggles } from '../../../src-main/engine/services/strategy-toggles';
import type { AccountExchange } from '../../../src-shared/contract';
import { afterEach, beforeEach } from 'vitest';
import type { SimulatorOptions } from '../../../src-main/adapters/exchange/simulator/server';
import { KEY, simulator, tempDir } from '../exchange/harness';

export type Venue = Exclude<AccountExchange, 'paper'>;
export const VENUES: readonly Venue[] = ['binance-spot', 'binance-futures', 'bybit'];

const cipher = new ScryptCipher('protection test');

export interface Booted {
  readonly db: Db;
  readonly markets: MarketsService;
  readonly safety: SafetyService;
  readonly toggles: StrategyToggles;
  readonly settings: SettingsRepo;
  readonly actions: ActionsRepo;
  readonly toasts: string[];
}

/**
 * Per test: a simulator priced at BTCUSDT 100 / ETHUSDT 10 with funded spot, futures and Bybit accounts, a fresh SQLite
 * file, and every service booted on it shut down afterwards. Registers the vitest hooks: call it at file level.
 */
export function simulatorAndFile(opts: SimulatorOptions = {}) {
  const env = { booted: [] as Booted[] } as { sim: Simulator; tmp: ReturnType<typeof tempDir>; booted: Booted[]; start(): Promise<Booted> };
  env.start = async () => {
    const b = await boot(env.tmp.file);
    env.booted.push(b);
    return b;
  };
  beforeEach(async () => {
    env.sim = await simulator(opts);
    env.sim.futures.engine.deposit('USDT', 100_000);
    env.sim.trade('BTCUSDT', 100);
    env.sim.trade('ETHUSDT', 10);
    env.tmp = tempDir();
  });
  afterEach(async () => {
    for (const b of env.booted.splice(0)) await shutdown(b).catch(() => undefined);
    await env.sim.close();
    env.tmp.cleanup();
  });
  return env;
}

export async function boot(file: string): Promise<Booted> {
  const db = openDatabase(file);
  const settings = new SettingsRepo(db);
  const bus = new EventBus();
  const toasts: string[] = [];
  bus.on('toast', (t) => toasts.push(t.message));
  const actions = new ActionsRepo(db);
  const safety = sqliteSafety(db, actions);
  const toggles = new StrategyToggles(settings);
  const markets = new MarketsService({ ...marketsStores(db, settings, cipher), actions, settings, bus, safety, toggles, healthEveryMs: 60_000, userStream: { staleAfterMs: 1_500, backoff: { initialMs: 50, maxMs: 200 } } });
  markets.open();
  await markets.start();
  return { db, markets, safety, toggles, settings, actions, toasts };
}

/** Graceful: what the app does on quit. */
export async function shutdown(b: Booted): Promise<void> {
  await b.markets.close();
  b.db.close();
}

export function venueOf(sim: Simulator, v: Venue): SimVenue {
  return v === 'binance-spot' ? sim.binance : v === 'binance-futures' ? sim.futures : sim.bybit;
}

/** A testnet account on the simulator and a strategy that enters on its first candle, risk profile on, 1 000 USDT per trade. */
export async function protectedStrategy(b: Booted, sim: Simulator, v: Venue) {
  const account = await b.markets.addAccount({ exchange: v, environment: 'testnet', label: v, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl, paperBalance: 0 });
  const config = b.markets.configureStrategy({ strategy: 'external-signal', params: { signals: [{ time: 0, action: 'enter' }] }, accountId: account.id, symbol: 'BTCUSDT', interval: '1h', quotePerTrade: 1_000, riskProfile: true, feeRate: 0.001 });
  b.toggles.setEnabled(`strategy:${config.id}`, true);
  return { account, config };
}

let clock = 1_800_000_000_000;
/** A closed 1h candle (the simulator's own streams never close one in a test). */
export function candle(close: number, range = 0.002): Kline {
  const openTime = (clock += 3_600_000);
  return { symbol: 'BTCUSDT', interval: '1h', openTime, closeTime: openTime + 3_599_999, open: close, high: close * (1 + range), low: close * (1 - range), close, volume: 10, closed: true };
}

/** What rests at the venue for BTCUSDT: stops and take-profits, as the venue itself reports them. */
export function resting(sim: Simulator, v: Venue) {
  const open = venueOf(sim, v).engine.openOrders('BTCUSDT');
  return { stops: open.filter((o) => o.type === 'STOP_MARKET'), targets: open.filter((o) => o.type === 'TAKE_PROFIT_MARKET') };
}

/** The bodies of every POST the simulated Bybit receives on `path`, from now on. */
export function bybitRequests(sim: Simulator, path = '/v5/order/create'): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  sim.bybit.onRequest = (r) => {
    if (r.method === 'POST' && r.path === path) seen.push(JSON.parse(r.rawBody) as Record<string, unknown>);
  };
  return seen;
}

/** A stop Bybit made itself from an entry's tpsl, as the venue reports it: no orderLinkId of ours, stopOrderType StopLoss. */
export const venueMade = (o: EngineOrder): boolean => bybitOrder(o).orderLinkId === '' && bybitOrder(o).stopOrderType === 'StopLoss';

/** The protection journal's steps for a strategy. */
export const journalSteps = (b: Booted, configId: string): string[] => new StrategyStateRepo(b.db).journalOf(configId).map((r) => r.step);
