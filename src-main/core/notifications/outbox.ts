// Runs in: anywhere (pure).
import type { OutgoingMessage } from './notice';

/**
 * A channel's bounded queue. When it is full the newest message is dropped and counted, and the next message that
 * does go out says how many did not ("(+k more events not sent)"): a flood costs a number, not memory or a ban.
 */
export class Outbox {
  private readonly queue: OutgoingMessage[] = [];
  private overflow = 0;
  private droppedTotal = 0;

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`invalid outbox capacity: ${capacity}`);
  }

  push(message: OutgoingMessage): void {
    if (this.queue.length >= this.capacity) {
      this.overflow++;
      this.droppedTotal++;
      return;
    }
    this.queue.push(message);
  }

  /** The next message, with the count of those dropped since the last one folded into its text. */
  take(): OutgoingMessage | undefined {
    const next = this.queue.shift();
    if (!next || this.overflow === 0) return next;
    const folded = { ...next, text: `${next.text}\n(+${this.overflow} more event${this.overflow === 1 ? '' : 's'} not sent: queue full)` };
    this.overflow = 0;
    return folded;
  }

  /** A message that was taken but could not be delivered (every retry failed): counted, not re-queued. */
  lost(): void {
    this.droppedTotal++;
  }

  get length(): number {
    return this.queue.length;
  }

  get dropped(): number {
    return this.droppedTotal;
  }
}
