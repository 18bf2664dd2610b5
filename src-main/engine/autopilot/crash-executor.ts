// Runs in: engine. Plays one signal: wait for betting → Bet (verified) → watch the flight → Cash out at the target →
// record. The flight itself is decided observation by observation in `CrashRound`; this file does the I/O.
import type { Execution, ExecutionStatus, RoundSample } from '../../../src-shared/contract/services/autopilot';
import type { SafetyLimits } from '../../../src-shared/contract/services/settings';
import type { GameProfile } from '../../../src-shared/game-profile';
import type { Signal } from '../../../src-shared/signals';
import { betRefusal } from '../../core/autopilot/bet-limits';
import { autoCashoutEntry, stakeEntry } from '../../core/autopilot/game-fields';
import { floorMultiplier, roundPnl } from '../../core/autopilot/round-pnl';
import { believablePayout, buttonChanged, MAX_PLAUSIBLE_LAG_MS, predict, sameButtonLook, showsPlacedBet, type ButtonLook, type DisplayLagEstimator, type GrowthFit, type PhaseEvent } from '../../core/crash';
import type { RegionReader } from '../../core/autopilot/ports';
import type { ExecutionsRepo, ExecutionUpdate } from '../../adapters/store/executions-repo';
import type { SafetyService } from '../services/safety-service';
import { BalanceCheck, type PayoutVerdict } from './balance-check';
import type { Clicker } from './clicker';
import { preciseNow, sleepUntil } from './clock';
import { CrashRound, type RoundDecision } from './crash-round';
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
  /** How long after the Bet click the button may take to show the bet taken. */
  betConfirmMs: number;
  /** With reads lost, how often to look at the buttons. */
  buttonCheckMs: number;
}

export const DEFAULT_EXECUTOR_OPTIONS: ExecutorOptions = {
  maxWaitMs: 30_000,
  forcedCashoutMs: 60_000,
  settleMs: 1_500,
  minSamples: 6,
  payoutTimeoutMs: 1_500,
  // A loaded machine can leave the game's repaint 400 ms behind the click (seen under CI load).
  betConfirmMs: 800,
  buttonCheckMs: 30,
};

/** Wall clock and precise waits; tests pass a simulated one. */
export interface ExecutorClock {
  now(): number;
  sleepUntil(at: number): Promise<void>;
}

export const systemClock: ExecutorClock = { now: preciseNow, sleepUntil: (at) => sleepUntil(at) };

/** The game's buttons as the executor sees them: a look per click point, or null when it cannot be captured. */
export interface ButtonCues {
  look(target: 'bet' | 'cashout'): Promise<ButtonLook | null>;
}

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
  /** Why this game may not be bet on yet (still learning it, or it no longer looks as learned); null when ready. */
  readiness: () => string | null;
  /**
   * Asks a person to confirm the bet when the user wants that: resolves with why there is no bet, or null to bet.
   * Returns null (no question asked) when bets need no confirmation.
   */
  confirmBet?: (bet: { readonly signal: Signal; readonly stake: number }) => Promise<string | null> | null;
  /** Resolves once nothing else moves the pointer (the display lag probe): called before a round that may click. */
  takePointer?: () => Promise<void>;
  buttons: ButtonCues | null;
  clock: ExecutorClock;
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

/** How often, waiting for our round to fly, a one-button game's button is checked for our bet being gone. */
const BET_GONE_CHECK_MS = 100;
/** How long a button's state change may animate, and how often it is looked at meanwhile. */
const BUTTON_SETTLE_MAX_MS = 400;
const BUTTON_SETTLE_STEP_MS = 40;

/** What stopping between our bet and the flight did: took it back, could not (play on), or clicked without proof. */
type Withdrawal = { kind: 'withdrawn'; reason: string } | { kind: 'play-on' } | { kind: 'unsure' };

/** A read that says our round began: its flight, or a crash before any readable flight. */
const roundStarted = (o: Observation) => o.events.some((e) => e.type === 'flight' || e.type === 'crash');

/** What the Bet click left behind, for the cash-out gate and the queued-bet guard. */
interface BetPlaced {
  clicked: boolean;
  /** The game showed the bet taken (or, without button captures, the click went out). */
  taken: boolean;
  idleLook: ButtonLook | null;
  placedLook: ButtonLook | null;
  detail: string;
}

type Move = (to: ExecutionStatus, detail: string | null, update?: ExecutionUpdate) => Execution;

/** How long the reads that confirm crash words can take on a loaded machine. */
const CONFIRM_READS_MS = 250;

const startOfDay = (t: number) => new Date(t).setHours(0, 0, 0, 0);

/** This very read showed the number rising, in the flight's own look. */
function showsFlight(o: Observation): boolean {
  const s = o.state;
  return s.phase === 'FLYING' && !s.lost && o.read.value !== null && s.lastRiseAt === o.read.at && s.oddRises === 0 && s.oddReads === 0 && s.missingSince === null;
}

/** One button for Bet and Cash out (Aviator and its clones): there, a stray Cash out click is a bet. */
export function isSingleButton(profile: GameProfile): boolean {
  const { bet, cashout } = profile.points;
  return Math.hypot(bet.x - cashout.x, bet.y - cashout.y) < 12;
}

export class CrashExecutor {
  /**
   * Set after a live Cash out click on a one-button game: the next betting phase is checked for a queued bet, and a
   * cancel is recorded against the round whose click queued it.
   */
  private queuedBetRisk: { bet: BetPlaced; executionId: number } | null = null;

  constructor(private readonly ctx: ExecutorContext) {}

  async play(request: PlayRequest): Promise<Execution> {
    const { signal, profile } = request;
    const { repo, safety, options, clock } = this.ctx;
    const mode = safety.snapshot().mode;
    const stake = signal.stake ?? this.ctx.defaultStake();
    let exec = repo.create({ signalId: request.signalId, roundId: signal.roundId, mode, bet: signal.bet, stake, target: signal.target, at: Math.round(clock.now()) });
    this.ctx.onUpdate(exec);
    const move: Move = (to, detail, update = {}) => {
      exec = repo.transition(exec.id, to, Math.round(clock.now()), detail, update);
      this.ctx.onUpdate(exec);
      return exec;
    };

    if (!signal.bet) return move('SKIPPED', 'signal says bet: false', { reason: 'signal says bet: false' });
    if (safety.snapshot().killSwitch) return move('SKIPPED', 'kill switch engaged', { reason: 'kill switch engaged' });
    const notReady = this.ctx.readiness();
    if (notReady) return move('SKIPPED', notReady, { reason: `refused: ${notReady}` });
    const now = clock.now();
    const limit = betRefusal(stake, this.ctx.limits(), repo.betHistory(mode, now, startOfDay(now)));
    if (limit) return move('SKIPPED', `limit: ${limit}`, { reason: `refused by limit: ${limit}` });
    await this.ctx.takePointer?.();

    const observer = this.ctx.observer;
    observer.setActive(true);
    const reads = observer.queue();
    try {
      // A signal is for one round: the next to fly when it came. An answer after that round took off is too late.
      const flightsAtSignal = observer.phase.flights;
      const confirmation = this.ctx.confirmBet?.({ signal, stake }) ?? null;
      move('WAITING_FOR_ROUND', confirmation ? 'waiting for a person to confirm the bet' : observer.phase.phase === 'FLYING' ? 'signal arrived mid-flight: waiting for the next betting phase' : null);
      if (confirmation) {
        const refused = await confirmation;
        if (refused) return move('SKIPPED', `not confirmed: ${refused}`, { reason: `not confirmed: ${refused}` });
        if (observer.phase.flights !== flightsAtSignal) return move('SKIPPED', 'confirmed after its round took off', { reason: 'confirmed too late: the round the signal was for had started' });
        if (this.ctx.halted()) return move('SKIPPED', 'autopilot stopped', { reason: 'autopilot stopped before the bet' });
      }
      if (observer.phase.phase !== 'BETTING') {
        // A signal is for one round. A new flight before we saw betting means its betting phase passed unrecognised:
        // betting in the round after would be a bet nobody signalled.
        const newFlight = (o: Observation) => o.events.some((e) => e.type === 'flight' && !e.resumed);
        const betting = await reads.take((o) => o.state.phase === 'BETTING' || newFlight(o) || this.ctx.halted(), options.maxWaitMs);
        if (this.ctx.halted()) return move('SKIPPED', 'autopilot stopped', { reason: 'autopilot stopped before the bet' });
        if (!betting) return move('SKIPPED', 'no betting phase in time', { reason: `no betting phase within ${options.maxWaitMs} ms` });
        if (betting.state.phase !== 'BETTING') {
          return move('SKIPPED', 'a round started before its betting phase was recognised', { reason: 'missed the betting phase: the round was flying before betting was seen' });
        }
      }
      await this.cancelQueuedBet(profile);
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
      if (observer.phase.phase !== 'BETTING') return move('SKIPPED', 'betting closed before the bet', { reason: 'the betting phase ended before the bet could be sent' });
      let bet = await this.placeBet(profile, signal, stake, exec.id, limit);
      if (!bet.clicked && mode === 'live') return move('FAILED', `bet not placed: ${bet.detail}`, { reason: `bet not placed: ${bet.detail}` });
      move('PLACED_BET', bet.detail);
      // Dry run plays the round as if the bet were in, so both modes read phases the same way.
      observer.setBetOpen(true);

      const awaited = await this.awaitFlight(reads, profile, bet);
      let start = awaited.start;
      if (awaited.betGone) {
        return move('CRASHED', 'the button no longer shows our bet: the round ended before a readable flight', { maxSeen: 1, pnl: roundPnl('CRASHED', stake, null), reason: 'instant crash (seen on the button)' });
      }
      if (start && !roundStarted(start)) {
        // Stopped while betting is still open: take the bet back now instead of waiting for the flight to cash out.
        const withdrawn = await this.withdrawBet(profile, bet, exec.id);
        if (withdrawn.kind === 'withdrawn') return move('SKIPPED', withdrawn.reason, { pnl: 0, reason: withdrawn.reason });
        // A cancel click the button did not confirm leaves us unsure the bet is in: no Cash out click may follow it.
        if (withdrawn.kind === 'unsure') bet = { ...bet, taken: false };
        start = await reads.take(roundStarted, options.maxWaitMs);
      }
      if (!start) return move('FAILED', 'the round did not start', { reason: `no flight within ${options.maxWaitMs} ms after the bet` });
      const instant = start.events.find((e) => e.type === 'crash');
      if (instant) return move('CRASHED', 'crashed before the first readable multiplier', { maxSeen: instant.value ?? 1, pnl: roundPnl('CRASHED', stake, null), reason: 'instant crash' });
      move('MONITORING', null);
      const flight = start.events.find((e) => e.type === 'flight');
      const round = new CrashRound(
        {
          roundId: exec.roundId,
          target: signal.target,
          gameCashout,
          flightStart: flight?.at ?? start.read.at,
          betTaken: bet.clicked && bet.taken,
          simulated: mode !== 'live',
          singleButton: isSingleButton(profile),
          lagMs: this.ctx.displayLag.current(),
          learnedRate: observer.learnedRate,
          minSamples: options.minSamples,
          forcedCashoutMs: options.forcedCashoutMs,
          quantum: start.state.quantum,
        },
        start.read.value ?? 1,
        flight?.type === 'flight' ? flight.samples : [],
      );
      return await this.fly(round, start, reads, { exec, stake, profile, bet, move });
    } finally {
      observer.setBetOpen(false);
      reads.close();
      observer.setActive(false);
    }
  }

  /** Reads until `until`; the first observation showing a crash, if any. */
  private async crashBefore(reads: ObservationQueue, until: number): Promise<Observation | null> {
    for (;;) {
      const remaining = until - this.ctx.clock.now();
      if (remaining <= 0) return null;
      const o = await reads.take(() => true, remaining);
      if (!o) return null;
      if (o.events.some((e) => e.type === 'crash' && e.reason !== 'stalled')) return o;
    }
  }

  /**
   * Waits for our round to fly (or crash), or the autopilot to stop. On a one-button game the button also tells when
   * our bet is gone: it shows the idle Bet look again only once the round we bet on is over (an instant 1.00x crash
   * the readout never showed as one). The next round's flight must never be taken for ours: a Cash out click there
   * would bet.
   */
  private async awaitFlight(reads: ObservationQueue, profile: GameProfile, bet: BetPlaced): Promise<{ start: Observation | null; betGone: boolean }> {
    const { buttons, clock, options } = this.ctx;
    const idleLook = isSingleButton(profile) && bet.taken && buttons ? bet.idleLook : null;
    const deadline = clock.now() + options.maxWaitMs;
    let checkedAt = clock.now();
    let idleSeen = 0;
    for (;;) {
      const due = (o: Observation) => idleLook !== null && o.read.at - checkedAt >= BET_GONE_CHECK_MS;
      const o = await reads.take((o) => roundStarted(o) || this.ctx.halted() || due(o), Math.max(0, deadline - clock.now()));
      if (!o || roundStarted(o) || this.ctx.halted() || !idleLook || !buttons) return { start: o, betGone: false };
      checkedAt = o.read.at;
      const look = await buttons.look('bet');
      idleSeen = look && sameButtonLook(look, idleLook) ? idleSeen + 1 : 0;
      if (idleSeen >= 2) return { start: null, betGone: true };
    }
  }

  /**
   * The autopilot stopped between our bet and the flight. A dry-run bet is simply dropped. On a one-button game the
   * button shows CANCEL: one click, confirmed by the button going back to its idle look. Elsewhere there is no known
   * cancel, so the round is played on and the bet cashed out as soon as it flies.
   */
  private async withdrawBet(profile: GameProfile, bet: BetPlaced, executionId: number): Promise<Withdrawal> {
    if (!bet.clicked) return { kind: 'withdrawn', reason: 'autopilot stopped before the flight (dry run: nothing to take back)' };
    const { buttons, options, observer } = this.ctx;
    const { idleLook, placedLook } = bet;
    if (!isSingleButton(profile) || !buttons || !bet.taken || !idleLook || !placedLook) return { kind: 'play-on' };
    const shown = await buttons.look('bet');
    // Only a button still showing our bet is clicked: after the round started, a click would cash out or queue a bet.
    if (!shown || !sameButtonLook(shown, placedLook) || observer.phase.phase !== 'BETTING') return { kind: 'play-on' };
    const click = await this.ctx.clicker.click({ profile, target: 'cancel', reason: 'autopilot stopped before the flight: cancelling our bet', executionId, betPlacedLive: true });
    if (!click.clicked) return { kind: 'play-on' };
    const cancelled = await this.watchBetButton((look) => sameButtonLook(look, idleLook), options.betConfirmMs);
    return cancelled ? { kind: 'withdrawn', reason: 'autopilot stopped before the flight: bet cancelled, stake returned' } : { kind: 'unsure' };
  }

  /**
   * Captures the Bet button every 10 ms for up to `ms` until it `shows` what the caller waits for; null when it did
   * not, or as soon as `stillValid` says a change would no longer prove anything.
   */
  private async watchBetButton(shows: (look: ButtonLook) => boolean, ms: number, stillValid: () => boolean = () => true): Promise<ButtonLook | null> {
    const { buttons, clock } = this.ctx;
    if (!buttons) return null;
    const deadline = clock.now() + ms;
    for (;;) {
      const look = await buttons.look('bet');
      if (!stillValid()) return null;
      if (look && shows(look)) return look;
      if (clock.now() >= deadline) return null;
      await clock.sleepUntil(clock.now() + 10);
    }
  }

  /**
   * The Bet button's look once its change has run its course: games animate a new state over 100–200 ms, and the
   * first changed frame is halfway between two states (BET and CANCEL, or the crash's grey and BET).
   */
  private async settledBetLook(first: ButtonLook, stillValid: () => boolean): Promise<ButtonLook> {
    const { buttons, clock } = this.ctx;
    const deadline = clock.now() + BUTTON_SETTLE_MAX_MS;
    let last = first;
    while (buttons && clock.now() < deadline) {
      await clock.sleepUntil(clock.now() + BUTTON_SETTLE_STEP_MS);
      const look = await buttons.look('bet');
      if (!look || !stillValid()) return last;
      if (!buttonChanged(look, last)) return look;
      last = look;
    }
    return last;
  }

  /** Clicks Bet and watches the button: a bet counts as taken only when the game shows it. */
  private async placeBet(profile: GameProfile, signal: Signal, stake: number, executionId: number, limit: string | null): Promise<BetPlaced> {
    const { buttons, clicker, options } = this.ctx;
    const inBetting = () => this.ctx.observer.phase.phase === 'BETTING';
    // Settled first: betting is often seen on the very frame the button starts fading in, and a look taken mid-fade
    // never comes back, so the button back at idle after an unread instant crash would never match it. A signal that
    // comes well into betting finds the fade long over, and clicks at once.
    const { bettingAt } = this.ctx.observer.phase;
    const longSettled = inBetting() && bettingAt !== null && this.ctx.clock.now() - bettingAt >= BUTTON_SETTLE_MAX_MS;
    const firstLook = buttons ? await buttons.look('bet') : null;
    const idleLook = firstLook && !longSettled ? await this.settledBetLook(firstLook, inBetting) : firstLook;
    const click = await clicker.click({ profile, target: 'bet', reason: `bet round ${signal.roundId}: stake ${stake}, target ${signal.target}x`, executionId, limitRefusal: limit });
    if (!click.clicked) return { clicked: false, taken: false, idleLook, placedLook: null, detail: `simulated: ${click.refused}` };
    if (!buttons || !idleLook) return { clicked: true, taken: true, idleLook, placedLook: null, detail: `bet clicked (${click.latencyMs.toFixed(1)} ms); no button capture to confirm it` };
    // Once the round starts, the button changes whether or not our bet is in: only a change in betting proves it.
    const changed = await this.watchBetButton((look) => buttonChanged(look, idleLook), options.betConfirmMs, inBetting);
    const placedLook = changed && (await this.settledBetLook(changed, inBetting));
    if (placedLook) return { clicked: true, taken: true, idleLook, placedLook, detail: `bet clicked (${click.latencyMs.toFixed(1)} ms) and shown taken by the game` };
    return { clicked: true, taken: false, idleLook, placedLook: null, detail: `bet clicked, but the game's button did not change within ${options.betConfirmMs} ms of betting: no cash-out will be clicked` };
  }

  private async fly(
    round: CrashRound,
    first: Observation,
    reads: ObservationQueue,
    play: { exec: Execution; stake: number; profile: GameProfile; bet: BetPlaced; move: Move },
  ): Promise<Execution> {
    const { clicker, safety, clock, buttons, options } = this.ctx;
    const { exec, stake, profile, bet, move } = play;
    // Read in flight, with the stake already taken: the payout is the difference after the cash-out.
    const balance = bet.clicked && bet.taken && profile.regions.balance && !profile.points.autoCashoutInput ? BalanceCheck.begin(this.ctx.reader, profile.regions.balance) : null;
    let flyingLook: ButtonLook | null = null;
    let flyingLookAt = -Infinity;
    let buttonsCheckedAt = -Infinity;
    let sent: CashoutSent | null = null;
    let observation: Observation | null = first;

    // Rate-limited: a capture of the buttons costs a read.
    const buttonsShowOurFlight = async (): Promise<boolean> => {
      if (!buttons || !flyingLook || clock.now() - buttonsCheckedAt < options.buttonCheckMs) return false;
      buttonsCheckedAt = clock.now();
      const expected = flyingLook;
      const look = await buttons.look('cashout');
      return !!look && sameButtonLook(look, expected);
    };

    const cashOut = async (reason: string) => {
      const result = await clicker.click({ profile, target: 'cashout', reason: `cash out round ${exec.roundId}: ${reason}`, executionId: exec.id, betPlacedLive: bet.clicked && bet.taken });
      sent = { at: result.clicked ? result.sentAt + result.latencyMs : clock.now(), reason, clicked: result.clicked };
      this.ctx.observer.setBetOpen(false);
      if (result.clicked && isSingleButton(profile)) this.queuedBetRisk = { bet, executionId: exec.id };
    };

    while (observation && !sent) {
      const decision: RoundDecision = round.step(observation, {
        now: clock.now(),
        killSwitch: safety.snapshot().killSwitch,
        halted: this.ctx.halted(),
        clickLatencyMs: clicker.lowLatencyMs(),
      });
      if (observation.read.value !== null && observation.state.phase === 'FLYING') this.ctx.onSample({ roundId: exec.roundId, t: observation.read.at - round.flightStart, m: observation.read.value });
      if (decision.kind === 'crashed') {
        if (bet.clicked && !bet.taken) return move('FAILED', `${decision.reason}; the bet was never shown taken`, { maxSeen: round.maxSeen, pnl: 0, reason: 'bet click not taken by the game' });
        return move('CRASHED', decision.reason, { maxSeen: round.maxSeen, pnl: roundPnl('CRASHED', stake, null), reason: `crashed at ${decision.value}x` });
      }
      if (decision.kind === 'paid-by-game') {
        sent = { at: decision.at, reason: decision.reason, clicked: bet.clicked, paidAt: decision.multiplier };
        break;
      }
      if (decision.kind === 'cashout') {
        if (decision.sendAt !== undefined) {
          // Reads go on until the click's last moments: a crash seen meanwhile cancels the click (on a one-button
          // game, a click after the crash would bet the next round).
          const crashed = await this.crashBefore(reads, decision.sendAt - round.holdReadsBeforeClickMs());
          if (crashed) {
            observation = crashed;
            continue;
          }
        }
        // With the number hidden, the buttons are the last look at the flight before the click. A dry run placed no
        // bet for them to show.
        if (decision.ifButtonsShowFlight && !round.simulated && !(await buttonsShowOurFlight())) {
          observation = await reads.take(() => true, 5_000);
          continue;
        }
        if (decision.sendAt !== undefined) {
          const resumeReads = this.ctx.observer.hold();
          try {
            await clock.sleepUntil(decision.sendAt);
            await cashOut(decision.reason);
          } finally {
            resumeReads();
          }
        } else {
          await cashOut(decision.reason);
        }
        break;
      }
      if (decision.kind === 'ask-buttons') {
        if (await buttonsShowOurFlight()) {
          await cashOut('reads lost mid-flight, the Cash out button still shows our bet flying: protective cash-out');
          break;
        }
      } else if (decision.kind === 'watch' && buttons && bet.taken && observation !== first && showsFlight(observation) && clock.now() - flyingLookAt >= 100) {
        // What the Cash out button looks like while our bet flies: the one cue left if the reads are lost. Taken
        // only right after a read that shows the number rising: a read of the crash being drawn must never teach it.
        // Nor the read the flight was confirmed on: it may be the crash itself, drawn a step up in a new look.
        flyingLookAt = clock.now();
        flyingLook = (await buttons.look('cashout')) ?? flyingLook;
      }
      observation = await reads.take(() => true, 5_000);
    }
    if (!sent) {
      return move('FAILED', 'lost the multiplier reading', { maxSeen: round.maxSeen, reason: 'the multiplier could not be read for 5 s; no button showed the round still flying' });
    }
    return this.settle(round, sent, reads, balance, play);
  }

  private async settle(round: CrashRound, click: CashoutSent, reads: ObservationQueue, balance: BalanceCheck | null, play: { stake: number; move: Move }): Promise<Execution> {
    const { options } = this.ctx;
    const { stake, move } = play;
    const lagMs = this.ctx.displayLag.current();
    const fit = round.growth();
    // A stopping autopilot records at once: the click is out, and the payout check and settling only refine the record.
    const stopping = this.ctx.halted();
    const usable = fit && round.samples.length >= options.minSamples ? fit : null;
    // A display with 0 or 1 decimals teaches the lag through the fit of its steps (a fit of its floored reads put the
    // lag 40-70 ms too long, and clicked below the target); a click timed from one step at the slowest learned rate
    // fitted nothing, and its payout would only say how much faster the game grew.
    const payout = stopping ? null : await this.checkPayout({ balance, click, stake, fit: usable, lagMs, teach: !round.timedFromOneStep() });
    // An unchanged balance is reported, not judged: some games credit a cash-out only when the round ends.
    const confirmed =
      payout?.kind === 'paid' ? `; paid ${payout.multiplier}x per the balance (reads dated ${lagMs.toFixed(0)} ms back)` : payout?.kind === 'unchanged' ? `; NOT confirmed: the balance stayed at ${payout.balance}` : '';
    const estimate = click.paidAt ?? (payout?.kind === 'paid' ? payout.multiplier : floorMultiplier(fit ? predict(fit, click.at) : round.maxSeen));
    // The round decides whether the click beat the crash: watch until it crashes or has clearly flown past the click.
    // A stall is no proof here: a frozen frame looks the same, and the number rising again would prove it false.
    const firmCrash = (o: Observation) => o.events.find((e): e is Extract<PhaseEvent, { type: 'crash' }> => e.type === 'crash' && e.reason !== 'stalled');
    const settled = await reads.take((o) => !!firmCrash(o) || o.read.at - click.at > options.settleMs || this.ctx.halted(), stopping ? 0 : options.settleMs + 5_000);
    const crash = settled ? firmCrash(settled) : undefined;
    // Reads that went missing before the click say nothing about whether it beat the crash (a protective click is
    // only sent while the buttons still show the flight).
    const blind = crash?.reason === 'disappeared' && crash.at <= click.at;
    // Crash words ("BUSTED") carry the last number seen, which with the number hidden is older than the click: shown
    // later after the click than any screen lags (plus the reads that confirm them), they came after it (rocket,
    // 2026-12-05: "BUSTED" 845 ms after a paid click was recorded as the click losing the race at 1.55x).
    const wordsAfter = crash?.reason === 'crash-text' && crash.at - click.at > MAX_PLAUSIBLE_LAG_MS + CONFIRM_READS_MS;
    const crashValue = crash && !blind && !wordsAfter ? (crash.value ?? round.maxSeen) : null;
    const dry = click.clicked ? '' : ' (dry run: simulated, no click sent)';
    let final: Execution;
    // A tie is recorded as lost: the screen cannot tell which came first, and a record must never claim a win.
    if (crashValue !== null && crashValue <= estimate && payout?.kind !== 'paid') {
      final = move('CRASHED', `cash-out lost the race: crashed at ${crashValue}x${dry}`, { maxSeen: crashValue, pnl: roundPnl('CRASHED', stake, null), reason: `crashed at ${crashValue}x as the cash-out was sent${dry}` });
    } else {
      const reason = click.reason + confirmed + dry;
      final = move('CASHOUT_EXECUTED', reason, { cashoutAt: estimate, maxSeen: Math.max(round.maxSeen, crashValue ?? 0), pnl: roundPnl('CASHOUT_EXECUTED', stake, estimate), reason });
    }
    if (!crash) final = await this.recordCrashPoint(reads, final);
    return final;
  }

  /**
   * On a one-button game a Cash out click that lands after the crash queues a bet for the next round. Before
   * anything else in the next betting phase, look at the button: if it shows a bet we did not make, cancel it.
   */
  private async cancelQueuedBet(profile: GameProfile): Promise<void> {
    const risk = this.queuedBetRisk;
    this.queuedBetRisk = null;
    const { idleLook, placedLook } = risk?.bet ?? {};
    if (!risk || !idleLook || !placedLook || !this.ctx.buttons) return;
    const look = await this.ctx.buttons.look('bet');
    if (!look || !showsPlacedBet(look, { idle: idleLook, placed: placedLook })) return;
    const reason = 'the button shows a bet we did not signal (a late Cash out click queued it): cancelling it';
    await this.ctx.clicker.click({ profile, target: 'cancel', reason, executionId: risk.executionId, betPlacedLive: true });
  }

  /** Between rounds: waits for the next betting phase and runs the queued-bet check, if a Cash out click armed it. */
  async guardAfterRound(profile: GameProfile): Promise<void> {
    if (!this.queuedBetRisk) return;
    const reads = this.ctx.observer.queue();
    try {
      const betting = await reads.take((o) => o.state.phase === 'BETTING' || this.ctx.halted(), this.ctx.options.maxWaitMs);
      if (betting && !this.ctx.halted()) await this.cancelQueuedBet(profile);
    } finally {
      reads.close();
    }
  }

  /**
   * What the balance says the game paid for a clicked cash-out. A believable payout teaches the display lag; one
   * that cannot be this click's (the lag it implies is not physical) is ignored rather than trusted.
   */
  private async checkPayout(c: { balance: BalanceCheck | null; click: CashoutSent; stake: number; fit: GrowthFit | null; lagMs: number; teach: boolean }): Promise<PayoutVerdict | null> {
    const { balance, click, fit } = c;
    if (!balance || !click.clicked) return null;
    const verdict = await balance.payout(c.stake, this.ctx.options.payoutTimeoutMs, () => this.ctx.observer.phase.phase === 'BETTING');
    if (verdict.kind !== 'paid') return verdict;
    if (!fit) return { kind: 'unreadable' };
    const seen = { paid: verdict.multiplier, paidBelow: verdict.paidBelow, fittedAtClick: predict(fit, click.at), rate: fit.rate, lagUsedMs: c.lagMs };
    const believed = c.teach ? this.ctx.displayLag.observe(seen) !== null : believablePayout(seen);
    return believed ? verdict : { kind: 'unreadable' };
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
