import { describe, expect, it } from 'vitest';
import { klineBaseUrlFromEnv } from './kline-override';

describe('klineBaseUrlFromEnv', () => {
  it('is unset by default, and accepts only a loopback http(s) origin', () => {
    expect(klineBaseUrlFromEnv({})).toBeUndefined();
    expect(klineBaseUrlFromEnv({ COCKPIT_KLINE_BASE_URL: 'http://127.0.0.1:7100/' })).toBe('http://127.0.0.1:7100');
    expect(klineBaseUrlFromEnv({ COCKPIT_KLINE_BASE_URL: 'http://localhost:7100' })).toBe('http://localhost:7100');
    expect(klineBaseUrlFromEnv({ COCKPIT_KLINE_BASE_URL: 'http://[::1]:7100' })).toBe('http://[::1]:7100');
  });

  it('refuses other hosts, schemes and garbage with the variable named', () => {
    for (const bad of ['http://169.254.169.254', 'https://api.binance.com', 'http://127.0.0.1.evil.example', 'file:///etc/passwd', 'not a url']) {
      expect(() => klineBaseUrlFromEnv({ COCKPIT_KLINE_BASE_URL: bad })).toThrow(/COCKPIT_KLINE_BASE_URL/);
    }
  });
});
