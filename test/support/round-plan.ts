// Signals for the desktop e2e: a mix of bet/no-bet and targets below and above each round's (known, seeded) crash point.
export interface PlannedRound {
  roundId: number;
  crash: number;
  bet: boolean;
  target: number;
  /** What the game's own log must show for this round. */
  expect: 'SKIPPED' | 'CASHOUT_EXECUTED' | 'CRASHED';
  /** Sent in the signal when set; the game's field holds 1 otherwise. */
  stake?: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Round i of the session gets a role by position, so every run mixes all three outcomes. */
export function planRound(i: number, roundId: number, crash: number): PlannedRound {
  if (i % 4 === 2) return { roundId, crash, bet: false, target: 2, expect: 'SKIPPED' };
  if (i % 4 === 1 || crash < 1.3) {
    // Above the crash point: the round must end CRASHED with no cash-out, whatever the OCR saw.
    return { roundId, crash, bet: true, target: r2(Math.max(crash + 0.25, 1.5)), expect: 'CRASHED' };
  }
  // Safely below the crash point (≥ 0.15 of headroom) so the cash-out is not a race with the crash.
  // Every other winning round also carries its own stake, which must be typed into the game's stake field.
  return { roundId, crash, bet: true, target: r2(Math.max(1.1, Math.min(crash - 0.15, 1 + (crash - 1) * 0.6))), expect: 'CASHOUT_EXECUTED', ...(i % 2 === 0 ? { stake: 2.5 } : {}) };
}

export function signalFor(round: PlannedRound, now = Date.now()) {
  return {
    timestamp: new Date(now).toISOString(),
    expectedMultiplier: String(round.target),
    expectedRange: `${r2(round.target - 0.1)}-${r2(round.target + 0.1)}`,
    bet: round.bet,
    roundId: round.roundId,
    ...(round.stake !== undefined ? { stake: round.stake } : {}),
  };
}
