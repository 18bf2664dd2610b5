// `cockpit simulator`: serves the simulator with a moving demo feed and a working trade-only demo key, stops cleanly on a signal.
import { describe, expect, it, vi } from 'vitest';
import { createBinanceSpot } from '../../../src-main/adapters/exchange/binance/binance-factory';
import { DEFAULT_SYMBOLS } from '../../../src-main/adapters/exchange/simulator/server';
import run, { DEMO_KEY } from '../../../src-main/cli/commands/simulator';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import { until } from '../exchange/harness';

describe('cockpit simulator', () => {
  it('prints its URLs, moves prices, accepts the demo key and exits 0 on SIGINT', async () => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    try {
      const exit = run(['--port', '0', '--every', '10']);
      await until(() => out.includes('Simulator ready'));
      const url = /Simulator ready: (\S+)/.exec(out)![1]!;
      expect(out).toContain(`${url.replace('http', 'ws')}/ws/btcusdt@kline_1s`);
      const { exchange } = createBinanceSpot({ httpUrl: url, wsUrl: url.replace('http', 'ws'), credentials: { apiKey: DEMO_KEY.apiKey, secret: DEMO_KEY.secret }, budgets: new RateBudgetRegistry(Date.now), symbols: DEFAULT_SYMBOLS });
      await exchange.assertNoWithdrawPermission();
      expect(await exchange.balances()).toContainEqual(expect.objectContaining({ asset: 'USDT', free: 100_000 }));
      const first = await exchange.fetchKlines('BTCUSDT', '1s');
      expect(first.length).toBeGreaterThan(0);
      await until(async () => (await exchange.fetchKlines('BTCUSDT', '1s')).at(-1)!.close !== first.at(-1)!.close, 5_000, 50);
      process.emit('SIGINT');
      expect(await exit).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a bad port', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run(['--port', '70000'])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
