// Runs in: Node (the `cockpit` CLI). Bundled to out/main/cli.js; never loads electron.
type Command = { summary: string; load: () => Promise<{ default: (args: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  headless: { summary: 'serve the cockpit UI and engine to a browser', load: () => import('./commands/headless') },
  autopilot: { summary: 'play crash-game signals on this screen (dry run unless --live)', load: () => import('./commands/autopilot') },
  signals: { summary: 'test signal server (signals serve)', load: () => import('./commands/signals') },
  ocr: { summary: 'read multipliers from saved screenshots (calibration debugging)', load: () => import('./commands/ocr') },
  backtest: { summary: 'backtest a strategy on a CSV or on exchange candles (downloaded and cached)', load: () => import('./commands/backtest') },
  simulator: { summary: 'local exchange simulator with a demo price feed', load: () => import('./commands/simulator') },
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
  try {
    return await (await command.load()).default(rest);
  } catch (error) {
    process.stderr.write(`cockpit ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
