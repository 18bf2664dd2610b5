// Runs in: engine.
import type { ServerClock } from '../../../core/exchange/server-clock';
import type { Fill, OrderSnapshot } from '../../../core/exchange/types';
import type { Credentials } from './binance-rest';
import { BinanceExecutionReport, executionToSnapshot } from './binance-schemas';
import { signBinanceWsApi } from '../shared/signing';
import { ResilientStream, type ResilientStreamOptions } from '../shared/ws-stream';

export interface UserStreamHandlers {
  readonly onOrder: (order: OrderSnapshot, fill?: Fill) => void;
  /** After every reconnect: events may have been missed, so reconcile over REST. */
  readonly onReconnected: () => void;
  readonly onError?: (message: string) => void;
}

/**
 * Binance spot user data over the WS API (`userDataStream.subscribe.signature`; the spot listenKey
 * was retired in 2025). Re-subscribes with a fresh signature on every reconnect.
 */
export function startBinanceUserStream(
  opts: { wsApiUrl: string; credentials: Credentials; clock: ServerClock; stream: Pick<ResilientStreamOptions, 'staleAfterMs' | 'maxLifetimeMs' | 'backoff'> },
  handlers: UserStreamHandlers,
): ResilientStream {
  let requestId = 0;
  const stream = new ResilientStream({
    ...opts.stream,
    pingsProveLiveness: true,
    url: () => opts.wsApiUrl,
    onOpen: (send) => {
      const params: Record<string, string | number> = { apiKey: opts.credentials.apiKey, timestamp: opts.clock.serverNow() };
      params.signature = signBinanceWsApi(opts.credentials.secret, params);
      send(JSON.stringify({ id: `sub-${++requestId}`, method: 'userDataStream.subscribe.signature', params }));
    },
    onMessage: (text) => {
      const msg = JSON.parse(text) as { status?: number; error?: { code: number; msg: string }; event?: unknown };
      if (msg.status !== undefined && msg.status !== 200) return handlers.onError?.(`user stream: ${msg.error?.code} ${msg.error?.msg}`);
      if (msg.event === undefined) return;
      const r = BinanceExecutionReport.safeParse(msg.event);
      if (!r.success) return; // other event types (balance updates) are not used here
      const { order, fill } = executionToSnapshot(r.data);
      handlers.onOrder(order, fill);
    },
    onReconnected: handlers.onReconnected,
  });
  stream.start();
  return stream;
}
