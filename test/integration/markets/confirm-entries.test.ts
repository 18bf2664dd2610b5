// Confirm before trading, on a real engine against the exchange simulator: a strategy with `confirmEntries` on asks
// before each entry and sends nothing until a person approves through the contract call. No answer by the deadline,
// a rejection or the kill switch mean no order, each recorded in the audit log; an approval sends exactly one entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import type { Kline } from '../../../src-main/core/exchange/types';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import type { StrategyTrader } from '../../../src-main/engine/markets/strategy-trader';
import { AccountView, ConfirmationView, OrderRow, StrategyConfigView } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';
import { KEY, simulator, until } from '../exchange/harness';

const DEADLINE_S = 1;
/** A zigzag the 2/3 SMA cross enters on every few bars. */
const CLOSES = [100, 99, 98, 97, 110, 80, 70, 60];

describe('confirm entries before trading', () => {
  const dir = tempDir('cockpit-confirm-');
  let sim: Simulator;
  let stopFeed: () => void;
  let engine: Engine;
  let accountId: string;
  let strategy: StrategyConfigView;
  let trader: StrategyTrader;
  // Candles in the future: a real 1m close from the simulator is older, so the trader skips it.
  let bar = 0;
  const start = Math.floor(Date.now() / 60_000) * 60_000 + 86_400_000;

  const call = async (name: string, input?: unknown): Promise<unknown> => {
    const r = await engine.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  const entries = async () => OrderRow.array().parse(await call('markets.orders', { accountId })).filter((o) => o.role === 'entry');
  const records = (id: string) => engine.actions.recent(500).filter((a) => a.kind === 'trade-confirmation' && a.target === id).map((a) => a.reason).reverse();
  const nextKline = (): Kline => {
    const openTime = start + bar * 60_000;
    const close = CLOSES[bar++ % CLOSES.length]!;
    return { symbol: 'BTCUSDT', interval: '1m', openTime, closeTime: openTime + 59_999, open: close, high: close + 1, low: close - 1, close, volume: 1, closed: true };
  };
  /** Feeds closed candles until the strategy wants to enter and asks; answers the question and the candle's work. */
  type EntryView = Extract<ConfirmationView, { kind: 'entry' }>;
  const feedUntilAsked = async (): Promise<{ asked: EntryView; done: Promise<void> }> => {
    for (let i = 0; i < 2 * CLOSES.length; i++) {
      let asked: (c: EntryView) => void = () => undefined;
      const question = new Promise<EntryView>((resolve) => (asked = resolve));
      const off = engine.bus.on('confirmations.changed', (e) => e.changed.status === 'pending' && e.changed.kind === 'entry' && asked(e.changed));
      const done = trader.enqueue(nextKline());
      const first = await Promise.race([question, done.then(() => null)]);
      off();
      if (first) return { asked: first, done };
    }
    throw new Error('the strategy never asked to enter');
  };

  beforeAll(async () => {
    sim = await simulator();
    stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 50, volatility: 0.001, seed: 5 });
    engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('confirm test') });
    // A testnet account on the simulator: its market orders fill at once, at the venue.
    accountId = AccountView.parse(await call('markets.addAccount', { exchange: 'binance-spot', environment: 'testnet', label: 'Sim testnet', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl })).id;
    await until(async () => AccountView.array().parse(await call('markets.listAccounts')).find((a) => a.id === accountId)?.connected === true, 10_000, 50);
  });

  afterAll(async () => {
    if (engine?.db.open) await engine.shutdown('test over');
    stopFeed?.();
    await sim?.close();
    dir.cleanup();
  });

  it('is offered only where the deadline fits half a candle', async () => {
    const base = { strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: 'x', symbol: 'BTCUSDT', quotePerTrade: 1_000, riskProfile: false, confirmEntries: true };
    const refused = async (input: object) => {
      const r = await engine.dispatch('markets.configureStrategy', { ...base, accountId, ...input });
      return r.ok ? null : r.error;
    };
    expect(await refused({ interval: '1s', confirmSeconds: 1 })).toEqual({ code: 'BAD_INPUT', message: 'Confirm entries: 1s candles are too short to wait for a confirmation.' });
    // The default deadline (60 s) does not fit a 1m candle.
    expect(await refused({ interval: '1m' })).toEqual({ code: 'BAD_INPUT', message: 'Confirm entries: a 60 s confirmation deadline does not fit 1m candles: at most 30 s (half a candle).' });
    strategy = StrategyConfigView.parse(await call('markets.configureStrategy', { ...base, accountId, interval: '1m', confirmSeconds: DEADLINE_S }));
    expect(strategy).toMatchObject({ confirmEntries: true, confirmSeconds: DEADLINE_S });
    engine.strategies.setEnabled(`strategy:${strategy.id}`, true);
    trader = engine.markets.trader(strategy.id)!;
    expect(trader.running).toBe(true);
  });

  it('no answer by the deadline: no order, and the expiry is recorded', async () => {
    const { asked, done } = await feedUntilAsked();
    expect(asked).toMatchObject({ strategy: strategy.id, accountId, symbol: 'BTCUSDT', side: 'BUY', status: 'pending', decidedBy: null });
    expect(asked.deadline - asked.createdAt).toBe(DEADLINE_S * 1000);
    expect(ConfirmationView.array().parse(await call('confirmations.pending')).map((c) => c.id)).toEqual([asked.id]);
    await done;
    expect(await entries()).toEqual([]);
    expect(trader.lastEvent).toBe(`entry not confirmed: expired (no answer within ${DEADLINE_S} s); no order`);
    expect(records(asked.id)).toEqual([expect.stringMatching(/^requested: BUY [\d.]+ BTCUSDT at about \d+ \(/), `expired: no answer within ${DEADLINE_S} s; no trade`]);
    // A late answer is refused and changes nothing.
    expect(await engine.dispatch('confirmations.answer', { id: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Too late/) } });
    expect(await entries()).toEqual([]);
    expect(await call('confirmations.pending')).toEqual([]);
  });

  it('a rejection: no order', async () => {
    const { asked, done } = await feedUntilAsked();
    expect(ConfirmationView.parse(await call('confirmations.answer', { id: asked.id, approve: false }))).toMatchObject({ status: 'rejected', decidedBy: 'app' });
    await done;
    expect(await entries()).toEqual([]);
    expect(trader.lastEvent).toBe('entry not confirmed: rejected by app; no order');
    expect(records(asked.id)[1]).toBe('rejected by app; no trade');
  });

  it('the kill switch while waiting: no order, even once released', async () => {
    const { asked, done } = await feedUntilAsked();
    await call('app.setKillSwitch', { engaged: true });
    await done;
    expect(records(asked.id)[1]).toMatch(/^canceled: /);
    expect(await engine.dispatch('confirmations.answer', { id: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call('app.setKillSwitch', { engaged: false });
    expect(await entries()).toEqual([]);
    engine.strategies.setEnabled(`strategy:${strategy.id}`, true);
    expect(trader.running).toBe(true);
  });

  it('an approval through the contract call sends exactly one entry order; a second answer is refused', async () => {
    const { asked, done } = await feedUntilAsked();
    expect(ConfirmationView.parse(await call('confirmations.answer', { id: asked.id, approve: true }))).toMatchObject({ status: 'approved', decidedBy: 'app' });
    expect(await engine.dispatch('confirmations.answer', { id: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Already approved (app): this answer changes nothing.' } });
    await done;
    const sent = await entries();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ side: 'BUY', type: 'MARKET', status: 'FILLED', strategy: strategy.id });
    expect(sent[0]!.filledQty).toBeCloseTo(asked.quantity, 4);
    // The refused second answer is recorded too.
    expect(records(asked.id)).toEqual([expect.stringMatching(/^requested: /), 'approved by app; the order goes out', 'refused approval by app: Already approved (app): this answer changes nothing.']);
    expect(trader.orders).toBe(1);
  });

  it('exits never wait for a person', async () => {
    let asked = 0;
    const off = engine.bus.on('confirmations.changed', (e) => void (e.changed.status === 'pending' && asked++));
    const exits = async () => OrderRow.array().parse(await call('markets.orders', { accountId })).filter((o) => o.role === 'exit');
    for (let i = 0; i < CLOSES.length && (await exits()).length === 0; i++) await trader.enqueue(nextKline());
    off();
    expect(await exits()).toMatchObject([{ side: 'SELL', status: 'FILLED' }]);
    expect(asked).toBe(0);
  });
});
