// Runs in: engine.
import { z } from 'zod';
import type { Fill, OrderSnapshot } from '../../../core/exchange/types';
import type { Credentials } from '../shared/rest-call';
import { BybitExecutionTopic, BybitOrder, bybitExecutionFill, bybitSnapshot } from './bybit-schemas';
import { bybitWsAuthMessage } from '../shared/signing';
import { ResilientStream, type ResilientStreamOptions } from '../shared/ws-stream';

const OpReply = z.object({ op: z.string(), success: z.boolean(), ret_msg: z.string().optional() });
const OrderTopic = z.object({ topic: z.literal('order'), data: z.array(BybitOrder) });

/**
 * Bybit private stream: auth frame `{"op":"auth","args":[key, expires, HMAC("GET/realtime"+expires)]}`,
 * then the `order` and `execution` topics (the order topic carries no per-trade price or fee). Bybit wants an application ping every 20 s; a fresh auth on every reconnect.
 */
export function startBybitPrivateStream(
  opts: { url: string; credentials: Credentials; serverNow: () => number; stream: Pick<ResilientStreamOptions, 'staleAfterMs' | 'maxLifetimeMs' | 'backoff'>; pingEveryMs?: number },
  handlers: { onOrder: (o: OrderSnapshot) => void; onFill?: (f: Fill) => void; onReconnected: () => void; onError?: (message: string) => void },
): ResilientStream {
  const stream = new ResilientStream({
    ...opts.stream,
    url: () => opts.url,
    appPing: { everyMs: opts.pingEveryMs ?? 20_000, frame: '{"op":"ping"}' },
    onOpen: (send) => send(JSON.stringify(bybitWsAuthMessage(opts.credentials.apiKey, opts.credentials.secret, opts.serverNow() + 10_000))),
    onMessage: (text) => {
      const raw = JSON.parse(text) as unknown;
      const reply = OpReply.safeParse(raw);
      if (reply.success) {
        if (reply.data.op === 'auth' && reply.data.success) stream.send(JSON.stringify({ op: 'subscribe', args: handlers.onFill ? ['order', 'execution'] : ['order'] }));
        else if (!reply.data.success) handlers.onError?.(`bybit ${reply.data.op} failed: ${reply.data.ret_msg ?? ''}`);
        return;
      }
      const topic = OrderTopic.safeParse(raw);
      if (topic.success) for (const o of topic.data.data) handlers.onOrder(bybitSnapshot(o));
      const executions = BybitExecutionTopic.safeParse(raw);
      if (executions.success && handlers.onFill) {
        for (const e of executions.data.data) {
          const fill = bybitExecutionFill(e);
          if (fill) handlers.onFill(fill);
        }
      }
    },
    onReconnected: handlers.onReconnected,
  });
  stream.start();
  return stream;
}
