// Moving a stop (breakeven, trailing) under cancel/replace faults: a 5xx after the venue already acted, a failed cancel, a
// stalled user stream. The venue is watched at every order event: never two stops (futures: transiently two reduce-only
// stops, never more), never none, and exactly one at the new level once the move is done.
import { describe, expect, it } from 'vitest';
import { bybitRequests, candle, protectedStrategy, resting, simulatorAndFile, venueMade, venueOf, VENUES, type Booted, type Venue } from './protection-harness';

const env = simulatorAndFile();
let b: Booted | undefined;

/** Where each venue's move goes, and what a failed cancel of the old stop hits (only where the move is two requests). */
const MOVE: Record<Venue, { path: string; method: string }> = {
  'binance-spot': { path: '/api/v3/order/cancelReplace', method: 'POST' },
  'binance-futures': { path: '/fapi/v1/algoOrder', method: 'POST' },
  bybit: { path: '/v5/order/amend', method: 'POST' },
};

/** Counts the stops resting at the venue after every order event it publishes. */
function watchStops(v: Venue) {
  const seen: number[] = [];
  const off = venueOf(env.sim, v).onOrderEvent(() => seen.push(resting(env.sim, v).stops.length));
  return { seen, off };
}

/** The price trades at the venue, then the bar closes at it (so venue and candles agree). */
async function bar(trader: { enqueue: (k: ReturnType<typeof candle>) => Promise<void> }, price: number) {
  env.sim.trade('BTCUSDT', price);
  await trader.enqueue(candle(price));
}

async function entered(v: Venue) {
  b = await env.start();
  const { config } = await protectedStrategy(b, env.sim, v);
  const trader = b.markets.trader(config.id)!;
  await bar(trader, 100);
  expect(resting(env.sim, v).stops).toHaveLength(1);
  // Bybit: the stop being moved is the one the venue made from the entry's create request.
  if (v === 'bybit') expect(venueMade(resting(env.sim, v).stops[0]!)).toBe(true);
  return trader;
}

describe.each(VENUES)('%s: stop moves under faults', (v) => {
  it('a 5xx after the venue already moved the stop: the answer is settled by a query, one stop at the new level, never none', async () => {
    const trader = await entered(v);
    const before = resting(env.sim, v).stops[0]!;
    const amends = bybitRequests(env.sim, '/v5/order/amend');
    const w = watchStops(v);
    venueOf(env.sim, v).faults.inject(MOVE[v].path, { kind: 'error-after-handling', status: 503 }, { method: MOVE[v].method });
    await bar(trader, 125); // +25%: breakeven, then trailing 20% under the bar's high (125.25) = 100.2
    w.off();
    const { stops } = resting(env.sim, v);
    expect(stops).toHaveLength(1);
    expect(stops[0]!.stopPrice).toBeCloseTo(100.2, 6);
    expect(trader.position()?.stopPrice).toBeCloseTo(100.2, 6);
    expect(Math.min(...w.seen)).toBe(1);
    expect(Math.max(...w.seen)).toBe(v === 'binance-futures' ? 2 : 1);
    if (v === 'bybit') {
      // Amended in place by its venue id (it has no orderLinkId): the same order, at the new level.
      expect(stops[0]!.clientOrderId).toBe(before.clientOrderId);
      expect(amends).toEqual([expect.objectContaining({ orderId: `sim-${before.orderId}`, triggerPrice: '100.2' })]);
      expect(amends[0]).not.toHaveProperty('orderLinkId');
    }
    // Nothing left pending in the store: the venue's answer was settled.
    expect(b!.markets.orders(undefined, 'open', 50).filter((o) => o.status === 'UNKNOWN' || o.status === 'PENDING')).toEqual([]);
  });

  it('the move is refused outright: the old stop keeps resting, and the next bar moves it', async () => {
    const trader = await entered(v);
    const w = watchStops(v);
    const refusal = v === 'bybit' ? { status: 200, body: { retCode: 10001, retMsg: 'refused for the test', result: {}, retExtInfo: {}, time: Date.now() } } : { status: 400, body: { code: -2010, msg: 'refused for the test' } };
    venueOf(env.sim, v).faults.inject(MOVE[v].path, { kind: 'status', ...refusal }, { method: MOVE[v].method });
    await bar(trader, 125);
    expect(resting(env.sim, v).stops).toHaveLength(1);
    expect(resting(env.sim, v).stops[0]!.stopPrice).toBe(85);
    await bar(trader, 125.1);
    w.off();
    expect(resting(env.sim, v).stops).toHaveLength(1);
    expect(resting(env.sim, v).stops[0]!.stopPrice).toBeGreaterThan(100);
    expect(Math.min(...w.seen)).toBe(1);
  });

  it('a stalled user stream: the stop fires unseen, the next bar reads it back over REST and books the trade', async () => {
    const trader = await entered(v);
    await bar(trader, 125);
    env.sim.streams.stalled = true;
    env.sim.trade('BTCUSDT', 99); // through the stop at 100.2
    await trader.enqueue(candle(99));
    expect(trader.position()).toBeNull();
    expect(trader.trades).toHaveLength(1);
    expect(trader.trades[0]!.exitPrice).toBeCloseTo(99, 9);
    expect(resting(env.sim, v).stops).toEqual([]);
    expect(resting(env.sim, v).targets).toEqual([]);
  });
});

describe('binance-futures: the old stop cannot be canceled at once', () => {
  it('two reduce-only stops rest until the next bar cancels the extra one; never none', async () => {
    const trader = await entered('binance-futures');
    const w = watchStops('binance-futures');
    env.sim.futures.faults.inject('/fapi/v1/algoOrder', { kind: 'status', status: 400, body: { code: -2011, msg: 'Unknown order sent.' } }, { method: 'DELETE' });
    await bar(trader, 125);
    expect(resting(env.sim, 'binance-futures').stops).toHaveLength(2);
    await bar(trader, 125.1);
    w.off();
    expect(resting(env.sim, 'binance-futures').stops).toHaveLength(1);
    expect(Math.min(...w.seen)).toBe(1);
    expect(Math.max(...w.seen)).toBe(2);
  });
});
