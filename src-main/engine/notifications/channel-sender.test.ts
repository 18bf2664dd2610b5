import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../core/notifications/notice';
import type { SendOutcome } from '../../core/notifications/send-outcome';
import { ChannelSender, timerSleep } from './channel-sender';

const msg = (text: string): OutgoingMessage => ({ topic: 'errors', kind: 'error', at: 0, text });
const retry = { maxAttempts: 3, baseMs: 1_000, maxMs: 60_000 };

/** A virtual clock: sleeping advances it at once, so minutes of rate limit and backoff run in microseconds. */
function harness(answers: Array<SendOutcome | 'hang'>, perMinute = 60, capacity = 10) {
  let clock = 0;
  const sent: Array<{ at: number; text: string }> = [];
  const sleeps: number[] = [];
  const sender = new ChannelSender({
    transport: {
      send: async (m) => {
        sent.push({ at: clock, text: m.text });
        const answer = answers.shift() ?? { ok: true };
        return answer === 'hang' ? new Promise<SendOutcome>(() => {}) : answer;
      },
    },
    perMinute,
    capacity,
    retry,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0,
    log: () => {},
  });
  return { sender, sent, sleeps };
}

const failure = (retryAfterMs: number | null = null): SendOutcome => ({ ok: false, retry: true, retryAfterMs, error: 'HTTP 500' });

describe('ChannelSender', () => {
  it('sends a burst up to the rate, then one per 60/rate seconds', async () => {
    const { sender, sent } = harness([], 2);
    for (const t of ['a', 'b', 'c', 'd']) sender.enqueue(msg(t));
    await sender.idle();
    expect(sent).toEqual([
      { at: 0, text: 'a' },
      { at: 0, text: 'b' },
      { at: 30_000, text: 'c' },
      { at: 60_000, text: 'd' },
    ]);
    expect(sender.status()).toMatchObject({ healthy: true, sent: 4, queued: 0, dropped: 0 });
  });

  it('retries a failing channel with growing waits, at least retry_after, and recovers', async () => {
    const { sender, sent, sleeps } = harness([failure(), failure(5_000)]);
    sender.enqueue(msg('a'));
    await sender.idle();
    expect(sent.map((s) => s.text)).toEqual(['a', 'a', 'a']);
    expect(sleeps).toEqual([500, 5_000]);
    expect(sender.status()).toMatchObject({ healthy: true, consecutiveFailures: 0, sent: 1, lastError: 'HTTP 500' });
  });

  it('gives up after maxAttempts, counts the message as not sent and shows the channel unhealthy', async () => {
    const { sender, sent } = harness([failure(), failure(), failure(), { ok: false, retry: false, retryAfterMs: null, error: 'HTTP 400' }]);
    sender.enqueue(msg('a'));
    sender.enqueue(msg('b'));
    await sender.idle();
    expect(sent.map((s) => s.text)).toEqual(['a', 'a', 'a', 'b']);
    expect(sender.status()).toMatchObject({ healthy: false, consecutiveFailures: 4, lastError: 'HTTP 400', dropped: 2, sent: 0 });
  });

  it('never blocks the caller: nothing is sent inside enqueue, and a hanging channel drops what its queue cannot hold', async () => {
    const { sender, sent } = harness(['hang'], 60, 3);
    for (let i = 0; i < 10; i++) sender.enqueue(msg(`m${i}`));
    expect(sent).toEqual([]);
    expect(sender.status()).toMatchObject({ queued: 3, dropped: 7 });
    await new Promise((r) => setTimeout(r, 0));
    // The first message is in flight and never answered; two wait behind it.
    expect(sent.map((s) => s.text)).toEqual(['m0\n(+7 more events not sent: queue full)']);
    expect(sender.status()).toMatchObject({ queued: 2, dropped: 7 });
  });

  it('folds the count of dropped messages into the next one sent', async () => {
    const { sender, sent } = harness([], 60, 1);
    for (const t of ['a', 'b', 'c', 'd']) sender.enqueue(msg(t));
    await sender.idle();
    expect(sent.map((s) => s.text)).toEqual(['a\n(+3 more events not sent: queue full)']);
  });

  it('a test message goes out at once and answers whether it arrived', async () => {
    const { sender } = harness([failure()]);
    expect(await sender.sendNow(msg('t'))).toEqual({ delivered: false, error: 'HTTP 500' });
    expect(sender.status().healthy).toBe(false);
    expect(await sender.sendNow(msg('t'))).toEqual({ delivered: true, error: null });
  });
});

describe('timerSleep', () => {
  it('ends early when the channel closes', async () => {
    const closing = new AbortController();
    const started = Date.now();
    const sleeping = timerSleep(60_000, closing.signal);
    closing.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
