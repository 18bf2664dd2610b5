// Runs in: Node (CLI). What every command that serves the cockpit to a browser shares (`headless`, `demo`).
import { isLoopback } from '../headless/headless-shell';
import { openBrowser } from './open-browser';

export const SERVE_OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string' },
  data: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The host to listen on, with a warning when it reaches beyond this machine. */
export function listenHost(host: string | undefined): string {
  const chosen = host ?? '127.0.0.1';
  if (!isLoopback(chosen)) process.stderr.write(`Warning: listening on ${chosen}, reachable beyond this machine. Anyone with the URL's token can control the cockpit.\n`);
  return chosen;
}

/** The line tools and tests wait for, then the browser when asked for and there is a desktop. */
export function announceReady(url: string, open: boolean | undefined): void {
  process.stdout.write(`Cockpit ready: ${url}\n`);
  if (open && openBrowser(url)) process.stdout.write('Opening it in your browser.\n');
}
