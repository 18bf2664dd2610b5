// Runs in: engine. The confirmation service on an injected clock and timers: the timer expires what nobody answered,
// an abort or the kill switch cancels, every step is recorded and published, and nothing is asked before start().
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../adapters/store/actions-repo';
import type { TradeIntent } from '../../core/confirmations/confirmation-queue';
import { EventBus } from '../event-bus';
import { ConfirmationService, type ConfirmationTimers } from './confirmation-service';

const INTENT: TradeIntent = { kind: 'entry', strategy: 'sma-1', accountId: 'paper-1', symbol: 'BTCUSDT', side: 'BUY', quantity: 0.5, priceEstimate: 100 };

function harness() {
  let now = 0;
  let timer: { fn: () => void; at: number } | null = null;
  const timers: ConfirmationTimers = {
    set: (fn, ms) => (timer = { fn, at: now + ms }),
    clear: () => void (timer = null),
  };
  const audit: ActionRecord[] = [];
  const bus = new EventBus();
  const events: string[] = [];
  bus.on('confirmations.changed', (e) => events.push(`${e.changed.status} (${e.pending.length} pending)`));
  let n = 0;
  const service = new ConfirmationService({ bus, audit: (a) => void audit.push(a), mode: () => 'dry-run', now: () => now, newId: () => `c0ffee${String(n++).padStart(10, '0')}`, timers });
  /** Moves the clock, firing the timer when it is due. */
  const advance = (ms: number) => {
    now += ms;
    const t = timer;
    if (t && t.at <= now) {
      timer = null;
      t.fn();
    }
  };
  return { service, audit, events, advance, skew: (ms: number) => void (now += ms), armed: () => timer !== null };
}

describe('ConfirmationService', () => {
  it('answers "no trade" at once before start() and after stop()', async () => {
    const h = harness();
    expect(await h.service.ask(INTENT, 1_000)).toEqual({ approved: false, id: null, reason: 'confirmations are not running' });
    h.service.start();
    const waiting = h.service.ask(INTENT, 60_000);
    h.service.stop('shutdown');
    expect(await waiting).toMatchObject({ approved: false, reason: 'canceled (shutdown)' });
    expect(await h.service.ask(INTENT, 1_000)).toMatchObject({ approved: false, id: null });
    expect(h.armed()).toBe(false);
  });

  it('expires on the timer: no trade, recorded and published', async () => {
    const h = harness();
    h.service.start();
    expect(h.armed()).toBe(false);
    const decision = h.service.ask(INTENT, 5_000);
    expect(h.armed()).toBe(true);
    h.advance(5_000);
    expect(h.service.pending()).toHaveLength(1);
    h.advance(1);
    expect(await decision).toMatchObject({ approved: false, reason: 'expired (no answer within 5 s)' });
    expect(h.service.pending()).toEqual([]);
    expect(h.armed()).toBe(false);
    expect(h.events).toEqual(['pending (1 pending)', 'expired (0 pending)']);
    expect(h.audit.map((a) => [a.kind, a.reason])).toEqual([
      ['trade-confirmation', 'requested: BUY 0.5 BTCUSDT at about 100 (sma-1 on paper-1); deadline 5 s'],
      ['trade-confirmation', 'expired: no answer within 5 s; no trade'],
    ]);
    expect(() => h.service.answer('c0ffee0000000000', true, 'app')).toThrow(/Too late/);
  });

  it('an approval resolves the waiting entry once; a second answer throws CONFLICT', async () => {
    const h = harness();
    h.service.start();
    const decision = h.service.ask(INTENT, 5_000);
    const [c] = h.service.pending();
    expect(h.service.answer(c!.id, true, 'app')).toMatchObject({ status: 'approved', decidedBy: 'app' });
    expect(await decision).toEqual({ approved: true, id: c!.id });
    expect(() => h.service.answer(c!.id, false, 'app')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => h.service.answer('0000000000000000', false, 'app')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(h.armed()).toBe(false);
  });

  it('a late answer before the timer ran is refused and ends the wait as expired', async () => {
    const h = harness();
    h.service.start();
    const decision = h.service.ask(INTENT, 5_000);
    const [c] = h.service.pending();
    // The clock passes the deadline while the timer has not fired yet (a busy event loop).
    h.skew(5_001);
    expect(() => h.service.answer(c!.id, true, 'telegram chat 77')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/^Too late/) }));
    expect(await decision).toMatchObject({ approved: false, reason: 'expired (no answer within 5 s)' });
    expect(h.events).toEqual(['pending (1 pending)', 'expired (0 pending)']);
    expect(h.audit.map((a) => a.reason)).toEqual([
      expect.stringMatching(/^requested: /),
      expect.stringMatching(/^refused approval by telegram chat 77: Too late/),
      'expired: no answer within 5 s; no trade',
    ]);
    expect(h.armed()).toBe(false);
  });

  it('an abort (the strategy stopped) and cancelAll (the kill switch) end waits without a trade', async () => {
    const h = harness();
    h.service.start();
    const stop = new AbortController();
    const first = h.service.ask(INTENT, 5_000, stop.signal);
    const second = h.service.ask(INTENT, 5_000);
    stop.abort();
    expect(await first).toMatchObject({ approved: false, reason: 'canceled (the strategy stopped while waiting)' });
    h.service.cancelAll('kill switch', 'the kill switch is engaged');
    expect(await second).toMatchObject({ approved: false, reason: 'canceled (the kill switch is engaged)' });
    expect(h.service.pending()).toEqual([]);
    const aborted = new AbortController();
    aborted.abort();
    expect(await h.service.ask(INTENT, 5_000, aborted.signal)).toMatchObject({ approved: false, id: null });
  });
});
