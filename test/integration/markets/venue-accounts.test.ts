// Binance USDⓈ-M futures and Bybit accounts through the markets contract on a real engine, against the simulator:
// add (key refused if it can withdraw), test connection, balances, stream health with the user-data stream, and a
// pushed fill reaching the contract's markets.order event. The secret never appears in a reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import type { AccountView, OrderRow, StreamHealthRow } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';
import { KEY, WITHDRAW_KEY, simulator, until } from '../exchange/harness';

let sim: Simulator;
let engine: Engine;
const dir = tempDir('cockpit-venues-');
const events: Array<{ name: string; payload: unknown }> = [];

async function call<T>(name: string, input?: unknown): Promise<T> {
  const r = await engine.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

beforeAll(async () => {
  sim = await simulator({ liquidityPerTick: 0.5, pingIntervalMs: 200 });
  sim.futures.engine.deposit('USDT', 50_000);
  sim.trade('BTCUSDT', 100);
  engine = createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('venues test') });
  engine.bus.onAny((name, payload) => events.push({ name, payload }));
});
afterAll(async () => {
  await engine.shutdown('test done');
  await sim.close();
  dir.cleanup();
});

describe.each([
  ['binance-futures', 'bnf-', 50_000],
  ['bybit', 'bb-', 100_000],
] as const)('%s account through the markets contract', (exchange, prefix, usdt) => {
  it('refuses a key that can withdraw; adds, tests and reads balances with a trading key, secret kept in the engine', async () => {
    const refused = await engine.dispatch('markets.addAccount', { exchange, environment: 'testnet', label: 'bad', apiKey: WITHDRAW_KEY.apiKey, apiSecret: WITHDRAW_KEY.secret, baseUrl: sim.httpUrl });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(JSON.stringify(refused)).not.toContain(WITHDRAW_KEY.secret);

    const account = await call<AccountView>('markets.addAccount', { exchange, environment: 'testnet', label: `Sim ${exchange}`, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl });
    expect(account).toMatchObject({ exchange, environment: 'testnet', apiKeyMasked: 'sim-…-key', connected: true });
    expect(account.id.startsWith(prefix)).toBe(true);
    expect(await call('markets.testAccount', { id: account.id })).toMatchObject({ ok: true });
    expect(await call<Array<{ asset: string; free: number }>>('markets.balances', { id: account.id })).toContainEqual(expect.objectContaining({ asset: 'USDT', free: usdt }));
    const listed = await call<AccountView[]>('markets.listAccounts');
    expect(listed.find((a) => a.id === account.id)).toMatchObject({ exchange });
    expect(JSON.stringify(listed)).not.toContain(KEY.secret);
  });

  it('follows the account over its user-data stream: a venue fill reaches the store and the markets.order event', async () => {
    const account = (await call<AccountView[]>('markets.listAccounts')).find((a) => a.exchange === exchange)!;
    await until(async () => (await call<StreamHealthRow[]>('markets.streamHealth')).some((h) => h.accountId === account.id && h.stream === 'user-data' && h.connected));
    await new Promise((r) => setTimeout(r, 200)); // subscription acknowledged
    // An order placed outside the app (another client on the same key): only the stream can tell us.
    const engineOf = exchange === 'bybit' ? sim.bybit : sim.futures;
    const placed = engineOf.engine.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99, clientOrderId: `ext-${exchange}` });
    expect(placed.ok).toBe(true);
    if (placed.ok) engineOf.publish(placed.events);
    sim.trade('BTCUSDT', 98.9);
    sim.trade('BTCUSDT', 98.8);
    await until(async () => (await call<OrderRow[]>('markets.orders', { accountId: account.id })).some((o) => o.clientOrderId === `ext-${exchange}` && o.status === 'FILLED'));
    const pushed = events.filter((e) => e.name === 'markets.order' && (e.payload as OrderRow).clientOrderId === `ext-${exchange}`).map((e) => (e.payload as OrderRow).status);
    expect(pushed).toContain('PARTIALLY_FILLED');
    expect(pushed.at(-1)).toBe('FILLED');
    expect(events.some((e) => e.name === 'markets.changed' && (e.payload as { accountId: string }).accountId === account.id)).toBe(true);
  });
});
