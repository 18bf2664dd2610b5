import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { validateSignalFrame } from '../../../src-main/core/signals/validate';
import { waitFor } from './helpers';

const runner = fileURLToPath(new URL('./run-signals-cli.ts', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', runner, ...args], { cwd: process.cwd() });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited };
}

async function listeningUrl(out: { stdout: string }): Promise<string> {
  await waitFor(() => out.stdout.includes('\n'), 15_000, 'first line');
  const first = out.stdout.split('\n')[0] ?? '';
  expect(first).toMatch(/^Signal server listening: ws:\/\/127\.0\.0\.1:\d+$/);
  return first.replace('Signal server listening: ', '');
}

function collect(url: string, headers: Record<string, string> = {}) {
  const frames: string[] = [];
  const socket = new WebSocket(url, { headers });
  socket.on('message', (data: Buffer) => frames.push(data.toString()));
  const opened = new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
  return { frames, socket, opened };
}

describe('cockpit signals serve', () => {
  it('--auto prints the URL first, streams valid rounds, and exits 0 on SIGTERM', async () => {
    const { child, out, exited } = cli(['serve', '--port', '0', '--auto', '--interval', '30', '--token', 'tk']);
    const url = await listeningUrl(out);
    const client = collect(url, { Authorization: 'Bearer tk' });
    await client.opened;
    await waitFor(() => client.frames.length >= 3, 5_000, '3 frames');
    const now = Date.now();
    const ids = client.frames.map((text) => {
      const verdict = validateSignalFrame(text, { now });
      expect(verdict.verdict).toBe('accepted');
      return verdict.verdict === 'accepted' ? Number(verdict.signal.roundId) : NaN;
    });
    expect(ids[1]).toBe((ids[0] ?? 0) + 1);
    expect(out.stdout).toMatch(/clients: 1/);
    expect(out.stdout).toMatch(/sent to 1 client\(s\): \{"timestamp"/);
    client.socket.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.stdout).toMatch(/Signal server stopped \(SIGTERM\)/);
  });

  it('--interactive sends shorthand and raw lines as typed', async () => {
    const { child, out, exited } = cli(['serve', '--port', '0', '--interactive']);
    const client = collect(await listeningUrl(out));
    await client.opened;
    await waitFor(() => out.stdout.includes('clients: 1'), 5_000, 'client counted');
    child.stdin.write('2.0 round=42\n1.5 nobet\n{"broken":\nbogus\n');
    await waitFor(() => client.frames.length === 3, 5_000, '3 frames');
    expect(JSON.parse(client.frames[0] ?? '')).toMatchObject({ expectedMultiplier: 2, bet: true, roundId: 42 });
    expect(JSON.parse(client.frames[1] ?? '')).toMatchObject({ expectedMultiplier: 1.5, bet: false });
    expect(client.frames[2]).toBe('{"broken":');
    await waitFor(() => out.stdout.includes('error: expected a target'), 5_000, 'error line');
    client.socket.close();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it.each([
    [[], /missing subcommand "serve"/],
    [['serve'], /exactly one of --auto or --interactive/],
    [['serve', '--auto', '--interactive'], /exactly one of/],
    [['serve', '--interactive', '--interval', '5'], /--interval only applies to --auto/],
    [['serve', '--auto', '--port', 'abc'], /--port must be a non-negative integer/],
    [['serve', '--auto', '--bogus'], /Unknown option '--bogus'/],
  ])('usage error for %j', async (args, message) => {
    const { out, exited } = cli(args);
    expect(await exited).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/Usage: cockpit signals serve/);
  });
});
