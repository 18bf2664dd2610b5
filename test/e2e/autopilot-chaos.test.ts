// Chaos for the crash autopilot on a real screen: the signal server dies mid-session, and the app is SIGKILLed mid-round.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalServer } from '../../src-main/adapters/signals/test-server';
import { runCockpit } from '../support/cockpit-process';
import { seedWithModestRounds, startDesktopGame, type DesktopGame } from '../support/desktop-game';
import { learnGame, type LearnedGame } from '../support/learn-game';
import { planRound, signalFor } from '../support/round-plan';
import { tempDir } from '../support/temp-dir';
import { XVFB_AVAILABLE } from '../support/xvfb';

function executionStatus(dataDir: string, roundId: number): string | undefined {
  const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT status FROM crash_executions WHERE round_id = ?').get(String(roundId)) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
}

describe.skipIf(!XVFB_AVAILABLE)('crash autopilot under chaos', () => {
  let game: DesktopGame;
  let profileFile: string;
  let learned: LearnedGame;
  const dir = tempDir();

  beforeAll(async () => {
    game = await startDesktopGame({ seed: seedWithModestRounds(24, 8, 'chaos'), rate: 0.00015, countdownMs: 3000, pauseMs: 1500 });
    profileFile = join(dir.path, 'practice.profile.json');
    writeFileSync(profileFile, JSON.stringify(await game.profile(), null, 2));
    learned = await learnGame(profileFile, join(dir.path, 'learn'), game.x.display);
  }, 240_000);
  afterAll(async () => {
    await game?.close();
    dir.cleanup();
  });

  it('reconnects after the signal server dies, and a re-sent round is never bet twice', async () => {
    let server = await startSignalServer();
    const port = server.port;
    const dataDir = join(dir.path, 'reconnect');
    learned.copyTo(dataDir);
    const cli = runCockpit(['autopilot', '--profile', profileFile, '--signals', server.url, '--live', '--rounds', '2', '--data', dataDir, '--json'], { DISPLAY: game.x.display });
    try {
      await cli.waitForStderr(/signals: open/, 20_000);
      const first = planRound(0, await game.nextBettingPhase(), 99);
      const firstSignal = signalFor({ ...first, bet: true, target: 1.1 });
      server.send(firstSignal);
      await cli.waitForLines(1, 60_000);

      await server.close();
      await cli.waitForStderr(/signals: (reconnecting|connecting|closed)/, 10_000);
      await sleep(500);
      server = await startSignalServer({ port });
      await cli.waitForStderr(/signals: open[\s\S]*signals: (reconnecting|connecting|closed)[\s\S]*signals: open/, 30_000);

      const secondRound = await game.nextBettingPhase();
      // The old round comes again (a server replaying its backlog), then the new one.
      server.send({ ...firstSignal, timestamp: new Date().toISOString() });
      server.send(signalFor({ roundId: secondRound, crash: 99, bet: true, target: 1.1, expect: 'CASHOUT_EXECUTED' }));
      const records = (await cli.waitForLines(2, 60_000)).map((l) => JSON.parse(l) as { roundId: string; status: string });
      expect(records.map((r) => r.roundId)).toEqual([String(first.roundId), String(secondRound)]);

      const log = await game.log();
      expect(log.filter((e) => e.type === 'bet' && e.roundId === first.roundId)).toHaveLength(1);
      expect(log.filter((e) => e.type === 'bet' && e.roundId === secondRound)).toHaveLength(1);
      const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true });
      const verdicts = db.prepare('SELECT verdict, reason FROM signals WHERE round_id = ? ORDER BY id').all(String(first.roundId)) as Array<{ verdict: string; reason: string | null }>;
      db.close();
      expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'rejected']);
      expect(verdicts[1]!.reason).toMatch(/duplicate/);
    } finally {
      if (cli.child.exitCode === null) cli.kill('SIGKILL');
      await server.close();
    }
  }, 180_000);

  it('a round open when the app is SIGKILLed ends INTERRUPTED after restart, and is never clicked again', async () => {
    const server = await startSignalServer();
    const dataDir = join(dir.path, 'sigkill');
    learned.copyTo(dataDir);
    const args = ['autopilot', '--profile', profileFile, '--signals', server.url, '--live', '--rounds', '1', '--data', dataDir, '--json'];
    const first = runCockpit(args, { DISPLAY: game.x.display });
    let roundId = 0;
    try {
      await first.waitForStderr(/signals: open/, 20_000);
      roundId = await game.nextBettingPhase();
      // A target far above any crash point in this seed: the round stays open until the crash.
      server.send(signalFor({ roundId, crash: 99, bet: true, target: 50, expect: 'CRASHED' }));
      for (let i = 0; i < 200 && executionStatus(dataDir, roundId) !== 'MONITORING'; i++) await sleep(50);
      expect(executionStatus(dataDir, roundId)).toBe('MONITORING');
      first.kill('SIGKILL');
      await first.exited();
    } finally {
      if (first.child.exitCode === null) first.kill('SIGKILL');
    }
    const clicksBefore = (await game.log()).filter((e) => e.roundId === roundId && (e.type === 'bet' || e.type === 'cashout'));

    const second = runCockpit(args, { DISPLAY: game.x.display });
    try {
      await second.waitForStderr(/signals: open/, 20_000);
      expect(executionStatus(dataDir, roundId)).toBe('INTERRUPTED');
      const next = await game.nextBettingPhase();
      server.send(signalFor({ roundId: next, crash: 99, bet: false, target: 2, expect: 'SKIPPED' }));
      await second.waitForLines(1, 60_000);
      const log = await game.log();
      expect(log.filter((e) => e.roundId === roundId && (e.type === 'bet' || e.type === 'cashout'))).toEqual(clicksBefore);
      expect(clicksBefore.map((e) => e.type)).toEqual(['bet']);
      const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true });
      const transitions = db
        .prepare('SELECT t.to_status AS status FROM crash_transitions t JOIN crash_executions e ON e.id = t.execution_id WHERE e.round_id = ? ORDER BY t.id')
        .all(String(roundId)) as Array<{ status: string }>;
      db.close();
      expect(transitions.map((t) => t.status)).toEqual(['PENDING', 'WAITING_FOR_ROUND', 'PLACED_BET', 'MONITORING', 'INTERRUPTED']);
    } finally {
      if (second.child.exitCode === null) second.kill('SIGKILL');
      await server.close();
    }
  }, 180_000);

  it('SIGTERM mid-flight stops the autopilot and cashes out the live bet at once (protective), instead of abandoning it', async () => {
    const server = await startSignalServer();
    const dataDir = join(dir.path, 'sigterm');
    learned.copyTo(dataDir);
    const cli = runCockpit(['autopilot', '--profile', profileFile, '--signals', server.url, '--live', '--data', dataDir, '--json'], { DISPLAY: game.x.display });
    try {
      await cli.waitForStderr(/signals: open/, 20_000);
      let roundId = await game.nextBettingPhase();
      // A round that flies long enough to be interrupted mid-flight.
      while (game.chain.crashPoint(roundId) < 1.6) roundId = await game.nextBettingPhase();
      server.send(signalFor({ roundId, crash: 99, bet: true, target: 50, expect: 'CRASHED' }));
      for (let i = 0; i < 200 && executionStatus(dataDir, roundId) !== 'MONITORING'; i++) await sleep(50);
      expect(executionStatus(dataDir, roundId)).toBe('MONITORING');
      cli.kill('SIGTERM');
      const [line] = await cli.waitForLines(1, 30_000);
      expect(await cli.exited(), cli.stderr()).toBe(0);
      const record = JSON.parse(line!) as { status: string; reason: string; cashoutAt: number };
      expect(record).toMatchObject({ status: 'CASHOUT_EXECUTED', reason: expect.stringMatching(/protective/) });
      const cashouts = (await game.log()).filter((e) => e.type === 'cashout' && e.roundId === roundId);
      expect(cashouts).toHaveLength(1);
      expect(cashouts[0]!.multiplier!).toBeLessThan(game.chain.crashPoint(roundId));
    } finally {
      if (cli.child.exitCode === null) cli.kill('SIGKILL');
      await server.close();
    }
  }, 120_000);
});
