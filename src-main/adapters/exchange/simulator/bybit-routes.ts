// Runs in: engine.
import type { EngineOrder } from '../../../core/exchange/matching/engine-types';
import type { Fill, OrderRequest, OrderSnapshot, OrderType, Side } from '../../../core/exchange/types';
import { signBybit, signaturesEqual } from '../shared/signing';
import { header, json, type SimRequest, type SimResponse } from './http-types';
import type { SimVenue } from './venue';

/** Venue-made orders (trailing stops, position stop-losses) carry no orderLinkId; these prefixes mark them in the engine. */
const SYSTEM_TRAILING = 'bybit-ts-';
const SYSTEM_STOP = 'bybit-sl-';
const linkOf = (clientOrderId: string): string => (clientOrderId.startsWith(SYSTEM_TRAILING) || clientOrderId.startsWith(SYSTEM_STOP) ? '' : clientOrderId);

/** The order a request names: by orderLinkId, else by orderId (`sim-<n>`), the only handle on a venue-made order. */
function named(venue: SimVenue, b: { orderLinkId?: unknown; orderId?: unknown }): EngineOrder | undefined {
  const link = String(b.orderLinkId ?? '');
  if (link) return venue.engine.get(link);
  const id = /^sim-(\d+)$/.exec(String(b.orderId ?? ''));
  return id ? venue.engine.byOrderId(Number(id[1])) : undefined;
}

const envelope = (venue: SimVenue, retCode: number, retMsg: string, result: unknown = {}): SimResponse => json(200, { retCode, retMsg, result, retExtInfo: {}, time: venue.now() });

const STATUS_NAME: Readonly<Record<string, string>> = { NEW: 'New', PARTIALLY_FILLED: 'PartiallyFilled', FILLED: 'Filled', CANCELED: 'Cancelled', EXPIRED: 'Deactivated', REJECTED: 'Rejected' };

function bybitStatus(o: EngineOrder): string {
  if (o.status === 'NEW') return o.active && (o.type === 'MARKET' || o.type === 'LIMIT' || o.triggered) ? 'New' : 'Untriggered';
  return STATUS_NAME[o.status] ?? 'New';
}

const STOP_ORDER_TYPE: Partial<Record<OrderType, string>> = { STOP_MARKET: 'StopLoss', TAKE_PROFIT_MARKET: 'TakeProfit', TRAILING_STOP_MARKET: 'TrailingStop' };

const isConditional = (type: OrderType): boolean => type !== 'MARKET' && type !== 'LIMIT';

/** The leading fields the REST order list and the private `order` topic spell alike (same names, same order). */
function orderHead(orderId: string | number | undefined, o: Pick<OrderSnapshot, 'clientOrderId' | 'symbol' | 'side' | 'type' | 'price' | 'quantity'>): Record<string, unknown> {
  return {
    orderId: `sim-${orderId}`,
    orderLinkId: linkOf(o.clientOrderId),
    symbol: o.symbol,
    side: o.side === 'BUY' ? 'Buy' : 'Sell',
    orderType: o.type === 'LIMIT' ? 'Limit' : 'Market',
    price: String(o.price ?? 0),
    qty: String(o.quantity),
  };
}

export function bybitOrder(o: EngineOrder): Record<string, unknown> {
  const conditional = isConditional(o.type);
  return {
    ...orderHead(o.orderId, o),
    orderStatus: bybitStatus(o),
    avgPrice: o.filledQty > 0 ? String(o.cumQuote / o.filledQty) : '',
    cumExecQty: String(o.filledQty),
    cumExecValue: String(o.cumQuote),
    leavesQty: String(o.quantity - o.filledQty),
    stopOrderType: conditional ? STOP_ORDER_TYPE[o.type] : '',
    triggerPrice: String(o.stopPrice ?? ''),
    reduceOnly: o.reduceOnly ?? false,
    timeInForce: o.type === 'LIMIT' ? 'GTC' : 'IOC',
    createdTime: String(o.createdAt),
    updatedTime: String(o.updatedAt),
  };
}

/** Private `order` topic entry, from the event's snapshot (the order may have moved on since). */
export function bybitOrderEvent(o: OrderSnapshot): Record<string, unknown> {
  const conditional = isConditional(o.type);
  return {
    category: 'linear',
    ...orderHead(o.exchangeOrderId, o),
    orderStatus: conditional && o.status === 'NEW' ? 'Untriggered' : (STATUS_NAME[o.status] ?? 'New'),
    avgPrice: o.avgPrice !== undefined ? String(o.avgPrice) : '',
    cumExecQty: String(o.filledQty),
    stopOrderType: conditional ? STOP_ORDER_TYPE[o.type] : '',
    triggerPrice: String(o.stopPrice ?? ''),
    reduceOnly: o.reduceOnly,
    updatedTime: String(o.updatedAt),
  };
}

/** Private `execution` topic entry for one fill of the event's order. */
export function bybitExecutionEvent(o: OrderSnapshot, f: Fill): Record<string, unknown> {
  return {
    category: 'linear',
    symbol: o.symbol,
    orderId: `sim-${o.exchangeOrderId}`,
    orderLinkId: linkOf(o.clientOrderId),
    side: o.side === 'BUY' ? 'Buy' : 'Sell',
    orderPrice: String(o.price ?? 0),
    orderQty: String(o.quantity),
    leavesQty: String(o.quantity - o.filledQty),
    orderType: o.type === 'LIMIT' ? 'Limit' : 'Market',
    stopOrderType: '',
    execFee: String(f.fee),
    execId: `sim-exec-${f.tradeId}`,
    execPrice: String(f.price),
    execQty: String(f.quantity),
    execType: 'Trade',
    execValue: String(f.price * f.quantity),
    execTime: String(f.at),
    isMaker: false,
    feeRate: '0.001',
  };
}

/** Bybit v5 (linear) subset with real signature and timestamp checks. */
export function handleBybit(venue: SimVenue, req: SimRequest, faults: { dropAttachedStop?: boolean } = {}): SimResponse {
  if (venue.useWeight(1) < 0) return json(403, 'access too frequent');
  const q = new URLSearchParams(req.rawQuery);
  const r = `${req.method} ${req.path}`;
  if (r === 'GET /v5/market/time') {
    const t = venue.now();
    return envelope(venue, 0, 'OK', { timeSecond: String(Math.floor(t / 1000)), timeNano: `${t}000000` });
  }
  if (r === 'GET /v5/market/kline') {
    const rows = venue.candles.range(q.get('symbol') ?? '', q.get('interval') ?? '1', Number(q.get('start') ?? 0), Number(q.get('limit') ?? 200), Number(q.get('end') ?? Infinity));
    return envelope(venue, 0, 'OK', { category: q.get('category'), symbol: q.get('symbol'), list: rows.map((k) => [String(k.openTime), String(k.open), String(k.high), String(k.low), String(k.close), String(k.volume), String(k.volume * k.close)]).reverse() });
  }
  const denied = authenticate(venue, req);
  if (denied) return denied;
  const body = req.method === 'POST' ? (JSON.parse(req.rawBody || '{}') as Record<string, unknown>) : {};
  switch (r) {
    case 'POST /v5/order/create':
      return create(venue, body, faults.dropAttachedStop === true);
    case 'POST /v5/order/cancel': {
      const o = named(venue, body);
      const res = o ? venue.engine.cancel(o.clientOrderId) : undefined;
      if (!o || !res?.ok) return envelope(venue, 110001, 'Order does not exist.');
      venue.publish(res.events);
      return envelope(venue, 0, 'OK', { orderId: `sim-${o.orderId}`, orderLinkId: linkOf(o.clientOrderId) });
    }
    case 'POST /v5/order/amend': {
      const o = named(venue, body);
      if (!o) return envelope(venue, 110001, 'Order does not exist.');
      const res = venue.engine.amend(o.clientOrderId, { stopPrice: body.triggerPrice !== undefined ? Number(body.triggerPrice) : undefined, quantity: body.qty !== undefined ? Number(body.qty) : undefined });
      if (!res.ok) return envelope(venue, res.message.startsWith('Order does not') ? 110001 : 10001, res.message);
      venue.publish(res.events);
      return envelope(venue, 0, 'OK', { orderId: `sim-${o.orderId}`, orderLinkId: linkOf(o.clientOrderId) });
    }
    case 'GET /v5/order/realtime': {
      const oneOrder = q.get('orderLinkId') || q.get('orderId');
      const one = oneOrder ? named(venue, { orderLinkId: q.get('orderLinkId'), orderId: q.get('orderId') }) : undefined;
      const list = oneOrder ? [one].filter((o): o is EngineOrder => !!o) : venue.engine.openOrders(q.get('symbol') ?? undefined);
      return envelope(venue, 0, 'OK', { category: q.get('category'), list: list.map(bybitOrder), nextPageCursor: '' });
    }
    case 'GET /v5/position/list':
      return envelope(venue, 0, 'OK', {
        category: q.get('category'),
        list: venue.engine.positionList().filter((p) => !q.get('symbol') || p.symbol === q.get('symbol')).map((p) => ({ positionIdx: 0, symbol: p.symbol, side: p.side === 'LONG' ? 'Buy' : 'Sell', size: String(p.quantity), avgPrice: String(p.entryPrice), positionValue: String(p.quantity * p.entryPrice), unrealisedPnl: '0', cumRealisedPnl: '0', takeProfit: '', stopLoss: '', trailingStop: '0', createdTime: '0', updatedTime: String(venue.now()) })),
        nextPageCursor: '',
      });
    case 'GET /v5/account/wallet-balance':
      return envelope(venue, 0, 'OK', { list: [{ accountType: 'UNIFIED', coin: venue.engine.balanceList().map((b) => ({ coin: b.asset, walletBalance: String(b.free), locked: '0' })) }] });
    case 'POST /v5/position/trading-stop':
      return tradingStop(venue, body);
    case 'GET /v5/user/query-api': {
      const key = venue.keys.get(header(req, 'x-bapi-api-key') ?? '')!;
      return envelope(venue, 0, '', { id: '1', note: 'sim', apiKey: key.apiKey, readOnly: 0, secret: '', permissions: { ContractTrade: ['Order', 'Position'], Spot: ['SpotTrade'], Wallet: key.canWithdraw ? ['AccountTransfer', 'Withdraw'] : ['AccountTransfer'], Options: [], Derivatives: [], CopyTrading: [], BlockTrade: [], Exchange: [], NFT: [], Affiliate: [] }, ips: ['*'], type: 1, unified: 0, uta: 1 });
    }
    default:
      return json(404, { retCode: 10001, retMsg: `unknown endpoint ${r}` });
  }
}

function authenticate(venue: SimVenue, req: SimRequest): SimResponse | undefined {
  const key = venue.keys.get(header(req, 'x-bapi-api-key') ?? '');
  if (!key) return envelope(venue, 10003, 'API key is invalid.');
  const ts = Number(header(req, 'x-bapi-timestamp'));
  const recv = Number(header(req, 'x-bapi-recv-window') ?? 5000);
  const now = venue.now();
  if (!Number.isFinite(ts) || ts >= now + 1000 || now - recv > ts) {
    return envelope(venue, 10002, `invalid request, please check your server timestamp or recv_window param. req_timestamp[${ts}],server_timestamp[${now}],recv_window[${recv}]`);
  }
  const payload = req.method === 'GET' ? req.rawQuery : req.rawBody;
  const sign = header(req, 'x-bapi-sign') ?? '';
  if (!signaturesEqual(sign, signBybit(key.secret, ts, key.apiKey, recv, payload))) return envelope(venue, 10004, 'error sign! origin_string[...]');
  return undefined;
}

let systemOrders = 0;

/**
 * POST /v5/position/trading-stop, trailingStop only. Bybit trails by a fixed price distance; the
 * matching engine trails in bips, so the distance is converted at the last price (exact at the moment
 * it is set). activePrice is refused rather than ignored: the engine cannot arm on a level.
 */
function tradingStop(venue: SimVenue, b: Record<string, unknown>): SimResponse {
  if (b.category !== 'linear') return envelope(venue, 10001, 'category only support linear or inverse');
  if (b.positionIdx === undefined || b.tpslMode === undefined) return envelope(venue, 10001, 'params error: positionIdx and tpslMode are required');
  if (b.activePrice !== undefined) return envelope(venue, 10001, 'simulator: activePrice is not supported');
  const symbol = String(b.symbol ?? '');
  const distance = Number(b.trailingStop);
  if (b.trailingStop === undefined || !Number.isFinite(distance) || distance < 0) return envelope(venue, 10001, 'params error: trailingStop');
  const position = venue.engine.positionList().find((p) => p.symbol === symbol);
  if (!position) return envelope(venue, 10001, 'can not set tp/sl/ts for zero position');
  const current = venue.engine.openOrders(symbol).filter((o) => o.clientOrderId.startsWith(SYSTEM_TRAILING));
  const events = current.flatMap((o) => {
    const r = venue.engine.cancel(o.clientOrderId);
    return r.ok ? r.events : [];
  });
  const last = venue.engine.price(symbol);
  if (distance > 0 && last !== undefined) {
    const side: Side = position.side === 'LONG' ? 'SELL' : 'BUY';
    const res = venue.engine.submit({ symbol, side, type: 'TRAILING_STOP_MARKET', quantity: position.quantity, trailingBips: (distance / last) * 10_000, reduceOnly: true, clientOrderId: `${SYSTEM_TRAILING}${++systemOrders}` });
    if (!res.ok) return envelope(venue, 10001, res.message);
    events.push(...res.events);
  }
  venue.publish(events);
  return envelope(venue, 0, 'OK', {});
}

function create(venue: SimVenue, b: Record<string, unknown>, dropStop: boolean): SimResponse {
  const link = String(b.orderLinkId ?? '');
  if (!link || link.length > 36) return envelope(venue, 10001, 'orderLinkId is required (max 36)');
  if (venue.engine.get(link)) return envelope(venue, 110072, 'OrderLinkedID is duplicate');
  const side: Side = b.side === 'Buy' ? 'BUY' : 'SELL';
  const qty = Number(b.qty);
  if (b.takeProfit !== undefined && b.stopLoss !== undefined) {
    if (b.orderType !== 'Limit') return envelope(venue, 10001, 'simulator: tpsl brackets need a Limit entry');
    const res = venue.engine.submitBracket({ symbol: String(b.symbol), side, quantity: qty, entryPrice: Number(b.price), takeProfit: Number(b.takeProfit), stopLoss: Number(b.stopLoss), clientOrderId: link });
    if (!res.ok) return envelope(venue, 110072, res.message);
    venue.publish(res.events);
    return envelope(venue, 0, 'OK', { orderId: `sim-${res.orders[0].orderId}`, orderLinkId: link });
  }
  if (b.stopLoss !== undefined) return marketWithStop(venue, b, side, qty, link, dropStop);
  let type: OrderType = b.orderType === 'Limit' ? 'LIMIT' : 'MARKET';
  if (b.triggerPrice !== undefined) {
    const rises = Number(b.triggerDirection) === 1;
    type = (side === 'SELL') === rises ? 'TAKE_PROFIT_MARKET' : 'STOP_MARKET';
  }
  const req: OrderRequest = { symbol: String(b.symbol), side, type, quantity: qty, price: b.price !== undefined ? Number(b.price) : undefined, stopPrice: b.triggerPrice !== undefined ? Number(b.triggerPrice) : undefined, reduceOnly: b.reduceOnly === true, clientOrderId: link };
  const res = venue.engine.submit(req);
  if (!res.ok) return envelope(venue, res.reason === 'duplicate' ? 110072 : 10001, res.message);
  venue.publish(res.events);
  return envelope(venue, 0, 'OK', { orderId: `sim-${res.order.orderId}`, orderLinkId: link });
}

/**
 * A Market entry with stopLoss (tpslMode Full): as on Bybit, the position's stop is the venue's own
 * conditional order (stopOrderType StopLoss, its own orderId, no orderLinkId), made once the entry
 * fills. Put in first, inactive, so the entry's fill arms it; canceled if the entry is refused.
 */
function marketWithStop(venue: SimVenue, b: Record<string, unknown>, side: Side, qty: number, link: string, dropStop: boolean): SimResponse {
  if (b.orderType !== 'Market') return envelope(venue, 10001, 'simulator: stopLoss on create needs a Market entry (or a Limit one with takeProfit too)');
  if (b.tpslMode !== undefined && b.tpslMode !== 'Full') return envelope(venue, 10001, 'simulator: only tpslMode Full is supported');
  if (b.slOrderType !== undefined && b.slOrderType !== 'Market') return envelope(venue, 10001, 'simulator: only slOrderType Market is supported');
  const symbol = String(b.symbol);
  const stopLoss = Number(b.stopLoss);
  const last = venue.engine.price(symbol);
  const wrongSide = last !== undefined && (side === 'BUY' ? stopLoss >= last : stopLoss <= last);
  if (!(stopLoss > 0) || wrongSide) return envelope(venue, 10001, `StopLoss:${b.stopLoss} set for ${side === 'BUY' ? 'Buy position should lower' : 'Sell position should higher'} than base_price:${last ?? 0}`);
  const stop = venue.engine.submit(
    { symbol, side: side === 'BUY' ? 'SELL' : 'BUY', type: 'STOP_MARKET', quantity: qty, stopPrice: stopLoss, reduceOnly: true, clientOrderId: `${SYSTEM_STOP}${++systemOrders}` },
    { activatesAfter: link },
  );
  if (!stop.ok) return envelope(venue, 10001, stop.message);
  const entry = venue.engine.submit({ symbol, side, type: 'MARKET', quantity: qty, clientOrderId: link });
  if (!entry.ok) {
    venue.engine.cancel(stop.order.clientOrderId);
    return envelope(venue, entry.reason === 'duplicate' ? 110072 : 10001, entry.message);
  }
  if (dropStop) {
    venue.engine.cancel(stop.order.clientOrderId); // silently: the venue never made it
    venue.publish(entry.events);
  } else venue.publish([...entry.events, ...stop.events]); // the fill first, then the stop it armed
  return envelope(venue, 0, 'OK', { orderId: `sim-${entry.order.orderId}`, orderLinkId: link });
}
