// Runs in: engine.
import { legId } from '../../../core/exchange/client-order-id';
import { ExchangeError } from '../../../core/exchange/errors';
import { BYBIT_REQUESTS } from '../../../core/exchange/rate-budget';
import { ServerClock } from '../../../core/exchange/server-clock';
import type { Balance, BracketRequest, BracketResult, Exchange, Kline, OrderAmend, OrderRequest, OrderSnapshot, Position, Unsubscribe } from '../../../core/exchange/types';
import { BybitRest } from './bybit-rest';
import { BybitApiKeyInfo, BybitKlines, BybitOrderList, BybitPositionList, BybitWallet, bybitKlines, bybitOrderRef, bybitPositions, bybitSnapshot, parseBybitKlineFrame } from './bybit-schemas';
import { restDefaults, trackFeed, type ConnectorSetup } from '../shared/connector-setup';
import { decimal } from '../shared/http';
import { mayHavePlaced, resolveByQuery } from '../shared/unknown-outcome';
import { startKlineFeed } from '../shared/kline-feed';
import type { ResilientStream } from '../shared/ws-stream';
import { intervalMs } from '../../../core/exchange/interval';

export type BybitCategory = 'linear' | 'spot';

/** Body of POST /v5/order/create for a single order. Conditional orders use triggerPrice + triggerDirection. */
export function bybitOrderBody(category: BybitCategory, r: OrderRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    category,
    symbol: r.symbol,
    side: r.side === 'BUY' ? 'Buy' : 'Sell',
    orderType: r.type === 'LIMIT' ? 'Limit' : 'Market',
    qty: decimal(r.quantity),
    orderLinkId: r.clientOrderId,
  };
  if (r.type === 'LIMIT') Object.assign(body, { price: decimal(r.price!), timeInForce: 'GTC' });
  if (r.type === 'STOP_MARKET' || r.type === 'TAKE_PROFIT_MARKET') {
    // 1 = trigger when the price rises to it, 2 = when it falls to it.
    const rises = (r.type === 'TAKE_PROFIT_MARKET') === (r.side === 'SELL');
    Object.assign(body, { triggerPrice: decimal(r.stopPrice!), triggerDirection: rises ? 1 : 2 });
  }
  if (r.type === 'TRAILING_STOP_MARKET') throw new ExchangeError({ kind: 'fatal', message: 'Bybit trailing stops go through /v5/position/trading-stop, not order/create: use setTrailingStop' });
  if (r.stopLoss !== undefined) {
    if (r.type !== 'MARKET') throw new ExchangeError({ kind: 'fatal', message: 'a stop on create is sent with MARKET entries only (limit brackets use placeBracket)' });
    // Full: the stop covers the whole position and follows its size; it triggers on the last price, as our stops do.
    Object.assign(body, { stopLoss: decimal(r.stopLoss), slTriggerBy: 'LastPrice', tpslMode: 'Full', slOrderType: 'Market' });
  }
  if (r.reduceOnly) body.reduceOnly = true;
  return body;
}

/**
 * Body of POST /v5/position/trading-stop setting a trailing stop on a one-way linear position.
 * `trailingStop` is a price distance (not bips); `activePrice` arms it only once reached. Full mode:
 * the stop covers the whole position and Bybit resizes it as the position changes.
 */
export function bybitTrailingStopBody(symbol: string, distance: number, activePrice?: number): Record<string, unknown> {
  if (!(distance > 0)) throw new ExchangeError({ kind: 'fatal', message: `trailing distance must be positive, got ${distance}` });
  const body: Record<string, unknown> = { category: 'linear', symbol, tpslMode: 'Full', positionIdx: 0, trailingStop: decimal(distance) };
  if (activePrice !== undefined) body.activePrice = decimal(activePrice);
  return body;
}

/** Entry with TP/SL attached on create (tpslMode Full, market exits). */
export function bybitBracketBody(category: BybitCategory, b: BracketRequest): Record<string, unknown> {
  return {
    ...bybitOrderBody(category, { symbol: b.symbol, side: b.side, type: 'LIMIT', quantity: b.quantity, price: b.entryPrice, clientOrderId: b.clientOrderId }),
    takeProfit: decimal(b.takeProfit),
    stopLoss: decimal(b.stopLoss),
    tpslMode: 'Full',
    tpOrderType: 'Market',
    slOrderType: 'Market',
  };
}

export interface BybitSetup extends ConnectorSetup {
  readonly category: BybitCategory;
}

/** Bybit v5 connector (linear or spot). */
export class BybitExchange implements Exchange {
  readonly id = 'bybit' as const;
  readonly rest: BybitRest;
  readonly clock = new ServerClock(Date.now);
  /** Live kline streams, for the health panel. */
  readonly streams = new Set<ResilientStream>();

  constructor(private readonly s: BybitSetup) {
    this.rest = new BybitRest({ ...restDefaults(s, this.clock), budget: s.budgets.forHost(new URL(s.httpUrl).host, BYBIT_REQUESTS) });
  }

  subscribeKlines(symbol: string, interval: string, onKline: (k: Kline) => void): Unsubscribe {
    const feed = startKlineFeed({
      symbol,
      interval,
      url: `${this.s.wsUrl}/v5/public/${this.s.category}`,
      subscribeFrames: [JSON.stringify({ op: 'subscribe', args: [`kline.${interval}.${symbol}`] })],
      parse: parseBybitKlineFrame,
      backfill: (startTime) => this.fetchKlines(symbol, interval, { startTime, limit: 1000 }),
      onKline,
      stream: { staleAfterMs: 30_000, maxLifetimeMs: 23 * 3_600_000, backoff: { initialMs: 500, maxMs: 30_000 }, appPing: { everyMs: 20_000, frame: '{"op":"ping"}' }, ...this.s.stream },
    });
    return trackFeed(this.streams, feed);
  }

  async fetchKlines(symbol: string, interval: string, opts: { startTime?: number; limit?: number } = {}): Promise<Kline[]> {
    const query: Array<[string, string | number]> = [['category', this.s.category], ['symbol', symbol], ['interval', interval]];
    if (opts.startTime !== undefined) query.push(['start', opts.startTime]);
    query.push(['limit', Math.min(opts.limit ?? 200, 1000)]);
    const { result } = await this.rest.call({ method: 'GET', path: '/v5/market/kline', query, signed: false, group: 'market', isWrite: false });
    return bybitKlines(symbol, interval, intervalMs(interval), BybitKlines.parse(result), this.clock.serverNow());
  }

  async balances(): Promise<Balance[]> {
    const { result } = await this.rest.call({ method: 'GET', path: '/v5/account/wallet-balance', query: [['accountType', 'UNIFIED']], signed: true, group: 'account', isWrite: false });
    return BybitWallet.parse(result).list.flatMap((a) => a.coin.map((c) => ({ asset: c.coin, free: c.walletBalance - c.locked, locked: c.locked })));
  }

  async positions(): Promise<Position[]> {
    const { result } = await this.rest.call({ method: 'GET', path: '/v5/position/list', query: [['category', this.s.category], ['settleCoin', 'USDT']], signed: true, group: 'account', isWrite: false });
    return bybitPositions(BybitPositionList.parse(result));
  }

  async placeOrder(req: OrderRequest): Promise<OrderSnapshot> {
    try {
      await this.rest.call({ method: 'POST', path: '/v5/order/create', body: bybitOrderBody(this.s.category, req), signed: true, group: 'order', isWrite: true });
    } catch (e) {
      if (mayHavePlaced(e)) return this.resolve(req, e.signedAt);
      throw e;
    }
    // Create only acknowledges; the state comes from a query.
    return (await this.queryOrder(req.symbol, req.clientOrderId)) ?? this.resolve(req, undefined);
  }

  async placeBracket(b: BracketRequest): Promise<BracketResult> {
    const entryReq: OrderRequest = { symbol: b.symbol, side: b.side, type: 'LIMIT', quantity: b.quantity, price: b.entryPrice, clientOrderId: b.clientOrderId };
    try {
      await this.rest.call({ method: 'POST', path: '/v5/order/create', body: bybitBracketBody(this.s.category, b), signed: true, group: 'order', isWrite: true });
    } catch (e) {
      if (!mayHavePlaced(e)) throw e;
    }
    const entry = (await this.queryOrder(b.symbol, b.clientOrderId)) ?? (await this.resolve(entryReq, undefined));
    if (entry.status === 'REJECTED' || entry.status === 'UNKNOWN') throw new ExchangeError({ kind: entry.status === 'UNKNOWN' ? 'unknown-status' : 'fatal', message: `bracket ${b.clientOrderId} ${entry.status}` });
    const exit = b.side === 'BUY' ? 'SELL' : 'BUY';
    const leg = async (id: string, type: OrderSnapshot['type'], stopPrice: number): Promise<OrderSnapshot> =>
      (await this.queryOrder(b.symbol, id)) ?? { clientOrderId: id, symbol: b.symbol, side: exit, type, status: 'NEW', quantity: b.quantity, stopPrice, filledQty: 0, reduceOnly: true, updatedAt: entry.updatedAt };
    return { entry, takeProfit: await leg(legId(b.clientOrderId, 'tp'), 'TAKE_PROFIT_MARKET', b.takeProfit), stopLoss: await leg(legId(b.clientOrderId, 'sl'), 'STOP_MARKET', b.stopLoss) };
  }

  /**
   * Trails the open linear position on `symbol` by `distance` (a price difference; `activePrice` arms
   * it). Bybit makes the stop order itself, without an orderLinkId, so it is not an order the manager
   * could have stored under a client id first: it is returned as the venue reports it
   * (`bybit:<orderId>`), and reconciliation imports it like any venue-made order.
   */
  async setTrailingStop(symbol: string, distance: number, activePrice?: number): Promise<OrderSnapshot | null> {
    if (this.s.category !== 'linear') throw new ExchangeError({ kind: 'fatal', message: 'Bybit trailing stops exist for linear positions only' });
    await this.rest.call({ method: 'POST', path: '/v5/position/trading-stop', body: bybitTrailingStopBody(symbol, distance, activePrice), signed: true, group: 'order', isWrite: true });
    return (await this.openOrders(symbol)).find((o) => o.type === 'TRAILING_STOP_MARKET') ?? null;
  }

  /**
   * POST /v5/order/amend: a resting conditional order's trigger and size change in place, under the
   * same id (orderLinkId, or orderId for the stop the venue made), so a stop move never leaves two
   * stops or none. The state comes from a query.
   */
  async amendOrder(symbol: string, clientOrderId: string, change: OrderAmend): Promise<OrderSnapshot> {
    const [field, id] = bybitOrderRef(clientOrderId);
    const body = { category: this.s.category, symbol, [field]: id, triggerPrice: decimal(change.stopPrice), qty: decimal(change.quantity) };
    try {
      await this.rest.call({ method: 'POST', path: '/v5/order/amend', body, signed: true, group: 'order', isWrite: true });
    } catch (e) {
      if (!(e instanceof ExchangeError && e.kind === 'unknown-status')) throw e;
    }
    const now = await this.queryOrder(symbol, clientOrderId);
    if (!now) throw new ExchangeError({ kind: 'not-found', message: `order ${clientOrderId} not found` });
    return now;
  }

  async cancelOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot> {
    try {
      const [field, id] = bybitOrderRef(clientOrderId);
      await this.rest.call({ method: 'POST', path: '/v5/order/cancel', body: { category: this.s.category, symbol, [field]: id }, signed: true, group: 'order', isWrite: true });
    } catch (e) {
      if (!(e instanceof ExchangeError && (e.kind === 'unknown-status' || e.kind === 'not-found'))) throw e;
    }
    const now = await this.queryOrder(symbol, clientOrderId);
    if (!now) throw new ExchangeError({ kind: 'not-found', message: `order ${clientOrderId} not found` });
    return now;
  }

  async queryOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot | null> {
    const { result } = await this.rest.call({ method: 'GET', path: '/v5/order/realtime', query: [['category', this.s.category], ['symbol', symbol], bybitOrderRef(clientOrderId)], signed: true, group: 'query', isWrite: false });
    const o = BybitOrderList.parse(result).list[0];
    return o ? bybitSnapshot(o) : null;
  }

  async openOrders(symbol?: string): Promise<OrderSnapshot[]> {
    const query: Array<[string, string]> = [['category', this.s.category], symbol ? ['symbol', symbol] : ['settleCoin', 'USDT'], ['openOnly', '0']];
    const { result } = await this.rest.call({ method: 'GET', path: '/v5/order/realtime', query, signed: true, group: 'query', isWrite: false });
    return BybitOrderList.parse(result).list.map(bybitSnapshot);
  }

  async assertNoWithdrawPermission(): Promise<void> {
    const { result } = await this.rest.call({ method: 'GET', path: '/v5/user/query-api', signed: true, group: 'account', isWrite: false });
    const info = BybitApiKeyInfo.parse(result);
    if ((info.permissions.Wallet ?? []).includes('Withdraw')) throw new ExchangeError({ kind: 'auth', message: 'API key has withdrawal permission: refused. Create a key without "Withdraw".' });
  }

  private resolve(req: OrderRequest, signedAt: number | undefined): Promise<OrderSnapshot> {
    return resolveByQuery(req, signedAt, { queryOrder: (symbol, id) => this.queryOrder(symbol, id), clock: this.clock, recvWindow: this.rest.recvWindow, pollMs: this.s.unknownPollMs });
  }
}
