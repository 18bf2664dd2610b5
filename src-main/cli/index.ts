// Runs in: Node (the `cockpit` CLI). Bundled to out/main/cli.js; never loads electron.
import { FatalErrorPolicy } from '../engine/fatal-error-policy';
import type { CliContext } from './cli-engine';

type Command = { summary: string; load: () => Promise<{ default: (args: string[], context: CliContext) => Promise<number> }> };

const commands: Record<string, Command> = {
  start: { summary: 'the desktop app, or the headless cockpit in a browser where Electron cannot run (npm start)', load: () => import('./commands/start') },
  demo: { summary: 'everything running at once, simulated and in dry run, in a throwaway data folder', load: () => import('./commands/demo') },
  headless: { summary: 'serve the cockpit UI and engine to a browser', load: () => import('./commands/headless') },
  learn: { summary: 'watch a crash game without clicking and say whether it is ready to bet on', load: () => import('./commands/learn') },
  autopilot: { summary: 'play crash-game signals on this screen (dry run unless --live)', load: () => import('./commands/autopilot') },
  signals: { summary: 'test signal server (signals serve)', load: () => import('./commands/signals') },
  ocr: { summary: 'read multipliers from saved screenshots (calibration debugging)', load: () => import('./commands/ocr') },
  backtest: { summary: 'backtest a strategy on a CSV or on exchange candles (downloaded and cached)', load: () => import('./commands/backtest') },
  optimize: { summary: 'search strategy params on every core, with walk-forward validation', load: () => import('./commands/optimize') },
  'check-bias': { summary: 'check a strategy for lookahead and warm-up bias', load: () => import('./commands/check-bias') },
  simulator: { summary: 'local exchange simulator with a demo price feed', load: () => import('./commands/simulator') },
  doctor: { summary: 'check a data dir: database integrity, locks, an unsaved kill switch; recover', load: () => import('./commands/doctor') },
  flatten: { summary: 'cancel every order and close every position at market (asks to confirm)', load: () => import('./commands/flatten') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  cockpit ${name.padEnd(10)} ${c.summary}`);
  return `Usage: cockpit <command> [options]\n\n${lines.join('\n')}\n\nRun \`cockpit <command> --help\` for a command's options.\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  // One policy for every command: an error nobody caught stops trading and exits non-zero (see fatal-error-policy.ts).
  const fatal = new FatalErrorPolicy({ report: (line) => process.stderr.write(`${line}\n`), exit: (code) => process.exit(code) });
  fatal.install(process);
  try {
    return await (await command.load()).default(rest, { fatal });
  } catch (error) {
    process.stderr.write(`cockpit ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
