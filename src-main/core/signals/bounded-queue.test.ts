import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue';

describe('BoundedQueue', () => {
  it('is FIFO across wrap-around', () => {
    const queue = new BoundedQueue<number>(3);
    queue.push(1);
    queue.push(2);
    expect(queue.shift()).toBe(1);
    queue.push(3);
    queue.push(4);
    expect(queue.toArray()).toEqual([2, 3, 4]);
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift()]).toEqual([2, 3, 4, undefined]);
    expect(queue.size).toBe(0);
  });

  it('drop-oldest evicts the oldest and returns it', () => {
    const queue = new BoundedQueue<string>(2, 'drop-oldest');
    expect(queue.push('a')).toEqual({ queued: true, dropped: null });
    queue.push('b');
    expect(queue.push('c')).toEqual({ queued: true, dropped: 'a' });
    expect(queue.push('d')).toEqual({ queued: true, dropped: 'b' });
    expect(queue.toArray()).toEqual(['c', 'd']);
    expect(queue.peek()).toBe('c');
  });

  it('reject-newest refuses the new item and leaves the queue unchanged', () => {
    const queue = new BoundedQueue<string>(2, 'reject-newest');
    queue.push('a');
    queue.push('b');
    expect(queue.push('c')).toEqual({ queued: false, dropped: 'c' });
    expect(queue.toArray()).toEqual(['a', 'b']);
  });

  it('stays bounded under sustained overflow', () => {
    const queue = new BoundedQueue<number>(100);
    let dropped = 0;
    for (let i = 0; i < 10_000; i++) if (queue.push(i).dropped !== null) dropped++;
    expect(queue.size).toBe(100);
    expect(dropped).toBe(9_900);
    expect(queue.peek()).toBe(9_900);
  });
});
