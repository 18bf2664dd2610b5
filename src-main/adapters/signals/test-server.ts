// Runs in: engine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { secretsEqual } from '../secrets/constant-time';

export interface SignalServerOptions {
  port?: number;
  host?: string;
  /** When set, clients must send `Authorization: Bearer <token>` (or `?token=` for browsers). */
  token?: string;
  onClientsChanged?: (count: number) => void;
}

export interface SignalServer {
  url: string;
  port: number;
  /** Serializes and broadcasts a frame; returns the text sent. */
  send(frame: object): string;
  /** Broadcasts exactly these bytes/text (invalid JSON included); returns the number of clients reached. */
  broadcastRaw(data: string | Buffer): number;
  clients(): number;
  /** Terminates every client and frees the port. */
  close(): Promise<void>;
}

function tokenMatches(expected: string, request: http.IncomingMessage): boolean {
  const header = request.headers.authorization ?? '';
  const fromHeader = header.startsWith('Bearer ') ? header.slice(7) : '';
  const fromQuery = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
  return secretsEqual(expected, fromHeader || fromQuery);
}

/** The test signal server: a ws broadcaster on 127.0.0.1 used by `cockpit signals serve` and by tests. */
export async function startSignalServer({ port = 0, host = '127.0.0.1', token, onClientsChanged }: SignalServerOptions = {}): Promise<SignalServer> {
  const server = http.createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('This is a WebSocket signal server.\n');
  });
  const wss = new WebSocketServer({
    server,
    verifyClient: token ? ({ req }, done) => (tokenMatches(token, req) ? done(true) : done(false, 401, 'Unauthorized')) : undefined,
  });
  const connected = new Set<WebSocket>();
  wss.on('connection', (socket) => {
    connected.add(socket);
    onClientsChanged?.(connected.size);
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      connected.delete(socket);
      onClientsChanged?.(connected.size);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;

  const broadcastRaw = (data: string | Buffer): number => {
    let reached = 0;
    for (const socket of connected) {
      if (socket.readyState !== socket.OPEN) continue;
      socket.send(data, { binary: typeof data !== 'string' });
      reached++;
    }
    return reached;
  };

  return {
    url: `ws://${host}:${bound}`,
    port: bound,
    send(frame) {
      const text = JSON.stringify(frame);
      broadcastRaw(text);
      return text;
    },
    broadcastRaw,
    clients: () => connected.size,
    async close() {
      for (const socket of connected) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
