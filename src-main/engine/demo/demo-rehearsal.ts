// Runs in: engine. The demo's autopilot bets only on a rehearsed game, like any other: the simulated game is watched
// for a few rounds on its own clock (milliseconds instead of half a minute), through the same phase model and learner.
import { DEFAULT_PHASE_CONFIG, INITIAL_PHASE_STATE, stepPhase, type GameSignature } from '../../core/crash';
import { CrashScreen, type CrashScreenConfig } from '../../core/demo/crash-screen';
import type { GameSignatureStore } from '../autopilot/game-signature-store';
import { GameWatch } from '../autopilot/game-watch';
import { toPhaseRead } from '../autopilot/round-observer';
import { simulatedRead } from './simulated-desktop';

const FRAME_MS = 16;
const MAX_SIMULATED_MS = 10 * 60_000;

export function rehearseSimulated(config: Omit<CrashScreenConfig, 'startAt'>, store: GameSignatureStore, profile: string): GameSignature | null {
  const screen = new CrashScreen({ ...config, startAt: 0 });
  const watch = new GameWatch({ store, profile, mode: 'rehearse' }).start();
  let state = INITIAL_PHASE_STATE;
  for (let at = 0; at < MAX_SIMULATED_MS && !watch.rehearsal().verdict.ready; at += FRAME_MS) {
    const read = simulatedRead(screen.at(at), at);
    const phaseRead = toPhaseRead(read);
    const step = stepPhase(state, phaseRead, DEFAULT_PHASE_CONFIG);
    state = step.state;
    watch.observe({ read, phaseRead, state, events: step.events });
  }
  return watch.rehearsal().signature;
}
