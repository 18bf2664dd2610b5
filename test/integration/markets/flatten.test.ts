// Flatten all: every order canceled (entries and resting protection), every position closed at market through partial fills
// and a 429, each step reported; the strategy's position is booked closed. Also through `cockpit flatten --data DIR --yes`.
import { describe, expect, it, vi } from 'vitest';
import { headlessPassphrase } from '../../../src-main/adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import run from '../../../src-main/cli/commands/flatten';
import { createEngine } from '../../../src-main/engine/engine';
import { FLATTEN_PHRASE, type AccountView } from '../../../src-shared/contract';
import { tempDir as dataDir } from '../../support/temp-dir';
import { KEY } from '../exchange/harness';
import { candle, protectedStrategy, resting, simulatorAndFile, type Booted } from './protection-harness';

const env = simulatorAndFile({ liquidityPerTick: 3 });
let b: Booted | undefined;

describe('flatten all', () => {
  it('a thin book (partial fills) and a 429 in the middle: ends flat (the 429 waited out), every order canceled, every step reported', async () => {
    b = await env.start();
    const { config } = await protectedStrategy(b, env.sim, 'binance-futures');
    const trader = b.markets.trader(config.id)!;
    await trader.enqueue(candle(100));
    // The thin book filled 3 of the 10 wanted: the rest was canceled, and exactly that is protected.
    expect(trader.position()?.quantity).toBeCloseTo(3, 9);
    expect(resting(env.sim, 'binance-futures').stops[0]?.quantity).toBeCloseTo(3, 9);
    // Someone else's position and resting entry on the same account.
    const venue = env.sim.futures;
    venue.engine.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 5, clientOrderId: 'by-hand-1' });
    env.sim.trade('BTCUSDT', 100);
    venue.engine.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 2, price: 50, clientOrderId: 'by-hand-2' });
    expect(venue.engine.positionList()[0]?.quantity).toBeCloseTo(8, 9);
    // A 429 on the next close order once the first close has partly filled.
    let armed = false;
    venue.onOrderEvent((e) => {
      if (!armed && e.order.type === 'MARKET' && e.order.side === 'SELL' && e.order.status === 'PARTIALLY_FILLED') {
        armed = true;
        venue.faults.inject('/fapi/v1/order', { kind: 'status', status: 429, retryAfterSec: 1 }, { method: 'POST' });
      }
    });

    const steps = await b.markets.flattenAll();
    expect(steps.at(-1)).toMatchObject({ step: 'flat' });
    expect(venue.engine.positionList()).toEqual([]);
    expect(venue.engine.openOrders()).toEqual([]);
    const canceled = steps.filter((s) => s.step === 'cancel').map((s) => s.detail.split(':')[0]);
    expect(canceled).toContain('by-hand-2');
    expect(canceled.length).toBe(4); // the stranger's entry, the strategy's stop and its two take-profits
    expect(steps.filter((s) => s.step === 'close').length).toBeGreaterThanOrEqual(3); // 8 through a 3-per-print book
    // The 429 was served mid-flatten (and honoured: the REST layer waits out Retry-After and sends the close again).
    expect(armed).toBe(true);
    expect(venue.faults.take('POST', '/fapi/v1/order')).toBeUndefined();
    expect(steps.filter((s) => s.step === 'close').map((s) => s.detail.replace(/^\S+ /, ''))).toEqual(['3 of 8 at 100 (CANCELED)', '3 of 5 at 100 (CANCELED)', '2 of 2 at 100 (FILLED)']);
    expect(steps.every((s) => s.accountId === steps[0]!.accountId)).toBe(true);
    // The strategy's own share is booked as its trade; it is switched off and does not re-enter.
    expect(trader.position()).toBeNull();
    expect(trader.trades).toHaveLength(1);
    expect(trader.trades[0]!.quantity).toBeCloseTo(3, 9);
    expect(trader.running).toBe(false);
  }, 30_000);

  it('cockpit flatten --data DIR --yes: the same, from the command line, exit 0 when flat', async () => {
    const dir = dataDir('cockpit-flatten-');
    try {
      const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher(headlessPassphrase(dir.path).passphrase) });
      const r = await engine.dispatch('markets.addAccount', { exchange: 'bybit', environment: 'testnet', label: 'bybit', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: env.sim.httpUrl });
      const account = (r.ok ? r.data : undefined) as AccountView;
      expect(account.connected).toBe(true);
      await engine.shutdown('setup');
      env.sim.bybit.engine.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 2, clientOrderId: 'pos-1' });
      env.sim.bybit.engine.submit({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 2, stopPrice: 80, reduceOnly: true, clientOrderId: 'stop-1' });
      let out = '';
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
      try {
        expect(await run(['--data', dir.path, '--yes'])).toBe(0);
      } finally {
        spy.mockRestore();
      }
      expect(out).toContain(`${account.id}\tBTCUSDT\tcancel\tstop-1`);
      expect(out).toMatch(new RegExp(`${account.id}\\tBTCUSDT\\tclose\\t`));
      expect(out).toContain(`${account.id}\t-\tflat`);
      expect(env.sim.bybit.engine.positionList()).toEqual([]);
      expect(FLATTEN_PHRASE).toBe('FLATTEN');
    } finally {
      dir.cleanup();
    }
  }, 30_000);
});
