// Runs in: headless shell (Node). `cockpit headless`: the engine plus the renderer served to a browser.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headlessPassphrase } from '../adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../adapters/secrets/scrypt-cipher';
import type { Desktop } from '../engine/autopilot/desktop';
import { createEngine, type Engine, type EngineOptions } from '../engine/engine';
import { attachBridge } from './bridge-server';
import { createStaticHandler } from './static-server';

export interface HeadlessOptions {
  host: string;
  port: number;
  dataDir: string;
  rendererDir: string;
  token?: string;
  /** Tests only: kline downloads from this loopback URL (see engine/backtest/kline-override.ts). */
  klineBaseUrl?: string;
  /** `cockpit demo`: a simulated screen, and what the UI must say is simulated. */
  desktop?: Desktop;
  demo?: EngineOptions['demo'];
}

export interface HeadlessShell {
  readonly engine: Engine;
  readonly url: string;
  readonly token: string;
  readonly server: Server;
  close(reason: string): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export async function startHeadless(options: HeadlessOptions): Promise<HeadlessShell> {
  mkdirSync(options.dataDir, { recursive: true });
  const { passphrase } = headlessPassphrase(options.dataDir);
  const engine = createEngine({
    dataDir: options.dataDir,
    shell: 'headless',
    cipher: new ScryptCipher(passphrase),
    klineBaseUrl: options.klineBaseUrl,
    desktop: options.desktop,
    demo: options.demo,
  });
  const token = options.token ?? randomBytes(24).toString('base64url');
  const serveStatic = createStaticHandler(options.rendererDir);

  const server = createServer((req, res) => {
    if (serveStatic(req, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  const bridge = attachBridge({ server, token, dispatch: engine.dispatch, bus: engine.bus });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;

  engine.onShutdown(async () => {
    await bridge.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    engine,
    token,
    server,
    url: `http://${hostForUrl}:${port}/#token=${token}`,
    close: (reason) => engine.shutdown(reason),
  };
}
