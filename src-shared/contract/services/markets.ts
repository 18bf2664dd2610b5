// Runs in: renderer and engine. Exchange accounts, orders, positions, P&L, stream health and the strategies that trade them.
import { z } from 'zod';
import { method } from '../define';
import { ChartCandle } from './backtest';
import { CONFIRM_SECONDS_MAX, CONFIRM_SECONDS_MIN } from './confirmations';

/** Where an account trades: paper fills on public prices, or a venue (futures and Bybit are USDT-margined linear perpetuals). */
export const AccountExchange = z.enum(['paper', 'binance-spot', 'binance-futures', 'bybit']);
export type AccountExchange = z.infer<typeof AccountExchange>;
export const AccountEnvironment = z.enum(['paper', 'testnet', 'live']);
export type AccountEnvironment = z.infer<typeof AccountEnvironment>;

/** What the UI may see of an account: never the secret, only a masked key id. */
export const AccountView = z.object({
  id: z.string(),
  exchange: AccountExchange,
  label: z.string(),
  environment: AccountEnvironment,
  apiKeyMasked: z.string().nullable(),
  baseUrl: z.string().nullable(),
  /** Opened and reconciled; null until tried, else the last connection error. */
  connected: z.boolean(),
  error: z.string().nullable(),
  /** Emergency sweep: flattened at shutdown. Off by default: shutdown leaves its positions open with their protection resting. */
  shutdownSweep: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

const httpUrl = z
  .string()
  .max(200)
  .refine((s) => /^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(s), 'an http(s) origin such as http://127.0.0.1:7100');

export const AddAccountInput = z
  .object({
    exchange: AccountExchange,
    environment: AccountEnvironment,
    label: z.string().trim().min(1).max(60),
    apiKey: z.string().trim().min(8).max(200).optional(),
    apiSecret: z.string().min(8).max(400).optional(),
    /** Simulator or testnet override (market data for paper accounts too). */
    baseUrl: httpUrl.optional(),
    /** Starting quote balance of a paper account. */
    paperBalance: z.number().positive().max(1e9).default(10_000),
  })
  .refine((a) => a.exchange !== 'paper' || a.environment === 'paper', { message: 'a paper account has environment "paper"', path: ['environment'] })
  .refine((a) => a.exchange === 'paper' || a.environment !== 'paper', { message: 'an exchange account is testnet or live', path: ['environment'] })
  .refine((a) => a.exchange === 'paper' || (a.apiKey !== undefined && a.apiSecret !== undefined), { message: 'an exchange account needs an API key and secret', path: ['apiKey'] });
export type AddAccountInput = z.input<typeof AddAccountInput>;

export const BalanceRow = z.object({ asset: z.string(), free: z.number(), locked: z.number() });
export type BalanceRow = z.infer<typeof BalanceRow>;

export const OrderStatusName = z.enum(['PENDING', 'NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED', 'UNKNOWN']);
export const OrderRow = z.object({
  accountId: z.string(),
  clientOrderId: z.string(),
  symbol: z.string(),
  side: z.enum(['BUY', 'SELL']),
  type: z.string(),
  status: OrderStatusName,
  quantity: z.number(),
  price: z.number().nullable(),
  stopPrice: z.number().nullable(),
  filledQty: z.number(),
  avgPrice: z.number().nullable(),
  role: z.string().nullable(),
  strategy: z.string().nullable(),
  updatedAt: z.number(),
});
export type OrderRow = z.infer<typeof OrderRow>;

export const PositionRow = z.object({
  accountId: z.string(),
  symbol: z.string(),
  side: z.enum(['LONG', 'SHORT']),
  quantity: z.number(),
  entryPrice: z.number(),
  markPrice: z.number().nullable(),
  unrealizedPnl: z.number().nullable(),
  /** From the strategy's exit plan, when a strategy holds the position. */
  stopPrice: z.number().nullable(),
  takeProfits: z.array(z.number()),
  strategy: z.string().nullable(),
});
export type PositionRow = z.infer<typeof PositionRow>;

export const SymbolPnl = z.object({
  accountId: z.string(),
  symbol: z.string(),
  realized: z.number(),
  unrealized: z.number(),
  fees: z.number(),
  trades: z.number().int(),
});
export type SymbolPnl = z.infer<typeof SymbolPnl>;

export const StreamHealthRow = z.object({
  accountId: z.string(),
  stream: z.string(),
  connected: z.boolean(),
  latencyMs: z.number().nullable(),
  lastMessageAgeMs: z.number().nullable(),
  reconnects: z.number().int(),
  /** A failing strategy's last error, or why it stopped itself. */
  error: z.string().nullable().default(null),
});
export type StreamHealthRow = z.infer<typeof StreamHealthRow>;

/** Typed to let a strategy without a stop trade a live account. */
export const NO_STOP_PHRASE = 'NO STOP';

export const StrategyConfigInput = z.object({
  /** Omit to create; give to update. Letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  strategy: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
  accountId: z.string().min(1).max(80),
  symbol: z.string().regex(/^[A-Z0-9]{2,20}$/),
  interval: z.enum(['1s', '1m', '5m', '15m', '1h', '4h', '1d']),
  /** Quote per entry; omitted = the risk profile's sizing (all-in when no profile). */
  quotePerTrade: z.number().positive().max(1e9).optional(),
  /**
   * Use the shared risk profile (1% of equity at risk, stop 15%, trailing 20%, a third sold at +30% and
   * +75%), protected by orders resting at the venue. On unless explicitly off; limits apply either way.
   */
  riskProfile: z.boolean().default(true),
  feeRate: z.number().min(0).lt(0.1).default(0.001),
  /** Required (typed by the user) for a strategy with no stop on a live account. */
  confirmNoStop: z.literal(NO_STOP_PHRASE).optional(),
  /** Each entry waits for a person's yes (app or Telegram) until its deadline; no answer is no trade. Exits never wait. Off when absent. */
  confirmEntries: z.boolean().optional(),
  /** The deadline of each entry's confirmation (absent: CONFIRM_SECONDS_DEFAULT); must fit the interval (`confirmDeadlineProblem`). */
  confirmSeconds: z.number().int().min(CONFIRM_SECONDS_MIN).max(CONFIRM_SECONDS_MAX).optional(),
});
export type StrategyConfigInput = z.input<typeof StrategyConfigInput>;

export const StrategyConfigView = z.object({
  id: z.string(),
  strategy: z.string(),
  params: z.record(z.string(), z.unknown()),
  accountId: z.string(),
  symbol: z.string(),
  interval: z.string(),
  quotePerTrade: z.number().nullable(),
  riskProfile: z.boolean(),
  feeRate: z.number(),
  confirmEntries: z.boolean(),
  confirmSeconds: z.number(),
  enabled: z.boolean(),
  running: z.boolean(),
  candles: z.number().int(),
  orders: z.number().int(),
  lastEvent: z.string().nullable(),
  /** Shown on the toggle: e.g. no stop, so nothing protects its positions at the venue. */
  warning: z.string().nullable(),
  /** Why the strategy switched itself off (repeated failures). */
  stoppedReason: z.string().nullable(),
});
export type StrategyConfigView = z.infer<typeof StrategyConfigView>;

const accountId = z.object({ id: z.string().min(1).max(80) });

const symbol = z.string().regex(/^[A-Z0-9]{2,20}$/);
const accountRef = z.string().min(1).max(80);

/** A manual order: market or limit, with an optional stop and take-profit placed by the same bracket path as a strategy's. */
export const ManualOrderInput = z
  .object({
    accountId: accountRef,
    symbol,
    side: z.enum(['BUY', 'SELL']),
    type: z.enum(['MARKET', 'LIMIT']),
    quantity: z.number().positive().max(1e9),
    price: z.number().positive().optional(),
    stopLoss: z.number().positive().optional(),
    takeProfit: z.number().positive().optional(),
  })
  .refine((o) => o.type !== 'LIMIT' || o.price !== undefined, { message: 'a limit order needs a price', path: ['price'] })
  .refine((o) => o.side === 'BUY' || (o.stopLoss === undefined && o.takeProfit === undefined), { message: 'stop-loss and take-profit protect a long entry (BUY)', path: ['stopLoss'] })
  .refine((o) => o.type !== 'LIMIT' || (o.stopLoss === undefined) === (o.takeProfit === undefined), { message: "a limit entry's protection is the venue's bracket: give both stop-loss and take-profit, or neither", path: ['takeProfit'] })
  .refine((o) => o.stopLoss === undefined || o.price === undefined || o.stopLoss < o.price, { message: 'the stop must be below the entry price', path: ['stopLoss'] });
export type ManualOrderInput = z.output<typeof ManualOrderInput>;

export const FLATTEN_PHRASE = 'FLATTEN';
export const FlattenInput = z.object({
  /** Typed by the user: flatten sells at market whatever the price. */
  confirm: z.literal(FLATTEN_PHRASE),
  /** One account, or all of them. */
  accountId: z.string().min(1).max(80).optional(),
});
export const FlattenStepRow = z.object({
  accountId: z.string(),
  symbol: z.string().nullable(),
  step: z.enum(['cancel', 'cancel-failed', 'close', 'close-failed', 'rate-limited', 'flat', 'not-flat']),
  detail: z.string(),
});
export type FlattenStepRow = z.infer<typeof FlattenStepRow>;

export const marketsService = {
  listAccounts: method(z.void(), z.array(AccountView)),
  /** Keys are encrypted at rest; a key allowed to withdraw is refused. */
  addAccount: method(AddAccountInput, AccountView),
  testAccount: method(accountId, z.object({ ok: z.boolean(), message: z.string(), latencyMs: z.number().nullable() })),
  removeAccount: method(accountId, z.object({ removed: z.boolean() })),
  balances: method(accountId, z.array(BalanceRow)),
  orders: method(z.object({ accountId: z.string().max(80).optional(), status: z.enum(['open', 'all']).default('all'), limit: z.number().int().min(1).max(1000).default(200) }), z.array(OrderRow)),
  positions: method(z.void(), z.array(PositionRow)),
  pnlBySymbol: method(z.void(), z.array(SymbolPnl)),
  streamHealth: method(z.void(), z.array(StreamHealthRow)),
  cancelOrder: method(z.object({ accountId: z.string().min(1).max(80), clientOrderId: z.string().min(1).max(40) }), OrderRow),
  configureStrategy: method(StrategyConfigInput, StrategyConfigView),
  listStrategies: method(z.void(), z.array(StrategyConfigView)),
  /** Manual trading: refused in dry run for live accounts, under the kill switch, or past an account limit; recorded with origin manual. */
  placeOrder: method(ManualOrderInput, OrderRow),
  closePosition: method(z.object({ accountId: accountRef, symbol }), OrderRow),
  moveStop: method(z.object({ accountId: accountRef, clientOrderId: z.string().min(1).max(40), stopPrice: z.number().positive() }), OrderRow),
  /** Opt-in per account: flatten it at shutdown. Off: shutdown leaves positions open with their protection resting. */
  setShutdownSweep: method(z.object({ accountId: accountRef, enabled: z.boolean() }), z.object({ enabled: z.boolean() })),
  /** Cancels every open order and closes every position at market; answers each step per account and symbol. */
  flattenAll: method(FlattenInput, z.array(FlattenStepRow)),
  /** Recent candles from the account's venue (the simulator in demo mode), for the live chart. */
  candles: method(z.object({ accountId: z.string().min(1).max(80), symbol: z.string().regex(/^[A-Z0-9]{2,20}$/), interval: z.string().min(1).max(8), limit: z.number().int().min(10).max(1000).default(300) }), z.array(ChartCandle)),
};

/** Sent after any order, fill or position change: the panels refetch what they show. */
export const MarketsChanged = z.object({ accountId: z.string(), what: z.enum(['order', 'position', 'account', 'strategy']) });
export type MarketsChanged = z.infer<typeof MarketsChanged>;
