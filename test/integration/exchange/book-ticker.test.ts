// Best bid/ask streams from the simulator onto the market bus: Binance `<symbol>@bookTicker` and Bybit `orderbook.1.<SYMBOL>`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketBus } from '../../../src-main/core/exchange/market-bus';
import type { BookTicker } from '../../../src-main/core/exchange/types';
import { startBookTickerFeed } from '../../../src-main/adapters/exchange/shared/book-ticker-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import type { ResilientStream } from '../../../src-main/adapters/exchange/shared/ws-stream';
import { simulator, until } from './harness';

let sim: Simulator;
let feed: ResilientStream | undefined;
const stream = { staleAfterMs: 5_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } };

beforeEach(async () => {
  sim = await simulator();
});
afterEach(async () => {
  feed?.stop();
  await sim.close();
});

describe.each([
  ['binance', (s: Simulator) => s.wsUrl],
  ['bybit', (s: Simulator) => `${s.wsUrl}/v5/public/linear`],
] as const)('%s book ticker', (venue, url) => {
  it('publishes parsed top-of-book updates for the symbol, in order', async () => {
    const bus = new MarketBus();
    const seen: BookTicker[] = [];
    bus.onBookTicker('BTCUSDT', (t) => seen.push(t));
    feed = startBookTickerFeed({ venue, url: url(sim), symbol: 'BTCUSDT', bus, stream });
    await until(() => feed!.health().connected);
    await new Promise((r) => setTimeout(r, 100)); // Bybit subscription acknowledged
    sim.trade('BTCUSDT', 100);
    sim.trade('ETHUSDT', 2_000);
    sim.trade('BTCUSDT', 101);
    await until(() => seen.length >= 2);
    expect(seen.map((t) => [t.bidPrice, t.askPrice])).toEqual([
      [99.99, 100.01],
      [100.99, 101.01],
    ]);
    expect(seen[1]!.updateId).toBeGreaterThan(seen[0]!.updateId);
  });
});
