// The paper/live strategy loop and the backtester, same strategy on the same candles: identical trades. The loop runs for
// real: candles arrive through a market-data subscription, orders go through the OrderManager into SQLite and fill on the
// PaperExchange's matching engine.
import { afterEach, describe, expect, it } from 'vitest';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { runBacktest } from '../../../src-main/core/backtest/backtester';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { PaperExchange } from '../../../src-main/core/exchange/paper-exchange';
import { createStrategy } from '../../../src-main/core/strategies/registry';
import type { Candle } from '../../../src-main/core/strategies/types';
import { foldFills } from '../../../src-main/engine/markets/fill-ledger';
import { orderVenue } from '../../../src-main/engine/markets/order-venue';
import { riskFor } from '../../../src-main/engine/markets/strategy-configs';
import { StrategyTrader } from '../../../src-main/engine/markets/strategy-trader';
import { memoryTraderStore } from '../../../src-main/engine/markets/trader-state';
import { tempDir, walk } from '../backtest/helpers';
import { CandleFeed } from './candle-feed';

const FEE = 0.001;
let db: Db | undefined;
afterEach(() => db?.close());

function paperLoop(strategy: string, blocked: () => string | null = () => null, notes: string[] = [], riskProfile = false, params: Record<string, unknown> = {}) {
  db = openDatabase(`${tempDir()}/cockpit.sqlite`);
  const replay = new CandleFeed();
  const exchange = new PaperExchange({ market: replay, symbols: [{ symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' }], feeRate: FEE, slippageBps: 0, liquidityPerTick: Infinity, balances: { USDT: 10_000 }, now: Date.now });
  const store = new OrderStore(db, 'paper-test');
  const manager = new OrderManager(exchange, store, new ClientOrderIdFactory('t', Date.now, Math.random));
  const venue = orderVenue({ exchange, manager, store, caps: { exitsReserveBalance: false }, roundQuantity: (q) => q, onOrder: () => undefined, paperFeeRate: FEE }, 'BTCUSDT', strategy);
  const trader = new StrategyTrader({ id: strategy, strategy, params, symbol: 'BTCUSDT', interval: '1h', risk: riskFor({ riskProfile }), feeRate: FEE }, venue, { blockedReason: blocked, onEvent: (m) => notes.push(m) }, memoryTraderStore());
  trader.start();
  return { trader, store, exchange, replay };
}

async function play(loop: ReturnType<typeof paperLoop>, candles: readonly Candle[], from = 0, to = candles.length) {
  for (let i = from; i < to; i++) {
    const c = candles[i]!;
    loop.replay.play({ ...c, high: c.open, low: c.open, close: c.open }, false);
    loop.replay.play(c, true);
    // Frames are seconds apart live: the bar's orders are done before the next frame moves the price.
    await loop.trader.idle();
    if (i % 97 === 0 && i > 0) {
      loop.replay.play(candles[i - 1]!, true); // a reconnect re-delivers a candle: the runner must drop it
      await loop.trader.idle();
    }
  }
}

const candles = walk(2500, 21);

/** Trends and reversals with wide bars, so initial stops, trailing stops and take-profit tiers all happen. */
function trendingWalk(n: number, seed: number): Candle[] {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  let p = 100;
  return Array.from({ length: n }, (_, i) => {
    const open = p;
    p *= 1 + Math.sin(i / 20) * 0.02 + (rnd() - 0.5) * 0.04;
    return { time: 1_700_000_000_000 + i * 3_600_000, open, high: Math.max(open, p) * (1 + rnd() * 0.02), low: Math.min(open, p) * (1 - rnd() * 0.02), close: p, volume: 500 + rnd() * 1000 };
  });
}

function sameTrades(live: readonly { entryTime: number; exitTime: number; entryPrice: number; exitPrice: number; quantity: number; pnl: number }[], closed: ReturnType<typeof runBacktest>['trades']) {
  expect(live.map((t) => [t.entryTime, t.exitTime])).toEqual(closed.map((t) => [t.entryTime, t.exitTime]));
  closed.forEach((t, i) => {
    const l = live[i]!;
    expect(l.entryPrice, `trade ${i}`).toBeCloseTo(t.entryPrice, 9);
    expect(l.quantity, `trade ${i}`).toBeCloseTo(t.quantity, 9);
    expect(l.exitPrice, `trade ${i} ${t.exitReason}`).toBeCloseTo(t.exitPrice, 6);
    expect(l.pnl, `trade ${i}`).toBeCloseTo(t.pnl, 4);
  });
}

describe('live strategy loop = backtester on the same candles', () => {
  it.each(['sma-cross', 'rsi-momentum', 'consensus'])('%s: same trades, orders and fills recorded in SQLite', async (name) => {
    const loop = paperLoop(name);
    await play(loop, candles);
    const backtest = runBacktest(candles, { strategy: createStrategy(name), feeRate: FEE, risk: riskFor({ riskProfile: false }) });
    const closed = backtest.trades.filter((t) => t.exitReason !== 'end');
    expect(closed.length).toBeGreaterThan(3);
    expect(loop.trader.trades.length).toBe(closed.length);
    closed.forEach((t, i) => {
      const live = loop.trader.trades[i]!;
      expect([live.entryTime, live.exitTime]).toEqual([t.entryTime, t.exitTime]);
      // The venue reports an average price (quote / quantity): equal up to the last bits.
      expect(live.entryPrice).toBeCloseTo(t.entryPrice, 9);
      expect(live.quantity).toBeCloseTo(t.quantity, 9);
      expect(live.exitPrice, `trade ${i}`).toBeCloseTo(t.exitPrice, 9);
      expect(live.pnl).toBeCloseTo(t.pnl, 6);
    });
    // Re-delivered candles were skipped: every candle reached the strategy exactly once.
    expect(loop.trader.runner.processed).toBe(candles.length);
    const orders = loop.store.all();
    expect(orders.every((o) => o.status === 'FILLED' && o.type === 'MARKET')).toBe(true);
    expect(orders.length).toBe(closed.length * 2 + (backtest.trades.length - closed.length));
    const ledger = foldFills(loop.store.fills()).find((l) => l.symbol === 'BTCUSDT')!;
    expect(ledger.trades).toBe(closed.length);
    const realizedClosed = loop.trader.trades.reduce((s, t) => s + t.pnl, 0);
    // The open position's entry fee is already realized in the ledger.
    const openFee = backtest.trades.filter((t) => t.exitReason === 'end').reduce((s, t) => s + t.quantity * t.entryPrice * FEE, 0);
    expect(ledger.realized).toBeCloseTo(realizedClosed - openFee, 4);
  });

  it('breakout: its channel-low stop rests at the venue and fills intrabar at its level, like the backtester', async () => {
    const loop = paperLoop('breakout');
    await play(loop, candles);
    const backtest = runBacktest(candles, { strategy: createStrategy('breakout'), feeRate: FEE, risk: riskFor({ riskProfile: false }) });
    const closed = backtest.trades.filter((t) => t.exitReason !== 'end');
    expect(closed.some((t) => t.exitReason === 'stop-loss')).toBe(true);
    sameTrades(loop.trader.trades, closed);
    expect(loop.store.all().some((o) => o.type === 'STOP_MARKET' && o.status === 'FILLED')).toBe(true);
  });

  it.each(['sma-cross', 'rsi-momentum', 'breakout'])('%s with the risk profile ON: the backtester\'s trades, with the protection resting at the venue', async (name) => {
    const loop = paperLoop(name, () => null, [], true);
    await play(loop, candles);
    const backtest = runBacktest(candles, { strategy: createStrategy(name), feeRate: FEE, risk: riskFor({ riskProfile: true }) });
    const closed = backtest.trades.filter((t) => t.exitReason !== 'end');
    expect(closed.length).toBeGreaterThan(0);
    sameTrades(loop.trader.trades, closed);
    const orders = loop.store.all();
    // Protective exits really were venue orders filled inside the bar, not market orders after it.
    const stopped = closed.filter((t) => t.exitReason === 'stop-loss' || t.exitReason === 'trailing-stop' || t.exitReason === 'breakeven').length;
    expect(orders.filter((o) => o.type === 'STOP_MARKET' && o.status === 'FILLED').length).toBe(stopped);
    expect(orders.filter((o) => o.type === 'STOP_MARKET').length).toBeGreaterThanOrEqual(closed.length);
    if (closed.some((t) => t.exitReason === 'take-profit')) expect(orders.some((o) => o.type === 'TAKE_PROFIT_MARKET' && o.status === 'FILLED')).toBe(true);
    // Never more than one stop resting at a time.
    expect((await loop.exchange.openOrders()).filter((o) => o.type === 'STOP_MARKET').length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('risk profile ON, every exit protective (entries every 7 bars, no signal exits): initial stops, trailing stops and take-profit tiers fill at the venue inside the bar at the backtester\'s prices', async () => {
    const bars = trendingWalk(1200, 5);
    const params = { signals: bars.filter((_, i) => i % 7 === 3).map((c) => ({ time: c.time, action: 'enter' as const })) };
    const loop = paperLoop('external-signal', () => null, [], true, params);
    await play(loop, bars);
    const backtest = runBacktest(bars, { strategy: createStrategy('external-signal', params), feeRate: FEE, risk: riskFor({ riskProfile: true }) });
    const closed = backtest.trades.filter((t) => t.exitReason !== 'end');
    expect(new Set(closed.map((t) => t.exitReason))).toEqual(new Set(['stop-loss', 'trailing-stop']));
    sameTrades(loop.trader.trades, closed);
    const orders = loop.store.all();
    expect(orders.filter((o) => o.type === 'STOP_MARKET' && o.status === 'FILLED').length).toBe(closed.length);
    expect(orders.filter((o) => o.type === 'TAKE_PROFIT_MARKET' && o.status === 'FILLED').length).toBeGreaterThan(0);
    expect(orders.filter((o) => o.type === 'MARKET' && o.side === 'SELL')).toEqual([]);
  }, 60_000);

  it('the kill switch stops new entries at once; exits still go out', async () => {
    let blocked: string | null = null;
    const notes: string[] = [];
    const loop = paperLoop('sma-cross', () => blocked, notes);
    await play(loop, candles, 0, 1200);
    const before = loop.store.all().length;
    expect(before).toBeGreaterThan(2);
    blocked = 'the kill switch is engaged';
    await play(loop, candles, 1200, candles.length);
    const after = loop.store.all().slice(before);
    expect(after.filter((o) => o.side === 'BUY')).toEqual([]);
    expect(notes.filter((n) => n === 'entry skipped: the kill switch is engaged').length).toBeGreaterThan(3);
  });
});
