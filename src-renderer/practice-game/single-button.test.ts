import { describe, expect, it } from 'vitest';
import { buttonAction, buttonFace } from './single-button';
import type { GameSnapshot } from './types';

const snapshot = (fields: Partial<GameSnapshot>): GameSnapshot => ({
  phase: 'BETTING',
  roundId: 1,
  multiplier: 1,
  balance: 100,
  roundStartedAt: 0,
  flightStartsAt: 5000,
  nextFlightAt: 5000,
  nextRoundAt: null,
  bet: null,
  queuedBet: null,
  crashPoints: [],
  rate: 0.0002,
  ...fields,
});

describe('single button', () => {
  it('bets or cancels while betting, cashes out an open bet in flight, and otherwise queues or unqueues', () => {
    expect(buttonAction({ phase: 'BETTING', bet: 'none', queued: false })).toBe('bet');
    expect(buttonAction({ phase: 'BETTING', bet: 'open', queued: false })).toBe('cancel');
    expect(buttonAction({ phase: 'FLYING', bet: 'open', queued: false })).toBe('cashout');
    expect(buttonAction({ phase: 'FLYING', bet: 'none', queued: false })).toBe('queue');
    expect(buttonAction({ phase: 'FLYING', bet: 'cashed-out', queued: false })).toBe('queue');
    expect(buttonAction({ phase: 'CRASHED', bet: 'open', queued: false })).toBe('queue');
    expect(buttonAction({ phase: 'FLYING', bet: 'cashed-out', queued: true })).toBe('unqueue');
    expect(buttonAction({ phase: 'CRASHED', bet: 'none', queued: true })).toBe('unqueue');
  });

  it('reads BET, CANCEL, CASH OUT stake × multiplier, and a BET for the next round between rounds', () => {
    expect(buttonFace(snapshot({}))).toEqual({ action: 'bet', label: 'BET' });
    const bet = { stake: 10, autoCashout: null, cashedOutAt: null };
    expect(buttonFace(snapshot({ bet }))).toEqual({ action: 'cancel', label: 'CANCEL' });
    expect(buttonFace(snapshot({ phase: 'FLYING', multiplier: 1.45, bet }))).toEqual({ action: 'cashout', label: 'CASH OUT 14.50' });
    expect(buttonFace(snapshot({ phase: 'FLYING', multiplier: 123.45, bet: { ...bet, stake: 12.5 } })).label).toBe('CASH OUT 1,543.12');
    expect(buttonFace(snapshot({ phase: 'FLYING', multiplier: 2, bet: { ...bet, cashedOutAt: 1.5 } }))).toEqual({ action: 'queue', label: 'BET' });
    expect(buttonFace(snapshot({ phase: 'CRASHED', multiplier: 2, queuedBet: { stake: 10 } }))).toEqual({ action: 'unqueue', label: 'CANCEL' });
  });
});
