// Runs in: engine. One flight with our bet in it, decided one observation at a time. No I/O: the executor acts on
// what `step` returns, so every money path can be replayed from recorded observations.
import { coarseQuantum, crossingTime, decimalsOfQuantum, fitGrowth, partialReadCandidates, planCashout, predict, planFromOneStep, planFromSteps, showsHiddenNumber, stepMs, stepPast, stepsGrowth, type CashoutPlan, type GrowthFit, type MultiplierSample, type StepSeen } from '../../core/crash';
import type { Observation } from './round-observer';

export interface RoundSetup {
  readonly roundId: string;
  readonly target: number;
  /** The auto cash-out typed into the game, which then pays by itself; null: the engine clicks. */
  readonly gameCashout: number | null;
  /** Wall-clock ms of the flight's first rising read. */
  readonly flightStart: number;
  /** Our bet was clicked live and the game showed it taken: real money is in this flight. */
  readonly betTaken: boolean;
  /**
   * A dry run: no bet was placed, and the round is played as if one had been taken, so its record says what a live
   * bet would have done (a number hidden by a plane is timed through as live, with no button to confirm it by).
   */
  readonly simulated?: boolean;
  /** One button for Bet and Cash out: a click after the crash bets the next round. */
  readonly singleButton: boolean;
  /** Dates reads back by the display lag learned for this game. */
  readonly lagMs: number;
  /** The growth rate range the game was learned at; a flight's fit faster than it is not trusted to click early. */
  readonly learnedRate: { readonly min: number; readonly max: number } | null;
  readonly minSamples: number;
  readonly forcedCashoutMs: number;
  /**
   * The display's step as the reads that confirmed the flight showed it; 0.01 when not given. A one-decimal flight
   * handed over at 1.1x otherwise took 1.0 → 1.1 for a skip, dropped every later read of 1.1, and dated the 1.2 step
   * from the first one: a fit twice the game's rate, and a paid click recorded as lost to a crash at 1.3.
   */
  readonly quantum?: number;
}

/** A display frame at 60 Hz. */
const FRAME_MS = 1000 / 60;
/** How much later than its frame a capture can first show it. */
const CAPTURE_JITTER_MS = 4;

/** How far a partly covered read may stand from the fit: under half a tenth, the smallest step a covered glyph hides. */
const PARTIAL_WINDOW = 0.04;

export interface RoundContext {
  readonly now: number;
  readonly killSwitch: boolean;
  readonly halted: boolean;
  readonly clickLatencyMs: number;
}

export type RoundDecision =
  | { readonly kind: 'watch' }
  | { readonly kind: 'crashed'; readonly value: number | null; readonly reason: string }
  /**
   * Click Cash out, now or at `sendAt` (a predicted crossing). `ifButtonsShowFlight`: the number was hidden, so the
   * click goes out only if the Cash out button still looks as it did while our bet was seen flying.
   */
  | { readonly kind: 'cashout'; readonly reason: string; readonly sendAt?: number; readonly protective: boolean; readonly ifButtonsShowFlight?: boolean }
  | { readonly kind: 'paid-by-game'; readonly at: number; readonly multiplier: number; readonly reason: string }
  /** Reads no longer show the flight: only the buttons can tell whether it still flies. */
  | { readonly kind: 'ask-buttons' };

/**
 * How much faster than the learned rate a one-decimal flight's steps may fit before the crossing is taken at the
 * learned rate: a 1.4x read 90 ms early fits 3% fast, a crash frame taken for a step fitted 55% fast.
 */
const COARSE_RATE_SLACK = 1.1;

/** Skips a display must show, each after a value it held alike, before it counts as ticked (CrashRound.ticked). */
const TICK_HOLDS = 4;
/** A tick stands at least three frames: a value held that long, then skipped past, was not drawn every frame. */
const TICK_MIN_MS = 3 * FRAME_MS;
/** Holds measured between first reads differ by up to two read gaps; a frozen or stalled screen differs more. */
const TICK_REGULARITY = 1.5;

/** How far ahead a predicted click is committed: within the next read or two, the fit no longer improves. */
const COMMIT_AHEAD_MS = 25;
/**
 * When reads come slowly (a loaded machine, the tesseract path for digits with a rocket behind them), the next read
 * may land after the crossing: commit a predicted click up to 1.5 read intervals ahead, never more than this.
 */
const MAX_COMMIT_AHEAD_MS = 400;
/**
 * One slow read among fast ones (a frame sent to Tesseract) comes unannounced: a click due meanwhile went out when it
 * ended, 58 ms late (neon, 2.79 for 2.75, reads 13 ms apart). A read this slow within the last second means the next
 * one may be as slow, so a click is committed that far ahead (plus an interval).
 */
const SLOW_READ_MEMORY_MS = 1000;
/** Reads stop this long before a committed click at least: a capture blocks the thread for a millisecond or two. */
const HOLD_READS_BEFORE_CLICK_MS = 25;
/** And never longer than this: a crash drawn meanwhile still cancels the click only if a read sees it. */
const MAX_HOLD_READS_BEFORE_CLICK_MS = 60;
/** Between the end of the last read and the click: the timer's own wake-up. */
const READ_END_SLACK_MS = 5;

/**
 * How far above the fit a read may stand and still be believed at once: a displayed step, plus the growth of a frame
 * and a bit (the lag jitters by a frame).
 */
const READ_AHEAD_TOLERANCE = { quanta: 1, frameMs: 20 } as const;
/** A read past the target that far above the fit is believed once the screen still shows it this much later. */
const READ_AHEAD_CONFIRM_MS = 30;

export class CrashRound {
  readonly samples: MultiplierSample[] = [];
  /** Where a display with 0 or 1 decimals changed value: the plan for such games (see planFromSteps). */
  readonly steps: StepSeen[] = [];
  private lastFlying: { at: number; value: number } | null = null;
  /**
   * The flight's latest value, when it was first read, and whether it came by a skip (up more than one step): a value
   * the screen sampled at some moment within its step, not one it showed from the step's start.
   */
  private shownSince: { at: number; value: number; skipped: boolean; reads: number } | null = null;
  /** How long each of the latest values reached by a skip stood, from its first read to the next value's (see ticked()). */
  private readonly skipHolds: number[] = [];
  /** Samples from second and later reads of one value: a ticked display drops them all once it is known as one. */
  private readonly repeatReads = new WeakSet<MultiplierSample>();
  private tickedKnown = false;
  /** Since when reads past the target have stood too far above the fit (see doubtsReadAhead). */
  private aheadSince: number | null = null;
  maxSeen: number;
  /** The display's step (0.01, 0.1 or 1) as the flight's reads showed it. */
  quantum = 0.01;
  /** Reads stopped showing the flight while our bet was open; cleared when they show it rising again. */
  lost = false;
  /** Every read since the flight was lost showed its number standing still in its own look: a frozen screen. */
  private onlyFrozen = false;
  /** The latest reads: the last 8 (for the read interval) and all of the last SLOW_READ_MEMORY_MS. */
  private readonly recentReads: { readonly at: number; readonly ms: number }[] = [];

  /**
   * How far ahead a predicted click may be committed: 1.5 of the median of the latest read intervals, or the slowest
   * read of the last second and an interval, whichever is longer.
   */
  private commitAheadMs(): number {
    const reads = this.recentReads;
    const latest = reads.slice(-8);
    const gaps = latest.slice(1).map((r, i) => r.at - latest[i]!.at).sort((a, b) => a - b);
    const gap = latest.length < 4 ? 0 : gaps[gaps.length >> 1]!;
    return Math.min(MAX_COMMIT_AHEAD_MS, Math.max(COMMIT_AHEAD_MS, 1.5 * gap, this.slowestRecentReadMs() + gap));
  }

  private slowestRecentReadMs(): number {
    const reads = this.recentReads;
    const newest = reads.length > 0 ? reads[reads.length - 1]!.at : 0;
    let slowest = 0;
    for (const r of reads) if (newest - r.at <= SLOW_READ_MEMORY_MS && Number.isFinite(r.ms)) slowest = Math.max(slowest, r.ms);
    return slowest;
  }

  /**
   * How long before a committed click reads stop. A read grabs and reads its pixels on the engine's thread, so one
   * still running when the click is due sends it late by the rest of the read: ember paid 2.84 for 2.80 with reads of
   * 25-48 ms, its click 21 ms after it was due. No read starts that the slowest of the last second would not finish.
   */
  holdReadsBeforeClickMs(): number {
    return Math.min(MAX_HOLD_READS_BEFORE_CLICK_MS, Math.max(HOLD_READS_BEFORE_CLICK_MS, this.slowestRecentReadMs() + READ_END_SLACK_MS));
  }

  private noteRead(at: number, ms: number): void {
    const reads = this.recentReads;
    reads.push({ at, ms });
    while (reads.length > 8 && at - reads[0]!.at > SLOW_READ_MEMORY_MS) reads.shift();
  }

  /**
   * The flight time after which the bet is cashed out whatever the reads say. On a slow game (0.00004/ms reaches 11x
   * in 60 s) a reachable target can take longer than the fixed limit: then the limit is half as long again as the
   * target takes at the slowest rate the game was learned at.
   */
  private forcedAfterMs(): number {
    const { forcedCashoutMs, learnedRate, target } = this.setup;
    return learnedRate && learnedRate.min > 0 ? Math.max(forcedCashoutMs, (1.5 * Math.log(target)) / learnedRate.min) : forcedCashoutMs;
  }

  get flightStart(): number {
    return this.setup.flightStart;
  }

  constructor(
    private readonly setup: RoundSetup,
    firstValue: number,
    initial: readonly { at: number; value: number; previousAt?: number }[] = [],
  ) {
    this.maxSeen = firstValue;
    this.quantum = setup.quantum ?? 0.01;
    for (const s of initial) this.recordFlying(s.at, s.value, s.previousAt);
  }

  /** A frozen screen showed one value long after the flight passed it: only its first read still dates it. */
  private forgetFrozenReads(value: number): void {
    const first = this.samples.findIndex((s) => s.multiplier === value);
    if (first >= 0) this.samples.splice(first + 1);
  }

  /** A rise the phase model retracted as a misread: its reads leave the fit, or they would time the click early. */
  private forgetMisread(value: number): void {
    const kept = (m: number) => m <= value;
    this.samples.splice(0, this.samples.length, ...this.samples.filter((s) => kept(s.multiplier)));
    this.steps.splice(0, this.steps.length, ...this.steps.filter((s) => kept(s.value)));
    if (this.lastFlying && !kept(this.lastFlying.value)) this.lastFlying = null;
    this.maxSeen = Math.min(this.maxSeen, value);
  }

  /**
   * Whether a read at or past the target stands too far above the flight's own fit to be trusted alone: a misread
   * (1.55 read as 1.58 on one frame) would click before the target. Such a read counts once the screen still shows it
   * a frame or two later; meanwhile the fit's own timing still clicks.
   */
  private doubtsReadAhead(at: number, value: number, quantum: number): boolean {
    const fit = this.fineFit(quantum);
    const expected = fit && predict(fit, at - this.setup.lagMs);
    if (!fit || expected === null || value <= expected + READ_AHEAD_TOLERANCE.quanta * quantum + fit.rate * READ_AHEAD_TOLERANCE.frameMs * expected) {
      this.aheadSince = null;
      return false;
    }
    this.aheadSince ??= at;
    return at - this.aheadSince < READ_AHEAD_CONFIRM_MS;
  }

  /** `previousAt`: the last read of the previous value, where the reads before the flight was confirmed say it. */
  private recordFlying(at: number, value: number, previousAt?: number): void {
    const before = this.shownSince;
    const repeat = before?.value === value;
    if (!repeat) {
      const skipped = before !== null && value - before.value > 1.5 * this.quantum;
      this.shownSince = { at, value, skipped, reads: 1 };
      if (before && skipped && before.reads >= 2) this.noteSkipHold(at - before.at);
      else if (skipped) this.skipHolds.length = 0;
    } else {
      before.reads++;
      if (this.heldTooLong(at)) return;
    }
    const sample = { at: at - this.setup.lagMs, multiplier: value };
    if (repeat) this.repeatReads.add(sample);
    this.samples.push(sample);
    if (!this.tickedKnown && this.ticked()) {
      // Repeats kept before the tick was known put the early curve late and the later one not: a rate fitted steeper
      // than the game's, whose crossing came early (2.82x clicked 1 ms before it in simulation).
      this.tickedKnown = true;
      this.samples.splice(0, this.samples.length, ...this.samples.filter((s) => !this.repeatReads.has(s)));
    }
    const last = this.lastFlying;
    const step = stepPast(last, at, value, previousAt);
    if (step) this.steps.push({ ...step, at: step.at - this.setup.lagMs });
    if (!last || value >= last.value) this.lastFlying = { at, value };
  }

  /**
   * Whether the value on screen has stood longer than a game drawing every frame shows one, so later reads of it would
   * date it late. A value reached by a skip was drawn at some moment within its step, and such a frame stands one
   * frame (plus capture jitter). One reached by a single step stands until the next step: at most that step at the
   * slowest rate the game was learned at, plus two frames. A game drawing server ticks holds each value a whole tick
   * (100 ms), and reads through that hold put the click half a tick late (orbit with tickMs=100,
   * test/fixtures/stranger-games). Never drops a read a frame-drawn display can show, so the fit is never moved early.
   */
  private heldTooLong(at: number): boolean {
    const since = this.shownSince;
    if (!since) return false;
    // A ticked display's value stood for the multiplier at its tick, which its first read already dated.
    if (this.ticked()) return true;
    if (since.skipped) return at - since.at > FRAME_MS + CAPTURE_JITTER_MS;
    const { learnedRate } = this.setup;
    if (!learnedRate || !(learnedRate.min > 0)) return false;
    return at - since.at > stepMs(since.value, this.quantum, learnedRate.min) + 2 * FRAME_MS;
  }

  private noteSkipHold(ms: number): void {
    this.skipHolds.push(ms);
    if (this.skipHolds.length > TICK_HOLDS) this.skipHolds.shift();
  }

  /**
   * Whether the display draws server ticks rather than frames: the latest values reached by a skip were each read more
   * than once and stood alike, at least three frames. Then a value stands for the multiplier at its tick, and every
   * read after its first dates it late (vapor with tickMs=100 paid 4.53-4.55 for 4.50).
   */
  private ticked(): boolean {
    const holds = this.skipHolds;
    if (holds.length < TICK_HOLDS) return false;
    const shortest = Math.min(...holds);
    return shortest >= TICK_MIN_MS && Math.max(...holds) <= TICK_REGULARITY * shortest;
  }

  /**
   * A read of the hidden number with one glyph covered ("x2.Q3", the rocket over the tenths) still places the flight:
   * of the values it can stand for, the one the fit expects within PARTIAL_WINDOW joins the fit. So a target far past
   * the last whole read is timed from reads near it, not from a second of cents extrapolated (rocket clicked 2.17 for
   * 2.12 on that alone). The window is under half the covered glyph's step, so at most one value fits; none, and
   * nothing is learned. The fit's own outlier test and the learned rate's cap still stand behind it.
   */
  private recordPartial(text: string, at: number, quantum: number): void {
    // The candidates first: they are cheap, and most hidden reads have none, so no fit is made for them.
    const candidates = CrashRound.coarse(quantum) ? null : partialReadCandidates(text, decimalsOfQuantum(quantum));
    const fit = candidates && this.fineFit(quantum);
    if (!candidates || !fit) return;
    const dated = at - this.setup.lagMs;
    const expected = predict(fit, dated);
    const near = candidates.filter((value) => Math.abs(value - expected) <= PARTIAL_WINDOW);
    const last = this.samples[this.samples.length - 1]!;
    if (near.length === 1 && near[0]! >= last.multiplier) this.samples.push({ at: dated, multiplier: near[0]! });
  }

  /** The fit of the reads themselves, on a display with cents and once there are enough of them. */
  private fineFit(quantum: number): GrowthFit | null {
    return !CrashRound.coarse(quantum) && this.samples.length >= this.setup.minSamples ? fitGrowth(this.samples, { quantum }) : null;
  }

  /** See `coarseQuantum`. */
  static coarse(quantum: number): boolean {
    return coarseQuantum(quantum);
  }

  /**
   * The flight's growth as the clicks were timed by it: from the steps on a display with 0 or 1 decimals (a fit of
   * its floored reads runs a cent or more behind: a dry run recorded 2.22 for a 2.23 target), or from its one step
   * (without it, a click the game paid at 1.16 was recorded at 1.1, the value on screen), else from the reads.
   */
  growth(): GrowthFit | null {
    const { quantum } = this;
    if (!CrashRound.coarse(quantum)) return fitGrowth(this.samples, { quantum });
    return stepsGrowth(this.steps) ?? this.planFromFirstStep(0)?.growth ?? null;
  }

  private plan(quantum: number, clickLatencyMs: number): CashoutPlan | null {
    const { target, minSamples } = this.setup;
    const { learnedRate } = this.setup;
    if (CrashRound.coarse(quantum)) {
      const plan = planFromSteps({ steps: this.steps, target, clickLatencyMs });
      // A steps fit is only good to a few per cent (a step is seen within a read), and so is a rate learned from
      // steps: only a fit far faster than the game was seen to grow is held back.
      if (plan) return notBeforeLearnedRate(plan, target, learnedRate && { max: learnedRate.max * COARSE_RATE_SLACK });
      return this.planFromFirstStep(clickLatencyMs);
    }
    const plan = this.samples.length >= minSamples ? planCashout({ samples: this.samples, target, clickLatencyMs }) : null;
    return plan && notBeforeLearnedRate(plan, target, learnedRate);
  }

  /**
   * The one step a coarse flight has shown, at the slowest rate the game was learned at less the steps' slack, once a
   * second read of its value (or a later value) has confirmed it: a single misread step would put the crossing early.
   */
  private planFromFirstStep(clickLatencyMs: number): CashoutPlan | null {
    const { learnedRate, target } = this.setup;
    const [step] = this.steps;
    const shown = this.shownSince;
    if (this.steps.length !== 1 || !step || !learnedRate || !shown || (shown.value === step.value && shown.reads < 2)) return null;
    return planFromOneStep({ step, target, clickLatencyMs, slowestRate: learnedRate.min / COARSE_RATE_SLACK });
  }

  /** A coarse flight with one step: its growth is that step at the slowest learned rate, not a fit. */
  timedFromOneStep(): boolean {
    return CrashRound.coarse(this.quantum) && this.steps.length < 2;
  }

  /** A dry run's round (see RoundSetup.simulated). */
  get simulated(): boolean {
    return this.setup.simulated === true;
  }

  /** A bet is in this flight, or a dry run plays as if one were. */
  private get inPlay(): boolean {
    return this.setup.betTaken || this.simulated;
  }

  step(o: Observation, ctx: RoundContext): RoundDecision {
    const { setup } = this;
    this.noteRead(o.read.at, o.read.ms);
    const crash = o.events.find((e) => e.type === 'crash');
    if (crash) {
      const value = crash.value ?? this.maxSeen;
      this.maxSeen = Math.max(this.maxSeen, crash.value ?? 0);
      return { kind: 'crashed', value, reason: `crashed at ${value}x before the target ${setup.target}x (${crash.reason})` };
    }
    const regained = o.events.some((e) => e.type === 'regained');
    if (regained) {
      this.lost = false;
      // Reads that vanished or went doubtful may do so again: take the money now rather than trust them. A screen
      // that only froze showed the flight all along, late: it flies on to the target (a protective click there paid
      // 3.41 for a 3.76 target after a second's freeze).
      if (!this.onlyFrozen) return { kind: 'cashout', reason: 'reads came back mid-flight: protective cash-out', protective: true };
    }
    if (o.events.some((e) => e.type === 'lost') || o.state.lost) {
      const stalled = showsStalledNumber(o);
      if (stalled && !this.lost) this.forgetFrozenReads(o.state.lastValue!);
      this.onlyFrozen = (this.lost ? this.onlyFrozen : true) && stalled;
      this.lost = true;
      if (!this.inPlay) return { kind: 'watch' };
      // A number held still in the flight's look is a frozen screen (a loaded machine stops the game's rendering for
      // most of a second) or a crash that only stops it, and the buttons freeze with it. On one button, where a click
      // after the crash bets the next round, they prove nothing: wait for the number to move or the crash to show.
      if (setup.singleButton && stalled) return { kind: 'watch' };
      // On two buttons a click after the crash is ignored: the fit still times the target, checked by the buttons.
      if (stalled) return this.timedWhileUnseen(o, ctx, 'with the screen frozen') ?? { kind: 'ask-buttons' };
      return { kind: 'ask-buttons' };
    }
    const retracted = o.events.find((e) => e.type === 'retracted');
    if (retracted) this.forgetMisread(retracted.value);
    const value = o.read.value;
    // A read that rose but no longer looks like the flight (red, under "FLEW AWAY!") is the crash being drawn.
    const looksLikeFlight = o.state.oddRises === 0 && o.state.oddReads === 0;
    const flying = o.state.phase === 'FLYING' && value !== null && looksLikeFlight && !o.events.some((e) => e.type === 'rejected');
    if (flying) {
      this.quantum = o.state.quantum;
      this.recordFlying(o.read.at, value);
      this.maxSeen = Math.max(this.maxSeen, value);
    }
    // Once the game has paid, no click at all: in games whose button turns back into Bet, it would bet the next round.
    if (setup.gameCashout !== null && flying && value >= setup.gameCashout) {
      return { kind: 'paid-by-game', at: o.read.at, multiplier: setup.gameCashout, reason: `the game's auto cash-out at ${setup.gameCashout}x (${value}x on screen)` };
    }
    // Only a read that shows the flight right now may lead to a click: a stale or doubtful one never does.
    if (!flying) return this.whileHidden(o, ctx);
    if (ctx.killSwitch) return { kind: 'cashout', reason: 'kill switch engaged: protective cash-out', protective: true };
    if (ctx.halted) return { kind: 'cashout', reason: 'autopilot stopping: protective cash-out', protective: true };
    if (value >= setup.target && !this.doubtsReadAhead(o.read.at, value, o.state.quantum)) return { kind: 'cashout', reason: `target ${setup.target}x reached on screen (${value}x)`, protective: false };
    const forcedMs = this.forcedAfterMs();
    if (ctx.now - setup.flightStart >= forcedMs) return { kind: 'cashout', reason: `forced after ${Math.round(forcedMs / 1000)} s in flight`, protective: true };
    if (setup.gameCashout === null) {
      const plan = this.plan(o.state.quantum, ctx.clickLatencyMs);
      if (plan && plan.sendAt - ctx.now <= this.commitAheadMs()) {
        return { kind: 'cashout', reason: `predicted crossing of ${setup.target}x (rate ${(plan.growth.rate * 1000).toFixed(4)}/s)`, sendAt: plan.sendAt, protective: false };
      }
    }
    return { kind: 'watch' };
  }

  /**
   * The number is there but hidden (a rocket hovering in front of the digits until the crash), and a crash would
   * change its look: the fit from the reads before still times the target, and the kill switch still acts. Each
   * such click waits for the buttons to confirm the flight.
   */
  private whileHidden(o: Observation, ctx: RoundContext): RoundDecision {
    if (!this.inPlay || !showsHiddenNumber(o.state, o.phaseRead)) return { kind: 'watch' };
    this.recordPartial(o.read.text, o.read.at, o.state.quantum);
    return this.timedWhileUnseen(o, ctx, 'with the number hidden') ?? { kind: 'watch' };
  }

  /**
   * The flight goes on unseen: the fit from the reads before times the target, and each click waits for the buttons
   * to confirm the flight. Null when there is no fit to time it with.
   */
  private timedWhileUnseen(o: Observation, ctx: RoundContext, how: string): RoundDecision | null {
    const { setup } = this;
    const confirmed = { protective: true, ifButtonsShowFlight: true } as const;
    if (ctx.killSwitch) return { kind: 'cashout', reason: `kill switch engaged ${how}: protective cash-out`, ...confirmed };
    if (ctx.halted) return { kind: 'cashout', reason: `autopilot stopping ${how}: protective cash-out`, ...confirmed };
    if (setup.gameCashout !== null) return { kind: 'watch' };
    const plan = this.plan(o.state.quantum, ctx.clickLatencyMs);
    if (!plan) return null;
    if (plan.sendAt - ctx.now > this.commitAheadMs()) return { kind: 'watch' };
    const reason = `predicted crossing of ${setup.target}x ${how} (rate ${(plan.growth.rate * 1000).toFixed(4)}/s)`;
    return { kind: 'cashout', reason, sendAt: plan.sendAt, protective: false, ifButtonsShowFlight: true };
  }
}

function showsStalledNumber(o: Observation): boolean {
  return o.read.value !== null && o.read.value === o.state.lastValue && o.state.phase === 'FLYING';
}

/**
 * A flight's fit that grows faster than the game was ever seen to grow puts the crossing early, and the click below
 * the target (a round fitted at 0.2010/s on a game learned at 0.2000/s paid 3.74 for 3.76): the crossing is then taken
 * at the fastest learned rate, which is only ever later. Steps fits too: a crash frame taken for a step fitted 0.31/s
 * on a 0.20/s one-decimal game, and its click went out after the crash (aviator with JetX's format, 2026-12-05).
 */
function notBeforeLearnedRate(plan: CashoutPlan, target: number, learned: { readonly max: number } | null): CashoutPlan {
  if (!learned || plan.growth.rate <= learned.max) return plan;
  const crossingAt = crossingTime({ ...plan.growth, rate: learned.max }, target);
  if (crossingAt <= plan.crossingAt) return plan;
  const delay = crossingAt - plan.crossingAt;
  return { ...plan, crossingAt, landAt: plan.landAt + delay, sendAt: plan.sendAt + delay };
}
