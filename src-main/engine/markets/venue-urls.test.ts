import { describe, expect, it } from 'vitest';
import { venueUrls } from './venue-urls';

describe('venue endpoints per account', () => {
  it('maps a simulator override onto one origin, with each venue’s user-data path', () => {
    const base = { baseUrl: 'http://127.0.0.1:7100/', environment: 'testnet' as const };
    expect(venueUrls({ ...base, exchange: 'binance-spot' })).toEqual({ httpUrl: 'http://127.0.0.1:7100', wsUrl: 'ws://127.0.0.1:7100', userWsUrl: 'ws://127.0.0.1:7100/ws-api/v3', restrictionsUrl: 'http://127.0.0.1:7100' });
    expect(venueUrls({ ...base, exchange: 'binance-futures' }).userWsUrl).toBe('ws://127.0.0.1:7100/fws');
    expect(venueUrls({ ...base, exchange: 'bybit' })).toEqual({ httpUrl: 'http://127.0.0.1:7100', wsUrl: 'ws://127.0.0.1:7100', userWsUrl: 'ws://127.0.0.1:7100/v5/private', restrictionsUrl: undefined });
  });

  it('picks the venue’s testnet or live hosts; a paper account reads Binance spot’s public prices', () => {
    expect(venueUrls({ baseUrl: null, environment: 'paper', exchange: 'paper' }).httpUrl).toBe('https://api.binance.com');
    expect(venueUrls({ baseUrl: null, environment: 'testnet', exchange: 'binance-spot' }).userWsUrl).toBe('wss://ws-api.testnet.binance.vision/ws-api/v3');
    expect(venueUrls({ baseUrl: null, environment: 'live', exchange: 'binance-futures' })).toMatchObject({ httpUrl: 'https://fapi.binance.com', wsUrl: 'wss://fstream.binance.com/market', userWsUrl: 'wss://fstream.binance.com/private/ws', restrictionsUrl: 'https://api.binance.com' });
    const demo = venueUrls({ baseUrl: null, environment: 'testnet', exchange: 'binance-futures' });
    expect(demo.httpUrl).toBe('https://demo-fapi.binance.com');
    expect(demo.restrictionsUrl).toBeUndefined();
    expect(venueUrls({ baseUrl: null, environment: 'testnet', exchange: 'bybit' })).toMatchObject({ httpUrl: 'https://api-testnet.bybit.com', userWsUrl: 'wss://stream-testnet.bybit.com/v5/private' });
  });
});
