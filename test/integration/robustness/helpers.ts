// Shared by the robustness suites: run the built CLI to its end, raw HTTP over a socket, timing a normal request.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import WebSocket from 'ws';
import { COCKPIT_BIN, startHeadlessProcess, type HeadlessProcess } from '../../support/headless-process';
import { tempDir } from '../../support/temp-dir';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `cockpit ARGS` to its end (or kills it after `timeoutMs`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 20_000): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [COCKPIT_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    }),
  );
}

/** Sends raw bytes and collects what comes back until the server closes (or `timeoutMs`). */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 3_000): Promise<{ response: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const timer = setTimeout(() => (socket.destroy(), resolve({ response, closedByServer: false })), timeoutMs);
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => (clearTimeout(timer), resolve({ response, closedByServer: true })));
    socket.write(request);
  });
}

/** Milliseconds for a plain GET / to come back 200. */
export async function timedGet(origin: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${origin}/`);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

/** One `cockpit headless` for a whole suite, on a temp data dir; it must stop cleanly (rc 0) at the end. */
export function headlessForSuite(): { readonly cockpit: HeadlessProcess; readonly port: number } {
  const dir = tempDir();
  const state: { cockpit?: HeadlessProcess } = {};
  beforeAll(async () => {
    state.cockpit = await startHeadlessProcess(dir.path);
  });
  afterAll(async () => {
    expect(await state.cockpit?.stop('SIGTERM')).toBe(0);
    dir.cleanup();
  });
  return {
    get cockpit() {
      if (!state.cockpit) throw new Error('the suite has not started cockpit headless yet');
      return state.cockpit;
    },
    get port() {
      return Number(new URL(this.cockpit.origin).port);
    },
  };
}

/** An authorized bridge client that collects every frame; `result(id)` waits for the answer to call `id`. */
export async function bridgeClient(origin: string, token: string) {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge`);
  const frames: Array<Record<string, unknown>> = [];
  ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  ws.send(JSON.stringify({ type: 'hello', token, protocol: 1 }));
  await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
  return {
    ws,
    frames,
    call: (id: number, method: string, input?: unknown) => ws.send(JSON.stringify({ type: 'call', id, method, input })),
    result: async (id: number, timeout = 5_000) => {
      await expect.poll(() => frames.find((f) => f.id === id), { timeout }).toBeTruthy();
      return frames.find((f) => f.id === id)!;
    },
  };
}
