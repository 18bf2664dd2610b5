// Runs in: engine.
import type { OrderRequest, OrderType, Side } from '../../../core/exchange/types';
import { hmacSha256Hex, signaturesEqual } from '../shared/signing';
import { binanceKlineRow, binanceOrder } from './binance-format';
import { header, json, type SimRequest, type SimResponse } from './http-types';
import type { SimVenue } from './venue';

export const err = (status: number, code: number, msg: string): SimResponse => json(status, { code, msg });

const WEIGHTS: Readonly<Record<string, number>> = {
  'GET /api/v3/time': 1,
  'GET /api/v3/ping': 1,
  'GET /api/v3/exchangeInfo': 20,
  'GET /api/v3/klines': 2,
  'POST /api/v3/order': 1,
  'GET /api/v3/order': 4,
  'DELETE /api/v3/order': 1,
  'GET /api/v3/openOrders': 6,
  'GET /api/v3/account': 20,
  'POST /api/v3/orderList/otoco': 1,
  'POST /api/v3/order/cancelReplace': 1,
  'GET /sapi/v1/account/apiRestrictions': 1,
};

const SPOT_TYPES: Readonly<Record<string, OrderType>> = { MARKET: 'MARKET', LIMIT: 'LIMIT', STOP_LOSS: 'STOP_MARKET', TAKE_PROFIT: 'TAKE_PROFIT_MARKET' };

/** Removes `signature=…` from a raw param string without re-encoding anything else. */
function splitSignature(raw: string): { rest: string; signature?: string } {
  const parts = raw ? raw.split('&') : [];
  const sig = parts.find((p) => p.startsWith('signature='));
  return { rest: parts.filter((p) => !p.startsWith('signature=')).join('&'), signature: sig?.slice('signature='.length) };
}

/** Binance spot REST subset with real signature, timestamp and weight checks. */
export function handleBinance(venue: SimVenue, req: SimRequest): SimResponse {
  const key = `${req.method} ${req.path}`;
  const weight = WEIGHTS[key];
  if (weight === undefined) return err(404, -1100, `Unknown endpoint ${key}`);
  const used = venue.useWeight(weight);
  if (used < 0) return json(429, { code: -1003, msg: 'Too much request weight used; current limit is exceeded.' }, { 'Retry-After': String(venue.secondsToWindowEnd()) });
  const res = route(venue, req, key);
  return { ...res, headers: { ...res.headers, 'X-MBX-USED-WEIGHT-1M': String(used) } };
}

function route(venue: SimVenue, req: SimRequest, r: string): SimResponse {
  const q = new URLSearchParams(req.rawQuery);
  switch (r) {
    case 'GET /api/v3/ping':
      return json(200, {});
    case 'GET /api/v3/time':
      return json(200, { serverTime: venue.now() });
    case 'GET /api/v3/exchangeInfo':
      return json(200, {
        timezone: 'UTC',
        serverTime: venue.now(),
        rateLimits: [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 }],
        symbols: [...venue.symbols.values()].map((s) => ({ symbol: s.symbol, status: 'TRADING', baseAsset: s.base, quoteAsset: s.quote, orderTypes: ['LIMIT', 'MARKET', 'STOP_LOSS', 'TAKE_PROFIT'], otoAllowed: true, filters: [] })),
      });
    case 'GET /api/v3/klines': {
      const rows = venue.candles.range(q.get('symbol') ?? '', q.get('interval') ?? '1m', Number(q.get('startTime') ?? 0), Number(q.get('limit') ?? 500), Number(q.get('endTime') ?? Infinity));
      return json(200, rows.map(binanceKlineRow));
    }
  }
  const auth = authenticate(venue, req);
  if ('status' in auth) return auth;
  const p = auth.params;
  const symbol = p.get('symbol') ?? '';
  switch (r) {
    case 'POST /api/v3/order':
      return placeOrder(venue, p);
    case 'GET /api/v3/order': {
      const o = venue.engine.get(p.get('origClientOrderId') ?? '');
      return o && o.symbol === symbol ? json(200, binanceOrder(o)) : err(400, -2013, 'Order does not exist.');
    }
    case 'DELETE /api/v3/order': {
      const id = p.get('origClientOrderId') ?? '';
      const res = venue.engine.cancel(id);
      if (!res.ok) return err(400, -2011, 'Unknown order sent.');
      venue.publish(res.events);
      return json(200, { ...binanceOrder(venue.engine.get(id)!), origClientOrderId: id, clientOrderId: `cancel-${id}`.slice(0, 36), transactTime: venue.now() });
    }
    case 'GET /api/v3/openOrders':
      return json(200, venue.engine.openOrders(symbol || undefined).map(binanceOrder));
    case 'GET /api/v3/account':
      return json(200, {
        makerCommission: 10, takerCommission: 10, canTrade: true, canWithdraw: auth.key.canWithdraw, canDeposit: true, updateTime: venue.now(), accountType: 'SPOT',
        balances: venue.engine.balanceList().filter((b) => p.get('omitZeroBalances') !== 'true' || b.free !== 0).map((b) => ({ asset: b.asset, free: b.free.toFixed(8), locked: b.locked.toFixed(8) })),
        permissions: ['SPOT'],
      });
    case 'POST /api/v3/orderList/otoco':
      return placeOtoco(venue, p);
    case 'POST /api/v3/order/cancelReplace':
      return cancelReplace(venue, p);
    case 'GET /sapi/v1/account/apiRestrictions':
      return json(200, { ipRestrict: false, createTime: 0, enableReading: true, enableWithdrawals: auth.key.canWithdraw, enableInternalTransfer: false, enableMargin: false, enableFutures: false, permitsUniversalTransfer: false, enableVanillaOptions: false, enableSpotAndMarginTrading: true });
    default:
      return err(404, -1100, `Unknown endpoint ${r}`);
  }
}

export function authenticate(venue: SimVenue, req: SimRequest): SimResponse | { params: URLSearchParams; key: { canWithdraw: boolean } } {
  const key = venue.keys.get(header(req, 'x-mbx-apikey') ?? '');
  if (!key) return err(401, -2015, 'Invalid API-key, IP, or permissions for action.');
  const q = splitSignature(req.rawQuery);
  const b = splitSignature(req.rawBody);
  const signature = q.signature ?? b.signature;
  if (!signature || !signaturesEqual(signature, hmacSha256Hex(key.secret, q.rest + b.rest))) return err(400, -1022, 'Signature for this request is not valid.');
  const params = new URLSearchParams([q.rest, b.rest].filter(Boolean).join('&'));
  const ts = Number(params.get('timestamp'));
  const recvWindow = Number(params.get('recvWindow') ?? 5000);
  if (!(recvWindow > 0 && recvWindow <= 60_000)) return err(400, -1131, 'recvWindow must be less than 60000');
  const now = venue.now();
  if (!Number.isFinite(ts) || ts >= now + 1000 || now - ts > recvWindow) return err(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
  return { params, key };
}

function orderFrom(p: URLSearchParams): OrderRequest | string {
  const type = SPOT_TYPES[p.get('type') ?? ''];
  if (!type) return `Invalid order type ${p.get('type')}`;
  const clientOrderId = p.get('newClientOrderId');
  if (!clientOrderId) return 'this simulator requires newClientOrderId';
  const trailing = Number(p.get('trailingDelta') ?? 0);
  const num = (k: string) => (p.get(k) !== null ? Number(p.get(k)) : undefined);
  return {
    symbol: p.get('symbol') ?? '',
    side: p.get('side') as Side,
    type: trailing > 0 ? 'TRAILING_STOP_MARKET' : type,
    quantity: Number(p.get('quantity')),
    price: num('price'),
    stopPrice: num('stopPrice'),
    trailingBips: trailing > 0 ? trailing : undefined,
    clientOrderId,
  };
}

function placeOrder(venue: SimVenue, p: URLSearchParams): SimResponse {
  const req = orderFrom(p);
  if (typeof req === 'string') return err(400, -1116, req);
  if (venue.engine.get(req.clientOrderId)) return err(400, -2010, 'Duplicate order sent.');
  const res = venue.engine.submit(req);
  if (!res.ok) return err(400, res.reason === 'unknown-symbol' ? -1121 : -2010, res.message);
  venue.publish(res.events);
  const fills = res.events.flatMap((e) => (e.fill ? [{ price: e.fill.price.toFixed(8), qty: e.fill.quantity.toFixed(8), commission: e.fill.fee.toFixed(8), commissionAsset: e.fill.feeAsset, tradeId: Number(e.fill.tradeId) }] : []));
  return json(200, { ...binanceOrder(res.order), transactTime: venue.now(), fills });
}

/** STOP_ON_FAILURE only: the cancel, then the new order, in one step of the matching engine. */
function cancelReplace(venue: SimVenue, p: URLSearchParams): SimResponse {
  if (p.get('cancelReplaceMode') !== 'STOP_ON_FAILURE') return err(400, -1116, 'simulator supports cancelReplaceMode=STOP_ON_FAILURE');
  const req = orderFrom(p);
  if (typeof req === 'string') return err(400, -1116, req);
  const oldId = p.get('cancelOrigClientOrderId') ?? '';
  const failed = (code: number, msg: string, data: Record<string, unknown>) => json(code === -2022 ? 400 : 409, { code, msg, data });
  if (venue.engine.get(req.clientOrderId)) return failed(-2022, 'Order cancel-replace failed.', { cancelResult: 'NOT_ATTEMPTED', newOrderResult: 'FAILURE', newOrderResponse: { code: -2010, msg: 'Duplicate order sent.' } });
  const canceled = venue.engine.cancel(oldId);
  if (!canceled.ok) return failed(-2022, 'Order cancel-replace failed.', { cancelResult: 'FAILURE', newOrderResult: 'NOT_ATTEMPTED', cancelResponse: { code: -2011, msg: 'Unknown order sent.' }, newOrderResponse: null });
  const placed = venue.engine.submit(req);
  venue.publish(canceled.events);
  const cancelResponse = { ...binanceOrder(venue.engine.get(oldId)!), origClientOrderId: oldId, clientOrderId: `cancel-${oldId}`.slice(0, 36) };
  if (!placed.ok) return failed(-2021, 'Order cancel-replace partially failed.', { cancelResult: 'SUCCESS', newOrderResult: 'FAILURE', cancelResponse, newOrderResponse: { code: -2010, msg: placed.message } });
  venue.publish(placed.events);
  return json(200, { cancelResult: 'SUCCESS', newOrderResult: 'SUCCESS', cancelResponse, newOrderResponse: { ...binanceOrder(placed.order), transactTime: venue.now(), fills: [] } });
}

function placeOtoco(venue: SimVenue, p: URLSearchParams): SimResponse {
  if (p.get('workingType') !== 'LIMIT') return err(400, -1116, 'workingType must be LIMIT in this simulator');
  const side = p.get('workingSide') as Side;
  const above = { type: p.get('pendingAboveType'), id: p.get('pendingAboveClientOrderId'), stop: Number(p.get('pendingAboveStopPrice')) };
  const below = { type: p.get('pendingBelowType'), id: p.get('pendingBelowClientOrderId'), stop: Number(p.get('pendingBelowStopPrice')) };
  const [tp, sl] = side === 'BUY' ? [above, below] : [below, above];
  const entryId = p.get('workingClientOrderId') ?? '';
  if (tp.type !== 'TAKE_PROFIT' || sl.type !== 'STOP_LOSS' || tp.id !== `${entryId.slice(0, 33)}.tp` || sl.id !== `${entryId.slice(0, 33)}.sl`) {
    return err(400, -1116, 'simulator supports TAKE_PROFIT/STOP_LOSS legs with <entry>.tp/.sl ids');
  }
  const res = venue.engine.submitBracket({ symbol: p.get('symbol') ?? '', side, quantity: Number(p.get('workingQuantity')), entryPrice: Number(p.get('workingPrice')), takeProfit: tp.stop, stopLoss: sl.stop, clientOrderId: entryId });
  if (!res.ok) return err(400, -2010, res.message);
  venue.publish(res.events);
  const [entry, tpo, slo] = res.orders;
  return json(200, {
    orderListId: entry.listId,
    contingencyType: 'OTO',
    listStatusType: 'EXEC_STARTED',
    listOrderStatus: 'EXECUTING',
    listClientOrderId: p.get('listClientOrderId'),
    transactionTime: venue.now(),
    symbol: entry.symbol,
    orders: res.orders.map((o) => ({ symbol: o.symbol, orderId: o.orderId, clientOrderId: o.clientOrderId })),
    orderReports: [entry, tpo, slo].map(binanceOrder),
  });
}
