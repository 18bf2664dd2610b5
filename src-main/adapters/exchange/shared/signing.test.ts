import { describe, expect, it } from 'vitest';
import { bybitSignPayload, bybitWsAuthMessage, encodeParams, hmacSha256Hex, signBinanceRest, signBinanceWsApi, signBybit } from './signing';

const DOC_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';

describe('Binance signing', () => {
  it('matches the documented REST vector', () => {
    const qs = encodeParams([
      ['symbol', 'LTCBTC'], ['side', 'BUY'], ['type', 'LIMIT'], ['timeInForce', 'GTC'], ['quantity', 1], ['price', 0.1], ['recvWindow', 5000], ['timestamp', 1499827319559],
    ]);
    expect(qs).toBe('symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559');
    expect(signBinanceRest(DOC_SECRET, qs)).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  it('signs query + body concatenated, exactly as sent', () => {
    const q = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC';
    const b = 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    expect(signBinanceRest(DOC_SECRET, q, b)).toBe('0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77');
  });

  it('percent-encodes non-ASCII before signing', () => {
    const qs = encodeParams([['symbol', '１２３４５６'], ['side', 'BUY']]);
    expect(qs).toBe('symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY');
    expect(signBinanceRest(DOC_SECRET, qs)).toBe(hmacSha256Hex(DOC_SECRET, qs));
  });

  it('WS API signs all params but signature, apiKey included, sorted', () => {
    const params = { timestamp: 1499827319559, apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', symbol: 'BTCUSDT', signature: 'ignored' };
    const expected = hmacSha256Hex(DOC_SECRET, 'apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A&symbol=BTCUSDT&timestamp=1499827319559');
    expect(signBinanceWsApi(DOC_SECRET, params)).toBe(expected);
  });
});

describe('Bybit signing', () => {
  it('signs ts+key+recvWindow+payload as lowercase hex', () => {
    const body = '{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.01"}';
    expect(bybitSignPayload(1658384314791, 'XXXXXXXXXX', 5000, body)).toBe(`1658384314791XXXXXXXXXX5000${body}`);
    const sig = signBybit('secret', 1658384314791, 'XXXXXXXXXX', 5000, 'category=option&symbol=BTC-29JUL22-25000-C');
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(sig).toBe(hmacSha256Hex('secret', '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C'));
  });
  it('builds the private WS auth frame', () => {
    const m = bybitWsAuthMessage('key', 'secret', 1662350400000);
    expect(m).toEqual({ op: 'auth', args: ['key', 1662350400000, hmacSha256Hex('secret', 'GET/realtime1662350400000')] });
  });
});
