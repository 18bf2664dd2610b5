// Runs in: engine.
import { fillId } from '../../../core/exchange/fill-id';
import type { Fill, OrderSnapshot } from '../../../core/exchange/types';
import { AlgoUpdate, algoSnapshot, FuturesOrder, futuresSnapshot, OrderTradeUpdate } from './futures-schemas';
import type { ListenKeyKeeper } from './listen-key';
import { ResilientStream, type ResilientStreamOptions } from '../shared/ws-stream';

/** ORDER_TRADE_UPDATE / ALGO_UPDATE → snapshot (+ fill for a TRADE). Other events → undefined. */
export function parseFuturesUserEvent(raw: unknown): { order: OrderSnapshot; fill?: Fill } | undefined {
  const plain = OrderTradeUpdate.safeParse(raw);
  if (plain.success) {
    const o = plain.data.o;
    const order = futuresSnapshot(FuturesOrder.parse({ orderId: o.i, symbol: o.s, status: o.X, clientOrderId: o.c, price: o.p, avgPrice: o.ap, origQty: o.q, executedQty: o.z, type: o.o, side: o.S, reduceOnly: o.R, updateTime: o.T }));
    const fill = o.x === 'TRADE' && o.l > 0 ? { clientOrderId: o.c, tradeId: fillId(o.c, o.z), symbol: o.s, side: o.S, price: o.L, quantity: o.l, fee: o.n ?? 0, feeAsset: o.N ?? undefined, at: o.T } : undefined;
    return { order, fill };
  }
  const algo = AlgoUpdate.safeParse(raw);
  if (algo.success) {
    const o = algo.data.o;
    return { order: algoSnapshot({ algoId: o.aid, clientAlgoId: o.caid, algoType: 'CONDITIONAL', orderType: o.o, symbol: o.s, side: o.S, quantity: o.q, algoStatus: o.X, triggerPrice: o.tp, reduceOnly: o.R, executedQty: o.aq, avgPrice: o.ap, updateTime: algo.data.T }) };
  }
  return undefined;
}

/**
 * Futures user data on `<base>/<listenKey>`. The keeper renews the key; a new key or a
 * `listenKeyExpired` event moves the stream to the new URL, and every reconnect asks for a reconcile.
 * Wire the keeper's onNewKey to `stream.reconnectIfUrlChanged()` so keepalive renewals move it too.
 */
export function startBinanceFuturesUserStream(
  opts: { baseUrl: string; keeper: ListenKeyKeeper; stream: Pick<ResilientStreamOptions, 'staleAfterMs' | 'maxLifetimeMs' | 'backoff'> },
  handlers: { onOrder: (o: OrderSnapshot, fill?: Fill) => void; onReconnected: () => void; onError?: (e: unknown) => void },
): ResilientStream {
  const stream = new ResilientStream({
    ...opts.stream,
    pingsProveLiveness: true,
    url: () => `${opts.baseUrl}/${opts.keeper.listenKey ?? 'none'}`,
    onMessage: (text) => {
      const raw = JSON.parse(text) as { e?: string; E?: number };
      if (raw.e === 'listenKeyExpired') {
        opts.keeper.renew().then(() => stream.reconnectIfUrlChanged(), (e: unknown) => handlers.onError?.(e));
        return;
      }
      const parsed = parseFuturesUserEvent(raw);
      if (parsed) handlers.onOrder(parsed.order, parsed.fill);
      return raw.E;
    },
    onReconnected: handlers.onReconnected,
  });
  stream.start();
  return stream;
}
