// The markets service on a real engine (SQLite file, encrypted keys) against the exchange simulator on 127.0.0.1:
// accounts, balances, a strategy toggled like the tray does, orders, positions, P&L, stream health, the kill switch, restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import type { AccountView, OrderRow, StrategyConfigView, StreamHealthRow } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';
import { KEY, WITHDRAW_KEY, simulator, until } from '../exchange/harness';
import { READY_CHECKLIST } from '../../support/checklist';

let sim: Simulator;
let stopFeed: () => void;
let engine: Engine;
const dir = tempDir('cockpit-markets-');
const seen: Array<{ name: string; payload: unknown }> = [];

const open = () => {
  engine = createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('markets test') });
  engine.bus.onAny((name, payload) => seen.push({ name, payload }));
};
async function call<T>(name: string, input?: unknown): Promise<T> {
  const r = await engine.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

beforeAll(async () => {
  sim = await simulator();
  stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 20, volatility: 0.004, seed: 7 });
  open();
});
afterAll(async () => {
  stopFeed();
  await engine.shutdown('test done');
  await sim.close();
  dir.cleanup();
});

describe('markets service on the simulator', () => {
  let paper: AccountView;
  let strategy: StrategyConfigView;

  it('refuses a key that can withdraw, keeps a trading key encrypted and shows it masked', async () => {
    const refused = await engine.dispatch('markets.addAccount', { exchange: 'binance-spot', environment: 'testnet', label: 'bad', apiKey: WITHDRAW_KEY.apiKey, apiSecret: WITHDRAW_KEY.secret, baseUrl: sim.httpUrl });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(JSON.stringify(refused)).not.toContain(WITHDRAW_KEY.secret);
    const testnet = await call<AccountView>('markets.addAccount', { exchange: 'binance-spot', environment: 'testnet', label: 'Sim testnet', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl });
    expect(testnet).toMatchObject({ environment: 'testnet', apiKeyMasked: 'sim-…-key', connected: true });
    const row = engine.db.prepare('SELECT secret_blob FROM exchange_accounts WHERE id = ?').get(testnet.id) as { secret_blob: Buffer };
    expect(row.secret_blob.toString('latin1')).not.toContain(KEY.secret);
    expect(await call<Array<{ asset: string; free: number }>>('markets.balances', { id: testnet.id })).toContainEqual(expect.objectContaining({ asset: 'USDT', free: 100_000 }));
    expect(await call('markets.testAccount', { id: testnet.id })).toMatchObject({ ok: true });
    const accounts = await call<AccountView[]>('markets.listAccounts');
    expect(accounts.map((a) => a.label)).toEqual(['Sim testnet']);
    expect(JSON.stringify(accounts)).not.toContain(KEY.secret);
  });

  it('a paper account trades a strategy toggled on like the tray does: orders, positions, P&L, stream health', async () => {
    paper = await call<AccountView>('markets.addAccount', { exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: sim.httpUrl, paperBalance: 5_000 });
    expect(await call('markets.balances', { id: paper.id })).toEqual([{ asset: 'USDT', free: 5_000, locked: 0 }]);
    strategy = await call<StrategyConfigView>('markets.configureStrategy', { strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: paper.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 1_000 });
    const toggleId = `strategy:${strategy.id}`;
    expect(engine.status().strategies.map((s) => s.id)).toContain(toggleId);
    engine.strategies.setEnabled(toggleId, true);
    await until(async () => (await call<OrderRow[]>('markets.orders', { accountId: paper.id })).filter((o) => o.status === 'FILLED').length >= 2, 30_000, 200);
    const orders = await call<OrderRow[]>('markets.orders', { accountId: paper.id });
    expect(orders.every((o) => o.strategy === strategy.id)).toBe(true);
    expect(orders.filter((o) => o.role === 'entry').every((o) => o.type === 'MARKET')).toBe(true);
    // The risk profile is on by default: the entry's stop rests at the (paper) venue.
    expect(orders.some((o) => o.role === 'stop-loss' && o.type === 'STOP_MARKET')).toBe(true);
    const buy = orders.find((o) => o.side === 'BUY')!;
    // Sized from the bar's close, filled at the next print: within the walk's move.
    expect(Math.abs(buy.filledQty * buy.avgPrice! - 1_000)).toBeLessThan(20);
    const positions = await call<Array<{ symbol: string; quantity: number }>>('markets.positions');
    const filled = orders.filter((o) => o.status === 'FILLED').reduce((q, o) => q + (o.side === 'BUY' ? o.filledQty : -o.filledQty), 0);
    expect(positions.find((p) => p.symbol === 'BTCUSDT')?.quantity ?? 0).toBeCloseTo(filled, 9);
    const health = await call<StreamHealthRow[]>('markets.streamHealth');
    expect(health).toContainEqual(expect.objectContaining({ accountId: paper.id, stream: 'btcusdt@kline_1s', connected: true }));
    expect(health.find((h) => h.accountId === paper.id)!.lastMessageAgeMs!).toBeLessThan(2_000);
    const pnl = await call<Array<{ symbol: string; fees: number }>>('markets.pnlBySymbol');
    expect(pnl.find((p) => p.symbol === 'BTCUSDT')!.fees).toBeGreaterThan(0);
    expect(seen.some((e) => e.name === 'markets.order')).toBe(true);
    const listed = await call<StrategyConfigView[]>('markets.listStrategies');
    expect(listed[0]).toMatchObject({ id: strategy.id, enabled: true, running: true });
    expect(listed[0]!.candles).toBeGreaterThan(3);
  }, 40_000);

  it('the kill switch stops the strategy at once: no further orders while prices keep moving', async () => {
    engine.safety.setKillSwitch(true, 'test');
    const after = (await call<OrderRow[]>('markets.orders', { accountId: paper.id })).length;
    expect(engine.status().strategies.find((s) => s.id === `strategy:${strategy.id}`)?.enabled).toBe(false);
    const listed = await call<StrategyConfigView[]>('markets.listStrategies');
    expect(listed[0]).toMatchObject({ running: false });
    const candlesAtStop = listed[0]!.candles;
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await call<OrderRow[]>('markets.orders', { accountId: paper.id })).length).toBe(after);
    expect((await call<StrategyConfigView[]>('markets.listStrategies'))[0]!.candles).toBe(candlesAtStop);
    // Switching it on again is refused while the kill switch is engaged.
    engine.strategies.setEnabled(`strategy:${strategy.id}`, true);
    await until(() => engine.status().strategies.find((s) => s.id === `strategy:${strategy.id}`)?.enabled === false, 2_000);
    engine.safety.setKillSwitch(false, 'test');
  }, 20_000);

  it('a testnet account trades through the real Binance connector (signed REST orders on the simulator)', async () => {
    const testnet = (await call<AccountView[]>('markets.listAccounts')).find((a) => a.environment === 'testnet')!;
    const config = await call<StrategyConfigView>('markets.configureStrategy', { strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: testnet.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 500 });
    engine.strategies.setEnabled(`strategy:${config.id}`, true);
    await until(async () => (await call<OrderRow[]>('markets.orders', { accountId: testnet.id })).some((o) => o.status === 'FILLED'), 30_000, 200);
    engine.strategies.setEnabled(`strategy:${config.id}`, false);
    const orders = await call<OrderRow[]>('markets.orders', { accountId: testnet.id });
    // The venue knows the very orders the store recorded, once acknowledged. The newest row was often the stop going
    // out after the fill, still PENDING in the store and not yet at the venue (a loaded CI run failed on it), or a
    // resting stop the moving feed could trigger before the store hears: only a filled order's status is final.
    for (const order of orders.filter((o) => o.status !== 'PENDING')) expect(sim.binance.engine.get(order.clientOrderId), order.clientOrderId).toBeDefined();
    const filled = orders.find((o) => o.status === 'FILLED')!;
    expect(sim.binance.engine.get(filled.clientOrderId)?.status).toBe('FILLED');
    expect(orders.every((o) => o.strategy === config.id)).toBe(true);
  }, 40_000);

  it('a live account never trades unless live mode is armed; disarming switches it off', async () => {
    const live = await call<AccountView>('markets.addAccount', { exchange: 'binance-spot', environment: 'live', label: 'Sim live', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl });
    const config = await call<StrategyConfigView>('markets.configureStrategy', { strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: live.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 500 });
    engine.strategies.setEnabled(`strategy:${config.id}`, true);
    await until(() => engine.status().strategies.find((s) => s.id === `strategy:${config.id}`)?.enabled === false, 2_000);
    expect(seen.some((e) => e.name === 'toast' && JSON.stringify(e.payload).includes('live mode is not armed'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500));
    // (The simulator shares one venue account between the testnet and live accounts: the testnet strategy's resting stop is imported here.)
    expect((await call<OrderRow[]>('markets.orders', { accountId: live.id })).filter((o) => o.strategy === config.id)).toEqual([]);
    // Armed, it runs; back to dry-run, it is switched off at once.
    engine.safety.armLive(READY_CHECKLIST, 'test');
    engine.strategies.setEnabled(`strategy:${config.id}`, true);
    expect((await call<StrategyConfigView[]>('markets.listStrategies')).find((c) => c.id === config.id)).toMatchObject({ running: true });
    engine.safety.setMode('dry-run', 'test');
    expect((await call<StrategyConfigView[]>('markets.listStrategies')).find((c) => c.id === config.id)).toMatchObject({ running: false, enabled: false });
  });

  it('a restart keeps accounts, orders and strategies (reconciled at start)', async () => {
    const before = await call<OrderRow[]>('markets.orders', {});
    await engine.shutdown('restart');
    open();
    expect((await call<AccountView[]>('markets.listAccounts')).map((a) => a.label)).toEqual(['Sim testnet', 'Paper', 'Sim live']);
    await until(async () => (await call<AccountView[]>('markets.listAccounts')).every((a) => a.connected), 5_000);
    expect((await call<OrderRow[]>('markets.orders', {})).map((o) => o.clientOrderId)).toEqual(before.map((o) => o.clientOrderId));
    expect((await call<StrategyConfigView[]>('markets.listStrategies')).map((s) => s.id)).toContain(strategy.id);
    expect(engine.status().strategies.map((s) => s.id)).toContain(`strategy:${strategy.id}`);
  });
});
