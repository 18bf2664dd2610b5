// Runs in: engine. The Prometheus metrics of one engine, fed from the event bus and the audit log, never from scattered calls.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OrderStatusName, SignalRow, ToastComponent, type OrderRow, type Toast } from '../../../src-shared/contract';
import type { RecordedAction } from '../../adapters/store/actions-repo';
import { errorText, silentLogger, type Logger } from '../../core/logging/logger';
import type { EventBus } from '../event-bus';
import type { MarketTiming } from '../markets/market-timings';
import { REST_VENUES } from '../markets/venue-connector';

/** One capture and OCR read of the multiplier region, as the autopilot's read loop reports it. */
export interface ReadTiming {
  readonly read: { readonly ms: number; readonly path: string };
}

export interface StreamAge {
  readonly stream: string;
  /** Since its last message; null while it has had none. */
  readonly ageMs: number | null;
}

export interface AccountEquity {
  readonly account: string;
  readonly equity: number;
}

export interface MetricsSources {
  readonly bus: EventBus;
  /** The audit log: every click and refused click is written there, and only there. */
  readonly actions: { onRecord(listener: (action: RecordedAction) => void): () => void };
  readonly reads: { onObservation(listener: (observation: ReadTiming) => void): () => void };
  /** Venue REST requests and candle → order latencies of the exchange strategies. */
  readonly markets: { onTiming(listener: (timing: MarketTiming) => void): () => void };
  /** When the signal an execution plays arrived (ms epoch). */
  signalReceivedAt(executionId: number): number | undefined;
  openPositions(): number;
  streams(): readonly StreamAge[];
  /** May ask the venues (REST): called at most once per `equityTtlMs`. */
  equity(): Promise<readonly AccountEquity[]>;
  readonly now?: () => number;
  readonly equityTtlMs?: number;
  readonly equityTimeoutMs?: number;
  /** A failed equity read is logged here; the scrape goes on without the gauge. */
  readonly log?: Logger;
}

/** What the audit log calls a click or a keystroke into the game, sent or refused. */
const CLICK_KINDS = new Set(['click', 'refused-click', 'type', 'refused-type']);
const CLICK_TARGETS = new Set(['bet', 'cashout', 'cancel', 'stakeInput', 'autoCashoutInput']);
/** A signal's verdict and an order's status are remembered this long (entries), to count each change once. */
const REMEMBERED = 4096;

/**
 * Owns a private registry (no global default registry, no default process metrics): two engines in one process, as in
 * tests, never share or clash. Counters count events since this engine started, as Prometheus counters do.
 */
export class MetricsService {
  private readonly registry = new Registry();
  private readonly signals: Counter<'verdict'>;
  private readonly clicks: Counter<'kind' | 'target'>;
  private readonly orders: Counter<'status'>;
  private readonly errors: Counter<'component'>;
  private readonly signalToClick: Histogram;
  private readonly captureRead: Histogram<'path'>;
  private readonly tickToOrder: Histogram;
  private readonly restLatency: Histogram<'venue' | 'outcome'>;
  private readonly signalVerdicts = new RecentMap<number, string>(REMEMBERED);
  private readonly orderStatuses = new RecentMap<string, string>(REMEMBERED);
  private readonly equityCache: CachedCall<readonly AccountEquity[]>;
  private readonly stops: Array<() => void> = [];

  constructor(private readonly sources: MetricsSources) {
    const registers = [this.registry];
    this.signals = new Counter({ name: 'cockpit_signals_total', help: 'Signal frames recorded, by verdict. A queued signal later dropped counts once as accepted and once as dropped.', labelNames: ['verdict'], registers });
    this.clicks = new Counter({ name: 'cockpit_clicks_total', help: 'Clicks and keystrokes into the game, by audit kind (click, refused-click, type, refused-type) and target.', labelNames: ['kind', 'target'], registers });
    this.orders = new Counter({ name: 'cockpit_orders_total', help: 'Exchange orders reaching each status (an order that fills counts under NEW and FILLED).', labelNames: ['status'], registers });
    this.errors = new Counter({ name: 'cockpit_errors_total', help: 'Errors the engine reported to the user (error toasts), by component.', labelNames: ['component'], registers });
    this.signalToClick = new Histogram({
      name: 'cockpit_signal_to_click_seconds',
      help: 'From a signal frame arriving to its Bet click being sent (sent clicks only: none in dry run). Includes the wait for the betting phase.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.captureRead = new Histogram({
      name: 'cockpit_capture_read_seconds',
      help: 'One capture of the multiplier region plus its OCR read, by read path (glyph fast path or tesseract).',
      labelNames: ['path'],
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5],
      registers,
    });
    this.tickToOrder = new Histogram({
      name: 'cockpit_tick_to_order_seconds',
      help: 'From the engine receiving the closed candle a strategy acted on to its market order being handed to the venue (paper and live). Includes the balance and limit reads before an entry.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.restLatency = new Histogram({
      name: 'cockpit_rest_latency_seconds',
      help: 'Wall time of each REST request to an exchange venue, by venue and outcome (error: no answer, or HTTP 4xx/5xx). Retries count as requests.',
      labelNames: ['venue', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // Gauges are read when scraped (prom-client calls `collect` with the gauge as `this`), so they are never stale.
    new Gauge({
      name: 'cockpit_open_positions',
      help: 'Open exchange positions, all accounts.',
      registers,
      collect() {
        this.set(sources.openPositions());
      },
    });
    new Gauge({
      name: 'cockpit_stream_freshness_seconds',
      help: 'Seconds since the last message of each live stream (market data per account, the signal source).',
      labelNames: ['stream'],
      registers,
      collect() {
        this.reset();
        for (const s of sources.streams()) if (s.ageMs !== null) this.set({ stream: s.stream }, Math.max(0, s.ageMs) / 1000);
      },
    });
    const log = sources.log ?? silentLogger;
    this.equityCache = new CachedCall(() => sources.equity(), sources.equityTtlMs ?? 15_000, sources.equityTimeoutMs ?? 3_000, sources.now ?? Date.now, (error) => log.warn(`equity not read: ${errorText(error)}`));
    const equityCache = this.equityCache;
    new Gauge({
      name: 'cockpit_equity',
      help: 'Equity of each connected exchange account in its quote currency (USDT plus held coins at mark, or unrealized P&L on margin).',
      labelNames: ['account'],
      registers,
      async collect() {
        const rows = await equityCache.get();
        if (!rows) return;
        this.reset();
        for (const row of rows) this.set({ account: row.account }, row.equity);
      },
    });
    // Every label value the contract allows is shown from the start: a series at 0 says "none yet", an absent one says nothing.
    for (const verdict of SignalRow.shape.verdict.options) this.signals.inc({ verdict }, 0);
    for (const status of OrderStatusName.options) this.orders.inc({ status }, 0);
    for (const component of ToastComponent.options) this.errors.inc({ component }, 0);
    for (const venue of REST_VENUES) for (const outcome of ['ok', 'error']) this.restLatency.zero({ venue, outcome });
  }

  start(): void {
    if (this.stops.length > 0) return;
    const { bus } = this.sources;
    this.stops.push(
      bus.on('signal.recorded', (row) => this.onSignal(row)),
      bus.on('markets.order', (row) => this.onOrder(row)),
      bus.on('toast', (toast) => this.onToast(toast)),
      this.sources.actions.onRecord((action) => this.onAction(action)),
      this.sources.reads.onObservation(({ read }) => this.captureRead.observe({ path: read.path }, read.ms / 1000)),
      this.sources.markets.onTiming((t) => this.onMarketTiming(t)),
    );
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  // The UI lane may deliver one row twice (accepted, then read back as dropped): each verdict of a row counts once.
  private onSignal(row: SignalRow): void {
    if (this.signalVerdicts.get(row.id) === row.verdict) return;
    this.signalVerdicts.set(row.id, row.verdict);
    this.signals.inc({ verdict: row.verdict });
  }

  // `markets.order` repeats a status on every fill of a partial order: count the changes.
  private onOrder(row: OrderRow): void {
    const key = `${row.accountId}\n${row.clientOrderId}`;
    if (this.orderStatuses.get(key) === row.status) return;
    this.orderStatuses.set(key, row.status);
    this.orders.inc({ status: row.status });
  }

  private onMarketTiming(t: MarketTiming): void {
    if (t.kind === 'rest') this.restLatency.observe({ venue: t.venue, outcome: t.outcome }, t.ms / 1000);
    else this.tickToOrder.observe(t.ms / 1000);
  }

  private onToast(toast: Toast): void {
    if (toast.level === 'error') this.errors.inc({ component: toast.component ?? 'other' });
  }

  private onAction(action: RecordedAction): void {
    if (!CLICK_KINDS.has(action.kind)) return;
    const target = action.target && CLICK_TARGETS.has(action.target) ? action.target : 'other';
    this.clicks.inc({ kind: action.kind, target });
    if (action.kind !== 'click' || action.target !== 'bet' || action.executionId == null) return;
    const receivedAt = this.sources.signalReceivedAt(action.executionId);
    if (receivedAt !== undefined) this.signalToClick.observe(Math.max(0, action.at - receivedAt) / 1000);
  }
}

/** A Map that forgets its oldest entries past `capacity`. */
class RecentMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

/**
 * A scrape every few seconds must not become a venue call every few seconds: the answer is kept for `ttlMs`, and a
 * slow venue answers the scrape with the last value (or none) after `timeoutMs` rather than holding it.
 */
class CachedCall<T> {
  private value: T | null = null;
  private fetchedAt = -Infinity;
  private running: Promise<void> | null = null;

  constructor(
    private readonly call: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly timeoutMs: number,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  async get(): Promise<T | null> {
    if (this.now() - this.fetchedAt >= this.ttlMs) {
      this.running ??= this.call()
        .then((value) => void (this.value = value))
        .catch((error: unknown) => this.onError(error))
        // A failure waits its turn too: a venue that is down must not be asked on every scrape.
        .finally(() => {
          this.fetchedAt = this.now();
          this.running = null;
        });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timeoutMs)));
      await Promise.race([this.running, timeout]);
      clearTimeout(timer);
    }
    return this.value;
  }
}
