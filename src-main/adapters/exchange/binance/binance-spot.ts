// Runs in: engine.
import { legId } from '../../../core/exchange/client-order-id';
import { ExchangeError } from '../../../core/exchange/errors';
import type { ServerClock } from '../../../core/exchange/server-clock';
import type { Balance, BracketRequest, BracketResult, Exchange, Kline, OrderRequest, OrderSnapshot, Position, Unsubscribe } from '../../../core/exchange/types';
import type { MarketSymbol } from '../../../core/exchange/matching/engine-types';
import type { BinanceRest } from './binance-rest';
import { BinanceAccount, BinanceApiRestrictions, BinanceCancelReplaceReply, BinanceOrder, BinanceOrderList, BinanceOtocoReply, toBalances, toSnapshot } from './binance-schemas';
import { fetchBinanceKlines } from './binance-klines';
import { decimal } from '../shared/http';
import { cancelOrAsk, mayHavePlaced, nullIfNotFound, resolveByQuery } from '../shared/unknown-outcome';
import type { Params } from '../shared/signing';

export interface BinanceSpotConfig {
  readonly rest: BinanceRest;
  readonly clock: ServerClock;
  /** Symbols traded, to present base-asset holdings as spot positions. */
  readonly symbols: readonly MarketSymbol[];
  readonly subscribeKlines: (symbol: string, interval: string, onKline: (k: Kline) => void) => Unsubscribe;
  readonly unknownPollMs?: number;
  readonly unknownMaxWaitMs?: number;
}

const SPOT_TYPE: Readonly<Record<OrderRequest['type'], string>> = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  STOP_MARKET: 'STOP_LOSS',
  TAKE_PROFIT_MARKET: 'TAKE_PROFIT',
  TRAILING_STOP_MARKET: 'STOP_LOSS',
};

/** Request parameters for POST /api/v3/order, in the order they are signed and sent. */
export function spotOrderParams(r: OrderRequest): Params {
  const p: Array<[string, string | number]> = [
    ['symbol', r.symbol],
    ['side', r.side],
    ['type', SPOT_TYPE[r.type]],
    ['quantity', decimal(r.quantity)],
  ];
  if (r.type === 'LIMIT') p.push(['timeInForce', 'GTC'], ['price', decimal(r.price!)]);
  if (r.type === 'STOP_MARKET' || r.type === 'TAKE_PROFIT_MARKET') p.push(['stopPrice', decimal(r.stopPrice!)]);
  if (r.type === 'TRAILING_STOP_MARKET') p.push(['trailingDelta', Math.round(r.trailingBips!)]);
  p.push(['newClientOrderId', r.clientOrderId], ['newOrderRespType', 'FULL']);
  return p;
}

/** POST /api/v3/orderList/otoco: LIMIT working entry, pending TAKE_PROFIT above / STOP_LOSS below (for a long). */
export function otocoParams(b: BracketRequest): Params {
  const tp = { type: 'TAKE_PROFIT', id: legId(b.clientOrderId, 'tp'), stop: decimal(b.takeProfit) };
  const sl = { type: 'STOP_LOSS', id: legId(b.clientOrderId, 'sl'), stop: decimal(b.stopLoss) };
  // For a long the take-profit sits above the price; for a short it sits below.
  const [above, below] = b.side === 'BUY' ? [tp, sl] : [sl, tp];
  return [
    ['symbol', b.symbol],
    ['listClientOrderId', legId(b.clientOrderId, 'list')],
    ['workingType', 'LIMIT'],
    ['workingSide', b.side],
    ['workingClientOrderId', b.clientOrderId],
    ['workingPrice', decimal(b.entryPrice)],
    ['workingQuantity', decimal(b.quantity)],
    ['workingTimeInForce', 'GTC'],
    ['pendingSide', b.side === 'BUY' ? 'SELL' : 'BUY'],
    ['pendingQuantity', decimal(b.quantity)],
    ['pendingAboveType', above.type],
    ['pendingAboveClientOrderId', above.id],
    ['pendingAboveStopPrice', above.stop],
    ['pendingBelowType', below.type],
    ['pendingBelowClientOrderId', below.id],
    ['pendingBelowStopPrice', below.stop],
    ['newOrderRespType', 'FULL'],
  ];
}

/** Binance spot connector: REST for orders/account, WS (injected) for market data. */
export class BinanceSpotExchange implements Exchange {
  readonly id = 'binance-spot' as const;

  constructor(private readonly cfg: BinanceSpotConfig) {}

  subscribeKlines(symbol: string, interval: string, onKline: (k: Kline) => void): Unsubscribe {
    return this.cfg.subscribeKlines(symbol, interval, onKline);
  }

  fetchKlines(symbol: string, interval: string, opts: { startTime?: number; limit?: number } = {}): Promise<Kline[]> {
    return fetchBinanceKlines(this.cfg.rest, this.cfg.clock, { path: '/api/v3/klines', weight: 2 }, symbol, interval, opts);
  }

  async balances(): Promise<Balance[]> {
    const { body } = await this.cfg.rest.call({ method: 'GET', path: '/api/v3/account', params: [['omitZeroBalances', 'true']], signed: true, weight: 20, group: 'account', isWrite: false });
    return toBalances(BinanceAccount.parse(body));
  }

  /** Spot has no positions: a traded symbol's base-asset holding is presented as a LONG. */
  async positions(): Promise<Position[]> {
    const balances = await this.balances();
    const out: Position[] = [];
    for (const s of this.cfg.symbols) {
      const b = balances.find((x) => x.asset === s.base);
      const qty = b ? b.free + b.locked : 0;
      if (qty > 0) out.push({ symbol: s.symbol, side: 'LONG', quantity: qty, entryPrice: 0 });
    }
    return out;
  }

  async placeOrder(req: OrderRequest): Promise<OrderSnapshot> {
    try {
      const { body } = await this.cfg.rest.call({ method: 'POST', path: '/api/v3/order', params: spotOrderParams(req), signed: true, weight: 1, group: 'order', isWrite: true });
      return toSnapshot(BinanceOrder.parse(body), req.reduceOnly);
    } catch (e) {
      if (mayHavePlaced(e)) return this.resolve(req, e.signedAt);
      throw e;
    }
  }

  /**
   * POST /api/v3/order/cancelReplace (STOP_ON_FAILURE): the old order is canceled and the new one placed
   * in one venue step. An unclear answer is settled by querying both; a refusal is thrown (the caller
   * reads both orders back: STOP_ON_FAILURE leaves the old one if the cancel failed).
   */
  async replaceOrder(symbol: string, cancelClientOrderId: string, r: OrderRequest): Promise<{ canceled: OrderSnapshot; placed: OrderSnapshot }> {
    const params: Params = [...spotOrderParams(r).slice(0, -1), ['cancelReplaceMode', 'STOP_ON_FAILURE'], ['cancelOrigClientOrderId', cancelClientOrderId], ['newOrderRespType', 'FULL']];
    try {
      const { body } = await this.cfg.rest.call({ method: 'POST', path: '/api/v3/order/cancelReplace', params, signed: true, weight: 1, group: 'order', isWrite: true });
      const reply = BinanceCancelReplaceReply.parse(body);
      return { canceled: toSnapshot(reply.cancelResponse), placed: toSnapshot(reply.newOrderResponse, r.reduceOnly) };
    } catch (e) {
      if (!mayHavePlaced(e)) throw e;
      const placed = await this.resolve(r, e.signedAt);
      const canceled = await this.queryOrder(symbol, cancelClientOrderId);
      if (!canceled) throw new ExchangeError({ kind: 'unknown-status', message: `cancelReplace: ${cancelClientOrderId} unknown after an unclear answer` });
      return { canceled, placed };
    }
  }

  async placeBracket(b: BracketRequest): Promise<BracketResult> {
    try {
      const { body } = await this.cfg.rest.call({ method: 'POST', path: '/api/v3/orderList/otoco', params: otocoParams(b), signed: true, weight: 1, group: 'order', isWrite: true });
      return this.bracketFromReports(b, BinanceOtocoReply.parse(body).orderReports.map((o) => toSnapshot(o)));
    } catch (e) {
      if (!mayHavePlaced(e)) throw e;
      // The list may exist: its working order tells us. Legs are then read one by one.
      const entry = await this.resolve({ symbol: b.symbol, side: b.side, type: 'LIMIT', quantity: b.quantity, price: b.entryPrice, clientOrderId: b.clientOrderId }, e.signedAt);
      if (entry.status === 'REJECTED' || entry.status === 'UNKNOWN') throw new ExchangeError({ kind: entry.status === 'UNKNOWN' ? 'unknown-status' : 'fatal', message: `bracket ${b.clientOrderId} ${entry.status}` });
      const legs = await Promise.all([this.queryOrder(b.symbol, legId(b.clientOrderId, 'tp')), this.queryOrder(b.symbol, legId(b.clientOrderId, 'sl'))]);
      return this.bracketFromReports(b, [entry, ...legs.filter((x): x is OrderSnapshot => x !== null)]);
    }
  }

  cancelOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot> {
    return cancelOrAsk(
      async () => {
        const { body } = await this.cfg.rest.call({ method: 'DELETE', path: '/api/v3/order', params: [['symbol', symbol], ['origClientOrderId', clientOrderId]], signed: true, weight: 1, group: 'order', isWrite: true });
        return toSnapshot(BinanceOrder.parse(body));
      },
      () => this.queryOrder(symbol, clientOrderId),
    );
  }

  queryOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot | null> {
    return nullIfNotFound(
      this.cfg.rest.call({ method: 'GET', path: '/api/v3/order', params: [['symbol', symbol], ['origClientOrderId', clientOrderId]], signed: true, weight: 4, group: 'query', isWrite: false }).then(({ body }) => toSnapshot(BinanceOrder.parse(body))),
    );
  }

  async openOrders(symbol?: string): Promise<OrderSnapshot[]> {
    const params: Params = symbol ? [['symbol', symbol]] : [];
    const { body } = await this.cfg.rest.call({ method: 'GET', path: '/api/v3/openOrders', params, signed: true, weight: symbol ? 6 : 80, group: 'query', isWrite: false });
    return BinanceOrderList.parse(body).map((o) => toSnapshot(o));
  }

  /** Refuses keys that can withdraw: a trading bot never needs that power. */
  async assertNoWithdrawPermission(): Promise<void> {
    const { body } = await this.cfg.rest.call({ method: 'GET', path: '/sapi/v1/account/apiRestrictions', signed: true, weight: 1, group: 'account', isWrite: false });
    if (BinanceApiRestrictions.parse(body).enableWithdrawals) throw new ExchangeError({ kind: 'auth', message: 'API key has withdrawal permission: refused. Create a key without "Enable Withdrawals".' });
  }

  private resolve(req: OrderRequest, signedAt: number | undefined): Promise<OrderSnapshot> {
    return resolveByQuery(req, signedAt, { queryOrder: (symbol, id) => this.queryOrder(symbol, id), clock: this.cfg.clock, recvWindow: this.cfg.rest.recvWindow, pollMs: this.cfg.unknownPollMs, maxWaitMs: this.cfg.unknownMaxWaitMs });
  }

  private bracketFromReports(b: BracketRequest, reports: readonly OrderSnapshot[]): BracketResult {
    const by = (id: string): OrderSnapshot => {
      const o = reports.find((r) => r.clientOrderId === id);
      if (!o) throw new ExchangeError({ kind: 'unknown-status', message: `bracket leg ${id} missing from reply` });
      return o;
    };
    const reduce = (o: OrderSnapshot): OrderSnapshot => ({ ...o, reduceOnly: true });
    return { entry: by(b.clientOrderId), takeProfit: reduce(by(legId(b.clientOrderId, 'tp'))), stopLoss: reduce(by(legId(b.clientOrderId, 'sl'))) };
  }
}
