// Runs in: Node (CLI). `cockpit autopilot --profile FILE --signals URL [--live] [--rounds N] [--data DIR] [--json]`
import { readFileSync } from 'node:fs';
import { ARM_LIVE_PHRASE } from '../../../src-shared/contract';
import type { Execution } from '../../../src-shared/contract/services/autopilot';
import { FirstRunChecklist } from '../../../src-shared/contract/services/system';
import type { GameProfile } from '../../../src-shared/game-profile';
import { parseProfileJson } from '../../engine/autopilot/profile-handlers';
import { resolveDataDir } from '../../engine/data-dir';
import { claimDataDir } from '../../engine/data-dir-claim';
import type { Engine } from '../../engine/engine';
import type { ReadTimes } from '../../engine/autopilot/round-observer';
import { openCliEngine, type CliContext } from '../cli-engine';
import { observationTrace } from '../observation-trace';
import { intOption, parseOptions, untilSignal } from '../options';

const HELP = `Usage: cockpit autopilot --profile FILE --signals URL [--token T] [--live] [--rounds N] [--data DIR] [--json] [--with-strategies] [--trace FILE]

Plays crash-game signals on this screen with the game profile in FILE. Dry run (no clicks) unless --live.
With --live on a game never rehearsed, it first watches the game with no clicks (signals meanwhile are refused
with the reason, e.g. "still learning this game (1 of 2 rounds seen)") and arms live once it has learned it.
Only the crash autopilot runs: exchange strategies left enabled in the data dir stay stopped unless
--with-strategies is given. The data dir is locked: no other cockpit can use it meanwhile.
Ctrl+C or SIGTERM stops: no new bets, and a bet already placed is cashed out at once.
--trace FILE appends every read of the multiplier region (what was read, the phase it implied) as JSON lines:
what a bug report about a game the autopilot misreads needs.
With --json, prints one line per finished round:
  {"roundId","status","mode","bet","target","cashoutAt","maxSeen","startedAt","endedAt","reason"}
`;

export function executionRecord(e: Execution): Record<string, unknown> {
  return {
    roundId: e.roundId,
    status: e.status,
    mode: e.mode,
    bet: e.bet,
    target: e.target,
    cashoutAt: e.cashoutAt,
    maxSeen: e.maxSeen,
    startedAt: new Date(e.startedAt).toISOString(),
    endedAt: e.endedAt === null ? null : new Date(e.endedAt).toISOString(),
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

export default async function run(args: string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, {
    profile: { type: 'string' },
    signals: { type: 'string' },
    token: { type: 'string' },
    live: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
    'with-strategies': { type: 'boolean', default: false },
    trace: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (process.stdout.write(HELP), 0);
  if (!values.profile || !values.signals) return (process.stderr.write(`--profile and --signals are required.\n\n${HELP}`), 2);
  const rounds = values.rounds === undefined ? Infinity : intOption(values.rounds, 'rounds', 0);
  const profile = parseProfileJson(readFileSync(values.profile, 'utf8'));

  const dataDir = resolveDataDir(values.data);
  const withStrategies = values['with-strategies'] ?? false;
  // Listening from here on: a SIGTERM during startup still stops cleanly instead of killing the process mid-write.
  const signalled = untilSignal().then((s) => `received ${s}`);
  const cli = openCliEngine(context, claimDataDir(dataDir, 'cockpit autopilot'), { dataDir, shell: 'cli', startMarkets: withStrategies });
  let code: number;
  try {
    code = await play(cli.engine, { ...values, signals: values.signals, profile, rounds, withStrategies, signalled });
  } catch (error) {
    await cli.stop('cli autopilot failed');
    throw error;
  }
  // The store closes only after the engine stopped; a failed flush makes the exit code non-zero.
  return Math.max(code, await cli.stop('cli autopilot finished'));
}

const armLive = (engine: Engine) => engine.dispatch('app.setMode', { mode: 'live', confirm: ARM_LIVE_PHRASE });

/**
 * Until the game is learned, signals are refused with the learner's reason ("still learning this game (1 of 2 rounds
 * seen)"); once it is, live is armed through the usual gate, whose rehearsal step now passes.
 */
function armWhenLearned(engine: Engine, log: (line: string) => void): { cancel(): void } {
  const timer = setInterval(() => {
    const state = engine.autopilot.state();
    if (!state.running || state.game !== null) return;
    clearInterval(timer);
    void armLive(engine).then((armed) => log(armed.ok ? 'autopilot: game learned: LIVE, real clicks from the next signal' : `autopilot: game learned, but live mode refused: ${armed.error.message}`));
  }, 100);
  return { cancel: () => clearInterval(timer) };
}

interface PlayOptions {
  profile: GameProfile;
  signals: string;
  token?: string;
  live?: boolean;
  json?: boolean;
  rounds: number;
  withStrategies: boolean;
  signalled: Promise<string>;
  trace?: string;
}

async function play(engine: Engine, values: PlayOptions): Promise<number> {
  const { profile, rounds } = values;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  engine.profiles.save(profile);
  let learnFirst = false;
  if (values.live) {
    if (engine.safety.snapshot().killSwitch) {
      log('The kill switch is engaged: release it in the cockpit before going live.');
      return 1;
    }
    // The same gate as the cockpit's "Arm live": the first-run checklist, including a capture-and-input probe, must pass.
    engine.settings.update({ activeProfile: profile.name });
    const probed = await engine.dispatch('system.runCaptureClickProbe', undefined);
    const armed = probed.ok ? await armLive(engine) : probed;
    const checklist = probed.ok ? FirstRunChecklist.safeParse(probed.data).data : undefined;
    const blocking = (checklist?.steps ?? []).filter((step) => step.blocksLive && step.state !== 'ok' && step.state !== 'not-applicable');
    // A game never rehearsed is watched first, with no clicks; live is armed through the same gate once it is learned.
    learnFirst = !armed.ok && blocking.length > 0 && blocking.every((step) => step.id === 'rehearsal');
    if (!armed.ok && !learnFirst) {
      log(`Live mode refused: ${armed.error.message}`);
      // Say which step and why, so the user (or a test log) can act on it.
      for (const step of blocking) log(`  ${step.title}: ${step.detail}`);
      return 1;
    }
  }
  const mode = !values.live ? 'dry run: no clicks' : learnFirst ? 'LIVE once learned: watching this new game first, no clicks until then' : 'LIVE: real clicks';
  log(`autopilot: ${mode}, profile "${profile.name}", signals ${values.signals}`);
  if (values.withStrategies) log('autopilot: --with-strategies: exchange strategies left enabled in this data dir trade too');

  let finished = 0;
  let reachedRounds: () => void = () => {};
  const done = new Promise<void>((resolve) => (reachedRounds = resolve));
  engine.autopilot.onExecutionDone((e) => {
    const record = executionRecord(e);
    process.stdout.write(values.json ? `${JSON.stringify(record)}\n` : `${e.roundId}\t${e.status}\ttarget ${e.target}\tcashout ${e.cashoutAt ?? '-'}\tmax ${e.maxSeen ?? '-'}\t${e.reason ?? ''}\n`);
    if (++finished >= rounds) reachedRounds();
  });
  let lastState = '';
  engine.bus.on('autopilot.state', (s) => {
    if (s.source.state !== lastState) log(`signals: ${(lastState = s.source.state)}${s.source.detail ? ` (${s.source.detail})` : ''}`);
  });
  if (values.trace) engine.autopilot.onObservation(observationTrace(values.trace));
  await engine.autopilot.start({ profile, signalUrl: values.signals, signalToken: values.token ?? null });
  const learning = learnFirst ? armWhenLearned(engine, log) : null;
  const stopped = await Promise.race([done.then(() => `${rounds} rounds done`), values.signalled]);
  learning?.cancel();
  log(`autopilot: stopping (${stopped})`);
  const stopping = (await engine.autopilot.stop(`cli: ${stopped}`)).stopping;
  if (stopping) {
    log(`autopilot: ${stopping}. Ctrl+C or SIGTERM again quits at once, leaving that bet in the game unprotected (the round is marked interrupted on the next start).`);
    const again = stopped === `${rounds} rounds done` ? values.signalled : untilSignal().then((s) => `received ${s} again`);
    const quit = await Promise.race([engine.autopilot.whenStopped().then(() => null), again]);
    if (quit) {
      log(`autopilot: ${quit}: quitting now, with the round still open`);
      // Every row is already committed (WAL): leaving without closing the store loses nothing.
      process.exit(1);
    }
  }
  const reads = engine.autopilot.lastReadStats;
  if (reads && reads.reads > 0) {
    const path = (name: string, t: ReadTimes) => (t.reads > 0 ? `; ${name} ${t.reads} reads, p50 ${t.p50.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms` : '');
    log(`autopilot: ${reads.reads} reads, capture+read p50 ${reads.p50.toFixed(2)} ms, p99 ${reads.p99.toFixed(2)} ms${path('glyph path', reads.byPath.glyph)}${path('tesseract path', reads.byPath.tesseract)}`);
  }
  return 0;
}
