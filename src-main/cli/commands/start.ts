// Runs in: Node (CLI). `cockpit start`, which `npm start` runs: the desktop app where it can run, else the headless
// cockpit in a browser. The fallback is said in one line, never silent.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { probeDisplay } from '../../adapters/screen/display-probe';
import { findElectronBinary } from '../electron-binary';
import type { CliContext } from '../cli-engine';
import headless from './headless';

const HELP = `Usage: npm start [-- headless options]   (or: cockpit start)

Opens the Electron app. Where the Electron binary is not installed, or there is no display for a window, says so in
one line and starts \`cockpit headless --open\` instead: it prints the URL and opens your browser when there is a
desktop. Options after \`--\` go to the headless cockpit (see \`cockpit headless --help\`).
`;

/** The project root: this file is bundled into out/main/cli.js. */
const projectRoot = () => fileURLToPath(new URL('../..', import.meta.url));

export default async function run(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return (process.stdout.write(HELP), 0);
  const root = projectRoot();
  const electron = findElectronBinary(root);
  const display = await probeDisplay();
  if ('path' in electron && display.available) return runElectron(electron.path, root);
  const why = 'missing' in electron ? `no Electron app: ${electron.missing}` : `no display for the Electron app (${display.available ? '' : display.detail})`;
  process.stdout.write(`npm start: ${why}. Starting the headless cockpit instead: open the URL below in a browser.\n`);
  return headless(['--open', ...args], context);
}

function runElectron(binary: string, root: string): Promise<number> {
  const env = { ...process.env };
  // Set by some shells and tools: Electron would then run as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`npm start: could not start Electron (${error.message}).\n`);
      resolve(1);
    });
    child.once('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 0);
    });
  });
}
