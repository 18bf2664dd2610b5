// Runs in: engine.
import WebSocket from 'ws';

export interface StreamHealth {
  readonly connected: boolean;
  readonly lastMessageAt: number;
  readonly lastMessageAgeMs: number;
  /** Smoothed venue-event-to-receipt delay (includes clock offset; undefined until measured). */
  readonly latencyMs?: number;
  readonly reconnects: number;
  readonly staleReconnects: number;
  readonly scheduledReconnects: number;
}

export interface ResilientStreamOptions {
  /** Called per connection attempt (a listenKey or token may have changed). */
  readonly url: () => string;
  /** May return the venue's event time of the frame, to measure latency. */
  readonly onMessage: (text: string) => number | void;
  /** Subscribe/auth frames to send on every (re)connect. */
  readonly onOpen?: (send: (text: string) => void) => void;
  /** Called after a reconnect, with the time of the last message before the gap (for REST backfill). */
  readonly onReconnected?: (lastMessageAt: number) => void;
  /** No message for this long = stalled (open but silent): terminate and reconnect. */
  readonly staleAfterMs: number;
  /** Application-level ping (Bybit wants {"op":"ping"} every 20 s); protocol pings are answered by `ws`. */
  readonly appPing?: { readonly everyMs: number; readonly frame: string };
  /** Reconnect on our own before the venue's forced 24 h disconnect. */
  readonly maxLifetimeMs: number;
  /**
   * User-data streams are legitimately silent while nothing trades: for them the venue's protocol
   * pings prove the connection alive. Market streams must not use this (a stall can keep pinging).
   */
  readonly pingsProveLiveness?: boolean;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  readonly now?: () => number;
}

/**
 * A WebSocket that stays up: freshness watchdog, reconnect with exponential backoff and jitter,
 * a scheduled reconnect before the venue's 24 h cut, and a hook to backfill the gap over REST.
 */
export class ResilientStream {
  private ws: WebSocket | undefined;
  private stopped = true;
  private attempt = 0;
  private everConnected = false;
  private lastMessageAt = 0;
  private reconnects = 0;
  private staleReconnects = 0;
  private scheduledReconnects = 0;
  private latency: number | undefined;
  private currentUrl = '';
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: ResilientStreamOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
    this.watchdog = setInterval(() => this.checkFreshness(), Math.max(50, Math.floor(this.opts.staleAfterMs / 4)));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    clearInterval(this.watchdog);
    clearInterval(this.pinger);
    this.ws?.terminate();
    this.ws = undefined;
  }

  /** Drops the current connection on purpose: the usual reconnect follows. */
  reconnectNow(): void {
    this.ws?.terminate();
  }

  /** Reconnects only when the URL moved (a new listenKey), so two notices of one change reconnect once. */
  reconnectIfUrlChanged(): void {
    if (this.ws && this.currentUrl !== this.opts.url()) this.ws.terminate();
  }

  /** Sends on the current connection; false when there is none (the next onOpen re-sends setup frames). */
  send(text: string): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(text);
    return true;
  }

  health(): StreamHealth {
    return { connected: this.ws?.readyState === WebSocket.OPEN, lastMessageAt: this.lastMessageAt, lastMessageAgeMs: this.now() - this.lastMessageAt, latencyMs: this.latency, reconnects: this.reconnects, staleReconnects: this.staleReconnects, scheduledReconnects: this.scheduledReconnects };
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private connect(): void {
    if (this.stopped) return;
    this.currentUrl = this.opts.url();
    const ws = new WebSocket(this.currentUrl);
    this.ws = ws;
    const openedAt = this.now();
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.lastMessageAt = Math.max(this.lastMessageAt, openedAt);
      this.opts.onOpen?.((text) => ws.send(text));
      clearInterval(this.pinger);
      if (this.opts.appPing) {
        const { everyMs, frame } = this.opts.appPing;
        this.pinger = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(frame), everyMs);
      }
      this.later(this.opts.maxLifetimeMs, () => {
        if (this.ws !== ws) return;
        this.scheduledReconnects += 1;
        ws.terminate();
      });
      if (this.everConnected) this.opts.onReconnected?.(this.lastMessageAt);
      this.everConnected = true;
    });
    ws.on('message', (data) => {
      if (this.ws !== ws) return;
      this.attempt = 0; // data flows again: reset the backoff
      this.lastMessageAt = this.now();
      const eventTime = this.opts.onMessage(String(data));
      if (typeof eventTime === 'number') {
        const sample = this.lastMessageAt - eventTime;
        this.latency = this.latency === undefined ? sample : this.latency * 0.9 + sample * 0.1;
      }
    });
    ws.on('ping', () => {
      if (this.ws === ws && this.opts.pingsProveLiveness) this.lastMessageAt = this.now();
    });
    ws.on('error', () => undefined); // 'close' follows and drives the reconnect
    ws.on('close', () => {
      if (this.ws !== ws || this.stopped) return;
      this.ws = undefined;
      const base = Math.min(this.opts.backoff.maxMs, this.opts.backoff.initialMs * 2 ** this.attempt);
      this.attempt += 1;
      this.reconnects += 1;
      this.later(base / 2 + Math.random() * (base / 2), () => this.connect());
    });
  }

  private checkFreshness(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    if (this.now() - this.lastMessageAt > this.opts.staleAfterMs) {
      this.staleReconnects += 1;
      ws.terminate();
    }
  }
}
