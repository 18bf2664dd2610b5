// Runs in: engine.
import { EventEmitter } from 'node:events';
import type { SignalConnectionState, SignalSourceStatus } from '../../../src-shared/signals';
import { Backoff, type BackoffOptions } from '../../core/signals/backoff';
import type { RawFrame } from '../../core/signals/frame-text';

export interface SignalSourceEvents {
  frame: [frame: RawFrame, receivedAt: number];
  status: [status: SignalSourceStatus];
}

/** Anything that delivers raw signal frames: the intake does not care which transport it is. */
export interface SignalSource {
  readonly name: string;
  on<E extends keyof SignalSourceEvents>(event: E, listener: (...args: SignalSourceEvents[E]) => void): this;
  off<E extends keyof SignalSourceEvents>(event: E, listener: (...args: SignalSourceEvents[E]) => void): this;
  start(): void;
  stop(): Promise<void>;
  status(): SignalSourceStatus;
}

/** Shared bookkeeping for sources: connection state, counters, and the status event on every change. */
export abstract class BaseSignalSource extends EventEmitter<SignalSourceEvents> implements SignalSource {
  private state: SignalConnectionState = 'closed';
  private reconnects = 0;
  private framesReceived = 0;
  private lastMessageAt: number | null = null;
  private lastError: string | null = null;

  protected constructor(
    readonly name: string,
    protected readonly now: () => number,
  ) {
    super();
  }

  abstract start(): void;
  abstract stop(): Promise<void>;

  status(): SignalSourceStatus {
    return {
      source: this.name,
      state: this.state,
      reconnects: this.reconnects,
      framesReceived: this.framesReceived,
      lastMessageAt: this.lastMessageAt,
      lastError: this.lastError,
    };
  }

  /** Data freshness: how long since the last frame (null before the first). A growing age on an "open" link is a stall. */
  lastMessageAgeMs(now = this.now()): number | null {
    return this.lastMessageAt === null ? null : now - this.lastMessageAt;
  }

  protected setState(state: SignalConnectionState): void {
    if (state === 'reconnecting') this.reconnects++;
    if (state === 'open') this.lastError = null;
    this.state = state;
    this.emit('status', this.status());
  }

  protected setError(message: string): void {
    this.lastError = message;
  }

  protected deliver(frame: RawFrame): void {
    const receivedAt = this.now();
    this.framesReceived++;
    this.lastMessageAt = receivedAt;
    this.emit('frame', frame, receivedAt);
  }
}

/**
 * The lifecycle both network sources share: start once, reconnect with jittered backoff while running, and on
 * stop cancel any pending reconnect before closing. Subclasses open and close their own transport.
 */
export abstract class ReconnectingSignalSource extends BaseSignalSource {
  protected readonly backoff: Backoff;
  protected running = false;
  private connectedOnce = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  protected constructor(name: string, now: () => number, backoff?: BackoffOptions) {
    super(name, now);
    this.backoff = new Backoff(backoff);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connectedOnce = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    await this.disconnect();
    this.setState('closed');
  }

  /** Opens the transport; "connecting" is shown only for the first attempt, later ones are "reconnecting". */
  protected abstract open(): void;
  protected abstract disconnect(): Promise<void>;

  protected connect(): void {
    if (!this.connectedOnce) this.setState('connecting');
    this.connectedOnce = true;
    this.open();
  }

  /** `minDelayMs`: a floor the server asked for (SSE `retry:`). */
  protected scheduleReconnect(minDelayMs = 0): void {
    this.setState('reconnecting');
    const delay = Math.max(this.backoff.next(), minDelayMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.running) this.connect();
    }, delay);
  }
}
