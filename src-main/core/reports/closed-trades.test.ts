import { describe, expect, it } from 'vitest';
import type { Fill } from '../exchange/types';
import { closedTrades } from './closed-trades';

let n = 0;
const fill = (side: Fill['side'], quantity: number, price: number, at: number, fee = 0, symbol = 'BTCUSDT'): Fill => ({ clientOrderId: `o${++n}`, tradeId: `t${n}`, symbol, side, price, quantity, fee, at });

describe('closedTrades', () => {
  it('closes a trade when the position returns to flat, with partial exits and fees', () => {
    const trades = closedTrades([fill('BUY', 2, 100, 1, 0.1), fill('SELL', 1, 110, 2, 0.1), fill('SELL', 1, 90, 3, 0.1)]);
    expect(trades).toEqual([{ symbol: 'BTCUSDT', openedAt: 1, closedAt: 3, pnl: expect.closeTo(-0.3, 9) }]);
  });

  it('starts the next trade afresh after a close back to flat', () => {
    const trades = closedTrades([fill('BUY', 1, 100, 1), fill('SELL', 1, 105, 2), fill('BUY', 2, 50, 3), fill('SELL', 2, 49, 4)]);
    expect(trades).toEqual([
      { symbol: 'BTCUSDT', openedAt: 1, closedAt: 2, pnl: 5 },
      { symbol: 'BTCUSDT', openedAt: 3, closedAt: 4, pnl: -2 },
    ]);
  });

  it('keeps an open position out, and counts each symbol on its own', () => {
    const trades = closedTrades([fill('BUY', 1, 100, 1), fill('BUY', 1, 10, 2, 0, 'ETHUSDT'), fill('SELL', 1, 12, 3, 0, 'ETHUSDT')]);
    expect(trades).toEqual([{ symbol: 'ETHUSDT', openedAt: 2, closedAt: 3, pnl: 2 }]);
  });

  it('closes a trade that flips through flat and opens the remainder as the next one', () => {
    const trades = closedTrades([fill('BUY', 1, 100, 1), fill('SELL', 3, 120, 2), fill('BUY', 2, 110, 3)]);
    expect(trades).toEqual([
      { symbol: 'BTCUSDT', openedAt: 1, closedAt: 2, pnl: 20 },
      { symbol: 'BTCUSDT', openedAt: 2, closedAt: 3, pnl: 20 },
    ]);
  });
});
