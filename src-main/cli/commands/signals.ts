// Runs in: Node (CLI). `cockpit signals serve [--port N] [--token T] (--auto [--interval MS] | --interactive)`
import { createInterface } from 'node:readline';
import { RoundSimulator } from '../../core/signals/round-simulator';
import { parseInteractiveLine, SHORTHAND_HELP } from '../../core/signals/shorthand';
import { startSignalServer, type SignalServer } from '../../adapters/signals/test-server';
import { intOption, parseOptions, untilSignal } from '../options';

const HELP = `Usage: cockpit signals serve [--port 8765] [--token T] [--first-round N] (--auto [--interval 2000] | --interactive)

The test signal server: a WebSocket server on 127.0.0.1 that broadcasts signal frames to every client.
  --auto          send a simulated round every --interval ms (bet/no-bet mix, sequential round ids)
  --interactive   send what you type: ${SHORTHAND_HELP}
  --token T       require "Authorization: Bearer T" (or ?token=T) from clients
  --first-round N first generated round id (default: current epoch seconds, so restarts do not reuse ids)
`;

const DEFAULT_PORT = 8765;

function usageError(message: string): number {
  process.stderr.write(`cockpit signals: ${message}\n\n${HELP}`);
  return 2;
}

export default async function run(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  if (subcommand !== 'serve') return usageError(subcommand ? `unknown subcommand "${subcommand}"` : 'missing subcommand "serve"');

  let values;
  try {
    ({ values } = parseOptions(rest, {
      port: { type: 'string' },
      token: { type: 'string' },
      auto: { type: 'boolean' },
      interval: { type: 'string' },
      interactive: { type: 'boolean' },
      'first-round': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (Boolean(values.auto) === Boolean(values.interactive)) return usageError('choose exactly one of --auto or --interactive');
  if (values.interval !== undefined && !values.auto) return usageError('--interval only applies to --auto');
  let port: number, intervalMs: number, firstRound: number;
  try {
    port = intOption(values.port, 'port', DEFAULT_PORT);
    intervalMs = intOption(values.interval, 'interval', 2_000);
    firstRound = intOption(values['first-round'], 'first-round', Math.floor(Date.now() / 1000));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (port > 65_535) return usageError(`--port must be at most 65535, got ${port}`);
  if (values.auto && intervalMs < 10) return usageError('--interval must be at least 10 ms');

  const server = await startSignalServer({
    port,
    token: values.token,
    onClientsChanged: (count) => process.stdout.write(`clients: ${count}\n`),
  });
  process.stdout.write(`Signal server listening: ${server.url}\n`);
  if (values.token) process.stdout.write('Clients must send "Authorization: Bearer <token>" (or ?token=<token>).\n');

  const stopFeeding = values.auto ? feedAuto(server, intervalMs, firstRound) : feedInteractive(server, firstRound);
  const signal = await untilSignal();
  stopFeeding();
  await server.close();
  process.stdout.write(`Signal server stopped (${signal}).\n`);
  return 0;
}

function report(reached: number, text: string): void {
  process.stdout.write(`sent to ${reached} client(s): ${text}\n`);
}

/** Broadcasts a simulated round every `intervalMs`; `cockpit demo` feeds its signal server with this too. */
export function feedAuto(server: SignalServer, intervalMs: number, firstRoundId: number, sent: (reached: number, text: string) => void = report): () => void {
  const simulator = new RoundSimulator({ firstRoundId });
  const timer = setInterval(() => {
    const text = JSON.stringify(simulator.next(Date.now()));
    sent(server.broadcastRaw(text), text);
  }, intervalMs);
  return () => clearInterval(timer);
}

function feedInteractive(server: SignalServer, firstRoundId: number): () => void {
  let nextRoundId = firstRoundId;
  process.stdout.write(`Type a signal: ${SHORTHAND_HELP}\n`);
  const lines = createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    const parsed = parseInteractiveLine(line, { nextRoundId, nowMs: Date.now() });
    if (parsed.kind === 'empty') return;
    if (parsed.kind === 'error') {
      process.stdout.write(`error: ${parsed.message}\n`);
      return;
    }
    const text = parsed.kind === 'raw' ? parsed.text : JSON.stringify(parsed.frame);
    if (parsed.kind === 'signal' && !parsed.explicitRoundId) nextRoundId++;
    report(server.broadcastRaw(text), text);
  });
  lines.on('close', () => process.stdout.write('stdin closed; still serving until Ctrl+C.\n'));
  return () => lines.close();
}
