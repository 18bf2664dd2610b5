// "Confirm each bet": a real engine on a SQLite file plays the simulated crash game in dry run, fed by a real signal
// server. Each signalled bet waits for a person's answer through the contract: a yes plays it, a no, no answer, an
// answer after its round took off, or no time left to ask, each skip it with the reason. Nothing is bet unasked.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIMULATED_PROFILE } from '../../../src-main/engine/demo/simulated-desktop';
import type { ConfirmationView, Execution } from '../../../src-shared/contract';
import { must, useSimulatedAutopilot } from '../../support/simulated-autopilot';
import { until } from '../exchange/harness';

const asked: ConfirmationView[] = [];
// The demo's game: a 2.5 s countdown, then a flight, then 1.5 s of its crash.
const autopilot = useSimulatedAutopilot({
  game: { seed: 'cockpit-demo', countdownMs: 2500, pauseMs: 1500, rate: 0.00025 },
  settings: { confirmBetsSeconds: 10 },
  beforeStart: (engine) => engine.bus.on('confirmations.changed', (e) => e.changed.status === 'pending' && asked.push(e.changed)),
});

/** Sends a signal as a betting phase opens; resolves with the question it raised. */
async function signalAndQuestion(roundId: string, target = 1.3): Promise<ConfirmationView> {
  await nextBettingPhase();
  const before = asked.length;
  autopilot().signals.send({ timestamp: Date.now(), expectedMultiplier: target, bet: true, roundId });
  await until(() => asked.length > before, 5_000, 10);
  return asked.at(-1)!;
}

const outcome = async (roundId: string): Promise<Execution> => {
  await until(() => autopilot().done.some((e) => e.roundId === roundId), 30_000, 20);
  return autopilot().done.find((e) => e.roundId === roundId)!;
};

function audit(id: string): string[] {
  const db = new Database(join(autopilot().dataDir, 'cockpit.sqlite'), { readonly: true });
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
    expect(autopilot().engine.autopilot.state().current).toMatchObject({ roundId: 'c-yes', status: 'WAITING_FOR_ROUND' });
    await must(autopilot().calls.confirmations.answer({ id: question.id, approve: true }));
    const played = await outcome('c-yes');
    expect(['CASHOUT_EXECUTED', 'CRASHED']).toContain(played.status);
    expect(audit(question.id)).toEqual([expect.stringMatching(/^requested: bet 1 on the next round of .*, cash out at 1\.4× \(signal c-yes\)/), 'approved by app; the bet goes out']);
  }, 40_000);

  it('a no skips the bet, with the reason', async () => {
    const question = await signalAndQuestion('c-no');
    await must(autopilot().calls.confirmations.answer({ id: question.id, approve: false }));
    expect(await outcome('c-no')).toMatchObject({ status: 'SKIPPED', reason: 'not confirmed: rejected by app' });
  }, 40_000);

  it('an answer after the round it was for took off is too late: no bet in the round after', async () => {
    const question = await signalAndQuestion('c-late');
    await until(() => autopilot().screen.at(Date.now()).phase === 'FLYING', 10_000, 5);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the read loop sees the flight
    await must(autopilot().calls.confirmations.answer({ id: question.id, approve: true }));
    expect(await outcome('c-late')).toMatchObject({ status: 'SKIPPED', reason: 'confirmed too late: the round the signal was for had started' });
  }, 40_000);

  it('no answer by the deadline is no bet', async () => {
    await must(autopilot().calls.settings.update({ confirmBetsSeconds: 1 }));
    const question = await signalAndQuestion('c-silent');
    expect(question.deadline - question.createdAt).toBe(1_000);
    expect(await outcome('c-silent')).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^not confirmed: expired/) });
    await must(autopilot().calls.settings.update({ confirmBetsSeconds: 10 }));
  }, 40_000);

  it('a signal about to go stale is not asked about: no time left to answer', async () => {
    await nextBettingPhase();
    const before = asked.length;
    autopilot().signals.send({ timestamp: Date.now() - 19_700, expectedMultiplier: 1.3, bet: true, roundId: 'c-stale' });
    expect(await outcome('c-stale')).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^not confirmed: no time left to ask: the signal goes stale in \d+ ms$/) });
    expect(asked.length).toBe(before);
  }, 40_000);

  it('stopping the autopilot cancels a bet waiting for its answer', async () => {
    const question = await signalAndQuestion('c-stop');
    await must(autopilot().calls.autopilot.stop());
    expect(await outcome('c-stop')).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^not confirmed: canceled/) });
    expect((await must(autopilot().calls.confirmations.pending())).map((c) => c.id)).not.toContain(question.id);
  }, 40_000);
});

/** Until the simulated game opens a new betting phase (one the read loop sees from its start). */
async function nextBettingPhase(): Promise<void> {
  const betting = () => autopilot().screen.at(Date.now()).phase === 'BETTING';
  await until(() => !betting(), 20_000, 5);
  await until(betting, 20_000, 5);
}
