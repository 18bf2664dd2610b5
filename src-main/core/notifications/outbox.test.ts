import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox';

const msg = (text: string) => ({ topic: 'errors' as const, kind: 'error' as const, at: 0, text });

describe('Outbox', () => {
  it('holds at most capacity, counts the rest and says so in the next message out', () => {
    const box = new Outbox(2);
    for (const t of ['a', 'b', 'c', 'd', 'e']) box.push(msg(t));
    expect(box.length).toBe(2);
    expect(box.dropped).toBe(3);
    expect(box.take()?.text).toBe('a\n(+3 more events not sent: queue full)');
    expect(box.take()?.text).toBe('b');
    expect(box.take()).toBeUndefined();
    box.push(msg('f'));
    box.push(msg('g'));
    box.push(msg('h'));
    expect(box.take()?.text).toBe('f\n(+1 more event not sent: queue full)');
  });

  it('counts a message lost to failed retries', () => {
    const box = new Outbox(1);
    box.lost();
    expect(box.dropped).toBe(1);
  });
});
