// The crash autopilot end to end on a real (Xvfb) screen: real OCR of the practice game's pixels, real OS clicks
// through nut-js into Chromium, judged by the game's own log rather than by the app's records.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../src-main/adapters/signals/test-server';
import { runCockpit } from '../support/cockpit-process';
import { seedWithModestRounds, startDesktopGame, type DesktopGame } from '../support/desktop-game';
import { learnGame, type LearnedGame } from '../support/learn-game';
import { planRound, signalFor, type PlannedRound } from '../support/round-plan';
import { tempDir } from '../support/temp-dir';
import { XVFB_AVAILABLE } from '../support/xvfb';

const RATE = 0.00015;

interface Record {
  roundId: string;
  status: string;
  bet: boolean;
  target: number;
  cashoutAt: number | null;
  maxSeen: number | null;
  reason?: string;
}

/** Sends one signal at the start of each of the next `count` betting phases. */
async function playRounds(game: DesktopGame, server: SignalServer, count: number): Promise<PlannedRound[]> {
  const planned: PlannedRound[] = [];
  for (let i = 0; i < count; i++) {
    const roundId = await game.nextBettingPhase();
    const round = planRound(i, roundId, game.chain.crashPoint(roundId));
    server.send(signalFor(round));
    planned.push(round);
  }
  return planned;
}

describe.skipIf(!XVFB_AVAILABLE)('crash autopilot on a real screen', () => {
  const seed = seedWithModestRounds(24, 6);
  let game: DesktopGame;
  let profileFile: string;
  let autoProfile: string;
  let learned: LearnedGame;
  let learnedAuto: LearnedGame;
  const dir = tempDir();

  beforeAll(async () => {
    game = await startDesktopGame({ seed, rate: RATE, countdownMs: 3000, pauseMs: 1500 });
    profileFile = join(dir.path, 'practice.profile.json');
    writeFileSync(profileFile, JSON.stringify(await game.profile(), null, 2));
    autoProfile = join(dir.path, 'practice-auto.profile.json');
    writeFileSync(autoProfile, JSON.stringify(await game.profile('practice-auto', { autoCashout: true })));
    // A user rehearses a game before the autopilot bets on it; both profiles watch the same rounds.
    [learned, learnedAuto] = await Promise.all([learnGame(profileFile, join(dir.path, 'learn'), game.x.display), learnGame(autoProfile, join(dir.path, 'learn-auto'), game.x.display)]);
  }, 240_000);
  afterAll(async () => {
    await game?.page.screenshot({ path: 'test-results/autopilot-desktop-game.png' }).catch(() => {});
    await game?.close();
    dir.cleanup();
  });

  it('live: bets only on bet:true, cashes out within [target, target + 0.03], and records CRASHED when the crash comes first', async () => {
    const server = await startSignalServer();
    const dataDir = join(dir.path, 'live');
    learned.copyTo(dataDir);
    const cli = runCockpit(['autopilot', '--profile', profileFile, '--signals', server.url, '--live', '--rounds', '8', '--data', dataDir, '--json'], { DISPLAY: game.x.display });
    try {
      await cli.waitForStderr(/signals: open/, 20_000);
      const planned = await playRounds(game, server, 8);
      const records = (await cli.waitForLines(8, 120_000)).map((l) => JSON.parse(l) as Record);
      expect(await cli.exited()).toBe(0);
      const log = await game.log();

      for (const round of planned) {
        const record = records.find((r) => r.roundId === String(round.roundId));
        const bets = log.filter((e) => e.type === 'bet' && e.roundId === round.roundId);
        const cashouts = log.filter((e) => e.type === 'cashout' && e.roundId === round.roundId);
        const context = `round ${round.roundId} (crash ${round.crash}, target ${round.target}): ${JSON.stringify(record)}`;
        expect(record?.status, context).toBe(round.expect);
        expect(bets.length, context).toBe(round.bet ? 1 : 0);
        if (round.bet) expect(bets[0]!.stake, context).toBe(round.stake ?? 1);
        if (round.expect === 'CASHOUT_EXECUTED') {
          expect(cashouts.length, context).toBe(1);
          expect(cashouts[0]!.multiplier!, context).toBeGreaterThanOrEqual(round.target);
          expect(cashouts[0]!.multiplier!, context).toBeLessThanOrEqual(round.target + 0.03 + 1e-9);
        } else {
          expect(cashouts.length, context).toBe(0);
        }
      }
      // Nothing was clicked outside the planned rounds.
      const plannedIds = new Set(planned.map((r) => r.roundId));
      expect(log.filter((e) => (e.type === 'bet' || e.type === 'bet-ignored' || e.type === 'cashout') && !plannedIds.has(e.roundId))).toEqual([]);

      const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true });
      const clicks = db.prepare("SELECT target, count(*) AS n FROM actions WHERE kind = 'click' GROUP BY target").all() as Array<{ target: string; n: number }>;
      // What the payouts taught about the display lag is kept for the profile's next session.
      const storedLag = db.prepare("SELECT key FROM settings WHERE key LIKE 'autopilot.displayLag.%'").all();
      const storedSignature = db.prepare("SELECT key FROM settings WHERE key = 'autopilot.signature.practice'").all();
      expect(storedSignature).toHaveLength(1);
      db.close();
      expect(storedLag).toHaveLength(1);
      expect(Object.fromEntries(clicks.map((c) => [c.target, c.n]))).toEqual({
        bet: planned.filter((r) => r.bet).length,
        cashout: planned.filter((r) => r.expect === 'CASHOUT_EXECUTED').length,
      });
    } finally {
      if (cli.child.exitCode === null) cli.kill('SIGKILL');
      await server.close();
    }
  }, 240_000);

  it("live with the game's auto cash-out field: the game pays exactly at each target, and no Cash out click is sent", async () => {
    const server = await startSignalServer();
    const dataDir = join(dir.path, 'auto');
    learnedAuto.copyTo(dataDir);
    const cli = runCockpit(['autopilot', '--profile', autoProfile, '--signals', server.url, '--live', '--rounds', '5', '--data', dataDir, '--json'], { DISPLAY: game.x.display });
    try {
      await cli.waitForStderr(/signals: open/, 20_000);
      const planned = await playRounds(game, server, 5);
      const records = (await cli.waitForLines(5, 120_000)).map((l) => JSON.parse(l) as Record);
      expect(await cli.exited()).toBe(0);
      const log = await game.log();
      for (const round of planned) {
        const record = records.find((r) => r.roundId === String(round.roundId));
        const cashouts = log.filter((e) => e.type === 'cashout' && e.roundId === round.roundId);
        const context = `round ${round.roundId} (crash ${round.crash}, target ${round.target}): ${JSON.stringify(record)}`;
        expect(record?.status, context).toBe(round.expect);
        if (round.expect === 'CASHOUT_EXECUTED') {
          expect(cashouts, context).toEqual([expect.objectContaining({ multiplier: round.target, auto: true })]);
          expect(record?.cashoutAt, context).toBe(round.target);
        } else {
          expect(cashouts, context).toEqual([]);
        }
      }
      const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true });
      const actions = db.prepare("SELECT kind, target, count(*) AS n FROM actions WHERE kind IN ('click', 'type') GROUP BY kind, target").all() as Array<{ kind: string; target: string; n: number }>;
      db.close();
      const bets = planned.filter((r) => r.bet).length;
      expect(Object.fromEntries(actions.map((a) => [`${a.kind} ${a.target}`, a.n]))).toEqual({
        'click bet': bets,
        'type autoCashoutInput': bets,
        'type stakeInput': bets,
      });
    } finally {
      if (cli.child.exitCode === null) cli.kill('SIGKILL');
      await server.close();
      // The field keeps its value: left set, the game would cash out by itself in any later test.
      await game.page.fill('#auto-cashout', '');
    }
  }, 180_000);

  it('dry run: plays the same signals with zero clicks', async () => {
    const server = await startSignalServer();
    const dataDir = join(dir.path, 'dry');
    learned.copyTo(dataDir);
    const before = (await game.log()).length;
    const cli = runCockpit(['autopilot', '--profile', profileFile, '--signals', server.url, '--rounds', '3', '--data', dataDir, '--json'], { DISPLAY: game.x.display });
    try {
      await cli.waitForStderr(/signals: open/, 20_000);
      const planned = await playRounds(game, server, 3);
      const records = (await cli.waitForLines(3, 90_000)).map((l) => JSON.parse(l) as Record);
      expect(await cli.exited()).toBe(0);
      const newEntries = (await game.log()).slice(before);
      expect(newEntries.filter((e) => e.type !== 'round' && e.type !== 'crash')).toEqual([]);
      for (const round of planned) expect(records.find((r) => r.roundId === String(round.roundId))?.status).toBe(round.expect);

      const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true });
      const kinds = db.prepare('SELECT kind, count(*) AS n FROM actions GROUP BY kind').all() as Array<{ kind: string; n: number }>;
      db.close();
      expect(kinds.find((k) => k.kind === 'click')).toBeUndefined();
      expect(kinds.find((k) => k.kind === 'type')).toBeUndefined();
      expect(kinds.find((k) => k.kind === 'refused-click')?.n).toBeGreaterThan(0);
    } finally {
      if (cli.child.exitCode === null) cli.kill('SIGKILL');
      await server.close();
    }
  }, 180_000);
});
