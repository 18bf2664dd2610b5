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

/** One Bot API call the fake bot received: its method and JSON body. */
export interface BotCall {
  readonly token: string;
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly at: number;
}

export interface FakeTelegramBot {
  readonly url: string;
  readonly calls: BotCall[];
  /** Queues an update (its update_id assigned here) for the next getUpdates, waking a long poll at once. */
  push(update: Record<string, unknown>): number;
  /** Canned failures for the next getUpdates calls, before they answer normally again. */
  readonly failPolls: Array<{ status: number; body: unknown }>;
  /** The sendMessage bodies so far. */
  sent(): Array<{ chat_id: string; text: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } }>;
  close(): Promise<void>;
}

/**
 * A stand-in for the Telegram Bot API that does long polling as Telegram does: getUpdates answers the updates at or
 * after `offset` (forgetting those before it, i.e. confirmed), or waits up to `timeout` seconds for one to be pushed.
 * sendMessage and answerCallbackQuery answer ok and are recorded.
 */
export async function startFakeTelegramBot(): Promise<FakeTelegramBot> {
  const calls: BotCall[] = [];
  const failPolls: Array<{ status: number; body: unknown }> = [];
  let updates: Array<Record<string, unknown> & { update_id: number }> = [];
  let nextId = 1000;
  const waiting = new Set<() => void>();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!match) return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      calls.push({ token: match[1]!, method: match[2]!, body, raw, at: Date.now() });
      if (match[2] !== 'getUpdates') return json(res, 200, { ok: true, result: match[2] === 'sendMessage' ? { message_id: calls.length } : true });
      const failure = failPolls.shift();
      if (failure) return json(res, failure.status, failure.body);
      const offset = typeof body.offset === 'number' ? body.offset : null;
      if (offset !== null) updates = updates.filter((u) => u.update_id >= offset);
      const answer = () => json(res, 200, { ok: true, result: updates.slice(0, typeof body.limit === 'number' ? body.limit : 100) });
      if (updates.length > 0) return answer();
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        answer();
      };
      const timer = setTimeout(wake, (typeof body.timeout === 'number' ? body.timeout : 0) * 1000);
      waiting.add(wake);
      res.on('close', () => {
        clearTimeout(timer);
        waiting.delete(wake);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failPolls,
    push(update) {
      const id = nextId++;
      updates.push({ ...update, update_id: id });
      for (const wake of [...waiting]) wake();
      return id;
    },
    sent: () => calls.filter((c) => c.method === 'sendMessage').map((c) => c.body as ReturnType<FakeTelegramBot['sent']>[number]),
    close: () =>
      new Promise((resolve) => {
        for (const wake of [...waiting]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
