// Runs in: the practice game page (a browser).
// The practice game's rules, free of the DOM: bets, cash-outs, the game's own auto cash-out, and the event log.
// Money is kept in integer cents so balances never drift.

import { displayedCentsAt, timeToReach } from '../../src-shared/crash/growth';
import { phaseAt, type RoundSchedule, type RoundTiming } from './schedule';
import { buttonAction, payoutCents, type ButtonAction } from './single-button';
import type { GameSnapshot, LogEntry, LogType } from './types';

interface Bet {
  readonly stakeCents: number;
  readonly autoCents: number | null;
  cashoutCents: number | null;
}

const HISTORY_LENGTH = 50;

export class PracticeGame {
  readonly log: LogEntry[] = [];
  private balanceCents: number;
  private readonly bets = new Map<number, Bet>();
  /** Rounds whose 'round' and 'crash' entries have been logged. */
  private announced = 0;
  private crashed = 0;

  constructor(
    private readonly schedule: RoundSchedule,
    initialBalance: number,
  ) {
    this.balanceCents = Math.round(initialBalance * 100);
  }

  private get rate(): number {
    return this.schedule.config.rate;
  }

  /** Logs every round start, auto cash-out and crash due by `now`, in time order. */
  advance(now: number): void {
    for (;;) {
      const due = this.nextDue();
      if (due.at > now) return;
      due.apply();
    }
  }

  bet(stake: number, autoCashout: number | null, at: number): boolean {
    this.advance(at);
    const round = this.schedule.roundAt(at);
    const stakeCents = Math.round(stake * 100);
    const reason = this.betRefusal(round, stakeCents, at);
    if (reason) {
      this.record('bet-ignored', round.roundId, at, { stake, reason });
      return false;
    }
    const autoCents = autoCashout !== null && autoCashout > 1 ? Math.round(autoCashout * 100) : null;
    this.balanceCents -= stakeCents;
    this.bets.set(round.roundId, { stakeCents, autoCents, cashoutCents: null });
    this.record('bet', round.roundId, at, { stake: stakeCents / 100, balance: this.balance, ...(autoCents ? { multiplier: autoCents / 100 } : {}) });
    // A click judged by its timestamp can be handled after its round's crash was logged (instant crash, slow frame).
    if (this.crashed >= round.roundId) this.settleLateAutoCashout(round);
    return true;
  }

  /** The single button of one-button skins: the click's own time decides whether it bets, cancels, cashes out or queues. */
  press(stake: number, at: number): ButtonAction {
    this.advance(at);
    const round = this.schedule.roundAt(at);
    const current = this.bets.get(round.roundId);
    const bet = !current ? 'none' : current.cashoutCents === null ? 'open' : 'cashed-out';
    const action = buttonAction({ phase: phaseAt(round, at), bet, queued: this.bets.has(round.roundId + 1) });
    if (action === 'bet') this.bet(stake, null, at);
    else if (action === 'cancel') this.cancel(round.roundId, at, {});
    else if (action === 'cashout') this.cashout(at);
    else if (action === 'queue') this.queue(stake, round.roundId, at);
    else this.cancel(round.roundId + 1, at, { queued: true, placedInRound: round.roundId });
    return action;
  }

  cashout(at: number): boolean {
    this.advance(at);
    const round = this.schedule.roundAt(at);
    const bet = this.bets.get(round.roundId);
    const phase = phaseAt(round, at);
    const reason = phase !== 'FLYING' ? `phase ${phase}` : !bet ? 'no bet' : bet.cashoutCents !== null ? 'already cashed out' : null;
    if (reason || !bet) {
      this.record('cashout-ignored', round.roundId, at, { reason: reason ?? 'no bet' });
      return false;
    }
    this.payOut(round, bet, displayedCentsAt(at - round.flightAt, this.rate), at, false);
    return true;
  }

  snapshot(now: number): GameSnapshot {
    this.advance(now);
    const round = this.schedule.roundAt(now);
    const phase = phaseAt(round, now);
    const next = phase === 'CRASHED' ? this.schedule.round(round.roundId + 1) : null;
    const bet = this.bets.get(round.roundId);
    const queued = phase === 'BETTING' ? undefined : this.bets.get(round.roundId + 1);
    const multiplierCents = phase === 'BETTING' ? 100 : phase === 'FLYING' ? displayedCentsAt(now - round.flightAt, this.rate) : round.crashCents;
    const crashPoints = [];
    for (let id = this.crashed; id >= 1 && crashPoints.length < HISTORY_LENGTH; id--) {
      crashPoints.push({ roundId: id, crashPoint: this.schedule.round(id).crashCents / 100 });
    }
    return {
      phase,
      roundId: round.roundId,
      multiplier: multiplierCents / 100,
      balance: this.balance,
      roundStartedAt: round.bettingAt,
      flightStartsAt: round.flightAt,
      nextFlightAt: phase === 'BETTING' ? round.flightAt : next ? next.flightAt : null,
      nextRoundAt: next ? next.bettingAt : null,
      bet: bet
        ? {
            stake: bet.stakeCents / 100,
            autoCashout: bet.autoCents === null ? null : bet.autoCents / 100,
            cashedOutAt: bet.cashoutCents === null ? null : bet.cashoutCents / 100,
          }
        : null,
      queuedBet: queued ? { stake: queued.stakeCents / 100 } : null,
      crashPoints,
      rate: this.rate,
    };
  }

  private get balance(): number {
    return this.balanceCents / 100;
  }

  private betRefusal(round: RoundTiming, stakeCents: number, at: number): string | null {
    const phase = phaseAt(round, at);
    if (phase !== 'BETTING') return `phase ${phase}`;
    if (this.bets.has(round.roundId)) return 'already bet this round';
    return this.stakeRefusal(stakeCents);
  }

  private stakeRefusal(stakeCents: number): string | null {
    if (!Number.isFinite(stakeCents) || stakeCents <= 0) return 'invalid stake';
    if (stakeCents > this.balanceCents) return 'insufficient balance';
    return null;
  }

  /** A bet on the next round, clicked in this round's flight or crash; the stake leaves the balance at once. */
  private queue(stake: number, placedInRound: number, at: number): void {
    const roundId = placedInRound + 1;
    const stakeCents = Math.round(stake * 100);
    const reason = this.stakeRefusal(stakeCents);
    if (reason) {
      this.record('bet-ignored', roundId, at, { stake, reason, queued: true, placedInRound });
      return;
    }
    this.balanceCents -= stakeCents;
    this.bets.set(roundId, { stakeCents, autoCents: null, cashoutCents: null });
    this.record('bet', roundId, at, { stake: stakeCents / 100, balance: this.balance, queued: true, placedInRound });
  }

  private cancel(roundId: number, at: number, queued: { queued?: true; placedInRound?: number }): void {
    const bet = this.bets.get(roundId)!;
    this.bets.delete(roundId);
    this.balanceCents += bet.stakeCents;
    this.record('cancel', roundId, at, { stake: bet.stakeCents / 100, balance: this.balance, ...queued });
  }

  private settleLateAutoCashout(round: RoundTiming): void {
    const bet = this.bets.get(round.roundId);
    if (!bet || bet.autoCents === null || bet.autoCents > round.crashCents) return;
    this.payOut(round, bet, bet.autoCents, round.flightAt + timeToReach(bet.autoCents / 100, this.rate), true);
  }

  private payOut(round: RoundTiming, bet: Bet, multiplierCents: number, at: number, auto: boolean): void {
    const paidCents = payoutCents(bet.stakeCents, multiplierCents);
    bet.cashoutCents = multiplierCents;
    this.balanceCents += paidCents;
    this.record('cashout', round.roundId, at, {
      multiplier: multiplierCents / 100,
      stake: bet.stakeCents / 100,
      payout: paidCents / 100,
      balance: this.balance,
      ...(auto ? { auto: true } : {}),
    });
  }

  /** The earliest unlogged event: an auto cash-out (wins ties: cashing out at exactly the crash point pays), the crash, or the next round. */
  private nextDue(): { at: number; apply: () => void } {
    if (this.crashed < this.announced) {
      const round = this.schedule.round(this.crashed + 1);
      const bet = this.bets.get(round.roundId);
      if (bet && bet.cashoutCents === null && bet.autoCents !== null && bet.autoCents <= round.crashCents) {
        const autoCents = bet.autoCents;
        const autoAt = round.flightAt + timeToReach(autoCents / 100, this.rate);
        return { at: autoAt, apply: () => this.payOut(round, bet, autoCents, autoAt, true) };
      }
      return {
        at: round.crashAt,
        apply: () => {
          this.crashed = round.roundId;
          this.record('crash', round.roundId, round.crashAt, { crashPoint: round.crashCents / 100, balance: this.balance });
        },
      };
    }
    const round = this.schedule.round(this.announced + 1);
    return {
      at: round.bettingAt,
      apply: () => {
        this.announced = round.roundId;
        this.record('round', round.roundId, round.bettingAt, { balance: this.balance });
      },
    };
  }

  private record(type: LogType, roundId: number, at: number, fields: Omit<LogEntry, 'type' | 'roundId' | 'at'>): void {
    this.log.push({ type, roundId, at, ...fields });
  }
}
