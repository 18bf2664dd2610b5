// Runs in: engine.
import type { EngineEvent, EngineOrder } from '../../../core/exchange/matching/engine-types';
import type { OrderRequest, OrderType, Side } from '../../../core/exchange/types';
import { binanceKlineRow } from './binance-format';
import { authenticate, err } from './binance-routes';
import { json, type SimRequest, type SimResponse } from './http-types';
import type { SimVenue } from './venue';

const CONDITIONAL = new Set(['STOP_MARKET', 'TAKE_PROFIT_MARKET', 'STOP', 'TAKE_PROFIT', 'TRAILING_STOP_MARKET']);
const LISTEN_KEY_TTL_MS = 60 * 60_000;

/** Listen keys live 60 min unless kept alive (PUT); an expired or unknown key answers -1125. */
export class ListenKeys {
  private readonly keys = new Map<string, number>();
  ttlMs = LISTEN_KEY_TTL_MS;

  create(now: number): string {
    const key = `lk${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    this.keys.set(key, now + this.ttlMs);
    return key;
  }
  keepAlive(key: string, now: number): boolean {
    const exp = this.keys.get(key);
    if (exp === undefined || exp < now) return false;
    this.keys.set(key, now + this.ttlMs);
    return true;
  }
  valid(key: string, now: number): boolean {
    const exp = this.keys.get(key);
    return exp !== undefined && exp >= now;
  }
  expireAll(): void {
    for (const k of this.keys.keys()) this.keys.set(k, 0);
  }
  delete(key: string): void {
    this.keys.delete(key);
  }
}

const s8 = (n: number | undefined): string => (n ?? 0).toFixed(8);

function futuresOrder(o: EngineOrder): Record<string, unknown> {
  return {
    orderId: o.orderId, symbol: o.symbol, status: o.status, clientOrderId: o.clientOrderId, price: s8(o.price), avgPrice: o.filledQty > 0 ? s8(o.cumQuote / o.filledQty) : '0',
    origQty: s8(o.quantity), executedQty: s8(o.filledQty), cumQuote: s8(o.cumQuote), timeInForce: 'GTC', type: o.type, reduceOnly: o.reduceOnly ?? false,
    closePosition: false, side: o.side, positionSide: 'BOTH', stopPrice: '0', workingType: 'CONTRACT_PRICE', priceProtect: false, origType: o.type, time: o.createdAt, updateTime: o.updatedAt,
  };
}

function algoStatus(o: EngineOrder): string {
  if (o.status === 'NEW' && !o.triggered) return 'NEW';
  if (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED') return 'TRIGGERED';
  if (o.status === 'FILLED') return 'FINISHED';
  return o.status; // CANCELED, EXPIRED, REJECTED
}

function algoOrder(o: EngineOrder): Record<string, unknown> {
  return {
    algoId: o.orderId, clientAlgoId: o.clientOrderId, algoType: 'CONDITIONAL', orderType: o.type, symbol: o.symbol, side: o.side, positionSide: 'BOTH', timeInForce: 'GTC',
    quantity: s8(o.quantity), algoStatus: algoStatus(o), triggerPrice: s8(o.stopPrice), price: '0', workingType: 'CONTRACT_PRICE', reduceOnly: o.reduceOnly ?? false,
    ...(o.trailingBips ? { callbackRate: String(o.trailingBips / 100) } : {}), createTime: o.createdAt, updateTime: o.updatedAt, executedQty: s8(o.filledQty), avgPrice: o.filledQty > 0 ? s8(o.cumQuote / o.filledQty) : '0',
  };
}

/** Binance USDⓈ-M futures subset: plain orders on /fapi/v1/order, conditional ones only on /fapi/v1/algoOrder. */
export function handleFutures(venue: SimVenue, listenKeys: ListenKeys, req: SimRequest): SimResponse {
  const key = `${req.method} ${req.path}`;
  const used = venue.useWeight(1);
  if (used < 0) return json(429, { code: -1003, msg: 'Too many requests.' }, { 'Retry-After': String(venue.secondsToWindowEnd()) });
  const res = route(venue, listenKeys, req, key);
  return { ...res, headers: { ...res.headers, 'X-MBX-USED-WEIGHT-1M': String(used) } };
}

function route(venue: SimVenue, listenKeys: ListenKeys, req: SimRequest, key: string): SimResponse {
  const q = new URLSearchParams(req.rawQuery);
  if (key === 'GET /fapi/v1/time') return json(200, { serverTime: venue.now() });
  if (key === 'GET /fapi/v1/klines') return json(200, venue.candles.range(q.get('symbol') ?? '', q.get('interval') ?? '1m', Number(q.get('startTime') ?? 0), Number(q.get('limit') ?? 500), Number(q.get('endTime') ?? Infinity)).map(binanceKlineRow));
  // listenKey endpoints are USER_STREAM: API key only, no signature.
  if (req.path === '/fapi/v1/listenKey') {
    if (!venue.keys.has(String(req.headers['x-mbx-apikey'] ?? ''))) return err(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    const lk = new URLSearchParams(req.rawBody || req.rawQuery).get('listenKey') ?? '';
    if (req.method === 'POST') return json(200, { listenKey: listenKeys.create(venue.now()) });
    if (req.method === 'PUT') return listenKeys.keepAlive(lk, venue.now()) ? json(200, { listenKey: lk }) : err(400, -1125, 'This listenKey does not exist.');
    if (req.method === 'DELETE') return listenKeys.delete(lk), json(200, {});
  }
  const auth = authenticate(venue, req);
  if ('status' in auth) return auth;
  const p = auth.params;
  switch (key) {
    case 'POST /fapi/v1/order': {
      const type = p.get('type') ?? '';
      if (CONDITIONAL.has(type)) return err(400, -4120, 'Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.');
      if (type !== 'MARKET' && type !== 'LIMIT') return err(400, -1116, 'Invalid orderType.');
      return submit(venue, p, { type, clientOrderId: p.get('newClientOrderId') ?? '', price: p.get('price') }, futuresOrder);
    }
    case 'GET /fapi/v1/order':
    case 'DELETE /fapi/v1/order': {
      const o = venue.engine.get(p.get('origClientOrderId') ?? '');
      if (!o || o.type !== 'MARKET' && o.type !== 'LIMIT') return err(400, -2013, 'Order does not exist.');
      if (req.method === 'DELETE') {
        const c = venue.engine.cancel(o.clientOrderId);
        if (!c.ok) return err(400, -2011, 'Unknown order sent.');
        venue.publish(c.events);
      }
      return json(200, futuresOrder(o));
    }
    case 'GET /fapi/v1/openOrders':
      return json(200, venue.engine.openOrders(p.get('symbol') ?? undefined).filter((o) => o.type === 'MARKET' || o.type === 'LIMIT').map(futuresOrder));
    case 'POST /fapi/v1/algoOrder': {
      if (p.get('algoType') !== 'CONDITIONAL') return err(400, -1116, 'algoType must be CONDITIONAL');
      const type = p.get('type') ?? '';
      if (type !== 'STOP_MARKET' && type !== 'TAKE_PROFIT_MARKET' && type !== 'TRAILING_STOP_MARKET') return err(400, -1116, 'simulator supports STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET');
      return submit(venue, p, { type, clientOrderId: p.get('clientAlgoId') ?? '', stopPrice: p.get('triggerPrice'), callbackRate: p.get('callbackRate') }, algoOrder);
    }
    case 'GET /fapi/v1/algoOrder':
    case 'DELETE /fapi/v1/algoOrder': {
      const o = venue.engine.get(p.get('clientAlgoId') ?? '');
      if (!o || o.type === 'MARKET' || o.type === 'LIMIT') return err(400, -2013, 'Order does not exist.');
      if (req.method === 'DELETE') {
        const c = venue.engine.cancel(o.clientOrderId);
        if (!c.ok) return err(400, -2011, 'Unknown order sent.');
        venue.publish(c.events);
      }
      return json(200, algoOrder(o));
    }
    case 'GET /fapi/v1/openAlgoOrders':
      return json(200, venue.engine.openOrders(p.get('symbol') ?? undefined).filter((o) => o.type !== 'MARKET' && o.type !== 'LIMIT').map(algoOrder));
    case 'GET /fapi/v3/positionRisk':
      return json(200, venue.engine.positionList().map((x) => ({ symbol: x.symbol, positionSide: 'BOTH', positionAmt: s8(x.side === 'LONG' ? x.quantity : -x.quantity), entryPrice: s8(x.entryPrice), unRealizedProfit: '0', updateTime: venue.now() })));
    case 'GET /fapi/v3/balance':
      return json(200, venue.engine.balanceList().map((b) => ({ accountAlias: 'sim', asset: b.asset, balance: s8(b.free), availableBalance: s8(b.free), updateTime: venue.now() })));
    default:
      return err(404, -1100, `Unknown endpoint ${key}`);
  }
}

function submit(venue: SimVenue, p: URLSearchParams, f: { type: string; clientOrderId: string; price?: string | null; stopPrice?: string | null; callbackRate?: string | null }, format: (o: EngineOrder) => Record<string, unknown>): SimResponse {
  if (!f.clientOrderId) return err(400, -1102, 'this simulator requires a client id');
  if (venue.engine.get(f.clientOrderId)) return err(400, -4116, 'ClientOrderId is duplicated.');
  const req: OrderRequest = {
    symbol: p.get('symbol') ?? '',
    side: p.get('side') as Side,
    type: f.type as OrderType,
    quantity: Number(p.get('quantity')),
    price: f.price ? Number(f.price) : undefined,
    stopPrice: f.stopPrice ? Number(f.stopPrice) : undefined,
    trailingBips: f.callbackRate ? Number(f.callbackRate) * 100 : undefined,
    reduceOnly: p.get('reduceOnly') === 'true',
    clientOrderId: f.clientOrderId,
  };
  const res = venue.engine.submit(req);
  if (!res.ok) return err(400, res.reason === 'unknown-symbol' ? -1121 : -1116, res.message);
  venue.publish(res.events);
  return json(200, format(res.order));
}

/** One engine event as the futures user stream prints it (from the event's snapshot). */
export function futuresUserEvent(ev: EngineEvent, now: number): Record<string, unknown> {
  const o = ev.order;
  const f = ev.fill;
  if (o.type === 'MARKET' || o.type === 'LIMIT') {
    return {
      e: 'ORDER_TRADE_UPDATE', E: now, T: o.updatedAt,
      o: { s: o.symbol, c: o.clientOrderId, S: o.side, o: o.type, f: 'GTC', q: s8(o.quantity), p: s8(o.price), ap: s8(o.avgPrice), sp: '0', x: f ? 'TRADE' : o.status, X: o.status, i: Number(o.exchangeOrderId), l: s8(f?.quantity), z: s8(o.filledQty), L: s8(f?.price), N: f?.feeAsset ?? 'USDT', n: s8(f?.fee), T: o.updatedAt, t: f ? Number(f.tradeId) : 0, R: o.reduceOnly, ps: 'BOTH' },
    };
  }
  const algoStatusOf = o.status === 'FILLED' ? 'FINISHED' : o.status === 'PARTIALLY_FILLED' ? 'TRIGGERED' : o.status;
  return {
    e: 'ALGO_UPDATE', T: o.updatedAt, E: now,
    o: { caid: o.clientOrderId, aid: Number(o.exchangeOrderId), at: 'CONDITIONAL', o: o.type, s: o.symbol, S: o.side, ps: 'BOTH', f: 'GTC', q: s8(o.quantity), X: algoStatusOf, ap: s8(o.avgPrice), aq: s8(o.filledQty), tp: s8(o.stopPrice), p: '0', wt: 'CONTRACT_PRICE', R: o.reduceOnly },
  };
}
