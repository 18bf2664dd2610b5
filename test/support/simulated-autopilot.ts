// A real engine on a SQLite file whose autopilot plays the simulated crash game (core/demo/crash-screen.ts), learned
// ahead and fed by a real signal server: started before a test file's tests, shut down after.
import { afterAll, beforeAll } from 'vitest';
import { ScryptCipher } from '../../src-main/adapters/secrets/scrypt-cipher';
import { startSignalServer, type SignalServer } from '../../src-main/adapters/signals/test-server';
import { CrashScreen, type CrashScreenConfig } from '../../src-main/core/demo/crash-screen';
import { rehearseSimulated } from '../../src-main/engine/demo/demo-rehearsal';
import { SIMULATED_PROFILE, simulatedDesktop } from '../../src-main/engine/demo/simulated-desktop';
import { createEngine, type Engine } from '../../src-main/engine/engine';
import { buildClient, contract, type CockpitCalls, type Execution, type Result, type SettingsPatch } from '../../src-shared/contract';
import { until } from '../integration/exchange/harness';
import { tempDir } from './temp-dir';

export interface SimulatedAutopilot {
  readonly engine: Engine;
  readonly calls: CockpitCalls;
  readonly signals: SignalServer;
  readonly screen: CrashScreen;
  readonly dataDir: string;
  /** Every round the autopilot finished, in order. */
  readonly done: readonly Execution[];
}

export interface SimulatedAutopilotOptions {
  readonly game: Omit<CrashScreenConfig, 'startAt'>;
  /** Settings beside the signal source and the active profile. */
  readonly settings?: SettingsPatch;
  /** Runs before the autopilot starts: listeners, arming live. */
  readonly beforeStart?: (engine: Engine) => void;
}

export async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

export function useSimulatedAutopilot(options: SimulatedAutopilotOptions): () => SimulatedAutopilot {
  const dir = tempDir('cockpit-simulated-autopilot-');
  let started: SimulatedAutopilot | undefined;
  beforeAll(async () => {
    const signals = await startSignalServer();
    const screen = new CrashScreen({ ...options.game, startAt: Date.now() });
    const engine = createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('simulated autopilot test'), desktop: simulatedDesktop(screen), startMarkets: false });
    const calls = buildClient(contract, engine.dispatch);
    const done: Execution[] = [];
    started = { engine, calls, signals, screen, dataDir: dir.path, done };
    rehearseSimulated(options.game, engine.autopilot.signatures, SIMULATED_PROFILE.name);
    await must(calls.profiles.save(SIMULATED_PROFILE));
    await must(calls.settings.update({ signalSource: { url: signals.url }, activeProfile: SIMULATED_PROFILE.name, staleSignalMs: 20_000, ...options.settings }));
    engine.autopilot.onExecutionDone((e) => done.push(e));
    options.beforeStart?.(engine);
    await must(calls.autopilot.start({}));
    await until(() => engine.autopilot.state().source.state === 'open', 10_000, 20);
  }, 60_000);
  afterAll(async () => {
    await started?.engine.shutdown('test done');
    await started?.signals.close();
    dir.cleanup();
  });
  return () => {
    if (!started) throw new Error('useSimulatedAutopilot: used outside a test (beforeAll has not run)');
    return started;
  };
}
