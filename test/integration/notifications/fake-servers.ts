// Local stand-ins for the Telegram Bot API and a webhook receiver (node:http on 127.0.0.1:0), recording every request.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly at: number;
}

/** How the server answers the next requests: a queue of canned answers, then `fallback`. */
export type Answer = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

export interface FakeServer {
  readonly url: string;
  readonly received: Received[];
  /** Answers for the next requests, in order; after them, `fallback`. */
  readonly next: Answer[];
  fallback: Answer;
  close(): Promise<void>;
}

export async function startFakeServer(fallback: Answer): Promise<FakeServer> {
  const hanging = new Set<ServerResponse>();
  const state = { received: [] as Received[], next: [] as Answer[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.received.push({ path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const answer = state.next.shift() ?? fake.fallback;
      if (answer === 'hang') return void hanging.add(res);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    received: state.received,
    next: state.next,
    fallback,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

export const TELEGRAM_OK: Answer = { status: 200, body: { ok: true, result: { message_id: 1 } } };
export const WEBHOOK_OK: Answer = { status: 204, body: undefined };
