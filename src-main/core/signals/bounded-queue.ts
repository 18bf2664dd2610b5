// Runs in: anywhere (pure).
/**
 * What happens when a push finds the queue full:
 * - `drop-oldest`: the new item goes in and the oldest is evicted (fresh signals matter most).
 * - `reject-newest`: the queue is left unchanged and the new item is refused.
 */
export type OverflowPolicy = 'drop-oldest' | 'reject-newest';

/** `dropped` is whatever did not make it in or was evicted, so the caller can record it. */
export type PushResult<T> = { queued: true; dropped: T | null } | { queued: false; dropped: T };

/** A fixed-capacity FIFO on a ring buffer: O(1) push and shift, no reallocation. */
export class BoundedQueue<T> {
  private readonly slots: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    readonly policy: OverflowPolicy = 'drop-oldest',
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): PushResult<T> {
    if (this.count < this.capacity) {
      this.slots[(this.head + this.count) % this.capacity] = item;
      this.count++;
      return { queued: true, dropped: null };
    }
    if (this.policy === 'reject-newest') return { queued: false, dropped: item };
    const oldest = this.slots[this.head] as T;
    this.slots[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    return { queued: true, dropped: oldest };
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    return item;
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.slots[this.head];
  }

  /** Oldest first. */
  toArray(): T[] {
    const items: T[] = [];
    for (let i = 0; i < this.count; i++) items.push(this.slots[(this.head + i) % this.capacity] as T);
    return items;
  }
}
