// Seeded fuzz of `cockpit headless`: malformed request lines, paths and headers over raw sockets, then hostile
// bridge frames and method names before and after hello. The process must stay up and keep answering at once.
// Reproduce a failure with COCKPIT_FUZZ_SEED=<the seed printed below>.
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seededRandom } from '../../../src-main/core/crash/synthetic-reads.test-support';
import type { HeadlessProcess } from '../../support/headless-process';
import { bridgeClient, headlessForSuite, rawHttp, timedGet } from './helpers';

const SEED = Number(process.env.COCKPIT_FUZZ_SEED ?? 20_261_203);
const HTTP_REQUESTS = 400;
const BRIDGE_FRAMES = 600;
const CONCURRENCY = 16;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const junk = (random: Random, length: number) => Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS', 'CONNECT', 'TRACE', 'DELETE', 'PATCH', 'get', '', 'G\0T', 'GET GET', 'PRI'];
const TARGETS = [
  '/', '/%', '/%%', '/%E0%A4%A', '/%C0%AF', 'http://[', 'http://[::1', '*', '//attacker.example/', '/..%2f..%2f..%2fetc%2fpasswd', '/../../etc/passwd',
  '/%00', '/index.html%00.png', '/assets/../../../../etc/hosts', `/${'a'.repeat(9000)}`, '/?%', '/#%', 'http://127.0.0.1/', 'ftp://x/', '/\u00ff', '/bridge',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', '', 'HTTP/1.1 extra', 'HTTP/1.1\0'];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__', '__lookupSetter__', 'toLocaleString', 'name', 'length', 'call', 'apply', 'bind'];
const SERVICES = ['app', 'settings', 'autopilot', 'markets', 'system', 'backtest', ''];

function hostHeader(random: Random, port: number): string {
  return pick(random, [
    `Host: 127.0.0.1:${port}`, `Host: localhost:${port}`, 'Host: attacker.example', `Host: 127.0.0.1:${port}@x`, 'Host: [', `Host: ${'h'.repeat(300)}`, '', 'Host:', `Host: 127.0.0.1:${port}\r\nHost: evil`,
  ]);
}

function extraHeaders(random: Random): string[] {
  const all = [
    'Origin: http://attacker.example', 'Origin: null', 'Origin: %', 'Content-Length: -1', 'Content-Length: 99999999999', 'Transfer-Encoding: chunked, gzip', 'Transfer-Encoding: bogus',
    'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: ???', 'Sec-WebSocket-Version: 99', `X-Big: ${'b'.repeat(20_000)}`, 'Bad Header: x', 'X-Nul: a\0b', ': empty', 'X-Fold:\r\n folded',
  ];
  return all.filter(() => random() < 0.15);
}

function malformedRequest(random: Random, port: number): Buffer {
  if (random() < 0.1) return junk(random, 1 + Math.floor(random() * 2000));
  const eol = random() < 0.85 ? '\r\n' : pick(random, ['\n', '\r', '\0']);
  const lines = [`${pick(random, METHODS)} ${pick(random, TARGETS)} ${pick(random, VERSIONS)}`.trim(), hostHeader(random, port), ...extraHeaders(random)];
  const text = `${lines.filter(Boolean).join(eol)}${eol}${eol}`;
  // Some requests stop half-way: the server must not keep them forever (the header timeout closes them).
  return Buffer.from(random() < 0.1 ? text.slice(0, Math.floor(random() * text.length)) : text, 'latin1');
}

function methodName(random: Random): string {
  const left = random() < 0.7 ? pick(random, [...SERVICES, ...PROTOTYPE_NAMES]) : junk(random, 5).toString('latin1');
  const right = random() < 0.7 ? pick(random, PROTOTYPE_NAMES) : pick(random, ['getStatus', 'setKillSwitch', '', '.', 'x'.repeat(200)]);
  return random() < 0.2 ? left : `${left}.${right}`;
}

function hostileFrame(random: Random): string | Buffer {
  switch (Math.floor(random() * 8)) {
    case 0:
      return junk(random, 1 + Math.floor(random() * 300)).toString('latin1');
    case 1:
      return '['.repeat(2000 + Math.floor(random() * 3000));
    case 2:
      return JSON.stringify({ type: 'call', id: Math.floor(random() * 1e6), method: methodName(random), input: { engaged: 'yes', __proto__: { polluted: true } } });
    case 3:
      return JSON.stringify({ type: pick(random, ['hello', 'call', 'welcome', 'event', '__proto__', '']), token: 'x'.repeat(Math.floor(random() * 600)), protocol: pick(random, [1, -1, 1e308, 'one', null]) });
    case 4:
      return `{"type":"call","id":1,"method":"${methodName(random)}","input":${'{"a":'.repeat(300)}1${'}'.repeat(300)}}`;
    case 5:
      return junk(random, 64); // binary
    case 6:
      return JSON.stringify({ type: 'call', id: -1, method: 'app.getStatus' });
    default:
      return JSON.stringify({ type: 'call', id: Math.floor(random() * 100), method: methodName(random), input: pick(random, [null, 0, '', [], {}, { id: '__proto__', enabled: true }]) });
  }
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** The best of three: one measurement can land behind a GC or the other suites sharing these cores. */
async function bestGetMs(origin: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { status, ms } = await timedGet(origin);
    expect(status).toBe(200);
    times.push(ms);
  }
  return Math.min(...times);
}

describe(`fuzz: cockpit headless under hostile input (seed ${SEED})`, () => {
  const suite = headlessForSuite();
  let cockpit: HeadlessProcess;
  let port: number;
  beforeAll(() => ({ cockpit, port } = suite));
  const random = seededRandom(SEED);

  it(`${HTTP_REQUESTS} malformed HTTP requests over raw sockets`, async () => {
    const requests = Array.from({ length: HTTP_REQUESTS }, () => malformedRequest(random, port));
    await inBatches(requests, CONCURRENCY, (request) => rawHttp(port, request, 500));
    expect(cockpit.child.exitCode).toBeNull();
    expect(await bestGetMs(cockpit.origin)).toBeLessThan(100);
  }, 60_000);

  it(`${BRIDGE_FRAMES} hostile frames and method names, before and after hello`, async () => {
    const url = `${cockpit.origin.replace('http', 'ws')}/bridge`;
    const connections = 12;
    await inBatches(Array.from({ length: connections }, (_, i) => i), 4, async (i) => {
      const ws = new WebSocket(url);
      ws.on('error', () => {});
      const results: unknown[] = [];
      ws.on('message', (d) => results.push(d));
      await new Promise((resolve) => (ws.once('open', resolve), ws.once('close', resolve)));
      // Half the connections say hello first, so the frames also reach the dispatcher.
      if (i % 2 === 0) ws.send(JSON.stringify({ type: 'hello', token: cockpit.token, protocol: 1 }));
      for (let f = 0; f < BRIDGE_FRAMES / connections && ws.readyState === ws.OPEN; f++) ws.send(hostileFrame(random));
      await new Promise((resolve) => setTimeout(resolve, 200));
      ws.terminate();
    });
    expect(cockpit.child.exitCode).toBeNull();
    expect(await bestGetMs(cockpit.origin)).toBeLessThan(100);
    // And the bridge itself still serves a normal client.
    const client = await bridgeClient(cockpit.origin, cockpit.token);
    client.call(1, 'app.getStatus');
    expect(await client.result(1)).toMatchObject({ result: { ok: true, data: { killSwitch: false } } });
    client.ws.close();
  }, 60_000);
});
