import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_MAX_FRAME_BYTES, BRIDGE_PROTOCOL_VERSION, CLOSE_HELLO_TIMEOUT, CLOSE_UNAUTHORIZED } from '../../../src-shared/contract/wire';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { secretsEqual } from '../../../src-main/adapters/secrets/constant-time';
import { attachBridge } from '../../../src-main/headless/bridge-server';
import { RequestGuard } from '../../../src-main/headless/request-guard';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { tempDir } from '../../support/temp-dir';

const TOKEN = 'correct-horse-battery-staple';

/** A client that collects every frame, so tests can await the one they need. */
async function connect(url: string) {
  const ws = new WebSocket(url);
  const frames: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (d) => {
    frames.push(JSON.parse(d.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const next = async (predicate: (f: Record<string, unknown>) => boolean) => {
    for (;;) {
      const found = frames.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { ws, frames, closed, next, send: (frame: unknown) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)) };
}

describe('WebSocket bridge', () => {
  let server: Server;
  let engine: Engine;
  let url: string;
  let bridge: ReturnType<typeof attachBridge>;
  const dir = tempDir();

  beforeAll(async () => {
    engine = createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher('test') });
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const guard = new RequestGuard('127.0.0.1', port);
    bridge = attachBridge({ server, token: TOKEN, dispatch: engine.dispatch, bus: engine.bus, admit: (req) => guard.check(req), helloTimeoutMs: 500 });
    url = `ws://127.0.0.1:${port}/bridge`;
  });
  afterAll(async () => {
    await bridge.close();
    server.close();
    await engine.shutdown('test done');
    dir.cleanup();
  });

  const authed = async () => {
    const c = await connect(url);
    c.send({ type: 'hello', token: TOKEN, protocol: BRIDGE_PROTOCOL_VERSION });
    await c.next((f) => f.type === 'welcome');
    return c;
  };

  it('compares tokens in constant time, any length', () => {
    expect(secretsEqual(TOKEN, TOKEN)).toBe(true);
    expect(secretsEqual(TOKEN, TOKEN.slice(1))).toBe(false);
    expect(secretsEqual(TOKEN, '')).toBe(false);
  });

  it('refuses a wrong token with a clear reason and close code', async () => {
    const c = await connect(url);
    c.send({ type: 'hello', token: 'guess', protocol: BRIDGE_PROTOCOL_VERSION });
    expect(await c.next((f) => f.type === 'refused')).toMatchObject({ reason: expect.stringMatching(/invalid token/) });
    expect((await c.closed).code).toBe(CLOSE_UNAUTHORIZED);
  });

  it('refuses calls before hello, and clients that never say hello', async () => {
    const c = await connect(url);
    c.send({ type: 'call', id: 1, method: 'app.getStatus' });
    expect(await c.next((f) => f.type === 'refused')).toMatchObject({ reason: expect.stringMatching(/first frame must be hello/) });
    expect(c.frames.some((f) => f.type === 'result')).toBe(false);
    // Silence is closed, but not refused: the engine may have been too busy to read an honest hello in time.
    const silent = await connect(url);
    expect((await silent.closed).code).toBe(CLOSE_HELLO_TIMEOUT);
    expect(silent.frames.some((f) => f.type === 'refused')).toBe(false);
  });

  it('answers calls, and streams engine events to authorized clients', async () => {
    const c = await authed();
    c.send({ type: 'call', id: 1, method: 'app.getStatus' });
    expect(await c.next((f) => f.id === 1)).toMatchObject({ result: { ok: true, data: { mode: 'dry-run', shell: 'headless' } } });
    c.send({ type: 'call', id: 2, method: 'app.setKillSwitch', input: { engaged: true } });
    expect(await c.next((f) => f.type === 'event' && f.name === 'app.status')).toMatchObject({ payload: { killSwitch: true } });
    c.send({ type: 'call', id: 3, method: 'app.setKillSwitch', input: { engaged: false } });
    await c.next((f) => f.id === 3);
    c.ws.close();
  });

  it('gives clear errors for unknown methods, bad input and junk frames, then keeps serving', async () => {
    const c = await authed();
    c.send({ type: 'call', id: 10, method: 'app.format_disk' });
    c.send({ type: 'call', id: 11, method: 'app.setMode', input: { mode: 'live' } });
    c.send('{not json');
    c.send({ type: 'teleport' });
    expect(await c.next((f) => f.id === 10)).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    expect(await c.next((f) => f.id === 11)).toMatchObject({ result: { ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/confirm/) } } });
    expect(await c.next((f) => f.type === 'error' && JSON.stringify(f).includes('not valid JSON'))).toBeTruthy();
    expect(await c.next((f) => f.type === 'error' && JSON.stringify(f).includes('Bad frame'))).toBeTruthy();
    c.send({ type: 'call', id: 12, method: 'app.getStatus' });
    expect(await c.next((f) => f.id === 12)).toMatchObject({ result: { ok: true } });
    c.ws.close();
  });

  it('closes a connection that sends an oversized frame, and the server carries on', async () => {
    const c = await authed();
    c.send({ type: 'call', id: 20, method: 'app.getStatus', input: 'x'.repeat(BRIDGE_MAX_FRAME_BYTES + 10) });
    expect((await c.closed).code).toBe(1009);
    const again = await authed();
    again.send({ type: 'call', id: 21, method: 'app.getStatus' });
    expect(await again.next((f) => f.id === 21)).toMatchObject({ result: { ok: true } });
    again.ws.close();
  });

  it('arms live only with the exact phrase, and only once the first-run checklist passes', async () => {
    const c = await authed();
    c.send({ type: 'call', id: 30, method: 'app.setMode', input: { mode: 'live', confirm: 'arm live' } });
    expect(await c.next((f) => f.id === 30)).toMatchObject({ result: { ok: false, error: { code: 'BAD_INPUT' } } });
    // No capture-and-input probe has passed on this machine: the engine keeps dry run.
    c.send({ type: 'call', id: 31, method: 'app.setMode', input: { mode: 'live', confirm: 'ARM LIVE' } });
    expect(await c.next((f) => f.id === 31)).toMatchObject({ result: { ok: false, error: { code: 'REFUSED', message: expect.stringMatching(/Capture and click probe/) } } });
    c.send({ type: 'call', id: 32, method: 'app.getStatus' });
    expect(await c.next((f) => f.id === 32)).toMatchObject({ result: { ok: true, data: { mode: 'dry-run' } } });
    c.ws.close();
  });
});
