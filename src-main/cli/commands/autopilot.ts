// Runs in: Node (CLI). `cockpit autopilot --profile FILE --signals URL [--live] [--rounds N] [--data DIR] [--json]`
import { mkdirSync, readFileSync } from 'node:fs';
import { ARM_LIVE_PHRASE } from '../../../src-shared/contract';
import type { Execution } from '../../../src-shared/contract/services/autopilot';
import { headlessPassphrase } from '../../adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../../adapters/secrets/scrypt-cipher';
import { parseProfileJson } from '../../engine/autopilot/profile-handlers';
import { resolveDataDir } from '../../engine/data-dir';
import { createEngine } from '../../engine/engine';
import { intOption, parseOptions, untilSignal } from '../options';

const HELP = `Usage: cockpit autopilot --profile FILE --signals URL [--token T] [--live] [--rounds N] [--data DIR] [--json]

Plays crash-game signals on this screen with the game profile in FILE. Dry run (no clicks) unless --live.
Ctrl+C or SIGTERM stops: no new bets, and a bet already placed is cashed out at once.
With --json, prints one line per finished round:
  {"roundId","status","bet","target","cashoutAt","maxSeen","startedAt","endedAt","reason"}
`;

export function executionRecord(e: Execution): Record<string, unknown> {
  return {
    roundId: e.roundId,
    status: e.status,
    bet: e.bet,
    target: e.target,
    cashoutAt: e.cashoutAt,
    maxSeen: e.maxSeen,
    startedAt: new Date(e.startedAt).toISOString(),
    endedAt: e.endedAt === null ? null : new Date(e.endedAt).toISOString(),
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

export default async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    profile: { type: 'string' },
    signals: { type: 'string' },
    token: { type: 'string' },
    live: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (process.stdout.write(HELP), 0);
  if (!values.profile || !values.signals) return (process.stderr.write(`--profile and --signals are required.\n\n${HELP}`), 2);
  const rounds = values.rounds === undefined ? Infinity : intOption(values.rounds, 'rounds', 0);
  const profile = parseProfileJson(readFileSync(values.profile, 'utf8'));

  const dataDir = resolveDataDir(values.data);
  mkdirSync(dataDir, { recursive: true });
  const engine = createEngine({ dataDir, shell: 'cli', cipher: new ScryptCipher(headlessPassphrase(dataDir).passphrase) });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    engine.profiles.save(profile);
    if (values.live) {
      if (engine.safety.snapshot().killSwitch) {
        log('The kill switch is engaged: release it in the cockpit before going live.');
        return 1;
      }
      // The same gate as the cockpit's "Arm live": the first-run checklist, including a capture-and-input probe, must pass.
      engine.settings.update({ activeProfile: profile.name });
      const probed = await engine.dispatch('system.runCaptureClickProbe', undefined);
      const armed = probed.ok ? await engine.dispatch('app.setMode', { mode: 'live', confirm: ARM_LIVE_PHRASE }) : probed;
      if (!armed.ok) {
        log(`Live mode refused: ${armed.error.message}`);
        return 1;
      }
    }
    log(`autopilot: ${values.live ? 'LIVE: real clicks' : 'dry run: no clicks'}, profile "${profile.name}", signals ${values.signals}`);

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
    await engine.autopilot.start({ profile, signalUrl: values.signals, signalToken: values.token ?? null });
    const stopped = await Promise.race([done.then(() => `${rounds} rounds done`), untilSignal().then((s) => `received ${s}`)]);
    log(`autopilot: stopping (${stopped})`);
    await engine.autopilot.stop(`cli: ${stopped}`);
    return 0;
  } finally {
    await engine.shutdown('cli autopilot finished');
  }
}
