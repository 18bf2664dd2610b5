// Runs in: engine.
import type { ChannelStatus, NotificationTestResult } from '../../../src-shared/contract';
import type { OutgoingMessage } from '../../core/notifications/notice';
import { Outbox } from '../../core/notifications/outbox';
import { newBackoff, retryDelay, type ChannelTransport, type RetryPolicy, type SendOutcome } from '../../core/notifications/send-outcome';
import { TokenBucket } from '../../core/notifications/token-bucket';

export interface ChannelSenderDeps {
  readonly transport: ChannelTransport;
  readonly perMinute: number;
  readonly capacity: number;
  readonly retry: RetryPolicy;
  readonly now: () => number;
  /** Resolves after `ms`, or at once when the signal aborts (closing the channel must not wait for a backoff). */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly log: (line: string) => void;
}

/**
 * One channel's delivery loop. `enqueue` only pushes to a bounded queue and returns: the loop runs on its own
 * promise chain, so a channel that hangs or fails never holds the event that caused the message, nor trading.
 */
export class ChannelSender {
  private readonly outbox: Outbox;
  private readonly bucket: TokenBucket;
  private readonly closing = new AbortController();
  private pumping: Promise<void> | null = null;
  private consecutiveFailures = 0;
  private lastError: string | null = null;
  private lastSentAt: number | null = null;
  private sent = 0;

  constructor(private readonly deps: ChannelSenderDeps) {
    this.outbox = new Outbox(deps.capacity);
    this.bucket = new TokenBucket(deps.perMinute, deps.now());
  }

  enqueue(message: OutgoingMessage): void {
    if (this.closing.signal.aborted) return;
    this.outbox.push(message);
    this.kick();
  }

  /** The user's "Send test": one attempt now, so the answer is immediate; it still counts toward the health shown. */
  async sendNow(message: OutgoingMessage): Promise<NotificationTestResult> {
    const outcome = await this.deps.transport.send(message);
    this.record(outcome);
    return outcome.ok ? { delivered: true, error: null } : { delivered: false, error: outcome.error };
  }

  status(): ChannelStatus {
    return {
      healthy: this.consecutiveFailures === 0,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      lastSentAt: this.lastSentAt,
      sent: this.sent,
      queued: this.outbox.length,
      dropped: this.outbox.dropped,
    };
  }

  /** Stops the loop; what is still queued is not sent. Resolves once no attempt is in flight. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.pumping;
  }

  /** Resolves when the queue is empty (tests, and a shutdown that wants to flush). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private kick(): void {
    if (this.pumping || this.closing.signal.aborted) return;
    // Started on a microtask: not even the request's set-up runs inside the bus emit that queued the message.
    this.pumping = Promise.resolve()
      .then(() => this.pump())
      .finally(() => {
        this.pumping = null;
        // A message pushed after the loop saw an empty queue, but before it ended, would otherwise wait for the next one.
        if (this.outbox.length > 0) this.kick();
      });
  }

  private async pump(): Promise<void> {
    const signal = this.closing.signal;
    while (!signal.aborted && this.outbox.length > 0) {
      const wait = this.bucket.waitMs(this.deps.now());
      if (wait > 0) {
        await this.deps.sleep(wait, signal);
        continue;
      }
      const message = this.outbox.take();
      if (!message) return;
      this.bucket.take(this.deps.now());
      await this.deliver(message, signal);
    }
  }

  private async deliver(message: OutgoingMessage, signal: AbortSignal): Promise<void> {
    const backoff = newBackoff(this.deps.retry, this.deps.random);
    for (let attempt = 1; ; attempt++) {
      let outcome: SendOutcome;
      try {
        outcome = await this.deps.transport.send(message);
      } catch (error) {
        // Adapters answer failures, they do not throw; one that does is a failed attempt, not a dead loop.
        outcome = { ok: false, retry: true, retryAfterMs: null, error: error instanceof Error ? error.name : 'failed' };
      }
      this.record(outcome);
      const delay = retryDelay(outcome, attempt, this.deps.retry, backoff);
      if (delay === null) {
        if (!outcome.ok) {
          this.outbox.lost();
          this.deps.log(`a ${message.kind} message was not delivered after ${attempt} attempt(s): ${outcome.error}`);
        }
        return;
      }
      await this.deps.sleep(delay, signal);
      if (signal.aborted) return;
    }
  }

  private record(outcome: SendOutcome): void {
    if (outcome.ok) {
      this.consecutiveFailures = 0;
      this.lastSentAt = this.deps.now();
      this.sent++;
    } else {
      this.consecutiveFailures++;
      this.lastError = outcome.error;
    }
  }
}

/** setTimeout that an AbortSignal cuts short, unref'd so a pending retry never keeps the process alive. */
export function timerSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
