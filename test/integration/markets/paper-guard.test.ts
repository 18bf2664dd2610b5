// Paper protection is emulated from market data: after the kill switch stops a paper strategy, its price feed is kept, so
// its stop still triggers on the paper matching engine and the fill reaches the store.
import { describe, expect, it } from 'vitest';
import { until } from '../exchange/harness';
import { simulatorAndFile } from './protection-harness';

const env = simulatorAndFile();

describe('paper: protection keeps working under the kill switch', () => {
  it('the stop of a stopped paper strategy fills when prices reach it', async () => {
    const b = await env.start();
    const account = await b.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'paper', baseUrl: env.sim.httpUrl, paperBalance: 10_000 });
    const config = b.markets.configureStrategy({ strategy: 'external-signal', params: { signals: [{ time: 0, action: 'enter' }] }, accountId: account.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 1_000, riskProfile: true, feeRate: 0.001 });
    b.toggles.setEnabled(`strategy:${config.id}`, true);
    const trader = b.markets.trader(config.id)!;
    // Prices print every 100 ms: 1 s candles close and reach the paper engine and the strategy.
    const feed = setInterval(() => env.sim.trade('BTCUSDT', price), 100);
    let price = 100;
    try {
      await until(() => trader.position()?.stopPrice === 85, 15_000, 50);
      b.safety.setKillSwitch(true, 'test');
      expect(trader.running).toBe(false);
      price = 80; // through the stop
      await until(() => b.markets.orders(account.id, 'all', 50).some((o) => o.role === 'stop-loss' && o.status === 'FILLED'), 15_000, 100);
      expect(b.markets.positions().filter((p) => p.accountId === account.id)).toEqual([]);
    } finally {
      clearInterval(feed);
    }
  }, 40_000);
});
