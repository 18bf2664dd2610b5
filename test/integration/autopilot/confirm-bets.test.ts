// "Confirm each bet": a real engine on a SQLite file plays the simulated crash game in dry run, fed by a real signal
// server. Each signalled bet waits for a person's answer through the contract: a yes plays it, a no, no answer, an
// answer after its round took off, or no time left to ask, each skip it with the reason. Nothing is bet unasked.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { startSignalServer, type SignalServer } from '../../../src-main/adapters/signals/test-server';
import { CrashScreen } from '../../../src-main/core/demo/crash-screen';
import { rehearseSimulated } from '../../../src-main/engine/demo/demo-rehearsal';
import { SIMULATED_PROFILE, simulatedDesktop } from '../../../src-main/engine/demo/simulated-desktop';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { buildClient, contract, type CockpitCalls, type ConfirmationView, type Execution, type Result } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';
import { until } from '../exchange/harness';

// The demo's game: a 2.5 s countdown, then a flight, then 1.5 s of its crash.
const GAME = { seed: 'cockpit-demo', countdownMs: 2500, pauseMs: 1500, rate: 0.00025 } as const;

const dir = tempDir('cockpit-confirm-bets-');
let signals: SignalServer;
let screen: CrashScreen;
let engine: Engine;
let calls: CockpitCalls;
const asked: ConfirmationView[] = [];
const done: Execution[] = [];

async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

beforeAll(async () => {
  signals = await startSignalServer();
  screen = new CrashScreen({ ...GAME, startAt: Date.now() });
  engine = createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('confirm bets test'), desktop: simulatedDesktop(screen), startMarkets: false });
  calls = buildClient(contract, engine.dispatch);
  rehearseSimulated(GAME, engine.autopilot.signatures, SIMULATED_PROFILE.name);
  await must(calls.profiles.save(SIMULATED_PROFILE));
  await must(calls.settings.update({ signalSource: { url: signals.url }, activeProfile: SIMULATED_PROFILE.name, staleSignalMs: 20_000, confirmBetsSeconds: 10 }));
  engine.bus.on('confirmations.changed', (e) => e.changed.status === 'pending' && asked.push(e.changed));
  engine.autopilot.onExecutionDone((e) => done.push(e));
  await must(calls.autopilot.start({}));
  await until(() => engine.autopilot.state().source.state === 'open', 10_000, 20);
}, 60_000);

afterAll(async () => {
  await engine?.shutdown('test done');
  await signals?.close();
  dir.cleanup();
});

/** Sends a signal as a betting phase opens; resolves with the question it raised. */
async function signalAndQuestion(roundId: string, target = 1.3): Promise<ConfirmationView> {
  await nextBettingPhase();
  const before = asked.length;
  signals.send({ timestamp: Date.now(), expectedMultiplier: target, bet: true, roundId });
  await until(() => asked.length > before, 5_000, 10);
  return asked.at(-1)!;
}

const outcome = async (roundId: string): Promise<Execution> => {
  await until(() => done.some((e) => e.roundId === roundId), 30_000, 20);
  return done.find((e) => e.roundId === roundId)!;
};

function audit(id: string): string[] {
  const db = new Database(join(dir.path, 'cockpit.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT reason FROM actions WHERE kind = 'trade-confirmation' AND target = ? ORDER BY id").all(id) as { reason: string }[]).map((r) => r.reason);
  } finally {
    db.close();
  }
}

describe('confirm each bet', () => {
  it('asks with the signal\'s parameters, and a yes plays the round it was for', async () => {
    const question = await signalAndQuestion('c-yes', 1.4);
    expect(question).toMatchObject({ kind: 'crash-bet', profile: SIMULATED_PROFILE.name, roundId: 'c-yes', target: 1.4, stake: 1, status: 'pending' });
    expect(question.deadline - question.createdAt).toBe(10_000);
    expect(engine.autopilot.state().current).toMatchObject({ roundId: 'c-yes', status: 'WAITING_FOR_ROUND' });
    await must(calls.confirmations.answer({ id: question.id, approve: true }));
    const played = await outcome('c-yes');
    expect(['CASHOUT_EXECUTED', 'CRASHED']).toContain(played.status);
    expect(audit(question.id)).toEqual([expect.stringMatching(/^requested: bet 1 on the next round of .*, cash out at 1\.4× \(signal c-yes\)/), 'approved by app; the bet goes out']);
  }, 40_000);

  it('a no skips the bet, with the reason', async () => {
    const question = await signalAndQuestion('c-no');
    await must(calls.confirmations.answer({ id: question.id, approve: false }));
    expect(await outcome('c-no')).toMatchObject({ status: 'SKIPPED', reason: 'not confirmed: rejected by app' });
  }, 40_000);

  it('an answer after the round it was for took off is too late: no bet in the round after', async () => {
    const question = await signalAndQuestion('c-late');
    await until(() => screen.at(Date.now()).phase === 'FLYING', 10_000, 5);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the read loop sees the flight
    await must(calls.confirmations.answer({ id: question.id, approve: true }));
    expect(await outcome('c-late')).toMatchObject({ status: 'SKIPPED', reason: 'confirmed too late: the round the signal was for had started' });
  }, 40_000);

  it('no answer by the deadline is no bet', async () => {
    await must(calls.settings.update({ confirmBetsSeconds: 1 }));
    const question = await signalAndQuestion('c-silent');
    expect(question.deadline - question.createdAt).toBe(1_000);
    expect(await outcome('c-silent')).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^not confirmed: expired/) });
    await must(calls.settings.update({ confirmBetsSeconds: 10 }));
  }, 40_000);

  it('a signal about to go stale is not asked about: no time left to answer', async () => {
    await nextBettingPhase();
    const before = asked.length;
    signals.send({ timestamp: Date.now() - 19_700, expectedMultiplier: 1.3, bet: true, roundId: 'c-stale' });
    expect(await outcome('c-stale')).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^not confirmed: no time left to ask: the signal goes stale in \d+ ms$/) });
    expect(asked.length).toBe(before);
  }, 40_000);

  it('stopping the autopilot cancels a bet waiting for its answer', async () => {
    const question = await signalAndQuestion('c-stop');
    await must(calls.autopilot.stop());
    expect(await outcome('c-stop')).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^not confirmed: canceled/) });
    expect((await must(calls.confirmations.pending())).map((c) => c.id)).not.toContain(question.id);
  }, 40_000);
});

/** Until the simulated game opens a new betting phase (one the read loop sees from its start). */
async function nextBettingPhase(): Promise<void> {
  const betting = () => screen.at(Date.now()).phase === 'BETTING';
  await until(() => !betting(), 20_000, 5);
  await until(betting, 20_000, 5);
}
