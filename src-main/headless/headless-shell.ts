// Runs in: headless shell (Node). `cockpit headless`: the engine plus the renderer served to a browser.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/engine';
import { attachBridge } from './bridge-server';
import { createMetricsHandler } from './metrics-endpoint';
import { HTTP_LIMITS, refuseRaw, RequestGuard, respond } from './request-guard';
import { createStaticHandler } from './static-server';

export interface HeadlessOptions<Opened extends { engine: Engine }> {
  host: string;
  port: number;
  rendererDir: string;
  /** Called once the port is ours: a port in use is reported before any engine starts trading. */
  openEngine: () => Opened;
  token?: string;
}

export interface HeadlessShell<Opened> {
  /** What openEngine returned. */
  readonly opened: Opened;
  readonly url: string;
  readonly token: string;
  readonly server: Server;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export async function startHeadless<Opened extends { engine: Engine }>(options: HeadlessOptions<Opened>): Promise<HeadlessShell<Opened>> {
  const { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval, socketIdleTimeout } = HTTP_LIMITS;
  const server = createServer({ headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval });
  server.timeout = socketIdleTimeout;
  // Unparseable requests (bad request lines, huge headers) are answered here, with the same headers as the rest.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) refuseRaw(socket, error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400, 'Bad request');
    else socket.destroy();
  });
  await listen(server, options.host, options.port);
  const { port } = server.address() as AddressInfo;
  const guard = new RequestGuard(options.host, port);
  let handle = (_req: IncomingMessage, res: ServerResponse) => respond(res, 503, 'The cockpit is starting.');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => handle(req, res));

  let opened: Opened;
  try {
    opened = options.openEngine();
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const { engine } = opened;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const serveStatic = createStaticHandler(options.rendererDir);
  const serveMetrics = createMetricsHandler(token, engine.metrics, engine.logger.child('metrics'));
  handle = (req, res) => {
    const verdict = guard.check(req);
    if (!verdict.ok) return respond(res, verdict.status, verdict.reason);
    if (serveMetrics(req, res, verdict.pathname)) return;
    if (serveStatic(req, res, verdict.pathname)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return respond(res, 405, 'Method not allowed');
    respond(res, 404, 'Not found', false);
  };
  const bridge = attachBridge({ server, token, dispatch: engine.dispatch, bus: engine.bus, admit: (req) => guard.check(req) });
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;

  engine.onShutdown(async () => {
    await bridge.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  });
  return { opened, token, server, url: `http://${hostForUrl}:${port}/#token=${token}` };
}

/** Listens, or says in one line why not (the port is taken, or needs privileges). */
async function listen(server: Server, host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    const where = `${host}:${port}`;
    if (error.code === 'EADDRINUSE') throw new Error(`port ${port} on ${host} is already in use (another cockpit, or another program): choose another with --port`);
    if (error.code === 'EACCES') throw new Error(`cannot listen on ${where}: permission denied (ports below 1024 need privileges)`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new Error(`cannot listen on ${where}: this machine has no such address`);
    throw new Error(`cannot listen on ${where}: ${error.message}`);
  });
}
