// Constructors do no I/O and start no timers, on a real SQLite file: MarketsService registers its strategies'
// toggles and starts the stream-health timer in open(); an AccountSession reads its credentials, restores paper
// and marks lost paper orders EXPIRED in open(). The constructors of both only wire.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { ActionsRepo } from '../../../src-main/adapters/store/actions-repo';
import { AccountStore } from '../../../src-main/adapters/store/account-store';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { SettingsRepo } from '../../../src-main/adapters/store/settings-repo';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import { createEngine } from '../../../src-main/engine/engine';
import { EventBus } from '../../../src-main/engine/event-bus';
import { AccountSession } from '../../../src-main/engine/markets/account-session';
import { MarketsService } from '../../../src-main/engine/markets/markets-service';
import { StrategyConfigs } from '../../../src-main/engine/markets/strategy-configs';
import { StrategyToggles } from '../../../src-main/engine/services/strategy-toggles';
import { marketsStores } from '../../support/markets-stores';
import { recordingDesktop } from '../../support/recording-desktop';
import { sqliteSafety } from '../../support/safety';
import { tempDir } from '../../support/temp-dir';

const cipher = new ScryptCipher('markets open test');
let dir: ReturnType<typeof tempDir>;
let db: Db;
let settings: SettingsRepo;

beforeEach(() => {
  dir = tempDir('cockpit-markets-open-');
  db = openDatabase(`${dir.path}/cockpit.sqlite`);
  settings = new SettingsRepo(db);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  dir.cleanup();
});

describe('MarketsService.open', () => {
  it('the constructor registers no toggle and starts no timer; open() does both, once; close() stops the timer', async () => {
    const account = new AccountStore(db, settings, cipher).add({ exchange: 'paper', environment: 'paper', label: 'Paper one', baseUrl: 'http://127.0.0.1:9', paperBalance: 1_000 });
    const config = new StrategyConfigs(settings).save({ strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: account.id, symbol: 'BTCUSDT', interval: '1m', quotePerTrade: 100, riskProfile: true, feeRate: 0.001 });
    // Left ticked by the last run: open() reads it back.
    settings.set('strategies.enabled', { [`strategy:${config.id}`]: true });
    const actions = new ActionsRepo(db);
    const toggles = new StrategyToggles(settings);
    vi.useFakeTimers();

    const markets = new MarketsService({ ...marketsStores(db, settings, cipher), actions, settings, bus: new EventBus(), safety: sqliteSafety(db, actions), toggles, healthEveryMs: 50 });
    expect(toggles.list()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);

    markets.open();
    expect(toggles.list()).toEqual([{ id: `strategy:${config.id}`, label: `sma-cross · BTCUSDT 1m · Paper one`, kind: 'strategy', enabled: true }]);
    expect(vi.getTimerCount()).toBe(1);
    markets.open();
    expect(vi.getTimerCount()).toBe(1);

    await markets.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the engine opens it also when it does not start the markets (`cockpit autopilot`): the strategies have their toggles', async () => {
    const account = new AccountStore(db, settings, cipher).add({ exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: 'http://127.0.0.1:9', paperBalance: 1_000 });
    const config = new StrategyConfigs(settings).save({ strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: account.id, symbol: 'BTCUSDT', interval: '1m', riskProfile: true, feeRate: 0.001 });
    const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher, desktop: recordingDesktop(), startMarkets: false });
    try {
      expect(engine.status().strategies.map((t) => t.id)).toContain(`strategy:${config.id}`);
    } finally {
      await engine.shutdown('test done');
    }
  });
});

describe('AccountSession.open', () => {
  it('a paper session restores from the store in open(), not in the constructor: a lost order turns EXPIRED then', () => {
    const accounts = new AccountStore(db, settings, cipher);
    const account = accounts.add({ exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: 'http://127.0.0.1:9', paperBalance: 1_000 });
    const store = new OrderStore(db, account.id);
    // Resting on a symbol the paper engine does not list: it cannot be restored after a restart.
    store.upsert({ clientOrderId: 'lost-1', symbol: 'NOPEUSDT', side: 'SELL', type: 'STOP_MARKET', status: 'NEW', quantity: 1, stopPrice: 5, filledQty: 0, reduceOnly: true, updatedAt: 1 }, { role: 'stop-loss', strategy: 'manual' });
    const logged: string[] = [];
    let credentialReads = 0;

    const session = new AccountSession(account, {
      orderStore: (id) => new OrderStore(db, id),
      budgets: new RateBudgetRegistry(Date.now),
      credentials: () => (credentialReads++, accounts.credentials(account.id)),
      log: (level, message) => logged.push(`${level}: ${message}`),
      onOrder: () => undefined,
    });
    expect(store.get('lost-1')?.status).toBe('NEW');
    expect(logged).toEqual([]);
    expect(() => session.exchange).toThrow(/before open/);

    expect(session.open()).toBe(session);
    expect(store.get('lost-1')?.status).toBe('EXPIRED');
    expect(logged).toContain('warn: paper: order lost-1 could not be restored after the restart: marked EXPIRED');
    expect(credentialReads).toBe(0); // paper has no key
    session.open();
    expect(logged.filter((l) => l.includes('lost-1'))).toHaveLength(1);
    session.close();
  });

  it('a venue session reads (decrypts) its credentials in open(), not in the constructor, and throws there when it cannot', () => {
    const accounts = new AccountStore(db, settings, cipher);
    const account = accounts.add({ exchange: 'binance-spot', environment: 'testnet', label: 'Spot', apiKey: 'k', apiSecret: 's3cret', baseUrl: 'http://127.0.0.1:9', paperBalance: 0 });
    let credentialReads = 0;
    const deps = {
      orderStore: (id: string) => new OrderStore(db, id),
      budgets: new RateBudgetRegistry(Date.now),
      log: () => undefined,
      onOrder: () => undefined,
    };
    const session = new AccountSession(account, { ...deps, credentials: () => (credentialReads++, accounts.credentials(account.id)) });
    expect(credentialReads).toBe(0);
    session.open();
    expect(credentialReads).toBe(1);
    session.close();

    // A key sealed by another cipher: the constructor still succeeds, open() says why the key cannot be read.
    const other = new AccountStore(db, settings, new ScryptCipher('another key'));
    const broken = new AccountSession(account, { ...deps, credentials: () => other.credentials(account.id) });
    expect(() => broken.open()).toThrow();
    expect(() => broken.manager).toThrow(/before open/);
  });
});
