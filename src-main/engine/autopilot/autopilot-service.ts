// Runs in: engine. Signal intake → queue → one executor at a time, with state and events for the UI.
import { FINAL_STATUSES, type AutopilotState, type Execution, type SourceState } from '../../../src-shared/contract/services/autopilot';
import { profileOnScreen, profileProblems, type GameProfile, type Rect } from '../../../src-shared/game-profile';
import type { DisplayInfo } from '../../../src-shared/contract/services/autopilot';
import type { Signal, SignalSourceStatus } from '../../../src-shared/signals';
import { CallFailure } from '../../../src-shared/contract';
import type { MousePort, RegionReader } from '../../core/autopilot/ports';
import { errorText, type Logger } from '../../core/logging/logger';
import type { RawImage } from '../../core/ocr/raw-image';
import type { ButtonLook, DisplayLagEstimator } from '../../core/crash';
import { SignalIntake } from '../../adapters/signals/signal-intake';
import type { SignalRecorder } from '../../adapters/store/signal-recorder';
import type { SignalSource } from '../../adapters/signals/signal-source';
import { SseSignalSource } from '../../adapters/signals/sse-signal-source';
import { WsSignalSource } from '../../adapters/signals/ws-signal-source';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { ExecutionsRepo } from '../../adapters/store/executions-repo';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import type { EventBus } from '../event-bus';
import type { SafetyService } from '../services/safety-service';
import type { SettingsService } from '../services/settings-service';
import type { ConfirmationService } from '../confirmations/confirmation-service';
import { Clicker } from './clicker';
import { DisplayLagStore } from './display-lag-store';
import { HoverLagProbe, hoverProbePoints } from './hover-lag-probe';
import { CrashExecutor, DEFAULT_EXECUTOR_OPTIONS, systemClock, type ExecutorOptions } from './crash-executor';
import { GameSignatureStore } from './game-signature-store';
import { GameWatch } from './game-watch';
import { ScreenButtons } from './screen-buttons';
import { rehearsalRound, rehearse, verdictText, type RehearsalOptions } from './rehearsal';
import type { RehearsalReport } from '../../../src-shared/contract/services/autopilot';
import { pnlSummary } from './pnl-summary';
import { UiLane } from './ui-lane';
import { RoundObserver, type Observation, type ReadStats } from './round-observer';
import type { SignalRows } from '../../adapters/store/signal-rows';

export interface AutopilotDeps {
  /** The rounds played (crash_executions). */
  executions: ExecutionsRepo;
  /** Every signal received, written as it arrives. */
  signalRecorder: SignalRecorder;
  /** The recorded signals, read for the UI. */
  signalRows: SignalRows;
  /** Where each profile's learned display lag and game signature are kept. */
  settingsRepo: Pick<SettingsRepo, 'get' | 'set'>;
  bus: EventBus;
  safety: SafetyService;
  settings: SettingsService;
  actions: ActionsRepo;
  mouse: MousePort;
  /** Created on first start: loading Tesseract costs about a second. */
  createReader: () => Promise<RegionReader>;
  displays: () => Promise<DisplayInfo[]>;
  /** Captures small boxes around the game's buttons; without it the buttons are not consulted. */
  grabRegion?: (region: Rect) => Promise<RawImage>;
  /** Asks a person before each bet when the settings say so (`confirmBetsSeconds`). */
  confirmations?: Pick<ConfirmationService, 'ask'>;
  executorOptions?: Partial<ExecutorOptions>;
  log: Logger;
}

export interface StartOptions {
  profile: GameProfile;
  signalUrl?: string;
  signalToken?: string | null;
}

const SAMPLE_EVENT_INTERVAL_MS = 33;
const BALANCE_READ_ATTEMPTS = 3;
/** A person needs at least this long to answer a bet's confirmation. */
const MIN_CONFIRM_MS = 1000;

export function createSignalSource(url: string, token: string | null | undefined): SignalSource {
  const parsed = new URL(url);
  const auth = token ? { token } : {};
  if (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') return new WsSignalSource({ url, ...auth });
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return new SseSignalSource({ url, ...auth });
  throw new CallFailure('BAD_INPUT', `Signal source URL must be ws://, wss://, http:// (SSE) or https:// (SSE), got ${parsed.protocol}`);
}

/**
 * Between rounds the reader only tracks the phase, so it reads about once per 60 Hz frame: each read captures a
 * fresh buffer, and reading faster than the screen changes only buys full GCs that land on the signal-to-click path.
 */
const IDLE_READ_INTERVAL_MS = 12;
/** A stop answers within this (the engine promises 2 s), saying what it still finishes if it is not done. */
export const STOP_ANSWER_MS = 1_500;

/** What a stopped autopilot is still finishing: the round in hand, and why it cannot just be dropped. */
function finishingWhat(current: Execution | null): string {
  if (!current) return 'stopping: finishing the last read';
  if (current.status === 'PLACED_BET') {
    return `stopping: round ${current.roundId} holds our bet and this game has no cancel, so it is cashed out (protective) as soon as the round flies`;
  }
  return `stopping: finishing round ${current.roundId} (${current.status})`;
}

export class AutopilotService {
  readonly executions: ExecutionsRepo;
  readonly signals: SignalRows;
  readonly sessionStartedAt = Date.now();
  private readonly recorder: SignalRecorder;
  private executor: CrashExecutor | null = null;
  private readonly clicker: Clicker;
  private readonly doneListeners = new Set<(e: Execution) => void>();
  private reader: RegionReader | null = null;
  private intake: SignalIntake | null = null;
  private readonly displayLags = new Map<string, DisplayLagEstimator>();
  private readonly lagStore: DisplayLagStore;
  readonly signatures: GameSignatureStore;
  private watch: GameWatch | null = null;
  lastRehearsal: RehearsalReport | null = null;
  /** Capture+read times of the last session, reported when it stops. */
  lastReadStats: ReadStats | null = null;
  private rehearsalRun: Promise<void> | null = null;
  private rehearsalAbort: AbortController | null = null;
  private readonly ui = new UiLane((error) => this.deps.log.error(`a UI notification failed: ${errorText(error)}`));
  private observer: RoundObserver | null = null;
  private readonly observationListeners = new Set<(o: Observation) => void>();
  private profile: GameProfile | null = null;
  private current: Execution | null = null;
  private source: SourceState = { url: '', state: 'idle', reconnects: 0, lastMessageAt: null, detail: null };
  private running = false;
  private halted = false;
  private stopping: Promise<AutopilotState> | null = null;
  /** Stopped, with the round in hand not finished yet. */
  private finishing = false;
  private loop: Promise<void> | null = null;
  private wakeLoop: (() => void) | null = null;
  private lastSampleEventAt = 0;
  /** Aborted by stop: a bet still waiting for its confirmation is canceled (no bet). */
  private confirmAbort = new AbortController();
  private opened = false;
  /** The display lag probe of this session, while it runs. */
  private lagProbe: { abort: AbortController; done: Promise<void> } | null = null;

  constructor(private readonly deps: AutopilotDeps) {
    this.executions = deps.executions;
    this.signals = deps.signalRows;
    this.recorder = deps.signalRecorder;
    this.lagStore = new DisplayLagStore(deps.settingsRepo);
    this.signatures = new GameSignatureStore(deps.settingsRepo);
    this.clicker = new Clicker(deps.mouse, deps.safety, deps.actions);
    deps.safety.onChange((safety) => {
      // The kill switch stops the autopilot outright; a placed bet is still cashed out (protective) on the way down.
      if (safety.killSwitch && this.running) void this.stop('kill switch engaged');
      this.publishState();
    });
  }

  /**
   * Marks the rounds the last run left open as interrupted, each with an audit line. The composition root
   * calls it right after construction, before anything can start a round. Idempotent.
   */
  open(): void {
    if (this.opened) return;
    const interrupted = this.executions.interruptUnfinished(Date.now());
    this.opened = true;
    for (const e of interrupted) this.deps.actions.record({ kind: 'interrupted', target: e.roundId, mode: e.mode, reason: 'round was open when the app stopped', executionId: e.id });
  }

  get isRunning(): boolean {
    return this.running;
  }

  state(): AutopilotState {
    return {
      running: this.running,
      profile: this.profile?.name ?? null,
      source: this.source,
      queueLength: this.intake?.pending().length ?? 0,
      current: this.current,
      game: this.running ? (this.watch?.readiness() ?? null) : null,
      stopping: this.finishing ? finishingWhat(this.current) : null,
    };
  }

  /** Every observation of the multiplier region while the autopilot runs: for `cockpit autopilot --trace`. */
  onObservation(listener: (o: Observation) => void): () => void {
    this.observationListeners.add(listener);
    const detach = this.observer?.subscribe(listener);
    return () => {
      this.observationListeners.delete(listener);
      detach?.();
    };
  }

  onExecutionDone(listener: (e: Execution) => void): () => void {
    this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }

  async start(options: StartOptions): Promise<AutopilotState> {
    if (this.running) throw new CallFailure('CONFLICT', 'The autopilot is already running; stop it first.');
    if (this.finishing) throw new CallFailure('CONFLICT', `The autopilot is still finishing its last round (${finishingWhat(this.current)}); start it again once that is done.`);
    // Never a new round beside one the last run left open (a no-op when the composition root opened it).
    this.open();
    const stored = this.deps.settings.stored();
    const url = options.signalUrl ?? stored.signalUrl;
    const source = createSignalSource(url, options.signalToken === undefined ? this.deps.settings.signalToken() : options.signalToken);
    const onScreen = await this.profileOnDisplay(options.profile);
    this.reader ??= await this.deps.createReader();
    this.profile = onScreen;
    if (onScreen.regions.balance) void this.warmUpBalance(this.reader, onScreen.regions.balance);
    this.observer = new RoundObserver(this.reader, onScreen.regions.multiplier, { idleIntervalMs: IDLE_READ_INTERVAL_MS, log: this.deps.log.child('observer'), ...this.betButtonOf(onScreen) });
    for (const listener of this.observationListeners) this.observer.subscribe(listener);
    this.watch = this.watchGame(options.profile.name, this.observer);
    this.executor = this.createExecutor(this.observer, this.watch);
    this.intake = new SignalIntake({ recorder: this.recorder, sources: [source], staleMs: stored.staleSignalMs });
    this.wireIntake(this.intake, url);
    this.running = true;
    this.halted = false;
    this.confirmAbort = new AbortController();
    this.stopping = null;
    this.observer.start();
    this.lagProbe = this.probeDisplayLag(onScreen, this.observer);
    this.intake.start();
    this.loop = this.run();
    this.deps.actions.record({ kind: 'autopilot', target: 'start', mode: this.deps.safety.snapshot().mode, reason: `profile ${options.profile.name}, signals ${url}` });
    this.publishState();
    return this.state();
  }

  /**
   * Stops taking signals. A round with a bet already placed is cashed out at once (protective), never abandoned; on a
   * game with no cancel, a bet placed before the flight is cashed out as soon as it flies. The answer comes when all
   * is done or after STOP_ANSWER_MS, whichever is first: then `state().stopping` says what is still being finished.
   */
  stop(reason = 'user stopped the autopilot'): Promise<AutopilotState> {
    if (!this.running) return this.answerStop();
    this.running = false;
    this.halted = true;
    this.finishing = true;
    this.confirmAbort.abort();
    this.wakeLoop?.();
    // Every caller (UI, kill switch, shutdown) waits for the same stop, so nothing closes the store under a round.
    this.stopping = (async () => {
      try {
        await this.intake?.stop();
        await this.endLagProbe();
        await this.loop;
        await this.observer?.stop();
      } finally {
        this.finishing = false;
      }
      this.lastReadStats = this.observer?.readStats() ?? null;
      this.intake = null;
      this.deps.actions.record({ kind: 'autopilot', target: 'stop', mode: this.deps.safety.snapshot().mode, reason });
      this.publishState();
      return this.state();
    })();
    this.publishState();
    return this.answerStop();
  }

  /** Resolves once the autopilot has fully stopped, the round it was finishing included. */
  whenStopped(): Promise<AutopilotState> {
    return this.stopping ?? Promise.resolve(this.state());
  }

  private answerStop(): Promise<AutopilotState> {
    const stopping = this.stopping;
    if (!stopping || !this.finishing) return stopping ?? Promise.resolve(this.state());
    let timer: NodeJS.Timeout | undefined;
    const early = new Promise<AutopilotState>((resolve) => (timer = setTimeout(() => resolve(this.state()), STOP_ANSWER_MS)));
    return Promise.race([stopping, early]).finally(() => clearTimeout(timer));
  }

  async close(): Promise<void> {
    this.rehearsalAbort?.abort();
    await this.rehearsalRun;
    await this.stop('shutdown');
    await this.whenStopped();
    // The last round's notifications read P&L from SQLite, which closes right after this.
    this.ui.close();
  }

  /**
   * Watches the profile's game for `rounds` rounds with no clicks, and says whether it is ready to bet on. Refused
   * while the autopilot runs: both would read the same region, and a rehearsal must never share a session with bets.
   */
  async rehearse(profile: GameProfile, options: { rounds: number; timeoutMs: number; onRound?: RehearsalOptions['onRound']; onObservation?: RehearsalOptions['onObservation']; signal?: AbortSignal }) {
    if (this.running) throw new CallFailure('CONFLICT', 'Stop the autopilot before rehearsing: a rehearsal watches without betting.');
    const onScreen = await this.profileOnDisplay(profile);
    this.reader ??= await this.deps.createReader();
    return rehearse({ reader: this.reader, region: onScreen.regions.multiplier, profile: profile.name, store: this.signatures, log: this.deps.log.child('observer'), ...this.betButtonOf(onScreen), ...options });
  }

  /**
   * The UI's Rehearse: watches in the background and publishes `rehearsal.updated` after every round and at the end,
   * since a rehearsal lasts longer than any call may.
   */
  startRehearsal(profile: GameProfile, rounds: number): RehearsalReport {
    if (this.rehearsalRun) throw new CallFailure('CONFLICT', `A rehearsal of "${this.lastRehearsal?.profile}" is already watching.`);
    const timeoutMs = 60_000 * rounds;
    const abort = new AbortController();
    let report: RehearsalReport = { profile: profile.name, running: true, roundsWanted: rounds, rounds: [], verdict: null, ready: false };
    const publish = (next: RehearsalReport) => {
      this.lastRehearsal = report = next;
      this.ui.post(() => this.deps.bus.emit('rehearsal.updated', next));
    };
    publish(report);
    this.rehearsalRun = this.rehearse(profile, { rounds, timeoutMs, signal: abort.signal, onRound: (round, i) => publish({ ...report, rounds: [...report.rounds, rehearsalRound(round, i)] }) })
      .then((done) => publish({ ...report, running: false, verdict: verdictText(done, timeoutMs), ready: done.verdict.ready }))
      .catch((error: Error) => publish({ ...report, running: false, verdict: `not ready: ${error.message}`, ready: false }))
      .finally(() => {
        this.rehearsalRun = null;
        this.rehearsalAbort = null;
      });
    this.rehearsalAbort = abort;
    return report;
  }

  /** Why the profile may not be bet on yet, from what earlier sessions learned; null when it is ready. */
  readiness(profile: string): string | null {
    return this.signatures.load(profile) ? null : 'never rehearsed: run a rehearsal (cockpit learn, or Rehearse in Calibrate) until it says ready';
  }

  pnl() {
    return pnlSummary(this.executions, this.deps.safety.snapshot().mode, this.sessionStartedAt);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const next = this.intake?.takeFresh();
      if (!next) {
        await new Promise<void>((resolve) => (this.wakeLoop = resolve));
        this.wakeLoop = null;
        continue;
      }
      this.publishState();
      const done = await this.playSafely(next.id, next.signal);
      this.current = null;
      this.lagStore.save(this.profile!.name, this.displayLagFor(this.profile!.name));
      for (const listener of this.doneListeners) listener(done);
      const gameBalance = done.mode === 'live' && (done.status === 'CASHOUT_EXECUTED' || done.status === 'CRASHED') ? await this.readGameBalance() : null;
      this.ui.post(() => this.deps.bus.emit('round.ended', { roundId: done.roundId, crashPoint: done.maxSeen, cashoutAt: done.cashoutAt, target: done.target, gameBalance }));
      this.publishState();
      // One-button games: a Cash out click that landed after the crash queued a bet; cancel it before it plays.
      if (this.running) await this.executor!.guardAfterRound(this.profile!);
    }
  }

  /**
   * A throw inside a round (the desktop, the store) must not end the loop with a bet open. If our live bet may be in
   * a flight the observer still sees, it is cashed out (protective); the round is recorded FAILED with the error,
   * and the loop goes on to the next signal.
   */
  private async playSafely(signalId: number, signal: Parameters<CrashExecutor['play']>[0]['signal']): Promise<Execution> {
    try {
      return await this.executor!.play({ signalId, signal, profile: this.profile! });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`round ${signal.roundId} failed: ${message}`);
      this.ui.post(() => this.deps.bus.emit('toast', { level: 'error', message: `Round ${signal.roundId} failed: ${message}`, component: 'autopilot' }));
      const open = this.current && !FINAL_STATUSES.includes(this.current.status) ? this.current : null;
      if (open && (open.status === 'PLACED_BET' || open.status === 'MONITORING')) await this.protectiveCashout(open);
      const failed = open ?? this.executions.create({ signalId, roundId: signal.roundId, mode: this.deps.safety.snapshot().mode, bet: signal.bet, stake: signal.stake ?? 0, target: signal.target, at: Date.now() });
      return this.executions.transition(failed.id, 'FAILED', Date.now(), `error: ${message}`, { reason: `error: ${message}` });
    }
  }

  /**
   * With `confirmBetsSeconds` set, a bet waits for a person's yes (the app or Telegram): no answer, no bet. The deadline
   * never outlasts the signal's freshness, so an answer never plays a signal older than the stale limit.
   */
  private confirmBet(signal: Signal, stake: number): Promise<string | null> | null {
    const { confirmBetsSeconds, staleSignalMs } = this.deps.settings.stored();
    if (confirmBetsSeconds === null) return null;
    const confirmations = this.deps.confirmations;
    if (!confirmations) return Promise.resolve('bets need a confirmation, and this engine has no way to ask');
    const left = staleSignalMs - (Date.now() - signal.timestamp);
    const timeoutMs = Math.min(confirmBetsSeconds * 1000, left);
    if (timeoutMs < MIN_CONFIRM_MS) return Promise.resolve(`no time left to ask: the signal goes stale in ${Math.max(0, Math.round(left))} ms`);
    const intent = { kind: 'crash-bet', profile: this.profile!.name, roundId: signal.roundId, stake, target: signal.target } as const;
    return confirmations.ask(intent, timeoutMs, this.confirmAbort.signal).then((d) => (d.approved ? null : d.reason));
  }

  private async protectiveCashout(open: Execution): Promise<void> {
    const phase = this.observer?.phase;
    if (open.mode !== 'live' || !phase || phase.phase !== 'FLYING' || phase.lost) return;
    await this.clicker
      .click({ profile: this.profile!, target: 'cashout', reason: `cash out round ${open.roundId}: the round failed with our bet in flight: protective cash-out`, executionId: open.id, betPlacedLive: true })
      .catch((error: Error) => this.deps.log.error(`protective cash-out failed: ${error.message}`));
  }

  /** Learns the game while it plays; bets are refused until it is learned, and stop when it no longer matches. */
  private watchGame(profile: string, observer: RoundObserver): GameWatch {
    const watch = new GameWatch({
      store: this.signatures,
      profile,
      mode: 'play',
      onChange: (why) => {
        observer.setKnownLooks(watch.known());
        this.deps.bus.emit('toast', why ? { level: 'error', message: `Betting stopped: ${why}`, component: 'autopilot' } : { level: 'info', message: `Game "${profile}" learned: ready to bet` });
        this.deps.actions.record({ kind: 'autopilot', target: why ? 'game-mismatch' : 'game-ready', mode: this.deps.safety.snapshot().mode, reason: why ?? `game "${profile}" learned` });
      },
    }).start();
    observer.setKnownLooks(watch.known());
    observer.subscribe((o) => {
      if (!watch.observe(o)) return;
      // A round may have taught a new crash look (what a vanishing number left behind).
      observer.setKnownLooks(watch.known());
      this.publishState();
    });
    return watch;
  }

  private betButtonOf(onScreen: GameProfile): { betButton?: () => Promise<ButtonLook | null> } {
    if (!this.deps.grabRegion) return {};
    const buttons = new ScreenButtons(onScreen, this.deps.grabRegion);
    return { betButton: () => buttons.look('bet') };
  }

  private async profileOnDisplay(profile: GameProfile): Promise<GameProfile> {
    const displays = await this.deps.displays();
    const display = displays.find((d) => d.id === profile.display.id);
    if (!display) throw new CallFailure('CONFLICT', `Display ${profile.display.id} of profile "${profile.name}" is not connected: recalibrate.`);
    const problems = profileProblems(profile, displays);
    if (problems.length > 0) throw new CallFailure('CONFLICT', `Profile "${profile.name}" does not fit the screen: ${problems.join(' ')}`);
    return profileOnScreen(profile, display);
  }

  /**
   * The balance the game shows, for the equity history; null without a balance region or a readable number. A few
   * tries: right after a round the game may still be redrawing it.
   */
  private async readGameBalance(): Promise<number | null> {
    const region = this.profile?.regions.balance;
    if (!region || !this.reader) return null;
    for (let attempt = 0; attempt < BALANCE_READ_ATTEMPTS; attempt++) {
      const read = await this.reader.read(region, 'amount').catch((error: Error) => {
        this.deps.log.warn(`the game's balance could not be read: ${error.message}`);
        return null;
      });
      if (read?.value != null) return read.value;
    }
    return null;
  }

  /** The first reads of a region go through Tesseract; take them now, so payouts can be verified from the first round. */
  private async warmUpBalance(reader: RegionReader, region: Rect): Promise<void> {
    for (let i = 0; i < 3; i++) await reader.read(region, 'amount').catch(() => null);
  }

  /**
   * Measures this session's display lag from the Bet button's hover look while the game is watched, so the first
   * cash-outs are not clicked late (hover-lag-probe.ts). Runs in the background; a due bet ends it first.
   */
  private probeDisplayLag(onScreen: GameProfile, observer: RoundObserver): { abort: AbortController; done: Promise<void> } | null {
    const { mouse, grabRegion, log } = this.deps;
    const movePointer = mouse.movePointer?.bind(mouse);
    const points = hoverProbePoints(onScreen);
    if (!movePointer || !grabRegion || !points) return null;
    const scaleFactor = onScreen.display.scaleFactor;
    const probe = new HoverLagProbe({ movePointer: (point) => movePointer(point, scaleFactor), grab: grabRegion, clock: systemClock, mayMove: () => observer.phase.phase === 'BETTING' || observer.phase.phase === 'FLYING' });
    const abort = new AbortController();
    const done = probe
      .run(points, abort.signal)
      .then((result) => {
        const lag = this.displayLagFor(onScreen.name);
        if (result.lagMs !== null) lag.probed(result.lagMs);
        const measured = result.lagMs !== null ? `median ${result.lagMs.toFixed(0)} ms over ${result.roundTripsMs.length} hover round trips` : `nothing measured: ${result.why}`;
        const reason = `display lag probe: ${measured}; reads are dated ${lag.current().toFixed(0)} ms back until payouts teach more`;
        log.info(reason);
        this.deps.actions.record({ kind: 'autopilot', target: 'display-lag', mode: this.deps.safety.snapshot().mode, reason });
      })
      .catch((error: unknown) => log.warn(`the display lag probe failed: ${errorText(error)}`));
    return { abort, done };
  }

  private async endLagProbe(): Promise<void> {
    const probe = this.lagProbe;
    if (!probe) return;
    probe.abort.abort();
    await probe.done;
    this.lagProbe = null;
  }

  /** Learned per profile (each game renders differently), stored after every round and loaded by the next session. */
  private displayLagFor(profile: string): DisplayLagEstimator {
    let lag = this.displayLags.get(profile);
    if (!lag) this.displayLags.set(profile, (lag = this.lagStore.load(profile)));
    return lag;
  }

  private createExecutor(observer: RoundObserver, watch: GameWatch): CrashExecutor {
    const { bus, safety, settings } = this.deps;
    return new CrashExecutor({
      readiness: () => watch.readiness(),
      confirmBet: (bet) => this.confirmBet(bet.signal, bet.stake),
      takePointer: () => this.endLagProbe(),
      buttons: this.deps.grabRegion ? new ScreenButtons(this.profile!, this.deps.grabRegion) : null,
      clock: systemClock,
      repo: this.executions,
      clicker: this.clicker,
      observer,
      reader: this.reader!,
      displayLag: this.displayLagFor(this.profile!.name),
      safety,
      limits: () => settings.stored().limits,
      defaultStake: () => settings.stored().defaultStake,
      halted: () => this.halted,
      onUpdate: (e) => this.executionUpdated(e),
      onSample: (sample) => {
        const now = Date.now();
        if (now - this.lastSampleEventAt < SAMPLE_EVENT_INTERVAL_MS) return;
        this.lastSampleEventAt = now;
        bus.emit('round.sample', sample);
      },
      options: { ...DEFAULT_EXECUTOR_OPTIONS, ...this.deps.executorOptions },
    });
  }

  private wireIntake(intake: SignalIntake, url: string): void {
    const emitRow = (id: number) =>
      this.ui.post(() => {
        const row = this.signals.byId(id);
        if (!row) return;
        this.source = { ...this.source, lastMessageAt: row.receivedAt };
        this.deps.bus.emit('signal.recorded', row);
        this.emitState();
      });
    intake.on('accepted', (q) => {
      emitRow(q.id);
      this.wakeLoop?.();
    });
    intake.on('rejected', (r) => emitRow(r.id));
    intake.on('dropped', (d) => emitRow(d.id));
    intake.on('storeError', (error) => this.deps.bus.emit('toast', { level: 'error', message: `Signal not recorded, so not acted on: ${error.message}`, component: 'signals' }));
    intake.on('connection', (status: SignalSourceStatus) => {
      this.source = { url, state: status.state, reconnects: status.reconnects, lastMessageAt: status.lastMessageAt, detail: status.lastError };
      this.publishState();
    });
    this.source = { url, state: 'connecting', reconnects: 0, lastMessageAt: null, detail: null };
  }

  private executionUpdated(e: Execution): void {
    this.current = e;
    this.ui.post(() => {
      this.deps.bus.emit('execution.updated', e);
      if (FINAL_STATUSES.includes(e.status)) this.deps.bus.emit('pnl.updated', this.pnl());
    });
  }

  private publishState(): void {
    this.ui.post(() => this.emitState());
  }

  private emitState(): void {
    this.deps.bus.emit('autopilot.state', this.state());
  }
}
