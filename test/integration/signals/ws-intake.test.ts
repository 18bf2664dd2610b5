import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { SignalConnectionState } from '../../../src-shared/signals';
import { SignalIntake } from '../../../src-main/adapters/signals/signal-intake';
import { SignalRecorder, type SignalRow } from '../../../src-main/adapters/store/signal-recorder';
import { startSignalServer, type SignalServer } from '../../../src-main/adapters/signals/test-server';
import { WsSignalSource } from '../../../src-main/adapters/signals/ws-signal-source';
import { FAST_BACKOFF, tempDatabase, waitFor } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const signal = (roundId: number, extra: object = {}) => ({ timestamp: new Date().toISOString(), expectedMultiplier: 2.5, bet: true, roundId, ...extra });

async function serve(options: { port?: number; token?: string } = {}): Promise<SignalServer> {
  const server = await startSignalServer(options);
  cleanups.push(() => server.close());
  return server;
}

function intakeFor(url: string, store = tempDatabase(), token?: string) {
  const source = new WsSignalSource({ url, token, backoff: FAST_BACKOFF, heartbeatMs: 200 });
  const intake = new SignalIntake({ recorder: new SignalRecorder(store.db), sources: [source] });
  const states: SignalConnectionState[] = [];
  intake.on('connection', (status) => states.push(status.state));
  cleanups.push(() => store.cleanup());
  cleanups.push(() => intake.stop());
  const rows = () => store.db.prepare('SELECT * FROM signals ORDER BY id').all() as SignalRow[];
  return { source, intake, states, rows, store };
}

describe('WsSignalSource → SignalIntake → SQLite', () => {
  it('records frames with verdicts, survives a server restart on the same port, never accepts a round twice', async () => {
    let server = await serve();
    const { source, intake, states, rows } = intakeFor(server.url);
    intake.start();
    await waitFor(() => server.clients() === 1, 5_000, 'client connected');

    server.send(signal(1));
    server.broadcastRaw('{"broken":');
    server.send(signal(2, { expectedMultiplier: 0.9 }));
    server.send(signal(1));
    await waitFor(() => rows().length === 4, 5_000, '4 rows');
    expect(rows().map((r) => [r.round_id, r.verdict, r.reason?.split(':')[0] ?? null])).toEqual([
      ['1', 'accepted', null],
      [null, 'rejected', 'not-json'],
      ['2', 'rejected', 'target-too-low'],
      ['1', 'rejected', 'duplicate'],
    ]);

    // Kill the server mid-session, then bring it back on the same port.
    const port = server.port;
    await server.close();
    await waitFor(() => source.status().state === 'reconnecting', 5_000, 'reconnecting');
    server = await serve({ port });
    await waitFor(() => source.status().state === 'open', 5_000, 'reopened');
    server.send(signal(1)); // the provider re-sends the round it was on
    server.send(signal(3));
    await waitFor(() => rows().length === 6, 5_000, '6 rows');
    expect(rows().slice(4).map((r) => [r.round_id, r.verdict])).toEqual([
      ['1', 'rejected'],
      ['3', 'accepted'],
    ]);
    expect(rows().filter((r) => r.round_id === '1' && r.verdict === 'accepted')).toHaveLength(1);
    expect(source.status()).toMatchObject({ state: 'open', framesReceived: 6 });
    expect(source.status().reconnects).toBeGreaterThanOrEqual(1);
    expect(states.slice(0, 2)).toEqual(['connecting', 'open']);
    expect(states).toContain('reconnecting');
    expect(intake.pending().map((q) => q.signal.roundId)).toEqual(['1', '3']);
  });

  it('a restarted app (new intake, same SQLite file) rejects a re-sent round', async () => {
    const server = await serve();
    const store = tempDatabase();
    const first = intakeFor(server.url, store);
    first.intake.start();
    await waitFor(() => server.clients() === 1);
    server.send(signal(77));
    await waitFor(() => first.rows().length === 1);
    await first.intake.stop();

    const second = intakeFor(server.url, store);
    second.intake.start();
    await waitFor(() => server.clients() === 1 && second.source.status().state === 'open');
    server.send(signal(77));
    server.send(signal(78));
    await waitFor(() => second.rows().length === 3);
    expect(second.rows().map((r) => [r.round_id, r.verdict])).toEqual([
      ['77', 'accepted'],
      ['77', 'rejected'],
      ['78', 'accepted'],
    ]);
  });

  it('sends the bearer token; a wrong token keeps it out with the error visible', async () => {
    const server = await serve({ token: 's3cret' });
    const wrong = intakeFor(server.url, undefined, 'nope');
    wrong.intake.start();
    await waitFor(() => (wrong.source.status().lastError ?? '').includes('401'), 5_000, '401');
    expect(server.clients()).toBe(0);
    await wrong.intake.stop();

    const right = intakeFor(server.url, undefined, 's3cret');
    right.intake.start();
    await waitFor(() => server.clients() === 1, 5_000, 'authorized client');
    server.send(signal(5));
    await waitFor(() => right.rows().length === 1);
    expect(right.rows()[0]?.verdict).toBe('accepted');
  });

  it('detects a silent stall (no pong) and reconnects', async () => {
    // A server whose connections go quiet: it stops reading, so pings are never answered.
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => wss.once('listening', resolve));
    let connections = 0;
    wss.on('connection', (socket) => {
      connections++;
      if (connections === 1) (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    });
    cleanups.push(() => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    }));
    const address = wss.address() as { port: number };
    const { source, intake } = intakeFor(`ws://127.0.0.1:${address.port}`);
    intake.start();
    await waitFor(() => connections === 2, 5_000, 'reconnect after stall');
    expect(source.status().reconnects).toBeGreaterThanOrEqual(1);
  });
});

describe('WsSignalSource lifecycle', () => {
  it('keeps retrying with backoff until the server appears, then connects; stop() cancels retries', async () => {
    const placeholder = await startSignalServer();
    const port = placeholder.port;
    await placeholder.close(); // a free port with nothing listening
    const { source, intake, states } = intakeFor(`ws://127.0.0.1:${port}`);
    intake.start();
    await waitFor(() => source.status().reconnects >= 3, 5_000, '3 failed attempts');
    expect(source.status().state).toBe('reconnecting');
    expect(source.status().lastError).toMatch(/ECONNREFUSED/);
    const server = await serve({ port });
    await waitFor(() => source.status().state === 'open', 5_000, 'open once the server is up');
    server.send(signal(9));
    await waitFor(() => source.status().framesReceived === 1);
    expect(source.lastMessageAgeMs()).toBeGreaterThanOrEqual(0);

    await intake.stop();
    expect(source.status().state).toBe('closed');
    expect(states.at(-1)).toBe('closed');
    await waitFor(() => server.clients() === 0, 5_000, 'client gone');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.clients()).toBe(0); // no reconnect after stop
  });
});
