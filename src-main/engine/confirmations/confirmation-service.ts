// Runs in: engine. Trades waiting for a person: owns the queue, expires it on a timer, records and publishes every step.
import { CallFailure, type ConfirmationView } from '../../../src-shared/contract';
import type { ActionRecord } from '../../adapters/store/actions-repo';
import { ConfirmationQueue, intentText, type Confirmation, type TradeIntent } from '../../core/confirmations/confirmation-queue';
import { silentLogger, type Logger } from '../../core/logging/logger';
import type { EventBus } from '../event-bus';

/** What the waiting strategy hears: approved, or why there is no trade. */
export type ConfirmationDecision = { readonly approved: true; readonly id: string } | { readonly approved: false; readonly id: string | null; readonly reason: string };

export interface ConfirmationTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface ConfirmationServiceDeps {
  readonly bus: EventBus;
  /** The audit log: every request and every decision, as for clicks and orders. */
  readonly audit: (action: ActionRecord) => unknown;
  /** The trading mode recorded with each row. */
  readonly mode: () => string;
  readonly now: () => number;
  /** A fresh random hex id (16 to 32 characters): it also travels in Telegram button data. */
  readonly newId: () => string;
  readonly timers?: ConfirmationTimers;
  readonly log?: Logger;
}

const realTimers: ConfirmationTimers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The engine's trade confirmations. `ask()` queues an intent and resolves once it is approved, rejected, expired or
 * canceled; it never rejects, and anything but an approval means no trade. Answers come from the app (the
 * `confirmations` contract service) and from Telegram buttons; each counts once, and only before the deadline.
 * Until `start()` and after `stop()`, every ask is answered "no trade" at once.
 */
export class ConfirmationService {
  private readonly queue: ConfirmationQueue;
  private readonly waiting = new Map<string, (d: ConfirmationDecision) => void>();
  private readonly listeners = new Set<(c: ConfirmationView) => void>();
  private readonly timers: ConfirmationTimers;
  private readonly log: Logger;
  private timer: unknown = null;
  private running = false;

  constructor(private readonly deps: ConfirmationServiceDeps) {
    this.queue = new ConfirmationQueue(deps.now);
    this.timers = deps.timers ?? realTimers;
    this.log = deps.log ?? silentLogger;
  }

  start(): void {
    this.running = true;
    this.arm();
  }

  /** Shutdown: whatever still waits is canceled (no trade). */
  stop(reason = 'the engine is stopping'): void {
    this.running = false;
    this.cancelAll('shutdown', reason);
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  /** Queues one intent; resolves with the decision. An abort (the strategy stopped) cancels it: no trade. */
  ask(intent: TradeIntent, timeoutMs: number, signal?: AbortSignal): Promise<ConfirmationDecision> {
    if (!this.running) return Promise.resolve({ approved: false, id: null, reason: 'confirmations are not running' });
    if (signal?.aborted) return Promise.resolve({ approved: false, id: null, reason: 'the strategy stopped' });
    const c = this.queue.request(this.deps.newId(), intent, timeoutMs);
    const decided = new Promise<ConfirmationDecision>((resolve) => this.waiting.set(c.id, resolve));
    signal?.addEventListener('abort', () => this.cancel(c.id, 'strategy', 'the strategy stopped while waiting'), { once: true });
    this.record(c, `requested: ${intentText(intent)}; deadline ${Math.round(timeoutMs / 1000)} s`);
    this.changed(c);
    this.arm();
    return decided;
  }

  /** An answer from the app or a phone; refused with the reason when it is late, second or unknown. */
  answer(id: string, approve: boolean, by: string): ConfirmationView {
    const outcome = this.queue.answer(id, approve, by);
    if (!outcome.ok) {
      if (outcome.confirmation) this.record(outcome.confirmation, `refused ${approve ? 'approval' : 'rejection'} by ${by}: ${outcome.message}`);
      // A late answer may be what expired it: tell the waiting strategy and the UI now, not at the timer.
      if (outcome.refusal === 'expired' && outcome.confirmation && this.waiting.has(id)) this.settle(outcome.confirmation);
      throw new CallFailure(outcome.refusal === 'unknown' ? 'NOT_FOUND' : 'CONFLICT', outcome.message);
    }
    this.settle(outcome.confirmation);
    return view(outcome.confirmation);
  }

  /** Ends every pending confirmation without an answer (the kill switch); no trade comes of any of them. */
  cancelAll(by: string, reason: string): void {
    for (const c of this.queue.pending()) this.cancel(c.id, by, reason);
  }

  pending(): ConfirmationView[] {
    return this.queue.pending().map(view);
  }

  /** Every request and decision, as published (Telegram remote control follows this). */
  onChange(listener: (c: ConfirmationView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private cancel(id: string, by: string, reason: string): void {
    const c = this.queue.cancel(id, by, reason);
    if (c) this.settle(c);
  }

  private settle(c: Confirmation): void {
    const what = c.status === 'approved' || c.status === 'rejected' ? `${c.status} by ${c.decidedBy ?? '?'}` : `${c.status}: ${c.reason ?? ''}`;
    this.record(c, `${what}; ${c.status !== 'approved' ? 'no trade' : c.intent.kind === 'crash-bet' ? 'the bet goes out' : 'the order goes out'}`);
    const resolve = this.waiting.get(c.id);
    this.waiting.delete(c.id);
    resolve?.(c.status === 'approved' ? { approved: true, id: c.id } : { approved: false, id: c.id, reason: c.status === 'rejected' ? `rejected by ${c.decidedBy ?? '?'}` : `${c.status} (${c.reason ?? ''})` });
    this.changed(c);
    this.arm();
  }

  /** One timer, for the earliest deadline; re-armed after every change. */
  private arm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    const next = this.queue.nextDeadline();
    if (!this.running || next === null) return;
    // Expiry is "after the deadline": one millisecond past it.
    this.timer = this.timers.set(() => {
      this.timer = null;
      for (const c of this.queue.expireDue()) this.settle(c);
      this.arm();
    }, Math.max(0, next - this.deps.now() + 1));
  }

  private changed(c: Confirmation): void {
    const v = view(c);
    this.deps.bus.emit('confirmations.changed', { changed: v, pending: this.pending() });
    for (const listener of this.listeners) {
      try {
        listener(v);
      } catch (error) {
        this.log.error('a confirmation listener failed', { err: error });
      }
    }
  }

  /** Best effort: a failing audit write is logged, and never turns a "no" into a trade or a "yes" into an error. */
  private record(c: Confirmation, reason: string): void {
    try {
      this.deps.audit({ kind: 'trade-confirmation', target: c.id, mode: this.deps.mode(), reason, detail: { ...c.intent, status: c.status, deadline: c.deadline } });
    } catch (error) {
      this.log.error(`audit record for confirmation ${c.id} not written`, { err: error });
    }
  }
}

function view(c: Confirmation): ConfirmationView {
  const { id, intent, createdAt, deadline, status, decidedAt, decidedBy, reason } = c;
  return { id, ...intent, createdAt, deadline, status, decidedAt, decidedBy, reason };
}
