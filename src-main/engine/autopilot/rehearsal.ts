// Runs in: engine. Watching a game without touching it: N rounds of reads, no clicks at all, and a verdict on
// whether the autopilot may bet on it. What it learns is saved for the profile once the rounds agree.
import type { RehearsalRound } from '../../../src-shared/contract/services/autopilot';
import type { Rect } from '../../../src-shared/game-profile';
import type { RegionReader } from '../../core/autopilot/ports';
import type { WatchedRound } from '../../core/crash';
import type { GameSignatureStore } from './game-signature-store';
import { GameWatch, type Rehearsal } from './game-watch';
import { RoundObserver, type Observation, type ObserverOptions } from './round-observer';

export interface RehearsalOptions {
  reader: RegionReader;
  region: Rect;
  profile: string;
  store: GameSignatureStore;
  /** Rounds to watch to their crash (a round already flying when watching starts counts, but is not whole). */
  rounds: number;
  timeoutMs: number;
  onRound?: (round: WatchedRound, index: number) => void;
  /** Every observation, for `cockpit learn --trace`. */
  onObservation?: (o: Observation) => void;
  betButton?: ObserverOptions['betButton'];
  log?: ObserverOptions['log'];
  /** Stops early (Ctrl+C, the UI's Cancel). */
  signal?: AbortSignal;
}

export async function rehearse(options: RehearsalOptions): Promise<Rehearsal & { timedOut: boolean }> {
  const observer = new RoundObserver(options.reader, options.region, { idleIntervalMs: 8, log: options.log, ...(options.betButton ? { betButton: options.betButton } : {}) });
  const watch = new GameWatch({ store: options.store, profile: options.profile, mode: 'rehearse' }).start();
  let seen = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  if (options.onObservation) observer.subscribe(options.onObservation);
  observer.subscribe((o) => {
    const round = watch.observe(o);
    if (!round) return;
    options.onRound?.(round, seen);
    if (++seen >= options.rounds) finish();
  });
  options.signal?.addEventListener('abort', () => finish(), { once: true });
  const timer = setTimeout(finish, options.timeoutMs);
  observer.setActive(true);
  observer.start();
  try {
    await finished;
  } finally {
    clearTimeout(timer);
    await observer.stop();
  }
  return { ...watch.rehearsal(), timedOut: seen < options.rounds && !options.signal?.aborted };
}

/** A watched round as the contract shows it (the CLI's --json lines too). */
export function rehearsalRound(round: WatchedRound, index: number): RehearsalRound {
  return {
    round: index + 1,
    whole: round.whole,
    timeline: round.timeline.map((m) => ({ phase: m.phase, t: Math.round(m.t), ...(m.look ? { look: m.look } : {}) })),
    crashValue: round.crashValue,
    crashReason: round.crashReason,
    rate: round.rate,
    decimals: round.decimals,
  };
}

export function verdictText(report: { verdict: { ready: true } | { ready: false; why: string }; timedOut: boolean }, timeoutMs: number): string {
  if (report.verdict.ready) return 'ready';
  return `not ready: ${report.timedOut ? `timed out after ${timeoutMs / 1000} s; ` : ''}${report.verdict.why}`;
}
