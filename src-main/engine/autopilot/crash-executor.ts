// Runs in: engine. Plays one signal: wait for betting → Bet → watch the flight → Cash out at the target → record.
import type { Execution, ExecutionStatus, RoundSample } from '../../../src-shared/contract/services/autopilot';
import type { SafetyLimits } from '../../../src-shared/contract/services/settings';
import type { GameProfile } from '../../../src-shared/game-profile';
import type { Signal } from '../../../src-shared/signals';
import { betRefusal } from '../../core/autopilot/bet-limits';
import { autoCashoutEntry, stakeEntry } from '../../core/autopilot/game-fields';
import { floorMultiplier, roundPnl } from '../../core/autopilot/round-pnl';
import { fitGrowth, planCashout, predict, type DisplayLagEstimator, type GrowthFit, type MultiplierSample } from '../../core/crash';
import type { RegionReader } from '../../core/autopilot/ports';
import type { ExecutionsRepo, ExecutionUpdate } from '../../adapters/store/executions-repo';
import type { SafetyService } from '../services/safety-service';
import { BalanceCheck, type PayoutVerdict } from './balance-check';
import type { Clicker } from './clicker';
import { preciseNow, sleepUntil } from './clock';
import type { Observation, ObservationQueue, RoundObserver } from './round-observer';

export interface ExecutorOptions {
  /** How long a signal may wait for a betting phase, and a placed bet for its flight. */
  maxWaitMs: number;
  /** The seed's rule: cash out whatever the multiplier after this long in flight. */
  forcedCashoutMs: number;
  /** After the click, how long to wait for the round to show whether the cash-out beat the crash. */
  settleMs: number;
  /** Reads needed before trusting the fitted curve. */
  minSamples: number;
  /** After a clicked cash-out, how long to wait for the balance to show the payout. */
  payoutTimeoutMs: number;
}

export const DEFAULT_EXECUTOR_OPTIONS: ExecutorOptions = { maxWaitMs: 30_000, forcedCashoutMs: 60_000, settleMs: 1_500, minSamples: 6, payoutTimeoutMs: 1_500 };

export interface ExecutorContext {
  repo: ExecutionsRepo;
  clicker: Clicker;
  observer: RoundObserver;
  /** Reads the balance region, when the profile has one, to verify payouts. */
  reader: RegionReader;
  /** How far the screen runs behind the game, learned from payouts; shared by the rounds of a session. */
  displayLag: DisplayLagEstimator;
  safety: SafetyService;
  limits: () => SafetyLimits;
  /** The autopilot is stopping: take no new bet, and cash out a placed one now. */
  halted: () => boolean;
  defaultStake: () => number;
  onUpdate: (execution: Execution) => void;
  onSample: (sample: RoundSample) => void;
  options: ExecutorOptions;
}

export interface PlayRequest {
  signalId: number | null;
  signal: Signal;
  profile: GameProfile;
}

/** How the round's cash-out went out: by our click (real or simulated), or by the game's own auto cash-out. */
interface CashoutSent {
  at: number;
  reason: string;
  clicked: boolean;
  /** Set when the game paid by itself: the exact multiplier it paid at. */
  paidAt?: number;
}

const startOfDay = (t: number) => new Date(t).setHours(0, 0, 0, 0);

export class CrashExecutor {
  constructor(private readonly ctx: ExecutorContext) {}

  async play(request: PlayRequest): Promise<Execution> {
    const { signal, profile } = request;
    const { repo, safety, options } = this.ctx;
    const mode = safety.snapshot().mode;
    const stake = signal.stake ?? this.ctx.defaultStake();
    let exec = repo.create({ signalId: request.signalId, roundId: signal.roundId, mode, bet: signal.bet, stake, target: signal.target, at: Date.now() });
    this.ctx.onUpdate(exec);
    const move = (to: ExecutionStatus, detail: string | null, update: ExecutionUpdate = {}) => {
      exec = repo.transition(exec.id, to, Date.now(), detail, update);
      this.ctx.onUpdate(exec);
      return exec;
    };

    if (!signal.bet) return move('SKIPPED', 'signal says bet: false', { reason: 'signal says bet: false' });
    if (safety.snapshot().killSwitch) return move('SKIPPED', 'kill switch engaged', { reason: 'kill switch engaged' });
    const now = Date.now();
    const limit = betRefusal(stake, this.ctx.limits(), repo.betHistory(mode, now, startOfDay(now)));
    if (limit) return move('SKIPPED', `limit: ${limit}`, { reason: `refused by limit: ${limit}` });

    const observer = this.ctx.observer;
    observer.setActive(true);
    const reads = observer.queue();
    try {
      move('WAITING_FOR_ROUND', observer.phase.phase === 'FLYING' ? 'signal arrived mid-flight: waiting for the next betting phase' : null);

      if (observer.phase.phase !== 'BETTING') {
        const betting = await reads.take((o) => o.state.phase === 'BETTING' || this.ctx.halted(), options.maxWaitMs);
        if (this.ctx.halted()) return move('SKIPPED', 'autopilot stopped', { reason: 'autopilot stopped before the bet' });
        if (!betting) return move('SKIPPED', 'no betting phase in time', { reason: `no betting phase within ${options.maxWaitMs} ms` });
      }
      if (profile.points.stakeInput) {
        const typed = await this.ctx.clicker.typeField(profile, 'stakeInput', stakeEntry(stake), exec.id, limit);
        if (!typed.clicked && mode === 'live') return move('FAILED', `stake not entered: ${typed.refused}`, { reason: `stake not entered: ${typed.refused}` });
      }
      // BRIEF §3: the game's own auto cash-out pays exactly at the target; the OCR click is the fallback.
      const gameCashout = profile.points.autoCashoutInput ? autoCashoutEntry(signal.target) : null;
      if (gameCashout !== null) {
        const typed = await this.ctx.clicker.typeField(profile, 'autoCashoutInput', gameCashout.toFixed(2), exec.id, limit);
        if (!typed.clicked && mode === 'live') return move('FAILED', `auto cash-out not set: ${typed.refused}`, { reason: `auto cash-out not set: ${typed.refused}` });
      }
      const bet = await this.ctx.clicker.click({ profile, target: 'bet', reason: `bet round ${signal.roundId}: stake ${stake}, target ${signal.target}x`, executionId: exec.id, limitRefusal: limit });
      if (!bet.clicked && mode === 'live') return move('FAILED', `bet not placed: ${bet.refused}`, { reason: `bet not placed: ${bet.refused}` });
      move('PLACED_BET', bet.clicked ? `bet clicked (${bet.latencyMs.toFixed(1)} ms)` : `simulated: ${bet.refused}`);

      const start = await reads.take((o) => o.events.some((e) => e.type === 'flight' || e.type === 'crash'), options.maxWaitMs);
      if (!start) return move('FAILED', 'the round did not start', { reason: `no flight within ${options.maxWaitMs} ms after the bet` });
      const instant = start.events.find((e) => e.type === 'crash');
      if (instant) return move('CRASHED', 'crashed before the first readable multiplier', { maxSeen: instant.value ?? 1, pnl: roundPnl('CRASHED', stake, null), reason: 'instant crash' });
      move('MONITORING', null);
      return await this.monitor(start, reads, exec, stake, signal.target, gameCashout, profile, bet.clicked, move);
    } finally {
      reads.close();
      observer.setActive(false);
    }
  }

  private async monitor(
    first: Observation,
    reads: ObservationQueue,
    exec: Execution,
    stake: number,
    target: number,
    /** The auto cash-out typed into the game, which then cashes out by itself; null: the engine clicks. */
    gameCashout: number | null,
    profile: GameProfile,
    betPlacedLive: boolean,
    move: (to: ExecutionStatus, detail: string | null, update?: ExecutionUpdate) => Execution,
  ): Promise<Execution> {
    const { options, clicker, safety } = this.ctx;
    const samples: MultiplierSample[] = [];
    // Dating samples by the learned lag removes the bias that makes cash-outs land late; the plan's margin still
    // keeps every click at or after the crossing.
    const lagMs = this.ctx.displayLag.current();
    const balance = betPlacedLive && gameCashout === null && profile.regions.balance ? new BalanceCheck(this.ctx.reader, profile.regions.balance) : null;
    const flightStart = first.read.at;
    let maxSeen = first.read.value ?? 1;
    let observation: Observation | null = first;
    let sent: CashoutSent | null = null;

    const cashOut = async (reason: string) => {
      const result = await clicker.click({ profile, target: 'cashout', reason: `cash out round ${exec.roundId}: ${reason}`, executionId: exec.id, betPlacedLive });
      sent = { at: result.clicked ? result.sentAt + result.latencyMs : preciseNow(), reason, clicked: result.clicked };
    };

    while (observation && !sent) {
      const crash = observation.events.find((e) => e.type === 'crash');
      if (crash) {
        return move('CRASHED', `crashed at ${crash.value ?? maxSeen}x before the target ${target}x (${crash.reason})`, {
          maxSeen: Math.max(maxSeen, crash.value ?? 0),
          pnl: roundPnl('CRASHED', stake, null),
          reason: `crashed at ${crash.value ?? maxSeen}x`,
        });
      }
      const value = observation.read.value;
      if (value !== null && observation.state.phase === 'FLYING' && !observation.events.some((e) => e.type === 'rejected')) {
        samples.push({ at: observation.read.at - lagMs, multiplier: value });
        maxSeen = Math.max(maxSeen, value);
        this.ctx.onSample({ roundId: exec.roundId, t: observation.read.at - flightStart, m: value });
      }
      const now = preciseNow();
      // Once the game has paid, no click at all: in games whose button turns back into Bet, it would bet the next round.
      if (gameCashout !== null && value !== null && value >= gameCashout) {
        sent = { at: observation.read.at, reason: `the game's auto cash-out at ${gameCashout}x (${value}x on screen)`, clicked: betPlacedLive, paidAt: gameCashout };
        break;
      }
      if (safety.snapshot().killSwitch) await cashOut('kill switch engaged: protective cash-out');
      else if (this.ctx.halted()) await cashOut('autopilot stopping: protective cash-out');
      else if (value !== null && value >= target) await cashOut(`target ${target}x reached on screen (${value}x)`);
      else if (now - flightStart >= options.forcedCashoutMs) await cashOut(`forced after ${options.forcedCashoutMs / 1000} s in flight`);
      else if (gameCashout === null && samples.length >= options.minSamples) {
        const plan = planCashout({ samples, target, clickLatencyMs: clicker.lowLatencyMs() });
        // Commit to the predicted time once it falls within the next few reads; until then keep refining the fit.
        if (plan && plan.sendAt - now <= 25) {
          const resumeReads = this.ctx.observer.hold();
          try {
            await sleepUntil(plan.sendAt);
            await cashOut(`predicted crossing of ${target}x (rate ${(plan.growth.rate * 1000).toFixed(4)}/s)`);
          } finally {
            resumeReads();
          }
        }
      }
      if (!sent) observation = await reads.take(() => true, 5_000);
    }
    if (!sent) return move('FAILED', 'lost the multiplier reading', { maxSeen, reason: 'the multiplier could not be read for 5 s' });
    const click = sent as CashoutSent;

    const fit = fitGrowth(samples);
    const payout = await this.checkPayout(balance, click, stake, fit && samples.length >= options.minSamples ? fit : null, lagMs);
    // An unchanged balance is reported, not judged: some games credit a cash-out only when the round ends.
    const confirmed =
      payout?.kind === 'paid' ? `; paid ${payout.multiplier}x per the balance (reads dated ${lagMs.toFixed(0)} ms back)` : payout?.kind === 'unchanged' ? `; NOT confirmed: the balance stayed at ${payout.balance}` : '';
    const estimate = click.paidAt ?? (payout?.kind === 'paid' ? payout.multiplier : floorMultiplier(fit ? predict(fit, click.at) : maxSeen));
    // The round decides whether the click beat the crash: watch until it crashes or has clearly flown past the click.
    const settled = await reads.take((o) => o.events.some((e) => e.type === 'crash') || o.read.at - click.at > options.settleMs, options.settleMs + 5_000);
    const crash = settled?.events.find((e) => e.type === 'crash');
    const crashValue = crash ? (crash.value ?? maxSeen) : null;
    const dry = click.clicked ? '' : ' (dry run: simulated, no click sent)';
    let final: Execution;
    if (crashValue !== null && crashValue < estimate && payout?.kind !== 'paid') {
      final = move('CRASHED', `cash-out lost the race: crashed at ${crashValue}x${dry}`, { maxSeen: crashValue, pnl: roundPnl('CRASHED', stake, null), reason: `crashed at ${crashValue}x as the cash-out was sent${dry}` });
    } else {
      const reason = click.reason + confirmed + dry;
      final = move('CASHOUT_EXECUTED', reason, { cashoutAt: estimate, maxSeen: Math.max(maxSeen, crashValue ?? 0), pnl: roundPnl('CASHOUT_EXECUTED', stake, estimate), reason });
    }
    if (!crash) final = await this.recordCrashPoint(reads, final);
    return final;
  }

  /**
   * What the balance says the game paid for a clicked cash-out. A believable payout teaches the display lag; one
   * that cannot be this click's (the lag it implies is not physical) is ignored rather than trusted.
   */
  private async checkPayout(balance: BalanceCheck | null, click: CashoutSent, stake: number, fit: GrowthFit | null, lagMs: number): Promise<PayoutVerdict | null> {
    if (!balance || !click.clicked) return null;
    const verdict = await balance.payout(stake, this.ctx.options.payoutTimeoutMs, () => this.ctx.observer.phase.phase === 'BETTING');
    if (verdict.kind !== 'paid') return verdict;
    if (!fit) return { kind: 'unreadable' };
    const lag = this.ctx.displayLag.observe({ paid: verdict.multiplier, fittedAtClick: predict(fit, click.at), rate: fit.rate, lagUsedMs: lagMs });
    return lag === null ? { kind: 'unreadable' } : verdict;
  }

  /** Keeps watching after the cash-out so the round history and max-seen hold the real crash point. */
  private async recordCrashPoint(reads: ObservationQueue, exec: Execution): Promise<Execution> {
    let maxSeen = exec.maxSeen ?? 0;
    const ended = await reads.take(
      (o) => {
        if (o.read.value !== null && o.state.phase === 'FLYING') maxSeen = Math.max(maxSeen, o.read.value);
        // Only bookkeeping is left: a stopping autopilot does not wait for the crash.
        return o.events.some((e) => e.type === 'crash') || this.ctx.halted();
      },
      5 * 60_000,
    );
    const crash = ended?.events.find((e) => e.type === 'crash');
    const updated = this.ctx.repo.noteMaxSeen(exec.id, Math.max(maxSeen, crash?.value ?? 0));
    this.ctx.onUpdate(updated);
    return updated;
  }
}
