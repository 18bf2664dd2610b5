import { describe, expect, it } from 'vitest';
import type { OrderRow, SignalRow } from '../../../src-shared/contract';
import { histogramCount, histogramSeries, observations, parsePrometheus, sampleValue } from '../../../test/support/prometheus-text';
import type { RecordedAction } from '../../adapters/store/actions-repo';
import { EventBus } from '../event-bus';
import type { MarketTiming } from '../markets/market-timings';
import { MetricsService, type AccountEquity, type MetricsSources, type ReadTiming, type StreamAge } from './metrics-service';

function harness(overrides: Partial<MetricsSources> = {}) {
  const bus = new EventBus();
  const actionListeners = new Set<(a: RecordedAction) => void>();
  const readListeners = new Set<(o: ReadTiming) => void>();
  const timingListeners = new Set<(t: MarketTiming) => void>();
  let nextActionId = 1;
  const state = { positions: 0, streams: [] as StreamAge[], equity: [] as AccountEquity[], equityCalls: 0, now: 1_000_000 };
  const metrics = new MetricsService({
    bus,
    actions: { onRecord: (l) => (actionListeners.add(l), () => actionListeners.delete(l)) },
    reads: { onObservation: (l) => (readListeners.add(l), () => readListeners.delete(l)) },
    markets: { onTiming: (l) => (timingListeners.add(l), () => timingListeners.delete(l)) },
    signalReceivedAt: (executionId) => (executionId === 7 ? 10_000 : undefined),
    openPositions: () => state.positions,
    streams: () => state.streams,
    equity: async () => (state.equityCalls++, state.equity),
    now: () => state.now,
    ...overrides,
  });
  metrics.start();
  return {
    bus,
    metrics,
    state,
    action: (a: Omit<RecordedAction, 'id' | 'mode' | 'reason'>) => actionListeners.forEach((l) => l({ id: nextActionId++, mode: 'live', reason: 'test', ...a })),
    read: (ms: number, path: string) => readListeners.forEach((l) => l({ read: { ms, path } })),
    timing: (t: MarketTiming) => timingListeners.forEach((l) => l(t)),
    scrape: async () => parsePrometheus(await metrics.render()),
  };
}

const signal = (id: number, verdict: SignalRow['verdict']): SignalRow => ({ id, receivedAt: 0, source: 'ws', roundId: String(id), verdict, reason: null, target: 2, bet: true, raw: '{}' });
const order = (clientOrderId: string, status: OrderRow['status']): OrderRow => ({
  accountId: 'paper-1', clientOrderId, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', status, quantity: 1, price: null, stopPrice: null, filledQty: 0, avgPrice: null, role: null, strategy: null, updatedAt: 0,
});

describe('MetricsService', () => {
  it('counts each verdict of a signal row once, and shows every verdict from the start', async () => {
    const h = harness();
    expect(sampleValue(await h.scrape(), 'cockpit_signals_total', { verdict: 'dropped' })).toBe(0);
    h.bus.emit('signal.recorded', signal(1, 'accepted'));
    h.bus.emit('signal.recorded', signal(1, 'accepted')); // the UI lane re-delivers a row: not a new signal
    h.bus.emit('signal.recorded', signal(2, 'rejected'));
    h.bus.emit('signal.recorded', signal(1, 'dropped')); // evicted from the queue later
    const families = await h.scrape();
    expect(sampleValue(families, 'cockpit_signals_total', { verdict: 'accepted' })).toBe(1);
    expect(sampleValue(families, 'cockpit_signals_total', { verdict: 'rejected' })).toBe(1);
    expect(sampleValue(families, 'cockpit_signals_total', { verdict: 'dropped' })).toBe(1);
  });

  it('counts clicks by audit kind and target, and times a sent Bet click from its signal', async () => {
    const h = harness();
    h.action({ kind: 'refused-click', target: 'bet', at: 10_500, executionId: 6 });
    h.action({ kind: 'click', target: 'bet', at: 10_250, executionId: 7 });
    h.action({ kind: 'click', target: 'cashout', at: 12_000, executionId: 7 });
    h.action({ kind: 'mode', target: 'live', at: 13_000 }); // not a click
    const families = await h.scrape();
    expect(sampleValue(families, 'cockpit_clicks_total', { kind: 'click', target: 'bet' })).toBe(1);
    expect(sampleValue(families, 'cockpit_clicks_total', { kind: 'click', target: 'cashout' })).toBe(1);
    expect(sampleValue(families, 'cockpit_clicks_total', { kind: 'refused-click', target: 'bet' })).toBe(1);
    expect(families.find((f) => f.name === 'cockpit_clicks_total')!.metrics).toHaveLength(3);
    expect(observations(families, 'cockpit_signal_to_click_seconds')).toBe(1);
    const text = await h.metrics.render();
    expect(text).toMatch(/^cockpit_signal_to_click_seconds_sum 0\.25$/m);
    expect(text).toMatch(/^cockpit_signal_to_click_seconds_bucket\{le="0\.25"\} 1$/m);
    expect(text).toMatch(/^cockpit_signal_to_click_seconds_bucket\{le="0\.1"\} 0$/m);
  });

  it('counts order status changes, not repeats of one status, and error toasts by component', async () => {
    const h = harness();
    for (const status of ['PENDING', 'NEW', 'PARTIALLY_FILLED', 'PARTIALLY_FILLED', 'FILLED'] as const) h.bus.emit('markets.order', order('a', status));
    h.bus.emit('markets.order', order('b', 'REJECTED'));
    h.bus.emit('toast', { level: 'error', message: 'Round 5 failed', component: 'autopilot' });
    h.bus.emit('toast', { level: 'error', message: 'no component' });
    h.bus.emit('toast', { level: 'warn', message: 'a warning is not an error', component: 'markets' });
    const families = await h.scrape();
    expect(sampleValue(families, 'cockpit_orders_total', { status: 'PARTIALLY_FILLED' })).toBe(1);
    expect(sampleValue(families, 'cockpit_orders_total', { status: 'FILLED' })).toBe(1);
    expect(sampleValue(families, 'cockpit_orders_total', { status: 'REJECTED' })).toBe(1);
    expect(sampleValue(families, 'cockpit_orders_total', { status: 'CANCELED' })).toBe(0);
    expect(sampleValue(families, 'cockpit_errors_total', { component: 'autopilot' })).toBe(1);
    expect(sampleValue(families, 'cockpit_errors_total', { component: 'other' })).toBe(1);
    expect(sampleValue(families, 'cockpit_errors_total', { component: 'markets' })).toBe(0);
  });

  it('observes capture+read times by path', async () => {
    const h = harness();
    h.read(0.8, 'glyph');
    h.read(1.2, 'glyph');
    h.read(14, 'tesseract');
    const text = await h.metrics.render();
    expect(text).toMatch(/^cockpit_capture_read_seconds_count\{path="glyph"\} 2$/m);
    expect(text).toMatch(/^cockpit_capture_read_seconds_count\{path="tesseract"\} 1$/m);
    expect(text).toMatch(/^cockpit_capture_read_seconds_bucket\{le="0\.001",path="glyph"\} 1$/m);
  });

  it('observes candle → order latencies, and REST latencies by venue and outcome with every venue shown from the start', async () => {
    const h = harness();
    let text = await h.metrics.render();
    expect(observations(parsePrometheus(text), 'cockpit_tick_to_order_seconds')).toBe(0);
    const venues = ['binance-spot', 'binance-futures', 'bybit'];
    expect(histogramSeries(text, 'cockpit_rest_latency_seconds')).toEqual(venues.flatMap((venue) => ['ok', 'error'].map((outcome) => ({ labels: { venue, outcome }, count: 0 }))));
    h.timing({ kind: 'tick-to-order', ms: 0.8 });
    h.timing({ kind: 'tick-to-order', ms: 40 });
    h.timing({ kind: 'rest', venue: 'bybit', outcome: 'ok', ms: 120 });
    h.timing({ kind: 'rest', venue: 'bybit', outcome: 'error', ms: 8_000 });
    h.timing({ kind: 'rest', venue: 'binance-spot', outcome: 'ok', ms: 7 });
    text = await h.metrics.render();
    expect(observations(parsePrometheus(text), 'cockpit_tick_to_order_seconds')).toBe(2);
    expect(() => observations(parsePrometheus(text), 'cockpit_rest_latency_seconds', { venue: 'bybit' })).toThrow(/histogramCount/);
    expect(histogramCount(text, 'cockpit_rest_latency_seconds', { venue: 'bybit', outcome: 'ok' })).toBe(1);
    expect(histogramCount(text, 'cockpit_rest_latency_seconds', { venue: 'bybit', outcome: 'error' })).toBe(1);
    expect(histogramCount(text, 'cockpit_rest_latency_seconds', { venue: 'binance-spot' })).toBe(1);
    expect(histogramCount(text, 'cockpit_rest_latency_seconds', { venue: 'binance-futures' })).toBe(0);
    expect(text).toMatch(/^cockpit_tick_to_order_seconds_bucket\{le="0\.001"\} 1$/m);
    expect(text).toMatch(/^cockpit_tick_to_order_seconds_bucket\{le="0\.05"\} 2$/m);
    expect(text).toMatch(/^cockpit_rest_latency_seconds_sum\{venue="bybit",outcome="ok"\} 0\.12$/m);
    expect(text).toMatch(/^cockpit_rest_latency_seconds_bucket\{le="0\.01",venue="binance-spot",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^cockpit_rest_latency_seconds_bucket\{le="5",venue="bybit",outcome="error"\} 0$/m);
  });

  it('reads the gauges at scrape time, and asks for equity at most once per TTL', async () => {
    const h = harness({ equityTtlMs: 10_000 });
    h.state.positions = 2;
    h.state.streams = [{ stream: 'paper-1/kline:BTCUSDT:1s', ageMs: 1500 }, { stream: 'signals', ageMs: null }];
    h.state.equity = [{ account: 'paper-1', equity: 10_250.5 }];
    let families = await h.scrape();
    expect(sampleValue(families, 'cockpit_open_positions')).toBe(2);
    expect(sampleValue(families, 'cockpit_stream_freshness_seconds', { stream: 'paper-1/kline:BTCUSDT:1s' })).toBe(1.5);
    expect(sampleValue(families, 'cockpit_stream_freshness_seconds', { stream: 'signals' })).toBeUndefined();
    expect(sampleValue(families, 'cockpit_equity', { account: 'paper-1' })).toBe(10_250.5);

    h.state.positions = 0;
    h.state.streams = [];
    h.state.equity = [{ account: 'paper-1', equity: 1 }];
    families = await h.scrape();
    expect(sampleValue(families, 'cockpit_open_positions')).toBe(0);
    expect(sampleValue(families, 'cockpit_stream_freshness_seconds', { stream: 'paper-1/kline:BTCUSDT:1s' })).toBeUndefined();
    expect(sampleValue(families, 'cockpit_equity', { account: 'paper-1' })).toBe(10_250.5);
    expect(h.state.equityCalls).toBe(1);
    h.state.now += 10_000;
    expect(sampleValue(await h.scrape(), 'cockpit_equity', { account: 'paper-1' })).toBe(1);
    expect(h.state.equityCalls).toBe(2);
  });

  it('answers a scrape without waiting for a venue that hangs', async () => {
    const h = harness({ equity: () => new Promise(() => {}), equityTimeoutMs: 50 });
    const started = performance.now();
    const families = await h.scrape();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(families.find((f) => f.name === 'cockpit_equity')!.metrics).toEqual([]);
  });

  it('has a private registry: two engines in one process do not clash, and stop() detaches', async () => {
    const a = harness();
    const b = harness();
    a.bus.emit('signal.recorded', signal(1, 'accepted'));
    expect(sampleValue(await a.scrape(), 'cockpit_signals_total', { verdict: 'accepted' })).toBe(1);
    expect(sampleValue(await b.scrape(), 'cockpit_signals_total', { verdict: 'accepted' })).toBe(0);
    a.metrics.stop();
    a.bus.emit('signal.recorded', signal(2, 'accepted'));
    expect(sampleValue(await a.scrape(), 'cockpit_signals_total', { verdict: 'accepted' })).toBe(1);
  });
});
