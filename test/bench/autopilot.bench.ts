// npm run bench:autopilot — the crash autopilot's speed, measured against baselines in the same run:
// 1. capture+read latency on a live Xvfb region: glyph fast path, tesseract.js path, and the seed's `tesseract` CLI per read;
// 2. per practice-game skin: `cockpit learn` (rounds until ready), then a live session of `cockpit autopilot --live`:
//    capture+read, signal-to-click latency and cash-out error at targets 1.5x, 2x and 5x, judged by the game's own log;
// 3. signal-to-click over many short rounds, with the engine's capture-memory reclaim and, as the baseline in the
//    same run, without it (COCKPIT_CAPTURE_RECLAIM=0).
// BENCH_PARTS=ocr,live,latency picks parts; BENCH_SKINS picks skins (default all); BENCH_ROUNDS is rounds per target
// per skin (default 3); BENCH_LATENCY_ROUNDS sets part 3's rounds per variant (default 30). Part 2 plays each skin
// without the display lag probe too (COCKPIT_LAG_PROBE=0: the baseline), unless BENCH_LIVE_BASELINE=0.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECLAIM_EVERY_BYTES } from '../../src-main/adapters/ocr/capture-memory';
import { startSignalServer } from '../../src-main/adapters/signals/test-server';
import { runCockpit } from '../support/cockpit-process';
import { SKIN_NAMES, SKINS as SKIN_TABLE, type SkinName } from '../../src-renderer/practice-game/skins';
import { seedWithModestRounds, startDesktopGame } from '../support/desktop-game';
import { learnGame } from '../support/learn-game';
import { signalFor } from '../support/round-plan';
import { tempDir } from '../support/temp-dir';
import { formatOcrBench, measureOcrLatency } from './ocr.bench';

const TARGETS = (process.env.BENCH_TARGETS ?? '1.5,2,5').split(',').map(Number);
const ROUNDS_PER_TARGET = Number(process.env.BENCH_ROUNDS ?? 3);
const SKINS = (process.env.BENCH_SKINS ?? SKIN_NAMES.join(',')).split(',') as SkinName[];
/** Classic's bustabit rate would make a session very long; every other skin runs at its own rate. */
const MIN_RATE = 0.00015;
const PARTS = new Set((process.env.BENCH_PARTS ?? 'ocr,live,latency').split(','));
const LATENCY_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 30);
/** BENCH_LIVE_BASELINE=0 skips the live part's baseline sessions (no display lag probe). */
const LIVE_BASELINE = process.env.BENCH_LIVE_BASELINE !== '0';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);
const ms = (v: number) => `${v.toFixed(1)} ms`;

interface SignalToClick {
  roundId: number;
  total: number;
  queued: number;
  checks: number;
  waiting: number;
  /** How long the signal waited for the previous round's execution to end (its payout check, its settling). */
  behindPrevious: number;
}

interface Session {
  game: Awaited<ReturnType<typeof startDesktopGame>>;
  server: Awaited<ReturnType<typeof startSignalServer>>;
  cli: ReturnType<typeof runCockpit>;
  dbFile: string;
  /** Rounds the rehearsal watched before two whole rounds agreed. */
  roundsToReady: number;
  close(): Promise<void>;
  removeData(): void;
}

/** From `cockpit learn --json`: the round after which two whole rounds had been seen. */
function roundsToReady(lines: ReadonlyArray<Record<string, unknown>>): number {
  let whole = 0;
  for (const [i, line] of lines.entries()) if (line.whole === true && ++whole >= 2) return i + 1;
  return NaN;
}

/**
 * The practice game under Xvfb, a signal server and `cockpit autopilot --live` playing it with real OS clicks.
 * Whatever started is stopped again if the CLI never connects.
 */
async function startSession(gameOptions: Parameters<typeof startDesktopGame>[0], env: NodeJS.ProcessEnv = {}): Promise<Session> {
  const dir = tempDir('cockpit-bench-');
  const game = await startDesktopGame(gameOptions);
  let server: Session['server'] | undefined;
  let cli: Session['cli'] | undefined;
  let learned = NaN;
  const close = async () => {
    cli?.kill('SIGTERM');
    await cli?.exited();
    await server?.close();
    await game.close();
  };
  try {
    server = await startSignalServer();
    const profileFile = join(dir.path, 'profile.json');
    // No stake field: signal-to-click measures the engine's own path, not typing into the game (the e2e covers that).
    const { stakeInput: _typed, ...points } = (await game.profile()).points;
    writeFileSync(profileFile, JSON.stringify({ ...(await game.profile()), points }));
    // The autopilot bets only on a rehearsed game: rehearse into the session's own data dir first.
    learned = roundsToReady((await learnGame(profileFile, dir.path, game.x.display)).lines);
    cli = runCockpit(['autopilot', '--profile', profileFile, '--signals', server.url, '--live', '--data', dir.path, '--json'], { DISPLAY: game.x.display, ...env });
    await cli.waitForStderr(/signals: open/, 30_000);
    // Users start the autopilot a round or two before their first signal: the display lag probe has finished by then.
    if (env.COCKPIT_LAG_PROBE !== '0') await cli.waitForStderr(/display lag probe/, 30_000);
  } catch (error) {
    await close();
    dir.cleanup();
    throw error;
  }
  return { game, server, cli, dbFile: join(dir.path, 'cockpit.sqlite'), roundsToReady: learned, close, removeData: () => (process.env.COCKPIT_KEEP_TEST_DIRS ? process.stdout.write(`  kept ${dir.path}\n`) : dir.cleanup()) };
}

/**
 * Signal-to-click, from the frame's arrival (recorded by the intake) to the Bet click being sent, split into:
 * queued (intake → executor), checks (limits, records) and waiting (until the screen shows the betting phase).
 */
function signalToClick(dbFile: string): SignalToClick[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT CAST(e.round_id AS INTEGER) AS roundId, a.at - s.received_at AS total, e.started_at - s.received_at AS queued,
                w.at - e.started_at AS checks, a.at - w.at AS waiting, MAX(0, COALESCE(p.ended_at, 0) - s.received_at) AS behindPrevious
           FROM actions a JOIN crash_executions e ON e.id = a.execution_id JOIN signals s ON s.id = e.signal_id
           JOIN crash_transitions w ON w.execution_id = e.id AND w.to_status = 'WAITING_FOR_ROUND'
           LEFT JOIN crash_executions p ON p.id = (SELECT MAX(id) FROM crash_executions WHERE id < e.id)
          WHERE a.kind = 'click' AND a.target = 'bet'`,
      )
      .all() as SignalToClick[];
  } finally {
    db.close();
  }
}

const midCountdown = () => new Promise((r) => setTimeout(r, 300 + Math.random() * 600));

async function liveSession(skin: SkinName, env: NodeJS.ProcessEnv) {
  const session = await startSession({ seed: seedWithModestRounds(1, 100, `bench-${skin}`), skin, rate: Math.max(MIN_RATE, SKIN_TABLE[skin].rate), countdownMs: 2500, pauseMs: 1000 }, env);
  const { game, server, cli } = session;
  const RATE = game.rate;
  const errors = new Map<number, number[]>(TARGETS.map((t) => [t, []]));
  /** How long after the target crossing each cash-out landed, by the game's own clock. */
  const late = new Map<number, number[]>(TARGETS.map((t) => [t, []]));
  const firstFrameRounds = new Set<number>();
  try {
    const played: Array<{ roundId: number; target: number }> = [];
    const playedAt = (t: number) => played.filter((p) => p.target === t).length;
    let sent = 0;
    while (TARGETS.some((t) => playedAt(t) < ROUNDS_PER_TARGET)) {
      const roundId = await game.nextBettingPhase(120_000);
      const crash = game.chain.crashPoint(roundId);
      // Only rounds that reach the target measure cash-out error; the rest are sent as bet:false. Targets take turns
      // (the least played one the round reaches), as in a session that mixes them.
      const reachable = TARGETS.filter((t) => crash >= t + 0.1 && playedAt(t) < ROUNDS_PER_TARGET);
      const target = reachable.sort((a, b) => playedAt(a) - playedAt(b))[0];
      // Alternate: half the signals come mid-countdown (the usual case), half the instant the round opens, before
      // the screen can show it; the latter measures how fast the engine sees the phase change too.
      if (target !== undefined && played.length % 2 === 0) firstFrameRounds.add(roundId);
      else await midCountdown();
      server.send(signalFor({ roundId, crash, bet: target !== undefined, target: target ?? 2, expect: 'SKIPPED' }));
      sent++;
      if (target !== undefined) played.push({ roundId, target });
    }
    await cli.waitForLines(sent, 120_000);
    const log = await game.log();
    for (const { roundId, target } of played) {
      const cashout = log.find((e) => e.type === 'cashout' && e.roundId === roundId);
      const crashed = log.find((e) => e.type === 'crash' && e.roundId === roundId);
      errors.get(target)!.push(cashout?.multiplier !== undefined ? cashout.multiplier - target : NaN);
      // The game logs the crash at flight start + ln(crash)/rate: from it, when the multiplier crossed the target.
      const crossedAt = crashed ? crashed.at - Math.log(crashed.crashPoint! / target) / RATE : NaN;
      late.get(target)!.push(cashout ? cashout.at - crossedAt : NaN);
    }
  } finally {
    await session.close();
  }
  const reads = /capture\+read p50 ([\d.]+) ms, p99 ([\d.]+) ms/.exec(cli.stderr());
  const onPath = (name: string) => {
    const m = new RegExp(`${name} path (\\d+) reads, p50 ([\\d.]+) ms, p99 ([\\d.]+) ms`).exec(cli.stderr());
    return m ? { reads: Number(m[1]), p50: Number(m[2]), p99: Number(m[3]) } : null;
  };
  const clicks = signalToClick(session.dbFile).map((c) => ({ ...c, atFirstFrame: firstFrameRounds.has(c.roundId) }));
  session.removeData();
  return { errors, late, clicks, rate: RATE, roundsToReady: session.roundsToReady, read: reads ? { p50: Number(reads[1]), p99: Number(reads[2]), glyph: onPath('glyph'), tesseract: onPath('tesseract') } : null };
}

/**
 * Many short flights (fast growth, crash points below 20x), each with a bet:true signal mid-countdown, with the live
 * session's pause and countdown. A signal that comes before the previous round's execution has ended waits for it by
 * design (limits must see every outcome before the next bet); that wait is reported apart from the engine's own path.
 */
async function latencySession(env: NodeJS.ProcessEnv): Promise<SignalToClick[]> {
  const session = await startSession({ seed: seedWithModestRounds(LATENCY_ROUNDS + 10, 20, 'latency'), rate: 0.001, countdownMs: 2500, pauseMs: 1000 }, env);
  const { game } = session;
  try {
    for (let i = 0; i < LATENCY_ROUNDS; i++) {
      const roundId = await game.nextBettingPhase(60_000);
      await midCountdown();
      session.server.send(signalFor({ roundId, crash: game.chain.crashPoint(roundId), bet: true, target: 1.2, expect: 'SKIPPED' }));
    }
    await session.cli.waitForLines(LATENCY_ROUNDS, 120_000);
  } finally {
    await session.close();
  }
  const rows = signalToClick(session.dbFile);
  session.removeData();
  return rows;
}

function printLatency(label: string, rows: readonly SignalToClick[]) {
  const line = (name: string, values: number[]) => `p50 ${ms(median(values))}  p99 ${ms(percentile(values, 99))}`.padEnd(28) + name;
  process.stdout.write(`  signal → Bet click, ${label} (n=${rows.length}):\n`);
  process.stdout.write(`    ${line('total (target p99 ≤ 10 ms)', rows.map((r) => r.total))}\n`);
  for (const stage of ['queued', 'checks', 'waiting'] as const) process.stdout.write(`      ${line(stage, rows.map((r) => r[stage]))}\n`);
}

if (PARTS.has('ocr')) process.stdout.write(`${formatOcrBench(await measureOcrLatency())}\n\n`);
if (PARTS.has('live')) {
  const summary: string[] = [];
  // Each skin twice, on a fresh data dir (the display lag untaught by payouts): the baseline without the display lag
  // probe, as every session was before it (reads dated 8 ms back until payouts teach), then the engine.
  const variants = LIVE_BASELINE ? [{ label: 'baseline, no lag probe', env: { COCKPIT_LAG_PROBE: '0' } }, { label: 'engine', env: {} }] : [{ label: 'engine', env: {} }];
  for (const skin of SKINS) for (const variant of variants) {
    const { errors, late, clicks, rate, roundsToReady: ready, read } = await liveSession(skin, variant.env);
    process.stdout.write(`Live session, skin ${skin}, ${variant.label} (growth rate ${rate}/ms, real OS clicks under Xvfb), ready after ${ready} rehearsal rounds:\n`);
    if (read) {
      process.stdout.write(`  capture+read over the session: p50 ${ms(read.p50)}  p99 ${ms(read.p99)}\n`);
      for (const [name, t] of [['glyph fast path', read.glyph], ['tesseract.js path', read.tesseract]] as const) {
        if (t) process.stdout.write(`    ${name}: ${t.reads} reads, p50 ${ms(t.p50)}  p99 ${ms(t.p99)}\n`);
      }
    }
    printLatency('signal during the betting countdown', clicks.filter((c) => !c.atFirstFrame));
    printLatency("signal at the countdown's first frame (waits to see it on screen)", clicks.filter((c) => c.atFirstFrame));
    const medians: string[] = [];
    for (const [target, values] of errors) {
      const ok = values.filter((v) => Number.isFinite(v));
      const below = ok.filter((v) => v < 0).length;
      medians.push(`${median(ok).toFixed(2)}${below ? ` (${below} below)` : ''}`);
      process.stdout.write(
        `  cash-out error @ ${target}x  median ${median(ok).toFixed(3)}x   max ${Math.max(...ok).toFixed(3)}x   below target ${below}/${values.length}   missed ${values.length - ok.length}   (target median ≤ 0.01x)\n`,
      );
      const landed = late.get(target)!.filter((v) => Number.isFinite(v));
      const cent = 0.01 / (target * rate);
      process.stdout.write(`    landed after the crossing: p50 ${ms(median(landed))}  max ${ms(Math.max(...landed))}   (a cent at ${target}x is ${ms(cent)})\n`);
    }
    const total = clicks.map((c) => c.total);
    const glyph = read?.glyph ? `${read.glyph.p50.toFixed(2)} (${Math.round((100 * read.glyph.reads) / (read.glyph.reads + (read.tesseract?.reads ?? 0)))}% of reads)` : '—';
    summary.push(`| ${skin}${variants.length > 1 ? ` (${variant.label})` : ''} | ${read ? `${read.p50.toFixed(2)} / ${read.p99.toFixed(2)}` : '—'} | ${glyph} | ${median(total).toFixed(0)} / ${percentile(total, 99).toFixed(0)} | ${medians.join(' · ')} | ${ready} |`);
  }
  process.stdout.write(`\n| skin | capture+read p50 / p99 ms | glyph fast path p50 ms | signal → Bet p50 / p99 ms | cash-out error median ${TARGETS.map((t) => `${t}x`).join(' · ')} | rounds to ready |\n|---|---|---|---|---|---|\n${summary.join('\n')}\n\n`);
}
if (PARTS.has('latency')) {
  process.stdout.write(`\nSignal → Bet click over ${LATENCY_ROUNDS} short rounds per variant (signal mid-countdown, real OS clicks under Xvfb):\n`);
  const variants = [
    { label: 'baseline: captures left to V8 (COCKPIT_CAPTURE_RECLAIM=0)', env: { COCKPIT_CAPTURE_RECLAIM: '0' } },
    { label: `engine: minor GC per ${RECLAIM_EVERY_BYTES / 2 ** 20} MB captured`, env: {} },
  ];
  for (const { label, env } of variants) {
    const rows = await latencySession(env);
    const stats = (values: number[]) =>
      `p50 ${ms(median(values))}  p90 ${ms(percentile(values, 90))}  p99 ${ms(percentile(values, 99))}  max ${ms(Math.max(...values))}  over 10 ms: ${values.filter((t) => t > 10).length}`;
    const behind = rows.filter((r) => r.behindPrevious > 0);
    process.stdout.write(`  ${label} (n=${rows.length}):\n`);
    process.stdout.write(`    ${stats(rows.map((r) => r.total))}   total\n`);
    process.stdout.write(`    ${stats(rows.map((r) => r.total - r.behindPrevious))}   engine (less the wait for the previous round)\n`);
    if (behind.length > 0) process.stdout.write(`    ${behind.length} signal(s) arrived before the previous round's execution ended; waited ${behind.map((r) => ms(r.behindPrevious)).join(', ')}\n`);
  }
}
process.exit(0);
