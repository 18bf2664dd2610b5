// The strategy loop's tick → order latency, on an injected clock: from a closed candle reaching the trader to each
// market order it sends for that candle being handed to the venue (after its PENDING record), through the real order
// manager, SQLite and the paper matching engine. Venue reads take scripted time, so each latency is exact.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { PaperExchange } from '../../../src-main/core/exchange/paper-exchange';
import { orderVenue, type TraderVenue } from '../../../src-main/engine/markets/order-venue';
import { riskFor } from '../../../src-main/engine/markets/strategy-configs';
import { StrategyTrader } from '../../../src-main/engine/markets/strategy-trader';
import { memoryTraderStore } from '../../../src-main/engine/markets/trader-state';
import { tempDir, walk } from '../backtest/helpers';
import { CandleFeed } from './candle-feed';

const GATE_MS = 5;
const BALANCE_MS = 30;
const REFRESH_MS = 10;
let db: Db | undefined;
afterEach(() => db?.close());

describe('tick → order latency of the strategy loop', () => {
  it('times each market order from its candle: entries after the gate and balance reads, exits after the venue read-back', async () => {
    db = openDatabase(join(tempDir(), 'orders.sqlite'));
    let now = 0;
    const feed = new CandleFeed();
    const exchange = new PaperExchange({ market: feed, symbols: [{ symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' }], feeRate: 0.001, slippageBps: 0, liquidityPerTick: Infinity, balances: { USDT: 10_000 }, now: Date.now });
    const store = new OrderStore(db, 'paper-test');
    const manager = new OrderManager(exchange, store, new ClientOrderIdFactory('t', Date.now, Math.random));
    const paper = orderVenue({ exchange, manager, store, caps: { exitsReserveBalance: false }, roundQuantity: (q) => q, onOrder: () => undefined, paperFeeRate: 0.001 }, 'BTCUSDT', 'sma');
    // Venue reads take scripted time on the injected clock.
    const venue: TraderVenue = {
      ...paper,
      quoteFree: async () => ((now += BALANCE_MS), paper.quoteFree()),
      refresh: async (parent) => ((now += REFRESH_MS), paper.refresh(parent)),
    };
    const sent: number[] = [];
    const blockedReason = () => ((now += GATE_MS), null);
    const trader = new StrategyTrader({ id: 'sma', strategy: 'sma-cross', params: { fast: 2, slow: 5 }, symbol: 'BTCUSDT', interval: '1h', risk: riskFor({ riskProfile: false }), feeRate: 0.001 }, venue, { blockedReason, onTickToOrder: (ms) => sent.push(ms) }, memoryTraderStore(), () => now);
    trader.start();

    for (const c of walk(400, 7)) {
      now += 3_600_000; // the next candle arrives later: only time since its own arrival counts
      feed.play(c, true);
      await trader.idle();
    }
    const roles = store.recent('all', 1_000).map((o) => o.role);
    const entries = roles.filter((r) => r === 'entry').length;
    const exits = roles.filter((r) => r === 'exit').length;
    expect(entries).toBeGreaterThan(3);
    expect(exits).toBeGreaterThan(3);
    expect(sent).toHaveLength(trader.orders);
    expect(sent).toHaveLength(entries + exits);
    // Flat: the gate, then the balance for sizing. Holding: the legs read back, then the signal's exit at once.
    expect(sent.filter((ms) => ms === GATE_MS + BALANCE_MS)).toHaveLength(entries);
    expect(sent.filter((ms) => ms === REFRESH_MS)).toHaveLength(exits);
  });
});
