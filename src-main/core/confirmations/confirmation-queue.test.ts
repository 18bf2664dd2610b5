// Runs in: anywhere (pure). The trade confirmation queue on an injected clock: no answer is no trade, an answer counts once.
import { describe, expect, it } from 'vitest';
import { ConfirmationQueue, intentText, type TradeIntent } from './confirmation-queue';

const INTENT: TradeIntent = { kind: 'entry', strategy: 'sma-1', accountId: 'paper-1', symbol: 'BTCUSDT', side: 'BUY', quantity: 0.5, priceEstimate: 100 };

function queue() {
  let now = 1_000;
  const q = new ConfirmationQueue(() => now);
  return { q, tick: (ms: number) => void (now += ms) };
}

describe('ConfirmationQueue', () => {
  it('a pending confirmation expires at its deadline: no answer means no trade', () => {
    const { q, tick } = queue();
    q.request('a', INTENT, 60_000);
    expect(q.nextDeadline()).toBe(61_000);
    tick(60_000);
    expect(q.expireDue()).toEqual([]);
    tick(1);
    expect(q.expireDue()).toMatchObject([{ id: 'a', status: 'expired', decidedBy: 'timer', reason: 'no answer within 60 s' }]);
    expect(q.pending()).toEqual([]);
    expect(q.nextDeadline()).toBeNull();
    // Expired once: the timer's next run finds nothing.
    expect(q.expireDue()).toEqual([]);
  });

  it('approval is taken once; a second answer, either way, is refused with the first one named', () => {
    const { q, tick } = queue();
    q.request('a', INTENT, 60_000);
    tick(10_000);
    expect(q.answer('a', true, 'app')).toMatchObject({ ok: true, confirmation: { status: 'approved', decidedBy: 'app', decidedAt: 11_000 } });
    expect(q.answer('a', true, 'telegram chat 77')).toMatchObject({ ok: false, refusal: 'already-decided', message: 'Already approved (app): this answer changes nothing.' });
    expect(q.answer('a', false, 'app')).toMatchObject({ ok: false, refusal: 'already-decided' });
    expect(q.get('a')?.status).toBe('approved');
  });

  it('a rejection ends it too', () => {
    const { q } = queue();
    q.request('a', INTENT, 60_000);
    expect(q.answer('a', false, 'telegram chat 77')).toMatchObject({ ok: true, confirmation: { status: 'rejected' } });
    expect(q.answer('a', true, 'app')).toMatchObject({ ok: false, refusal: 'already-decided', message: 'Already rejected (telegram chat 77): this answer changes nothing.' });
  });

  it('an answer after the deadline is refused even before the timer ran', () => {
    const { q, tick } = queue();
    q.request('a', INTENT, 5_000);
    tick(5_001);
    expect(q.answer('a', true, 'app')).toMatchObject({ ok: false, refusal: 'expired', message: 'Too late: the confirmation expired at its deadline (5 s); no trade.', confirmation: { status: 'expired' } });
    // The expiry happened on the answer: the timer has nothing left to do.
    expect(q.expireDue()).toEqual([]);
    // At the deadline itself it is still in time.
    q.request('b', INTENT, 5_000);
    tick(5_000);
    expect(q.answer('b', true, 'app')).toMatchObject({ ok: true });
  });

  it('refuses an unknown id, and a cancel ends a pending one without an answer', () => {
    const { q } = queue();
    expect(q.answer('nope', true, 'app')).toMatchObject({ ok: false, refusal: 'unknown', confirmation: null });
    q.request('a', INTENT, 5_000);
    expect(q.cancel('a', 'kill switch', 'the kill switch is engaged')).toMatchObject({ status: 'canceled', reason: 'the kill switch is engaged' });
    expect(q.cancel('a', 'kill switch', 'again')).toBeNull();
    expect(q.answer('a', true, 'app')).toMatchObject({ ok: false, refusal: 'already-decided' });
    expect(() => q.request('a', INTENT, 5_000)).toThrow(/exists already/);
    expect(() => q.request('z', INTENT, 0)).toThrow(/deadline/);
  });

  it('keeps pending ones however many are decided, and forgets the oldest decided', () => {
    const { q } = queue();
    q.request('keep', INTENT, 60_000);
    for (let i = 0; i < 150; i++) {
      q.request(`d${i}`, INTENT, 60_000);
      q.answer(`d${i}`, false, 'app');
    }
    expect(q.pending().map((c) => c.id)).toEqual(['keep']);
    expect(q.get('d0')).toBeUndefined();
    expect(q.get('d149')?.status).toBe('rejected');
  });

  it('says the intent in one line', () => {
    expect(intentText({ ...INTENT, quantity: 0.123456789 })).toBe('BUY 0.123457 BTCUSDT at about 100 (sma-1 on paper-1)');
    expect(intentText({ kind: 'crash-bet', profile: 'aviator', roundId: '81', stake: 2.5, target: 2.35 })).toBe('bet 2.5 on the next round of aviator, cash out at 2.35× (signal 81)');
  });
});
