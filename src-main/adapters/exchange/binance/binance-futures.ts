// Runs in: engine.
import { legId } from '../../../core/exchange/client-order-id';
import { ExchangeError } from '../../../core/exchange/errors';
import type { ServerClock } from '../../../core/exchange/server-clock';
import type { Balance, BracketRequest, BracketResult, Exchange, Kline, OrderRequest, OrderSnapshot, Position, Unsubscribe } from '../../../core/exchange/types';
import type { BinanceRest } from './binance-rest';
import { fetchBinanceKlines } from './binance-klines';
import { algoSnapshot, FuturesAlgoOrder, FuturesBalances, FuturesOrder, FuturesPositions, futuresBalances, futuresPositions, futuresSnapshot } from './futures-schemas';
import { decimal } from '../shared/http';
import { cancelOrAsk, mayHavePlaced, nullIfNotFound, resolveByQuery } from '../shared/unknown-outcome';
import type { Params } from '../shared/signing';

const isConditional = (t: OrderRequest['type']): boolean => t !== 'MARKET' && t !== 'LIMIT';

/** POST /fapi/v1/order: MARKET and LIMIT only (conditional types answer -4120 there since Dec 2025). */
export function futuresOrderParams(r: OrderRequest): Params {
  if (isConditional(r.type)) throw new Error(`${r.type} must go to /fapi/v1/algoOrder`);
  const p: Array<[string, string]> = [['symbol', r.symbol], ['side', r.side], ['type', r.type], ['quantity', decimal(r.quantity)]];
  if (r.type === 'LIMIT') p.push(['price', decimal(r.price!)], ['timeInForce', 'GTC']);
  if (r.reduceOnly) p.push(['reduceOnly', 'true']);
  p.push(['newClientOrderId', r.clientOrderId], ['newOrderRespType', 'RESULT']);
  return p;
}

/** POST /fapi/v1/algoOrder (algoType CONDITIONAL): stops, take-profits and trailing stops. */
export function algoOrderParams(r: OrderRequest): Params {
  if (!isConditional(r.type)) throw new Error(`${r.type} is not a conditional order`);
  const p: Array<[string, string]> = [['algoType', 'CONDITIONAL'], ['symbol', r.symbol], ['side', r.side], ['type', r.type], ['quantity', decimal(r.quantity)]];
  if (r.type === 'TRAILING_STOP_MARKET') {
    const rate = r.trailingBips! / 100; // callbackRate is in percent, 0.1 … 10
    if (rate < 0.1 || rate > 10) throw new Error(`trailing distance ${r.trailingBips} bips outside Binance's 10..1000`);
    p.push(['callbackRate', decimal(rate)]);
  } else {
    p.push(['triggerPrice', decimal(r.stopPrice!)], ['workingType', 'CONTRACT_PRICE']);
  }
  if (r.reduceOnly) p.push(['reduceOnly', 'true']);
  p.push(['clientAlgoId', r.clientOrderId]);
  return p;
}

export interface BinanceFuturesConfig {
  readonly rest: BinanceRest;
  readonly clock: ServerClock;
  readonly subscribeKlines: (symbol: string, interval: string, onKline: (k: Kline) => void) => Unsubscribe;
  readonly unknownPollMs?: number;
  readonly unknownMaxWaitMs?: number;
}

/**
 * Binance USDⓈ-M futures. Brackets: a LIMIT entry plus reduce-only algo TAKE_PROFIT_MARKET and
 * STOP_MARKET legs. The venue does not link the legs: the order manager cancels the survivor
 * (OrderManager emulateOco).
 */
export class BinanceFuturesExchange implements Exchange {
  readonly id = 'binance-futures' as const;

  constructor(private readonly cfg: BinanceFuturesConfig) {}

  subscribeKlines(symbol: string, interval: string, onKline: (k: Kline) => void): Unsubscribe {
    return this.cfg.subscribeKlines(symbol, interval, onKline);
  }

  fetchKlines(symbol: string, interval: string, opts: { startTime?: number; limit?: number } = {}): Promise<Kline[]> {
    return fetchBinanceKlines(this.cfg.rest, this.cfg.clock, { path: '/fapi/v1/klines', weight: 5 }, symbol, interval, opts);
  }

  async balances(): Promise<Balance[]> {
    const { body } = await this.cfg.rest.call({ method: 'GET', path: '/fapi/v3/balance', signed: true, weight: 5, group: 'account', isWrite: false });
    return futuresBalances(FuturesBalances.parse(body));
  }

  async positions(): Promise<Position[]> {
    const { body } = await this.cfg.rest.call({ method: 'GET', path: '/fapi/v3/positionRisk', signed: true, weight: 5, group: 'account', isWrite: false });
    return futuresPositions(FuturesPositions.parse(body));
  }

  async placeOrder(req: OrderRequest): Promise<OrderSnapshot> {
    const algo = isConditional(req.type);
    try {
      const { body } = await this.cfg.rest.call({ method: 'POST', path: algo ? '/fapi/v1/algoOrder' : '/fapi/v1/order', params: algo ? algoOrderParams(req) : futuresOrderParams(req), signed: true, weight: algo ? 0 : 1, group: 'order', isWrite: true });
      return algo ? algoSnapshot(FuturesAlgoOrder.parse(body)) : futuresSnapshot(FuturesOrder.parse(body));
    } catch (e) {
      if (mayHavePlaced(e)) return this.resolve(req, e.signedAt);
      throw e;
    }
  }

  async placeBracket(b: BracketRequest): Promise<BracketResult> {
    const exit = b.side === 'BUY' ? 'SELL' : 'BUY';
    const entry = await this.placeOrder({ symbol: b.symbol, side: b.side, type: 'LIMIT', quantity: b.quantity, price: b.entryPrice, clientOrderId: b.clientOrderId });
    if (entry.status === 'REJECTED' || entry.status === 'UNKNOWN') throw new ExchangeError({ kind: entry.status === 'UNKNOWN' ? 'unknown-status' : 'rejected', message: `bracket entry ${entry.status}` });
    try {
      const takeProfit = await this.placeOrder({ symbol: b.symbol, side: exit, type: 'TAKE_PROFIT_MARKET', quantity: b.quantity, stopPrice: b.takeProfit, reduceOnly: true, clientOrderId: legId(b.clientOrderId, 'tp') });
      const stopLoss = await this.placeOrder({ symbol: b.symbol, side: exit, type: 'STOP_MARKET', quantity: b.quantity, stopPrice: b.stopLoss, reduceOnly: true, clientOrderId: legId(b.clientOrderId, 'sl') });
      if (stopLoss.status === 'REJECTED') throw new ExchangeError({ kind: 'rejected', message: 'stop-loss leg rejected' });
      return { entry, takeProfit, stopLoss };
    } catch (e) {
      // Never leave an entry without its stop: undo what was placed.
      await Promise.allSettled([this.cancelOrder(b.symbol, b.clientOrderId), this.cancelOrder(b.symbol, legId(b.clientOrderId, 'tp'))]);
      throw e;
    }
  }

  async cancelOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot> {
    const current = await this.queryOrder(symbol, clientOrderId);
    if (!current) throw new ExchangeError({ kind: 'not-found', message: `order ${clientOrderId} not found` });
    const algo = current.exchangeOrderId?.startsWith('algo-') ?? false;
    return cancelOrAsk(
      async () => {
        const params: Params = [['symbol', symbol], [algo ? 'clientAlgoId' : 'origClientOrderId', clientOrderId]];
        const { body } = await this.cfg.rest.call({ method: 'DELETE', path: algo ? '/fapi/v1/algoOrder' : '/fapi/v1/order', params, signed: true, weight: 1, group: 'order', isWrite: true });
        return algo ? algoSnapshot(FuturesAlgoOrder.parse(body)) : futuresSnapshot(FuturesOrder.parse(body));
      },
      () => this.queryOrder(symbol, clientOrderId),
    );
  }

  /** Plain orders and algo orders live in separate books; the client id is looked up in both. */
  async queryOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot | null> {
    const plain = await this.tryQuery('/fapi/v1/order', [['symbol', symbol], ['origClientOrderId', clientOrderId]]);
    if (plain) return futuresSnapshot(FuturesOrder.parse(plain));
    const algo = await this.tryQuery('/fapi/v1/algoOrder', [['symbol', symbol], ['clientAlgoId', clientOrderId]]);
    return algo ? algoSnapshot(FuturesAlgoOrder.parse(algo)) : null;
  }

  async openOrders(symbol?: string): Promise<OrderSnapshot[]> {
    const params: Params = symbol ? [['symbol', symbol]] : [];
    const [plain, algo] = await Promise.all([
      this.cfg.rest.call({ method: 'GET', path: '/fapi/v1/openOrders', params, signed: true, weight: symbol ? 1 : 40, group: 'query', isWrite: false }),
      this.cfg.rest.call({ method: 'GET', path: '/fapi/v1/openAlgoOrders', params, signed: true, weight: symbol ? 1 : 40, group: 'query', isWrite: false }),
    ]);
    return [...FuturesOrder.array().parse(plain.body).map(futuresSnapshot), ...FuturesAlgoOrder.array().parse(algo.body).map(algoSnapshot)];
  }

  private tryQuery(path: string, params: Params): Promise<unknown> {
    return nullIfNotFound(this.cfg.rest.call({ method: 'GET', path, params, signed: true, weight: 1, group: 'query', isWrite: false }).then((r) => r.body));
  }

  private resolve(req: OrderRequest, signedAt: number | undefined): Promise<OrderSnapshot> {
    return resolveByQuery(req, signedAt, { queryOrder: (symbol, id) => this.queryOrder(symbol, id), clock: this.cfg.clock, recvWindow: this.cfg.rest.recvWindow, pollMs: this.cfg.unknownPollMs, maxWaitMs: this.cfg.unknownMaxWaitMs });
  }
}
