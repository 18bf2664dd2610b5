// Manual trading through the markets service on the simulator: market and limit orders with SL/TP on the bracket path,
// a stop moved, a position closed; refused (and each refusal recorded, origin manual) under the kill switch, in dry run
// for a live account, and past an account limit, exactly like a strategy's orders.
import { beforeEach, describe, expect, it } from 'vitest';
import { READY_CHECKLIST } from '../../support/checklist';
import { marketsHandlers } from '../../../src-main/engine/markets/markets-handlers';
import { KEY } from '../exchange/harness';
import { resting, simulatorAndFile, venueOf, type Booted, type Venue } from './protection-harness';

const env = simulatorAndFile();
let b: Booted;
beforeEach(async () => {
  b = await env.start();
});

const account = (v: Venue, environment: 'testnet' | 'live' = 'testnet') => b.markets.addAccount({ exchange: v, environment, label: `${v} ${environment}`, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: env.sim.httpUrl, paperBalance: 0 });
const refusals = () => b.actions.recent(50).filter((a) => a.kind === 'refused-order');
/** The actions log keeps `detail` as JSON text. */
const detail = (x: { detail?: unknown }) => JSON.parse(String(x.detail)) as { origin: string; action: string };

describe('manual trading', () => {
  it('market buy with SL and TP: filled, protected at the venue like a strategy entry; the stop moves; the position closes', async () => {
    const a = await account('bybit');
    const entry = await b.markets.placeOrder({ accountId: a.id, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 2, stopLoss: 90, takeProfit: 120 });
    expect(entry).toMatchObject({ status: 'FILLED', filledQty: 2, strategy: 'manual', role: 'entry' });
    const r = resting(env.sim, 'bybit');
    expect(r.stops.map((o) => [o.stopPrice, o.quantity])).toEqual([[90, 2]]);
    expect(r.targets.map((o) => [o.stopPrice, o.quantity])).toEqual([[120, 2]]);
    const stopId = r.stops[0]!.clientOrderId;
    const moved = await b.markets.moveStop(a.id, stopId, 95);
    expect(moved.stopPrice).toBe(95);
    expect(resting(env.sim, 'bybit').stops.map((o) => o.stopPrice)).toEqual([95]);
    const close = await b.markets.closePosition(a.id, 'BTCUSDT');
    expect(close).toMatchObject({ status: 'FILLED', filledQty: 2, side: 'SELL', strategy: 'manual' });
    expect(venueOf(env.sim, 'bybit').engine.positionList()).toEqual([]);
    expect(venueOf(env.sim, 'bybit').engine.openOrders('BTCUSDT')).toEqual([]);
    expect(b.actions.recent(10).filter((x) => x.kind === 'order').map((x) => detail(x).action)).toEqual(['close', 'move-stop', 'place']);
  });

  it('limit buy with SL and TP goes out as the venue bracket (Binance spot OTOCO)', async () => {
    const a = await account('binance-spot');
    const entry = await b.markets.placeOrder({ accountId: a.id, symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99, stopLoss: 90, takeProfit: 120 });
    expect(entry).toMatchObject({ status: 'NEW', type: 'LIMIT', strategy: 'manual' });
    const legs = env.sim.binance.engine.openOrders('BTCUSDT');
    expect(legs.map((o) => o.type).sort()).toEqual(['LIMIT', 'STOP_MARKET', 'TAKE_PROFIT_MARKET']);
    expect(legs.find((o) => o.type === 'STOP_MARKET')?.activatesAfter).toBe(entry.clientOrderId);
    env.sim.trade('BTCUSDT', 98.5);
    expect(resting(env.sim, 'binance-spot').stops.map((o) => o.stopPrice)).toEqual([90]);
  });

  it('a stop move (the orders panel sends markets.moveStop) is refused under the kill switch and in dry run on a live account; the resting stop stays; each refusal recorded (origin manual)', async () => {
    const live = await account('bybit', 'live');
    const contract = marketsHandlers(b.markets);
    b.safety.armLive(READY_CHECKLIST, 'test');
    await contract.placeOrder({ accountId: live.id, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, stopLoss: 90 });
    const stop = resting(env.sim, 'bybit').stops[0]!;
    b.safety.setMode('dry-run', 'test');
    await expect(contract.moveStop({ accountId: live.id, clientOrderId: stop.clientOrderId, stopPrice: 95 })).rejects.toThrow(/live mode is not armed/);
    b.safety.armLive(READY_CHECKLIST, 'test');
    b.safety.setKillSwitch(true, 'test');
    await expect(contract.moveStop({ accountId: live.id, clientOrderId: stop.clientOrderId, stopPrice: 95 })).rejects.toThrow(/kill switch/);
    expect(resting(env.sim, 'bybit').stops.map((o) => [o.clientOrderId, o.stopPrice])).toEqual([[stop.clientOrderId, 90]]);
    const r = refusals();
    expect(r.map((x) => [detail(x).origin, detail(x).action])).toEqual([['manual', 'move-stop'], ['manual', 'move-stop']]);
    b.safety.setKillSwitch(false, 'test');
    b.safety.armLive(READY_CHECKLIST, 'test');
    await expect(contract.moveStop({ accountId: live.id, clientOrderId: stop.clientOrderId, stopPrice: 95 })).resolves.toMatchObject({ stopPrice: 95, strategy: 'manual' });
  });

  it('refused under the kill switch, in dry run on a live account and past an account limit; each refusal recorded (origin manual)', async () => {
    const testnet = await account('binance-futures');
    const live = await account('bybit', 'live');
    const buy = { symbol: 'BTCUSDT', side: 'BUY' as const, type: 'MARKET' as const, quantity: 1 };

    b.safety.setKillSwitch(true, 'test');
    await expect(b.markets.placeOrder({ accountId: testnet.id, ...buy })).rejects.toThrow(/kill switch/);
    b.safety.setKillSwitch(false, 'test');

    await expect(b.markets.placeOrder({ accountId: live.id, ...buy })).rejects.toThrow(/live mode is not armed/);
    b.safety.armLive(READY_CHECKLIST, 'test');
    await expect(b.markets.placeOrder({ accountId: live.id, ...buy })).resolves.toMatchObject({ status: 'FILLED' });
    b.safety.setMode('dry-run', 'test');
    await expect(b.markets.closePosition(live.id, 'BTCUSDT')).rejects.toThrow(/live mode is not armed/);

    b.settings.set('markets.accountLimits', { [testnet.id]: { maxPositions: 1 } });
    await expect(b.markets.placeOrder({ accountId: testnet.id, ...buy })).resolves.toMatchObject({ status: 'FILLED' });
    await expect(b.markets.placeOrder({ accountId: testnet.id, ...buy, symbol: 'ETHUSDT' })).rejects.toThrow(/1 positions already open/);

    const r = refusals();
    expect(r.map((x) => x.reason)).toEqual([expect.stringMatching(/1 positions already open/), expect.stringMatching(/live mode is not armed/), expect.stringMatching(/live mode is not armed/), expect.stringMatching(/kill switch/)]);
    expect(r.every((x) => detail(x).origin === 'manual')).toBe(true);
    expect(env.sim.futures.engine.positionList().map((p) => p.symbol)).toEqual(['BTCUSDT']);
  });
});
