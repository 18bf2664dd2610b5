// Runs in: Node (CLI). `cockpit learn --profile FILE [--rounds N] [--data DIR] [--json] [--trace FILE]`: watch a game, no clicks.
import { readFileSync } from 'node:fs';
import type { WatchedRound } from '../../core/crash';
import { parseProfileJson } from '../../engine/autopilot/profile-handlers';
import { rehearsalRound, verdictText } from '../../engine/autopilot/rehearsal';
import { resolveDataDir } from '../../engine/data-dir';
import { claimDataDir } from '../../engine/data-dir-claim';
import { openCliEngine, type CliContext } from '../cli-engine';
import { observationTrace } from '../observation-trace';
import { intOption, parseOptions, untilSignal } from '../options';

const HELP = `Usage: cockpit learn --profile FILE [--rounds N] [--timeout SECONDS] [--data DIR] [--json] [--trace FILE]

Watches the game of the profile in FILE for N rounds (default 3) without clicking anything, and prints a rehearsal
report: per round, the phases seen, the crash value read and the fitted growth rate; then a verdict, "ready" or
"not ready: <why>". A ready game is remembered for the profile: the autopilot then bets on it from its first round.
With --json, one line per round, then {"verdict","ready","signature"}. Exits 0 when ready, 1 when not.
--trace FILE appends every read of the multiplier region and the phase it implied, as JSON lines.
`;

const rate = (r: number | null) => (r === null ? 'rate unknown' : `rate ${(r * 1000).toFixed(3)}/s`);

function roundLine(round: WatchedRound, index: number): string {
  const timeline = round.timeline.map((m) => `${m.phase} ${Math.round(m.t)} ms${m.look ? ` (${m.look})` : ''}`).join(' → ');
  const crash = round.crashValue === null ? 'crash value unread' : `crashed at ${round.crashValue}x`;
  return `round ${index + 1}${round.whole ? '' : ' (joined mid-round)'}: ${timeline}; ${crash} (${round.crashReason}); ${rate(round.rate)}; ${round.decimals ?? '?'} decimals`;
}

export default async function run(args: string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, {
    profile: { type: 'string' },
    rounds: { type: 'string' },
    timeout: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
    trace: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (process.stdout.write(HELP), 0);
  if (!values.profile) return (process.stderr.write(`--profile is required.\n\n${HELP}`), 2);
  const rounds = values.rounds === undefined ? 3 : intOption(values.rounds, 'rounds', 1);
  const timeoutMs = (values.timeout === undefined ? 300 : intOption(values.timeout, 'timeout', 1)) * 1000;
  const profile = parseProfileJson(readFileSync(values.profile, 'utf8'));

  const dataDir = resolveDataDir(values.data);
  const abort = new AbortController();
  void untilSignal().then(() => abort.abort());
  // Nothing but the rehearsal runs: no autopilot, no exchange strategies.
  const cli = openCliEngine(context, claimDataDir(dataDir, 'cockpit learn'), { dataDir, shell: 'cli', startMarkets: false });
  let ready = false;
  try {
    const { engine } = cli;
    engine.profiles.save(profile);
    process.stderr.write(`learn: watching "${profile.name}" for ${rounds} rounds, no clicks\n`);
    const report = await engine.autopilot.rehearse(profile, {
      rounds,
      timeoutMs,
      signal: abort.signal,
      ...(values.trace ? { onObservation: observationTrace(values.trace) } : {}),
      onRound: (round, i) => process.stdout.write(values.json ? `${JSON.stringify(rehearsalRound(round, i))}\n` : `${roundLine(round, i)}\n`),
    });
    const verdict = verdictText(report, timeoutMs);
    ready = report.verdict.ready;
    process.stdout.write(values.json ? `${JSON.stringify({ verdict, ready, signature: report.signature })}\n` : `verdict: ${verdict}\n`);
  } catch (error) {
    await cli.stop('cli learn failed');
    throw error;
  }
  return Math.max(ready ? 0 : 1, await cli.stop('cli learn finished'));
}
