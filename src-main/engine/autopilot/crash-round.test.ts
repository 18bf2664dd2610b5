import { describe, expect, it } from 'vitest';
import { displayedCentsAt } from '../../../src-shared/crash/growth';
import { INITIAL_PHASE_STATE } from '../../core/crash';
import { CrashRound } from './crash-round';
import type { Observation } from './round-observer';

const RATE = 0.0002;

function flying(at: number): Observation {
  const value = displayedCentsAt(at, RATE) / 100;
  return {
    read: { at, text: `${value}x`, value, ms: 1, path: 'glyph' },
    phaseRead: { at, kind: 'value', value },
    state: { ...INITIAL_PHASE_STATE, phase: 'FLYING', lastValue: value, lastValueAt: at },
    events: [],
  };
}

/** The read at which a predicted click is committed, for reads `intervalMs` apart; target 2x crosses at 3466 ms. */
function commitAt(intervalMs: number): { at: number; sendAt: number } | null {
  const round = new CrashRound({ roundId: '1', target: 2, gameCashout: null, flightStart: 0, betTaken: true, lagMs: 0, minSamples: 6, forcedCashoutMs: 60_000 }, 1);
  for (let at = 0; at < 4000; at += intervalMs) {
    const decision = round.step(flying(at), { now: at, killSwitch: false, halted: false, clickLatencyMs: 0 });
    if (decision.kind === 'cashout') return decision.sendAt === undefined ? null : { at, sendAt: decision.sendAt };
  }
  return null;
}

describe('CrashRound: when a predicted click is committed', () => {
  it('with fast reads, in the last read before the crossing', () => {
    const commit = commitAt(16)!;
    expect(commit.sendAt - commit.at).toBeLessThanOrEqual(25);
    expect(commit.sendAt).toBeGreaterThan(3400);
  });

  it('with slow reads (150 ms apart), one read ahead, so the click does not wait for a read that lands after the crossing', () => {
    const commit = commitAt(150)!;
    expect(commit.sendAt).toBeGreaterThan(commit.at + 25);
    expect(commit.sendAt - commit.at).toBeLessThanOrEqual(225);
    expect(Math.abs(commit.sendAt - Math.log(2) / RATE)).toBeLessThan(40);
  });
});
