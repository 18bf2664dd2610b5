// `cockpit headless` as a user runs it, fed what a hostile page or client can send. Nothing may end the process.
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HeadlessProcess } from '../../support/headless-process';
import { bridgeClient, headlessForSuite, rawHttp, timedGet } from './helpers';

const CLOSE_TOO_BIG = 1009;

/** Opens a bridge socket; resolves with the open socket or the HTTP status that refused it. */
function openBridge(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ refused: -1 }));
  });
}

describe('hostile input against cockpit headless', () => {
  const suite = headlessForSuite();
  let cockpit: HeadlessProcess;
  let port: number;
  beforeAll(() => ({ cockpit, port } = suite));
  const hello = () => bridgeClient(cockpit.origin, cockpit.token);

  it('answers a path that does not URI-decode with 400 and the security headers, and stays up', async () => {
    const res = await fetch(`${cockpit.origin}/%`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await timedGet(cockpit.origin)).status).toBe(200);
  });

  it('answers the raw request line "GET http://[ HTTP/1.1" with 400, and stays up', async () => {
    const { response } = await rawHttp(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(response).toMatch(/X-Content-Type-Options: nosniff/i);
    expect((await timedGet(cockpit.origin)).status).toBe(200);
  });

  it('puts CSP and nosniff on a 404 too', async () => {
    const res = await fetch(`${cockpit.origin}/no-such-file`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, on HTTP and on the bridge', async () => {
    expect((await rawHttp(port, `GET / HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`)).response).toMatch(/^HTTP\/1\.1 403/);
    expect((await rawHttp(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port + 1}\r\nConnection: close\r\n\r\n`)).response).toMatch(/^HTTP\/1\.1 403/);
    expect((await fetch(`${cockpit.origin}/`, { headers: { Origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await fetch(`http://localhost:${port}/`)).status).toBe(200);
    const ws = `${cockpit.origin.replace('http', 'ws')}/bridge`;
    expect(await openBridge(ws, { Origin: 'http://attacker.example' })).toEqual({ refused: 403 });
    expect(await openBridge(ws, { Host: `rebound.example:${port}` })).toEqual({ refused: 403 });
    const own = await openBridge(ws, { Origin: cockpit.origin });
    expect('ws' in own).toBe(true);
    if ('ws' in own) own.ws.close();
  });

  it('closes a socket that sends partial headers slowly, within the header timeout', async () => {
    const started = performance.now();
    const { closedByServer } = await rawHttp(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `, 12_000);
    expect(closedByServer).toBe(true);
    expect(performance.now() - started).toBeLessThan(8_000);
  }, 15_000);

  it('treats "__proto__.toString", "constructor.name" and "hasOwnProperty.length" as unknown methods', async () => {
    const { ws, frames } = await hello();
    const names = ['__proto__.toString', 'constructor.name', 'hasOwnProperty.length', 'app.__proto__', 'toString.call', 'app.constructor'];
    names.forEach((method, i) => ws.send(JSON.stringify({ type: 'call', id: i + 1, method, input: {} })));
    await expect.poll(() => frames.filter((f) => f.type === 'result').length).toBe(names.length);
    for (const f of frames.filter((f) => f.type === 'result')) expect(f).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    ws.send(JSON.stringify({ type: 'call', id: 99, method: 'app.getStatus' }));
    await expect.poll(() => frames.find((f) => f.id === 99)).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('refuses large frames before hello unparsed, without stalling the event loop', async () => {
    const nested = '['.repeat(500_000) + ']'.repeat(500_000);
    const sockets = await Promise.all([1, 2, 3, 4].map(() => openBridge(`${cockpit.origin.replace('http', 'ws')}/bridge`)));
    const closed = sockets.map((s) => ('ws' in s ? new Promise<number>((resolve) => s.ws.once('close', resolve)) : Promise.resolve(-1)));
    for (const s of sockets) if ('ws' in s) s.ws.send(nested);
    const { status, ms } = await timedGet(cockpit.origin);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(500);
    expect(await Promise.all(closed)).toEqual([4401, 4401, 4401, 4401]);
  });

  it('closes a 10 MB frame with 1009 (too big), not 1006', async () => {
    const { ws } = await hello();
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.on('error', () => {});
    ws.send('x'.repeat(10 * 1024 * 1024));
    expect(await closed).toBe(CLOSE_TOO_BIG);
    expect((await timedGet(cockpit.origin)).status).toBe(200);
  });
});
