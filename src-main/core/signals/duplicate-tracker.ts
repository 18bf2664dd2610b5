// Runs in: anywhere (pure).
import type { SeenRoundIds } from './validate';

export const DEFAULT_DUPLICATE_CAPACITY = 10_000;

/**
 * Remembers the most recent round ids (bounded, least-recently-seen evicted first), so a
 * re-sent signal is never acted on twice. Rounds older than `capacity` rounds are also stale
 * by timestamp long before they could be evicted, which is what makes the bound safe.
 */
export class DuplicateTracker implements SeenRoundIds {
  private readonly ids = new Map<string, true>();

  constructor(readonly capacity = DEFAULT_DUPLICATE_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  has(roundId: string): boolean {
    return this.ids.has(roundId);
  }

  add(roundId: string): void {
    // Re-inserting moves the id to the newest end (Map keeps insertion order).
    this.ids.delete(roundId);
    this.ids.set(roundId, true);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next().value as string;
      this.ids.delete(oldest);
    }
  }

  /** Seeds from storage, given oldest first so the newest survive if there are more than `capacity`. */
  seed(roundIdsOldestFirst: Iterable<string>): void {
    for (const id of roundIdsOldestFirst) this.add(id);
  }

  get size(): number {
    return this.ids.size;
  }
}
