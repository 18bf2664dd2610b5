// The renderer's WebSocket transport against bridge stand-ins: which closes it retries, and which it takes as final.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { BRIDGE_PROTOCOL_VERSION, CLOSE_HELLO_TIMEOUT, CLOSE_UNAUTHORIZED } from '../../../src-shared/contract/wire';
import type { ConnectionState } from '../../../src-renderer/src/api/transport';
import { createWsTransport } from '../../../src-renderer/src/api/ws-transport';

const DISPLAY = { id: '0', bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1, primary: true };

/** A bridge stand-in whose n-th connection (from 0) is handled by `onConnection`. */
async function bridge(onConnection: (ws: ServerSocket, n: number) => void): Promise<{ url: string; server: Server; connections: () => number }> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  let n = 0;
  wss.on('connection', (ws) => onConnection(ws, n++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connections: () => n };
}

/** Answers hello with welcome and every call with one display. */
function serve(ws: ServerSocket): void {
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number };
    if (frame.type === 'hello') ws.send(JSON.stringify({ type: 'welcome', protocol: BRIDGE_PROTOCOL_VERSION }));
    if (frame.type === 'call') ws.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, data: [DISPLAY] } }));
  });
}

const states = (transport: ReturnType<typeof createWsTransport>): ConnectionState[] => {
  const seen: ConnectionState[] = [];
  transport.onConnection((state) => seen.push(state));
  return seen;
};

describe('the browser transport over the bridge', () => {
  let server: Server | null = null;
  afterEach(() => server?.close());

  it('tries again after a hello timeout, and a call made meanwhile is answered', async () => {
    const b = await bridge((ws, n) => (n === 0 ? ws.close(CLOSE_HELLO_TIMEOUT, 'no hello with a token was received in time') : serve(ws)));
    server = b.server;
    const transport = createWsTransport(b.url, 'token');
    const seen = states(transport);
    const result = await transport.calls.calibration.listDisplays();
    expect(result).toEqual({ ok: true, data: [DISPLAY] });
    expect(b.connections()).toBe(2);
    expect(seen).toContain('disconnected');
    expect(seen[seen.length - 1]).toBe('connected');
  });

  it('fails a call at once when the connection drops before its answer, and never sends it again', async () => {
    let callsReceived = 0;
    const b = await bridge((ws, n) => {
      ws.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type: string }).type === 'call') callsReceived++;
      });
      if (n > 0) return serve(ws);
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string };
        if (frame.type === 'hello') ws.send(JSON.stringify({ type: 'welcome', protocol: BRIDGE_PROTOCOL_VERSION }));
        if (frame.type === 'call') ws.close(1011, 'engine restarting');
      });
    });
    server = b.server;
    const transport = createWsTransport(b.url, 'token');
    const started = Date.now();
    const result = await transport.calls.calibration.listDisplays();
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/dropped before it answered; it may have run/) } });
    // Well before the 15 s call timeout.
    expect(Date.now() - started).toBeLessThan(5000);
    await expect.poll(() => b.connections()).toBe(2);
    expect(await transport.calls.calibration.listDisplays()).toEqual({ ok: true, data: [DISPLAY] });
    // The lost call and the new one: the lost one was not sent again.
    expect(callsReceived).toBe(2);
  });

  it('never sends a call that timed out while the bridge was away', async () => {
    let callsReceived = 0;
    const b = await bridge((ws, n) => {
      ws.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type: string }).type === 'call') callsReceived++;
      });
      // The first connection never answers the hello (a busy engine), then times it out.
      if (n === 0) setTimeout(() => ws.close(CLOSE_HELLO_TIMEOUT, 'no hello with a token was received in time'), 400);
      else serve(ws);
    });
    server = b.server;
    const transport = createWsTransport(b.url, 'token', { callTimeoutMs: 200 });
    const seen = states(transport);
    expect(await transport.calls.calibration.listDisplays()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/timed out/) } });
    await expect.poll(() => seen[seen.length - 1]).toBe('connected');
    expect(await transport.calls.calibration.listDisplays()).toEqual({ ok: true, data: [DISPLAY] });
    expect(callsReceived).toBe(1);
  });

  it('stays refused after a refusal: a wrong token is not retried', async () => {
    const b = await bridge((ws) => {
      ws.send(JSON.stringify({ type: 'refused', reason: 'invalid token' }));
      ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    });
    server = b.server;
    const transport = createWsTransport(b.url, 'guess');
    const seen = states(transport);
    await expect.poll(() => seen[seen.length - 1]).toBe('refused');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(b.connections()).toBe(1);
  });
});
