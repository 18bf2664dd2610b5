// Pushed order updates drive an account session's order store: Binance spot executionReport, Binance futures
// ORDER_TRADE_UPDATE and Bybit order+execution, against the real simulator on 127.0.0.1. A fill seen over the
// stream and over REST is stored once, also when the stream drops and the gap is backfilled over REST.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import { AccountSession } from '../../../src-main/engine/markets/account-session';
import type { StoredAccount } from '../../../src-main/adapters/store/account-store';
import { KEY, simulator, tempDir, until } from '../exchange/harness';

let sim: Simulator;
let db: Db;
let tmp: ReturnType<typeof tempDir>;
let session: AccountSession | undefined;
let pushed: string[];
let warnings: string[];

beforeEach(async () => {
  sim = await simulator({ liquidityPerTick: 0.5, pingIntervalMs: 100 });
  sim.futures.engine.deposit('USDT', 100_000);
  sim.trade('BTCUSDT', 100);
  tmp = tempDir();
  db = openDatabase(tmp.file);
  pushed = [];
  warnings = [];
});
afterEach(async () => {
  session?.close();
  session = undefined;
  db.close();
  tmp.cleanup();
  await sim.close();
});

async function open(exchange: StoredAccount['exchange']): Promise<AccountSession> {
  const account: StoredAccount = { id: `${exchange}-t1`, exchange, label: exchange, environment: 'testnet', apiKeyMasked: null, baseUrl: sim.httpUrl, paperBalance: 0 };
  const s = new AccountSession(account, {
    orderStore: (accountId) => new OrderStore(db, accountId),
    budgets: new RateBudgetRegistry(Date.now),
    credentials: () => ({ apiKey: KEY.apiKey, secret: KEY.secret }),
    log: (level, m) => m.startsWith('user data') && warnings.push(m),
    onOrder: (cid) => pushed.push(cid),
    userStream: { staleAfterMs: 1_500, backoff: { initialMs: 50, maxMs: 200 } },
  }).open();
  session = s;
  await s.reconcile();
  await s.startUserData();
  await until(() => s.health().some((h) => h.stream === 'user-data' && h.connected));
  await new Promise((r) => setTimeout(r, 150)); // subscription / auth acknowledged
  return s;
}

const quantities = (s: AccountSession, cid: string) => s.store.fills(cid).map((f) => f.quantity);

describe.each(['binance-spot', 'binance-futures', 'bybit'] as const)('%s user data in the account session', (venue) => {
  it('a partial then a full fill arrive over the stream and are stored once, also when REST reports them again', async () => {
    const s = await open(venue);
    const o = await s.manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99 });
    expect(s.store.get(o.clientOrderId)).toMatchObject({ status: 'NEW', filledQty: 0 }); // resting below the last print
    sim.trade('BTCUSDT', 98.9);
    await until(() => s.store.get(o.clientOrderId)?.status === 'PARTIALLY_FILLED');
    expect(quantities(s, o.clientOrderId)).toEqual([0.5]);
    sim.trade('BTCUSDT', 98.8);
    await until(() => s.store.get(o.clientOrderId)?.status === 'FILLED');
    // The venue's own trade reports (a REST-derived fill carries no fee).
    const fills = s.store.fills(o.clientOrderId);
    expect(fills.map((f) => f.quantity)).toEqual([0.5, 0.5]);
    expect(fills.every((f) => f.fee > 0 && f.feeAsset === 'USDT')).toBe(true);
    // The same fills over REST: the poll after placement, a backfill and a reconcile add nothing.
    const seen = await s.exchange.queryOrder('BTCUSDT', o.clientOrderId);
    s.manager.apply(seen!);
    await s.backfill();
    await s.reconcile();
    expect(quantities(s, o.clientOrderId)).toEqual([0.5, 0.5]);
    expect(s.store.get(o.clientOrderId)).toMatchObject({ status: 'FILLED', filledQty: 1 });
    // The UI heard of every pushed change (markets.order / markets.changed are emitted from this hook).
    expect(pushed.filter((c) => c === o.clientOrderId).length).toBeGreaterThanOrEqual(2);
    expect(warnings).toEqual([]);
  });

  it('a fill missed while the stream is down is backfilled over REST after the reconnect, once', async () => {
    const s = await open(venue);
    const o = await s.manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99 });
    expect(s.store.get(o.clientOrderId)).toMatchObject({ status: 'NEW', filledQty: 0 }); // resting below the last print
    sim.trade('BTCUSDT', 98.9);
    await until(() => s.store.get(o.clientOrderId)?.status === 'PARTIALLY_FILLED');
    const reconnectsBefore = s.health().find((h) => h.stream === 'user-data')!.reconnects;

    // Disconnected, and the venue's events of the second fill are lost with the connection.
    sim.streams.stalled = true;
    sim.streams.dropAll();
    sim.trade('BTCUSDT', 98.8);
    sim.streams.stalled = false;

    await until(() => s.store.get(o.clientOrderId)?.status === 'FILLED');
    expect(s.health().find((h) => h.stream === 'user-data')!.reconnects).toBeGreaterThan(reconnectsBefore);
    expect(quantities(s, o.clientOrderId)).toEqual([0.5, 0.5]);
    // The first half is the venue's report (with fee), the second derived from the REST snapshot.
    const [streamed, backfilled] = s.store.fills(o.clientOrderId);
    expect(streamed!.fee).toBeGreaterThan(0);
    expect(backfilled).toMatchObject({ fee: 0, price: 99 }); // a resting limit fills at its price

    // The stream is live again: the next order's fills come over it.
    const p = await s.manager.place({ symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', quantity: 0.5, price: 101 });
    sim.trade('BTCUSDT', 101.5);
    await until(() => s.store.get(p.clientOrderId)?.status === 'FILLED');
    expect(s.store.fills(p.clientOrderId).map((f) => f.fee > 0)).toEqual([true]);
    await s.backfill();
    expect(quantities(s, o.clientOrderId)).toEqual([0.5, 0.5]);
  });
});

describe('a REST snapshot that ran ahead of the stream', () => {
  it('is not double-counted when the stream then reports only part of what the snapshot covered', async () => {
    const s = await open('binance-spot');
    const o = await s.manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99 });
    const base = s.store.get(o.clientOrderId)!;
    // The poll saw both trades at once: one derived fill (0, 1] without a fee.
    s.manager.apply({ ...base, status: 'FILLED', filledQty: 1, avgPrice: 99, updatedAt: base.updatedAt + 2 });
    expect(quantities(s, o.clientOrderId)).toEqual([1]);
    // The stream's report of the first trade arrives late; the stream drops before the second.
    const first = { clientOrderId: o.clientOrderId, tradeId: `${o.clientOrderId}@0.5`, symbol: 'BTCUSDT', side: 'BUY' as const, price: 99, quantity: 0.5, fee: 0.05, feeAsset: 'USDT', at: base.updatedAt + 1 };
    s.manager.apply({ ...base, status: 'PARTIALLY_FILLED', filledQty: 0.5, avgPrice: 99, updatedAt: base.updatedAt + 1 }, first);
    const fills = s.store.fills(o.clientOrderId);
    expect(fills.reduce((q, f) => q + f.quantity, 0)).toBeCloseTo(1, 12);
    expect(fills.map((f) => [f.tradeId.split('@')[1], f.quantity, f.fee])).toEqual([
      ['1', 0.5, 0],
      ['0.5', 0.5, 0.05],
    ]);
  });
});
