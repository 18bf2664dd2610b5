// Bybit trailing stops go to POST /v5/position/trading-stop (not order/create): the exact signed request, and the
// simulator's venue-made stop trailing the position and closing it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import { BybitExchange, type BybitSetup } from '../../../src-main/adapters/exchange/bybit/bybit';
import { fetchSend, type HttpRequest } from '../../../src-main/adapters/exchange/shared/http';
import { signBybit } from '../../../src-main/adapters/exchange/shared/signing';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { KEY, simulator } from './harness';

let sim: Simulator;
let sent: HttpRequest[];
const bybitOn = (extra: Partial<BybitSetup> = {}) =>
  new BybitExchange({ httpUrl: sim.httpUrl, wsUrl: sim.wsUrl, category: 'linear', credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, budgets: new RateBudgetRegistry(Date.now), recvWindow: 5_000, timeoutMs: 1_000, send: (r) => (sent.push(r), fetchSend(r)), ...extra });

beforeEach(async () => {
  sim = await simulator();
  sim.trade('BTCUSDT', 100);
  sent = [];
});
afterEach(() => sim.close());

describe('Bybit trailing stop (position trading-stop)', () => {
  it('sends the documented body, signed over ts+key+recvWindow+exact body', async () => {
    const ex = bybitOn();
    await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 2, clientOrderId: 'ts-entry' });
    sent = [];
    await ex.setTrailingStop('BTCUSDT', 1.5);
    const req = sent.find((r) => r.url.endsWith('/v5/position/trading-stop'))!;
    expect(req.method).toBe('POST');
    expect(JSON.parse(req.body!)).toEqual({ category: 'linear', symbol: 'BTCUSDT', tpslMode: 'Full', positionIdx: 0, trailingStop: '1.5' });
    const h = req.headers!;
    expect(h['X-BAPI-API-KEY']).toBe(KEY.apiKey);
    expect(h['X-BAPI-RECV-WINDOW']).toBe('5000');
    expect(h['X-BAPI-SIGN']).toBe(signBybit(KEY.secret, Number(h['X-BAPI-TIMESTAMP']), KEY.apiKey, 5000, req.body!));
  });

  it('the venue-made stop trails the high and closes the long; it carries no client id; zero position is refused', async () => {
    const ex = bybitOn();
    await expect(ex.setTrailingStop('BTCUSDT', 2)).rejects.toMatchObject({ classified: { code: 10001 } });
    await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'ts-long' });
    const stop = await ex.setTrailingStop('BTCUSDT', 2);
    expect(stop).toMatchObject({ type: 'TRAILING_STOP_MARKET', side: 'SELL', status: 'NEW', quantity: 1, reduceOnly: true });
    expect(stop!.clientOrderId).toMatch(/^bybit:/);
    // 2 at a last price of 100 is 2 %: the simulator trails in proportion (Bybit keeps the distance), so 107.8 after a 110 high.
    sim.trade('BTCUSDT', 110);
    sim.trade('BTCUSDT', 108.5);
    expect(await ex.positions()).toMatchObject([{ side: 'LONG', quantity: 1 }]);
    sim.trade('BTCUSDT', 107.5);
    expect(await ex.positions()).toEqual([]);
    // Setting it again replaces the one stop rather than adding a second.
    await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'ts-long2' });
    await ex.setTrailingStop('BTCUSDT', 2);
    await ex.setTrailingStop('BTCUSDT', 3);
    expect((await ex.openOrders('BTCUSDT')).filter((o) => o.type === 'TRAILING_STOP_MARKET')).toHaveLength(1);
  });

  it('order/create refuses a trailing stop and points at the right call', async () => {
    await expect(bybitOn().placeOrder({ symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: 1, trailingBips: 50, clientOrderId: 'ts-x' })).rejects.toThrow(/setTrailingStop/);
  });
});
