// Runs in: headless shell (Node). The WebSocket transport of the contract.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  BRIDGE_HELLO_MAX_BYTES,
  BRIDGE_MAX_FRAME_BYTES,
  BRIDGE_PROTOCOL_VERSION,
  CLOSE_HELLO_TIMEOUT,
  CLOSE_PROTOCOL,
  CLOSE_UNAUTHORIZED,
  ClientFrame,
  type ServerFrame,
} from '../../src-shared/contract/wire';
import { fail } from '../../src-shared/contract';
import { secretsEqual } from '../adapters/secrets/constant-time';
import type { Dispatch } from '../engine/dispatcher';
import { describeIssues } from '../engine/dispatcher';
import type { EventBus } from '../engine/event-bus';
import { refuseRaw, type RequestVerdict } from './request-guard';

export interface BridgeOptions {
  server: HttpServer;
  token: string;
  dispatch: Dispatch;
  bus: EventBus;
  /** Host, Origin and target checks for the upgrade request (see RequestGuard). */
  admit: (req: IncomingMessage) => RequestVerdict;
  path?: string;
  /** A client must say hello with the token within this time. */
  helloTimeoutMs?: number;
}

export function attachBridge(options: BridgeOptions): { close(): Promise<void>; clientCount(): number } {
  // ws checks each frame's declared length before buffering it, and closes with 1009 past maxPayload.
  const wss = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_FRAME_BYTES });
  const path = options.path ?? '/bridge';
  const authed = new Set<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = options.admit(req);
    if (!verdict.ok) return refuseRaw(socket, verdict.status, verdict.reason);
    if (verdict.pathname !== path) return refuseRaw(socket, 404, 'Not found');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  options.server.on('upgrade', onUpgrade);

  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  const unsubscribe = options.bus.onAny((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerFrame);
    for (const ws of authed) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  wss.on('connection', (ws) => {
    const helloTimer = setTimeout(() => ws.close(CLOSE_HELLO_TIMEOUT, 'no hello with a token was received in time'), options.helloTimeoutMs ?? 5000);
    function refuse(reason: string) {
      send(ws, { type: 'refused', reason });
      ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    }

    // e.g. a frame over maxPayload: ws has already sent close 1009; terminating here would turn it into 1006.
    ws.on('error', () => setTimeout(() => ws.terminate(), 1000).unref());
    ws.on('close', () => {
      clearTimeout(helloTimer);
      authed.delete(ws);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send(ws, { type: 'error', error: { code: 'BAD_INPUT', message: 'Binary frames are not supported; send JSON text.' } });
      // Before hello nobody is trusted: only a frame small enough to be a hello is even parsed.
      if (!authed.has(ws) && byteLength(data) > BRIDGE_HELLO_MAX_BYTES) return refuse(`the first frame must be a hello of at most ${BRIDGE_HELLO_MAX_BYTES} bytes`);
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return send(ws, { type: 'error', error: { code: 'BAD_INPUT', message: 'Frame is not valid JSON.' } });
      }
      const frame = ClientFrame.safeParse(json);
      if (!frame.success) return send(ws, { type: 'error', error: { code: 'BAD_INPUT', message: `Bad frame: ${describeIssues(frame.error)}` } });

      if (!authed.has(ws)) {
        if (frame.data.type !== 'hello') return refuse('the first frame must be hello with the token');
        if (frame.data.protocol !== BRIDGE_PROTOCOL_VERSION) {
          send(ws, { type: 'refused', reason: `protocol ${frame.data.protocol} is not supported (server speaks ${BRIDGE_PROTOCOL_VERSION})` });
          return ws.close(CLOSE_PROTOCOL, 'protocol');
        }
        if (!secretsEqual(options.token, frame.data.token)) return refuse('invalid token: open the exact URL that `cockpit headless` printed');
        clearTimeout(helloTimer);
        authed.add(ws);
        return send(ws, { type: 'welcome', protocol: BRIDGE_PROTOCOL_VERSION });
      }
      if (frame.data.type !== 'call') return;
      const { id, method, input } = frame.data;
      void options
        .dispatch(method, input)
        .catch((error: unknown) => fail('INTERNAL', `${method} failed: ${error instanceof Error ? error.message : String(error)}`))
        .then((result) => send(ws, { type: 'result', id, result }));
    });
  });

  return {
    clientCount: () => authed.size,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        options.server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
        wss.close(() => resolve());
      }),
  };
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
}
