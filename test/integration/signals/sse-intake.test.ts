import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SignalIntake } from '../../../src-main/adapters/signals/signal-intake';
import { SignalRecorder, type SignalRow } from '../../../src-main/adapters/store/signal-recorder';
import { SseSignalSource } from '../../../src-main/adapters/signals/sse-signal-source';
import { FAST_BACKOFF, tempDatabase, waitFor } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const frame = (roundId: number) => JSON.stringify({ timestamp: Date.now(), expectedMultiplier: '1.7', expectedRange: [1.6, 1.8], bet: true, roundId });

/** A real SSE server: event N is round N; it resumes after the client's Last-Event-ID. */
async function sseServer(handler: (request: http.IncomingMessage, response: http.ServerResponse, connection: number) => void) {
  let connection = 0;
  const lastEventIds: (string | undefined)[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = http.createServer((request, response) => {
    lastEventIds.push(request.headers['last-event-id'] as string | undefined);
    authorizations.push(request.headers.authorization);
    handler(request, response, ++connection);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signals`, lastEventIds, authorizations, connections: () => connection };
}

function intakeFor(source: SseSignalSource) {
  const store = tempDatabase();
  const intake = new SignalIntake({ recorder: new SignalRecorder(store.db), sources: [source] });
  cleanups.push(() => store.cleanup());
  cleanups.push(() => intake.stop());
  return { intake, rows: () => store.db.prepare('SELECT * FROM signals ORDER BY id').all() as SignalRow[] };
}

describe('SseSignalSource against a real node http server', () => {
  it('parses multi-line data, reconnects after a drop with Last-Event-ID, and resumes', async () => {
    const server = await sseServer((request, response, connection) => {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      if (connection === 1) {
        response.write(': welcome\nretry: 50\n\n');
        response.write(`id: 1\ndata: ${frame(1)}\n\n`);
        const text = frame(2);
        const cut = text.indexOf(',') + 1; // split between JSON tokens, where a newline is just whitespace
        const [head, tail] = [text.slice(0, cut), text.slice(cut)];
        response.write(`id: 2\r\ndata: ${head}\r\ndata: ${tail}\r\n\r\n`);
        setTimeout(() => response.socket?.destroy(), 50); // the link drops mid-session
      } else {
        const after = Number(request.headers['last-event-id'] ?? 0);
        response.write(`id: ${after + 1}\ndata: ${frame(after + 1)}\n\n`);
      }
    });
    const source = new SseSignalSource({ url: server.url, backoff: FAST_BACKOFF, token: 'tkn' });
    const { intake, rows } = intakeFor(source);
    intake.start();
    await waitFor(() => rows().length === 3, 5_000, '3 rows');
    expect(rows().map((r) => [r.round_id, r.verdict])).toEqual([
      ['1', 'accepted'],
      ['2', 'accepted'],
      ['3', 'accepted'],
    ]);
    // Multi-line data is joined with "\n", which JSON treats as whitespace.
    expect(rows()[1]?.raw).toContain('\n');
    expect(server.lastEventIds).toEqual([undefined, '2']);
    expect(server.authorizations).toEqual(['Bearer tkn', 'Bearer tkn']);
    expect(source.status()).toMatchObject({ state: 'open', reconnects: 1, framesReceived: 3 });
  });

  it('retries on HTTP errors with the status visible, and stops for good on 204', async () => {
    const server = await sseServer((_request, response, connection) => {
      if (connection === 1) response.writeHead(503).end('busy');
      else response.writeHead(204).end();
    });
    const source = new SseSignalSource({ url: server.url, backoff: FAST_BACKOFF });
    const { intake } = intakeFor(source);
    intake.start();
    await waitFor(() => source.status().state === 'closed' && server.connections() === 2, 5_000, 'closed after 204');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.connections()).toBe(2);
    expect(source.status().lastError).toMatch(/204/);
  });

  it('reconnects when the stream goes silent', async () => {
    const server = await sseServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': hello\n'); // then nothing, ever
    });
    const source = new SseSignalSource({ url: server.url, backoff: FAST_BACKOFF, idleTimeoutMs: 100 });
    const { intake } = intakeFor(source);
    const errors: (string | null)[] = [];
    intake.on('connection', (status) => errors.push(status.lastError));
    intake.start();
    await waitFor(() => server.connections() >= 2, 5_000, 'reconnect after idle');
    expect(errors).toContain('stalled: no bytes received');
  });
});
