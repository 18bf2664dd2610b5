// Runs in: engine.
import { EventEmitter } from 'node:events';
import type { Signal, SignalRejectCode, SignalSourceStatus } from '../../../src-shared/signals';
import { BoundedQueue, type OverflowPolicy } from '../../core/signals/bounded-queue';
import { DEFAULT_DUPLICATE_CAPACITY, DuplicateTracker } from '../../core/signals/duplicate-tracker';
import type { RawFrame } from '../../core/signals/frame-text';
import { DEFAULT_STALE_MS, validateSignalFrame } from '../../core/signals/validate';
import type { SignalRecorder } from '../store/signal-recorder';
import type { SignalSource } from './signal-source';

export interface QueuedSignal {
  /** Row id in the `signals` table. */
  id: number;
  source: string;
  receivedAt: number;
  signal: Signal;
}

export interface RejectedFrame {
  id: number;
  source: string;
  receivedAt: number;
  code: SignalRejectCode;
  reason: string;
  roundId: string | null;
}

export interface DroppedSignal extends QueuedSignal {
  reason: string;
}

export interface SignalIntakeEvents {
  accepted: [queued: QueuedSignal];
  rejected: [rejected: RejectedFrame];
  dropped: [dropped: DroppedSignal];
  connection: [status: SignalSourceStatus];
  /** The store refused a write. The frame is then not queued: nothing unrecorded may drive money. */
  storeError: [error: Error, source: string];
}

export type FrameOutcome = 'accepted' | 'rejected' | 'dropped' | 'store-error';

export interface SignalIntakeOptions {
  recorder: SignalRecorder;
  sources?: readonly SignalSource[];
  now?: () => number;
  staleMs?: number;
  maxFutureMs?: number;
  queueCapacity?: number;
  overflow?: OverflowPolicy;
  duplicateCapacity?: number;
}

/**
 * Source(s) → validate → record → queue. Every frame gets exactly one row in `signals`.
 * A round id is used once: once validated, a re-send is a duplicate even if the queue later dropped it,
 * and the set of used ids is re-seeded from the store on start, so a restart cannot act twice.
 */
export class SignalIntake extends EventEmitter<SignalIntakeEvents> {
  private readonly recorder: SignalRecorder;
  private readonly sources: readonly SignalSource[];
  private readonly now: () => number;
  private readonly seen: DuplicateTracker;
  private readonly queue: BoundedQueue<QueuedSignal>;
  private readonly detach: (() => void)[] = [];
  private started = false;

  constructor(private readonly options: SignalIntakeOptions) {
    super();
    this.recorder = options.recorder;
    this.sources = options.sources ?? [];
    this.now = options.now ?? Date.now;
    this.seen = new DuplicateTracker(options.duplicateCapacity ?? DEFAULT_DUPLICATE_CAPACITY);
    this.queue = new BoundedQueue(options.queueCapacity ?? 64, options.overflow ?? 'drop-oldest');
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.seen.seed(this.recorder.recentRoundIds(this.seen.capacity));
    for (const source of this.sources) {
      const onFrame = (frame: RawFrame, receivedAt: number) => this.handleFrame(source.name, frame, receivedAt);
      const onStatus = (status: SignalSourceStatus) => this.emit('connection', status);
      source.on('frame', onFrame).on('status', onStatus);
      this.detach.push(() => source.off('frame', onFrame).off('status', onStatus));
      source.start();
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Promise.all(this.sources.map((source) => source.stop()));
    for (const undo of this.detach.splice(0)) undo();
  }

  /** Synchronous on purpose: frames are validated, recorded and queued in arrival order. */
  handleFrame(source: string, frame: RawFrame, receivedAt = this.now()): FrameOutcome {
    const verdict = validateSignalFrame(frame, {
      now: receivedAt,
      staleMs: this.options.staleMs,
      maxFutureMs: this.options.maxFutureMs,
      seenRoundIds: this.seen,
    });
    if (verdict.verdict === 'accepted') return this.enqueue(source, frame, receivedAt, verdict.signal);
    const id = this.store(source, () => this.recorder.record(source, frame, receivedAt, verdict));
    if (id === null) return 'store-error';
    this.emit('rejected', { id, source, receivedAt, code: verdict.code, reason: verdict.reason, roundId: verdict.roundId });
    return 'rejected';
  }

  private enqueue(source: string, frame: RawFrame, receivedAt: number, signal: Signal): FrameOutcome {
    if (this.queue.policy === 'reject-newest' && this.queue.size >= this.queue.capacity) {
      const reason = `queue full (${this.queue.capacity}, reject-newest)`;
      const id = this.store(source, () => this.recorder.record(source, frame, receivedAt, { verdict: 'dropped', signal, reason }));
      if (id === null) return 'store-error';
      this.seen.add(signal.roundId);
      this.emit('dropped', { id, source, receivedAt, signal, reason });
      return 'dropped';
    }
    const id = this.store(source, () => this.recorder.record(source, frame, receivedAt, { verdict: 'accepted', signal }));
    if (id === null) return 'store-error';
    this.seen.add(signal.roundId);
    const queued: QueuedSignal = { id, source, receivedAt, signal };
    const { dropped } = this.queue.push(queued);
    if (dropped) {
      const reason = `queue full (${this.queue.capacity}, drop-oldest): evicted by round ${signal.roundId}`;
      this.store(source, () => this.recorder.markDropped(dropped.id, reason));
      this.emit('dropped', { ...dropped, reason });
    }
    this.emit('accepted', queued);
    return 'accepted';
  }

  /** Runs a store write; on failure reports it and returns null, so the caller fails closed. */
  private store<T>(source: string, write: () => T): T | null {
    try {
      return write();
    } catch (error) {
      this.emit('storeError', error instanceof Error ? error : new Error(String(error)), source);
      return null;
    }
  }

  /** The oldest queued signal, removed from the queue. */
  take(): QueuedSignal | undefined {
    return this.queue.shift();
  }

  /**
   * The oldest queued signal that is still fresh. Signals that went stale while waiting (the executor
   * was busy) are discarded on the way, marked dropped in the store, and reported: acting late loses money.
   */
  takeFresh(now = this.now(), staleMs = this.options.staleMs ?? DEFAULT_STALE_MS): QueuedSignal | undefined {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const age = now - next.signal.timestamp;
      if (age <= staleMs) return next;
      const reason = `stale in queue: ${age} ms old (limit ${staleMs} ms)`;
      this.store(next.source, () => this.recorder.markDropped(next.id, reason));
      this.emit('dropped', { ...next, reason });
    }
    return undefined;
  }

  pending(): QueuedSignal[] {
    return this.queue.toArray();
  }

  statuses(): SignalSourceStatus[] {
    return this.sources.map((source) => source.status());
  }
}
