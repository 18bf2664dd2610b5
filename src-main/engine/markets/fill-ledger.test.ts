import { describe, expect, it } from 'vitest';
import type { Fill } from '../../core/exchange/types';
import { foldFills } from './fill-ledger';

const fill = (side: 'BUY' | 'SELL', quantity: number, price: number, fee = 0, symbol = 'BTCUSDT'): Fill => ({ clientOrderId: 'x', tradeId: `${Math.random()}`, symbol, side, quantity, price, fee, at: 0 });

describe('foldFills', () => {
  it('averages entries, realizes on exits and counts a round trip', () => {
    const [l] = foldFills([fill('BUY', 1, 100, 0.1), fill('BUY', 1, 110, 0.11), fill('SELL', 2, 120, 0.24)]);
    expect(l).toMatchObject({ symbol: 'BTCUSDT', quantity: 0, trades: 1 });
    expect(l!.realized).toBeCloseTo(2 * (120 - 105) - 0.45, 10);
    expect(l!.fees).toBeCloseTo(0.45, 10);
  });

  it('keeps a partial position at its average entry and separates symbols', () => {
    const lines = foldFills([fill('BUY', 2, 100), fill('SELL', 0.5, 90), fill('BUY', 1, 10, 0, 'ETHUSDT')]);
    const btc = lines.find((l) => l.symbol === 'BTCUSDT')!;
    expect(btc.quantity).toBeCloseTo(1.5, 12);
    expect(btc.entryPrice).toBe(100);
    expect(btc.realized).toBeCloseTo(-5, 10);
    expect(btc.trades).toBe(0);
    expect(lines.find((l) => l.symbol === 'ETHUSDT')).toMatchObject({ quantity: 1, entryPrice: 10 });
  });
});
