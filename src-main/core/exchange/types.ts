// Runs in: anywhere (pure).
/** Venue-neutral exchange vocabulary shared by connectors, the paper exchange and the order manager. */

export type Side = 'BUY' | 'SELL';
export type OrderType = 'MARKET' | 'LIMIT' | 'STOP_MARKET' | 'TAKE_PROFIT_MARKET' | 'TRAILING_STOP_MARKET';
/** PENDING is local-only: built and sent, not yet acknowledged. UNKNOWN: sent, outcome not known (5xx, timeout, -1007). */
export type OrderStatus = 'PENDING' | 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED' | 'UNKNOWN';
export type OrderRole = 'entry' | 'take-profit' | 'stop-loss' | 'trailing';
export type ExchangeId = 'binance-spot' | 'binance-futures' | 'bybit' | 'paper';

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED']);
export const isTerminal = (s: OrderStatus): boolean => TERMINAL_STATUSES.has(s);

export interface OrderRequest {
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly quantity: number;
  readonly price?: number;
  readonly stopPrice?: number;
  /** Trailing distance in basis points (Binance `trailingDelta`). */
  readonly trailingBips?: number;
  readonly reduceOnly?: boolean;
  /**
   * MARKET entries on a venue that attaches a stop on create (Bybit tpsl): the venue makes that stop
   * itself once the entry fills, under its own order id, not ours.
   */
  readonly stopLoss?: number;
  /** Idempotency key: generated once, reused on every retry of the same intent. */
  readonly clientOrderId: string;
}

export interface OrderSnapshot {
  readonly clientOrderId: string;
  readonly exchangeOrderId?: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly status: OrderStatus;
  readonly quantity: number;
  readonly price?: number;
  readonly stopPrice?: number;
  readonly filledQty: number;
  readonly avgPrice?: number;
  readonly reduceOnly: boolean;
  readonly updatedAt: number;
}

export interface Fill {
  readonly clientOrderId: string;
  readonly tradeId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly price: number;
  readonly quantity: number;
  readonly fee: number;
  readonly feeAsset?: string;
  readonly at: number;
}

export interface Balance {
  readonly asset: string;
  readonly free: number;
  readonly locked: number;
}

export interface Position {
  readonly symbol: string;
  readonly side: 'LONG' | 'SHORT';
  readonly quantity: number;
  readonly entryPrice: number;
}

export interface Kline {
  readonly symbol: string;
  readonly interval: string;
  readonly openTime: number;
  readonly closeTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly closed: boolean;
  /** Venue's event time of the frame that carried it (streams only): for latency. */
  readonly eventTime?: number;
}

export interface Trade {
  readonly symbol: string;
  readonly tradeId: string;
  readonly price: number;
  readonly quantity: number;
  readonly at: number;
}

/** Best bid and ask (Binance `<symbol>@bookTicker`, Bybit `orderbook.1.<SYMBOL>`). */
export interface BookTicker {
  readonly symbol: string;
  readonly bidPrice: number;
  readonly bidQty: number;
  readonly askPrice: number;
  readonly askQty: number;
  /** The venue's book update id: a lower one than the last seen is stale. */
  readonly updateId: number;
  /** Venue's event time, when the frame carries one (spot bookTicker does not). */
  readonly eventTime?: number;
}

/** Entry + take-profit + stop-loss. The exits are reduce-only and cancel each other (OCO). */
export interface BracketRequest {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  /** LIMIT entry price; Binance spot OTOCO needs a limit working order. */
  readonly entryPrice: number;
  readonly takeProfit: number;
  readonly stopLoss: number;
  readonly clientOrderId: string;
}

export interface BracketResult {
  readonly entry: OrderSnapshot;
  readonly takeProfit: OrderSnapshot;
  readonly stopLoss: OrderSnapshot;
}

export type Unsubscribe = () => void;

export interface MarketData {
  subscribeKlines(symbol: string, interval: string, onKline: (k: Kline) => void): Unsubscribe;
  fetchKlines(symbol: string, interval: string, opts?: { startTime?: number; limit?: number }): Promise<Kline[]>;
}

/** One interface for every venue (Binance spot/futures, Bybit, paper). */
export interface Exchange extends MarketData {
  readonly id: ExchangeId;
  balances(): Promise<Balance[]>;
  placeOrder(req: OrderRequest): Promise<OrderSnapshot>;
  cancelOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot>;
  /** null when the exchange does not know the id (never placed). */
  queryOrder(symbol: string, clientOrderId: string): Promise<OrderSnapshot | null>;
  openOrders(symbol?: string): Promise<OrderSnapshot[]>;
  positions(): Promise<Position[]>;
  placeBracket(req: BracketRequest): Promise<BracketResult>;
  /**
   * Atomic cancel-and-place at the venue (Binance spot cancelReplace, STOP_ON_FAILURE): a stop moves
   * without a moment with none. Only connectors whose venue has it declare it.
   */
  replaceOrder?(symbol: string, cancelClientOrderId: string, replacement: OrderRequest): Promise<{ readonly canceled: OrderSnapshot; readonly placed: OrderSnapshot }>;
  /** Amends a resting conditional order in place, same id (Bybit order/amend): never two stops, never none. */
  amendOrder?(symbol: string, clientOrderId: string, change: OrderAmend): Promise<OrderSnapshot>;
}

export interface OrderAmend {
  readonly stopPrice: number;
  readonly quantity: number;
}
