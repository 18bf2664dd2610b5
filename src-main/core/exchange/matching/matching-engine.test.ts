import { describe, expect, it } from 'vitest';
import { MatchingEngine } from './matching-engine';

const symbols = new Map([['BTCUSDT', { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' }]]);
const engine = (liquidityPerTick = Infinity) => new MatchingEngine(symbols, { feeRate: 0.001, slippageBps: 10, liquidityPerTick, now: () => 0 });

describe('matching engine', () => {
  it('fills a market order with slippage and fee', () => {
    const e = engine();
    e.deposit('USDT', 1000);
    e.tick('BTCUSDT', 100);
    const r = e.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 2, clientOrderId: 'm1' });
    expect(r.ok).toBe(true);
    const fill = r.ok ? r.events.find((x) => x.fill)?.fill : undefined;
    expect(fill?.price).toBeCloseTo(100.1);
    expect(fill?.fee).toBeCloseTo(0.2002);
    expect(e.balanceList().find((b) => b.asset === 'USDT')?.free).toBeCloseTo(1000 - 200.2 - 0.2002);
    expect(e.positionList()).toEqual([{ symbol: 'BTCUSDT', side: 'LONG', quantity: 2, entryPrice: expect.closeTo(100.1) }]);
  });

  it('fills large orders partially across ticks', () => {
    const e = engine(1);
    e.tick('BTCUSDT', 100);
    e.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', price: 100, quantity: 2.5, clientOrderId: 'l1' });
    expect(e.get('l1')).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: 1 });
    e.tick('BTCUSDT', 101); // above the limit: no fill
    expect(e.get('l1')?.filledQty).toBe(1);
    e.tick('BTCUSDT', 99.5);
    e.tick('BTCUSDT', 99.5);
    expect(e.get('l1')).toMatchObject({ status: 'FILLED', filledQty: 2.5 });
  });

  it('rejects duplicate client ids', () => {
    const e = engine();
    e.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', price: 1, quantity: 1, clientOrderId: 'd' });
    expect(e.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', price: 1, quantity: 1, clientOrderId: 'd' })).toMatchObject({ ok: false, reason: 'duplicate' });
  });

  it('runs an OTOCO bracket: exits activate on entry fill, stop fills, take-profit expires', () => {
    const e = engine();
    e.tick('BTCUSDT', 105);
    const r = e.submitBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 100, takeProfit: 120, stopLoss: 90, clientOrderId: 'b1' });
    expect(r.ok).toBe(true);
    e.tick('BTCUSDT', 95); // tp/sl inactive before the entry fills, so no trigger at 95 for a stop at 90 anyway
    expect(e.get('b1')?.status).toBe('FILLED');
    expect(e.get('b1.sl')).toMatchObject({ active: true, status: 'NEW' });
    e.tick('BTCUSDT', 89);
    expect(e.get('b1.sl')?.status).toBe('FILLED');
    expect(e.get('b1.tp')?.status).toBe('EXPIRED');
    expect(e.positionList()).toEqual([]);
  });

  it('cancelling the entry cancels the pending exits; a trailing stop follows the peak', () => {
    const e = engine();
    e.tick('BTCUSDT', 105);
    e.submitBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 100, takeProfit: 120, stopLoss: 90, clientOrderId: 'b2' });
    const c = e.cancel('b2');
    expect(c.ok && c.events.map((x) => `${x.order.clientOrderId}:${x.order.status}`)).toEqual(['b2:CANCELED', 'b2.tp:CANCELED', 'b2.sl:CANCELED']);

    e.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'm' });
    e.submit({ symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', trailingBips: 100, quantity: 1, reduceOnly: true, clientOrderId: 't' });
    e.tick('BTCUSDT', 110);
    e.tick('BTCUSDT', 109); // within 1% of the 110 peak
    expect(e.get('t')?.status).toBe('NEW');
    e.tick('BTCUSDT', 108.8);
    expect(e.get('t')?.status).toBe('FILLED');
  });
});
