// Every strategy entry is protected by orders resting at the venue, and stays protected across the kill switch, an abrupt stop,
// a restart and a venue that drops the stop; a stop that fires while the app is down is booked on the next start.
// Against the exchange simulator (real signatures) for Binance spot, Binance USDⓈ-M futures and Bybit linear.
import { describe, expect, it } from 'vitest';
import { StrategyConfigInput } from '../../../src-shared/contract';
import { marketsHandlers } from '../../../src-main/engine/markets/markets-handlers';
import { KEY, until } from '../exchange/harness';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { bybitRequests, candle, journalSteps, protectedStrategy, resting, shutdown, simulatorAndFile, venueMade, venueOf, VENUES, type Booted, type Venue } from './protection-harness';

const env = simulatorAndFile();
const start = () => env.start();
const alive = env.booted;
/** One set of protection: one stop for the whole position, and the take-profit tiers where exits are reduce-only (not spot). */
function expectOneSet(v: Venue, quantity: number, stop = 85) {
  const r = resting(env.sim, v);
  expect(r.stops).toHaveLength(1);
  expect(r.stops[0]).toMatchObject({ side: 'SELL', stopPrice: stop });
  expect(r.stops[0]!.quantity).toBeCloseTo(quantity, 6);
  if (v === 'binance-spot') expect(r.targets).toEqual([]);
  else expect(r.targets.map((t) => t.stopPrice ?? 0).sort((a, b) => a - b)).toEqual([130, 175]);
  return r;
}

async function entered(b: Booted, v: Venue) {
  const { account, config } = await protectedStrategy(b, env.sim, v);
  const trader = b.markets.trader(config.id)!;
  const creates = bybitRequests(env.sim);
  await trader.enqueue(candle(100));
  const position = trader.position()!;
  expect(position.quantity).toBeCloseTo(10, 2);
  const { stops } = expectOneSet(v, position.quantity);
  if (v === 'bybit') expectStopOnCreate(b, config.id, account.id, trader.entryId!, creates, stops[0]!);
  return { account, config, trader, quantity: position.quantity };
}

/**
 * Bybit: the entry is one create request carrying the stop (tpsl, Full, market exit); the stop resting is the one
 * the venue made from it, filed under the entry by its venue id; no stop order of ours was sent.
 */
function expectStopOnCreate(b: Booted, configId: string, accountId: string, entryId: string, creates: Record<string, unknown>[], stop: Parameters<typeof venueMade>[0]) {
  const entries = creates.filter((c) => c.orderLinkId === entryId);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ orderType: 'Market', side: 'Buy', stopLoss: '85', slTriggerBy: 'LastPrice', tpslMode: 'Full', slOrderType: 'Market' });
  expect(creates.filter((c) => c.triggerDirection === 2)).toEqual([]); // no stop of ours
  expect(creates.filter((c) => c.orderLinkId !== entryId).every((c) => c.triggerDirection === 1)).toBe(true); // only take-profit tiers besides
  expect(venueMade(stop)).toBe(true);
  const legs = new OrderStore(b.db, accountId).children(entryId).filter((o) => o.type === 'STOP_MARKET');
  expect(legs).toEqual([expect.objectContaining({ clientOrderId: `bybit:sim-${stop.orderId}`, exchangeOrderId: `sim-${stop.orderId}`, role: 'stop-loss', status: 'NEW', stopPrice: 85 })]);
  const steps = journalSteps(b, configId);
  expect(steps).toContain('stop-adopted');
  expect(steps).not.toContain('stop-placed');
}

/** After a restart: the strategy's book for its position (trades closed, position still open). */
function book(b: Booted, configId: string) {
  const t = b.markets.trader(configId)!;
  return { trades: t.trades, position: t.position() };
}

describe.each(VENUES)('%s: protection lives on the exchange', (v) => {
  it('entry then kill switch: the strategy stops, its protection keeps resting; a restart finds exactly one set', async () => {
    const a = await start();
    const { config, trader, quantity } = await entered(a, v);
    const stop = resting(env.sim, v).stops[0]!.clientOrderId;
    a.safety.setKillSwitch(true, 'test');
    expect(trader.running).toBe(false);
    expectOneSet(v, quantity);
    await shutdown(alive.pop()!);
    expectOneSet(v, quantity); // shutdown leaves protection resting
    const b = await start();
    expect(expectOneSet(v, quantity).stops[0]!.clientOrderId).toBe(stop); // kept, not re-placed
    expect(book(b, config.id).position?.stopPrice).toBe(85);
    expect(b.toggles.list().find((t) => t.id === `strategy:${config.id}`)?.enabled).toBe(false);
  });

  it('entry then an abrupt stop (no shutdown): the next start resumes with exactly one set; a stop fired while down is booked with its P&L', async () => {
    const a = await start();
    const { config, quantity } = await entered(a, v);
    const stop = resting(env.sim, v).stops[0]!.clientOrderId;
    alive.pop(); // dropped without shutdown: nothing is canceled, nothing more is written
    const b = await start();
    expect(expectOneSet(v, quantity).stops[0]!.clientOrderId).toBe(stop); // kept, not re-placed
    expect(book(b, config.id).position?.quantity).toBeCloseTo(quantity, 9);
    await shutdown(alive.pop()!);

    env.sim.trade('BTCUSDT', 84); // gaps through the stop at 85 while the app is down
    expect(resting(env.sim, v).stops).toEqual([]);
    const c = await start();
    const { trades, position } = book(c, config.id);
    expect(position).toBeNull();
    expect(trades).toHaveLength(1);
    const t = trades[0]!;
    expect(t.exitPrice).toBeCloseTo(84, 9);
    expect(t.quantity).toBeCloseTo(quantity, 9);
    expect(t.pnl).toBeCloseTo((84 - 100) * quantity - 0.001 * (100 + 84) * quantity, 6);
    // The take-profit tiers of a closed position do not stay behind.
    await until(() => resting(env.sim, v).targets.length === 0);
    expect(c.markets.positions().filter((p) => p.strategy === config.id)).toEqual([]);
  });

  it('the venue drops the stop while the app is down: the next start re-creates it, once (account reconcile and strategy agree)', async () => {
    const a = await start();
    const { quantity } = await entered(a, v);
    await shutdown(alive.pop()!);
    const dropped = resting(env.sim, v).stops[0]!.clientOrderId;
    venueOf(env.sim, v).engine.cancel(dropped);
    await start();
    const r = expectOneSet(v, quantity);
    expect(r.stops[0]!.clientOrderId).not.toBe(dropped);
  });

  it('the venue drops the stop: after the user-data stream reconnects the stop is re-created, once', async () => {
    const a = await start();
    const { quantity } = await entered(a, v);
    const dropped = resting(env.sim, v).stops[0]!.clientOrderId;
    venueOf(env.sim, v).engine.cancel(dropped); // silently: no stream event
    expect(resting(env.sim, v).stops).toEqual([]);
    env.sim.streams.dropAll();
    await until(() => resting(env.sim, v).stops.length === 1, 8_000);
    const r = expectOneSet(v, quantity);
    expect(r.stops[0]!.clientOrderId).not.toBe(dropped);
    await new Promise((r) => setTimeout(r, 300));
    expectOneSet(v, quantity);
  });
});

describe('bybit: the stop rides on the entry', () => {
  it('the venue makes no stop from the create: ours is placed instead, after the wait; exactly one, also after a restart', async () => {
    const a = await start();
    const { account, config } = await protectedStrategy(a, env.sim, 'bybit');
    const trader = a.markets.trader(config.id)!;
    const creates = bybitRequests(env.sim);
    env.sim.bybit.faults.inject('/v5/order/create', { kind: 'drop-attached-stop' }, { method: 'POST' });
    await trader.enqueue(candle(100));
    const quantity = trader.position()!.quantity;
    const { stops } = expectOneSet('bybit', quantity);
    expect(venueMade(stops[0]!)).toBe(false);
    expect(creates.filter((c) => c.stopLoss !== undefined)).toHaveLength(1);
    expect(creates.filter((c) => c.triggerDirection === 2)).toHaveLength(1); // our own stop, once
    const steps = journalSteps(a, config.id);
    expect(steps.indexOf('stop-not-adopted')).toBeGreaterThan(-1);
    expect(steps.indexOf('stop-placed')).toBeGreaterThan(steps.indexOf('stop-not-adopted'));
    alive.pop();
    await start();
    expect(expectOneSet('bybit', quantity).stops[0]!.clientOrderId).toBe(stops[0]!.clientOrderId);
    expect(new OrderStore(a.db, account.id).children(trader.entryId!).filter((o) => o.type === 'STOP_MARKET')).toHaveLength(1);
  });

  it('a venue stop that turns up after ours is adopted at the next candle and one of the two canceled', async () => {
    const a = await start();
    const { config } = await protectedStrategy(a, env.sim, 'bybit');
    const trader = a.markets.trader(config.id)!;
    env.sim.bybit.faults.inject('/v5/order/create', { kind: 'drop-attached-stop' }, { method: 'POST' });
    await trader.enqueue(candle(100));
    const quantity = trader.position()!.quantity;
    expect(venueMade(expectOneSet('bybit', quantity).stops[0]!)).toBe(false);
    const late = env.sim.bybit.engine.submit({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity, stopPrice: 85, reduceOnly: true, clientOrderId: 'bybit-sl-late' });
    if (!late.ok) throw new Error(late.message);
    env.sim.bybit.publish(late.events);
    expect(resting(env.sim, 'bybit').stops).toHaveLength(2);
    await until(() => a.markets.orders(undefined, 'open', 50).some((o) => o.clientOrderId === `bybit:sim-${late.order.orderId}`));
    await trader.enqueue(candle(100));
    expectOneSet('bybit', quantity);
    expect(journalSteps(a, config.id)).toContain('stop-adopted');
  });

  it('a position closed by the adopted stop is booked; the closed position leaves nothing resting', async () => {
    const a = await start();
    const { config, trader, quantity } = await entered(a, 'bybit');
    env.sim.trade('BTCUSDT', 84);
    await trader.enqueue(candle(84));
    expect(trader.position()).toBeNull();
    expect(trader.trades).toHaveLength(1);
    expect(trader.trades[0]).toMatchObject({ quantity: expect.closeTo(quantity, 9), exitPrice: expect.closeTo(84, 9) });
    await until(() => resting(env.sim, 'bybit').targets.length === 0);
    expect(resting(env.sim, 'bybit').stops).toEqual([]);
    expect(env.sim.bybit.engine.positionList()).toEqual([]);
    expect(journalSteps(a, config.id)).toContain('closed');
  });
});

describe('shutdown', () => {
  it('leaves positions open with protection resting and says so; an account with the emergency sweep on is flattened instead', async () => {
    const a = await start();
    const { quantity } = await entered(a, 'binance-futures');
    const kept = await entered(a, 'bybit');
    const futures = a.markets.listAccounts().find((x) => x.exchange === 'binance-futures')!;
    a.markets.setShutdownSweep(futures.id, true);
    alive.pop();
    const said = await a.markets.close();
    a.db.close();
    expect(said).toContain(`${futures.id}: emergency sweep ended flat`);
    expect(said).toMatch(/1 open strategy position\(s\) left open with 3 protective order\(s\) resting at the venue/);
    expect(env.sim.futures.engine.positionList()).toEqual([]);
    expect(resting(env.sim, 'binance-futures').stops).toEqual([]);
    expectOneSet('bybit', kept.quantity);
    expect(quantity).toBeGreaterThan(0);
  });
});

describe('emergency sweep switch (per account, what the Markets view shows and sets through the contract)', () => {
  it('is off by default, is set through the markets contract, shows on the account and survives a restart', async () => {
    const a = await start();
    const { account, config } = await protectedStrategy(a, env.sim, 'bybit');
    await a.markets.trader(config.id)!.enqueue(candle(100));
    expect(resting(env.sim, 'bybit').stops).toHaveLength(1);
    const contract = marketsHandlers(a.markets);
    expect((await contract.listAccounts()).find((x) => x.id === account.id)?.shutdownSweep).toBe(false);
    expect(await contract.setShutdownSweep({ accountId: account.id, enabled: true })).toEqual({ enabled: true });
    expect((await contract.listAccounts()).find((x) => x.id === account.id)?.shutdownSweep).toBe(true);
    await shutdown(alive.pop()!); // swept: the switch was on
    expect(resting(env.sim, 'bybit').stops).toEqual([]);
    expect(env.sim.bybit.engine.positionList()).toEqual([]);
    const b = await start();
    expect(b.markets.listAccounts().find((x) => x.id === account.id)?.shutdownSweep).toBe(true);
  });
});

describe('failures are loud', () => {
  it('a strategy that throws on every candle is reported each time, stopped at the third with its reason shown; its protection stays', async () => {
    const a = await start();
    const { config, trader, quantity } = await entered(a, 'binance-spot');
    env.sim.binance.faults.inject('/api/v3/account', { kind: 'status', status: 400, body: { code: -1100, msg: 'balances unavailable for the test' } }, { method: 'GET', times: 10 });
    for (const price of [100, 100.1, 100.2]) await trader.enqueue(candle(price));
    expect(a.toasts.filter((t) => t.includes('failed on a candle'))).toHaveLength(2);
    expect(a.toasts.at(-1)).toMatch(/stopped after repeated failures: .*balances unavailable.*protective orders stay/);
    expect(trader.running).toBe(false);
    expect(a.toggles.list().find((t) => t.id === `strategy:${config.id}`)?.enabled).toBe(false);
    const view = a.markets.listStrategies().find((s) => s.id === config.id)!;
    expect(view).toMatchObject({ running: false, enabled: false, stoppedReason: expect.stringMatching(/3 failures in a row/) });
    expect(a.markets.streamHealth()).toContainEqual(expect.objectContaining({ stream: `strategy:${config.id}`, connected: false, error: expect.stringMatching(/balances unavailable/) }));
    expectOneSet('binance-spot', quantity);
  });

  it('a strategy with no stop carries a warning on its toggle', async () => {
    const a = await start();
    const account = await a.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'p', baseUrl: env.sim.httpUrl, paperBalance: 1_000 });
    const bare = a.markets.configureStrategy({ strategy: 'sma-cross', params: {}, accountId: account.id, symbol: 'BTCUSDT', interval: '1h', riskProfile: false, feeRate: 0.001 });
    const guarded = a.markets.configureStrategy({ strategy: 'sma-cross', params: {}, accountId: account.id, symbol: 'BTCUSDT', interval: '1h', riskProfile: true, feeRate: 0.001 });
    expect(bare.warning).toMatch(/No stop/);
    expect(guarded.warning).toBeNull();
    // The default is the risk profile.
    expect(a.markets.configureStrategy({ ...StrategyConfigInput.parse({ strategy: 'sma-cross', accountId: account.id, symbol: 'BTCUSDT', interval: '1h' }) }).riskProfile).toBe(true);
  });

  it('a strategy with no stop cannot trade a live account without the typed phrase', async () => {
    const a = await start();
    const live = await a.markets.addAccount({ exchange: 'binance-spot', environment: 'live', label: 'live', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: env.sim.httpUrl, paperBalance: 0 });
    const input = { strategy: 'sma-cross', params: {}, accountId: live.id, symbol: 'BTCUSDT', interval: '1h' as const, riskProfile: false, feeRate: 0.001 };
    expect(() => a.markets.configureStrategy(input)).toThrow(/type "NO STOP"/);
    expect(a.markets.configureStrategy({ ...input, confirmNoStop: 'NO STOP' }).warning).toMatch(/No stop/);
    expect(a.markets.configureStrategy({ ...input, riskProfile: true }).warning).toBeNull();
  });
});
