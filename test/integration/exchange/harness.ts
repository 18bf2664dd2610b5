import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import { createBinanceSpot, type BinanceSpotSetup } from '../../../src-main/adapters/exchange/binance/binance-factory';
import { DEFAULT_SYMBOLS, startSimulator, type Simulator, type SimulatorOptions } from '../../../src-main/adapters/exchange/simulator/server';

export const KEY = { apiKey: 'sim-trade-key', secret: 'sim-trade-secret-0123456789', canWithdraw: false };
export const WITHDRAW_KEY = { apiKey: 'sim-withdraw-key', secret: 'sim-withdraw-secret', canWithdraw: true };

export async function simulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ keys: [KEY, WITHDRAW_KEY], ...opts });
  sim.binance.engine.deposit('USDT', 100_000);
  sim.bybit.engine.deposit('USDT', 100_000);
  return sim;
}

export function binanceOn(sim: Simulator, extra: Partial<BinanceSpotSetup> = {}) {
  return createBinanceSpot({
    httpUrl: sim.httpUrl,
    wsUrl: sim.wsUrl,
    credentials: { apiKey: KEY.apiKey, secret: KEY.secret },
    budgets: new RateBudgetRegistry(Date.now),
    symbols: DEFAULT_SYMBOLS,
    recvWindow: 1_000,
    timeoutMs: 1_000,
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 },
    unknownPollMs: 50,
    unknownMaxWaitMs: 5_000,
    ...extra,
  });
}

export function tempDir(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-exchange-'));
  return { dir, file: join(dir, 'cockpit.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5_000, stepMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/**
 * Per test: a simulator priced at BTCUSDT 100 (after `prepare`) and a fresh SQLite file, closed
 * afterwards. Registers the vitest hooks, so call it at file level and read `env.sim`/`env.db` in tests.
 */
export function simulatorWithDb(opts: SimulatorOptions = {}, prepare?: (sim: Simulator) => void): { readonly sim: Simulator; readonly db: Db } {
  const env = {} as { sim: Simulator; db: Db; tmp: ReturnType<typeof tempDir> };
  beforeEach(async () => {
    env.sim = await simulator(opts);
    prepare?.(env.sim);
    env.sim.trade('BTCUSDT', 100);
    env.tmp = tempDir();
    env.db = openDatabase(env.tmp.file);
  });
  afterEach(async () => {
    env.db.close();
    env.tmp.cleanup();
    await env.sim.close();
  });
  return env;
}
