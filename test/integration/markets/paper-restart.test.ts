// Paper protection is emulated in memory from market data, so a restart must give the paper engine back what it held: the
// coins the fills left and the resting stop and take-profits, under their own ids (exactly one set), still triggering.
import { describe, expect, it } from 'vitest';
import { until } from '../exchange/harness';
import { shutdown, simulatorAndFile, type Booted } from './protection-harness';

const env = simulatorAndFile();

async function paperEntry(b: Booted) {
  const account = await b.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'paper', baseUrl: env.sim.httpUrl, paperBalance: 10_000 });
  const config = b.markets.configureStrategy({ strategy: 'external-signal', params: { signals: [{ time: 0, action: 'enter' }] }, accountId: account.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 1_000, riskProfile: true, feeRate: 0.001 });
  b.toggles.setEnabled(`strategy:${config.id}`, true);
  const trader = b.markets.trader(config.id)!;
  await until(() => trader.position()?.stopPrice === 85 && protection(b, account.id).stops.length === 1, 15_000, 50);
  return { account, config, quantity: trader.position()!.quantity };
}

function protection(b: Booted, accountId: string) {
  const open = b.markets.orders(accountId, 'open', 50);
  return { stops: open.filter((o) => o.type === 'STOP_MARKET'), targets: open.filter((o) => o.type === 'TAKE_PROFIT_MARKET') };
}

describe('paper: protection survives a restart', () => {
  it('after a restart the paper engine holds the coins and the same stop and take-profits (one set), and the stop still fires', async () => {
    let price = 100;
    // Prices print every 100 ms: 1 s candles close and reach the paper engine and the strategy.
    const feed = setInterval(() => env.sim.trade('BTCUSDT', price), 100);
    try {
      const a = await env.start();
      const { account, config, quantity } = await paperEntry(a);
      const before = protection(a, account.id);
      expect(before.targets).toHaveLength(2);
      await shutdown(env.booted.pop()!); // the paper engine, in memory, is gone with the process

      const b = await env.start();
      const btc = (await b.markets.balances(account.id)).find((x) => x.asset === 'BTC');
      expect(btc?.free).toBeCloseTo(quantity, 9);
      const after = protection(b, account.id);
      expect(after.stops.map((o) => o.clientOrderId)).toEqual(before.stops.map((o) => o.clientOrderId));
      expect(after.targets.map((o) => o.clientOrderId).sort()).toEqual(before.targets.map((o) => o.clientOrderId).sort());

      const trader = b.markets.trader(config.id)!;
      // The restarted runner releases its entry signal again on its first candle: let it meet the held position first.
      await until(() => trader.runner.processed > 0, 5_000, 50);
      price = 80; // through the stop at 85: only a stop resting in the restarted engine can fill there
      await until(() => trader.trades.length === 1, 15_000, 100);
      expect(trader.trades[0]!.exitPrice).toBeCloseTo(85, 9);
      await until(() => protection(b, account.id).targets.length === 0, 5_000, 50);
      expect(b.markets.positions().filter((p) => p.accountId === account.id)).toEqual([]);
      // Cash is what the recorded fills left: start, minus the entry, plus the stop's proceeds, minus the fees.
      const usdt = (await b.markets.balances(account.id)).find((x) => x.asset === 'USDT')!.free;
      expect(usdt).toBeCloseTo(10_000 + (85 - 100) * quantity - 0.001 * (100 + 85) * quantity, 6);
    } finally {
      clearInterval(feed);
    }
  }, 60_000);
});

describe('paper: a manual bracket survives a restart', () => {
  it('the restored legs still wait for their entry, and the stop fires on prices after the restart (the account keeps a feed)', async () => {
    const a = await env.start();
    const account = await a.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'paper', baseUrl: env.sim.httpUrl, paperBalance: 10_000 });
    const entry = await a.markets.placeOrder({ accountId: account.id, symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99, stopLoss: 90, takeProfit: 120 });
    expect(entry.status).toBe('NEW');
    await shutdown(env.booted.pop()!);

    const b = await env.start();
    const status = (id: string) => b.markets.orders(account.id, 'all', 50).find((o) => o.clientOrderId === id)?.status;
    const stop = b.markets.orders(account.id, 'open', 50).find((o) => o.type === 'STOP_MARKET')!;
    let price = 98.5; // fills the entry, which activates its legs
    const feed = setInterval(() => env.sim.trade('BTCUSDT', price), 100);
    try {
      await until(() => status(entry.clientOrderId) === 'FILLED', 15_000, 100);
      expect(status(stop.clientOrderId)).toBe('NEW');
      price = 89;
      await until(() => status(stop.clientOrderId) === 'FILLED', 15_000, 100);
      await until(() => b.markets.orders(account.id, 'open', 50).length === 0, 5_000, 50); // OCO: the take-profit went with it
      expect(b.markets.positions().filter((p) => p.accountId === account.id)).toEqual([]);
    } finally {
      clearInterval(feed);
    }
  }, 60_000);
});
