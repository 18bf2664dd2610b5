// Runs in: headless shell (Node). The WebSocket transport of the contract.
import type { Server as HttpServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  BRIDGE_MAX_FRAME_BYTES,
  BRIDGE_PROTOCOL_VERSION,
  CLOSE_PROTOCOL,
  CLOSE_UNAUTHORIZED,
  ClientFrame,
  type ServerFrame,
} from '../../src-shared/contract/wire';
import { secretsEqual } from '../adapters/secrets/constant-time';
import type { Dispatch } from '../engine/dispatcher';
import { describeIssues } from '../engine/dispatcher';
import type { EventBus } from '../engine/event-bus';

export interface BridgeOptions {
  server: HttpServer;
  token: string;
  dispatch: Dispatch;
  bus: EventBus;
  path?: string;
  /** A client must say hello with the token within this time. */
  helloTimeoutMs?: number;
}

export function attachBridge(options: BridgeOptions): { close(): Promise<void>; clientCount(): number } {
  const wss = new WebSocketServer({ server: options.server, path: options.path ?? '/bridge', maxPayload: BRIDGE_MAX_FRAME_BYTES });
  const authed = new Set<WebSocket>();

  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  const unsubscribe = options.bus.onAny((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerFrame);
    for (const ws of authed) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  wss.on('connection', (ws) => {
    const helloTimer = setTimeout(() => refuse('no hello with a token was received in time'), options.helloTimeoutMs ?? 5000);
    function refuse(reason: string) {
      send(ws, { type: 'refused', reason });
      ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    }

    ws.on('error', () => ws.terminate()); // e.g. a frame over maxPayload: ws closes with 1009 after this
    ws.on('close', () => {
      clearTimeout(helloTimer);
      authed.delete(ws);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send(ws, { type: 'error', error: { code: 'BAD_INPUT', message: 'Binary frames are not supported; send JSON text.' } });
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
      void options.dispatch(method, input).then((result) => send(ws, { type: 'result', id, result }));
    });
  });

  return {
    clientCount: () => authed.size,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
        wss.close(() => resolve());
      }),
  };
}
