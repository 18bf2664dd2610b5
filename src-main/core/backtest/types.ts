// Runs in: anywhere (pure).
import type { RiskConfig } from '../risk/config';
import type { ExitReason } from '../risk/exit-plan';
import type { Side, Strategy } from '../strategies/types';

export interface BacktestConfig {
  readonly strategy: Strategy;
  readonly symbol?: string;
  /** Starting equity in quote currency (default 10,000). */
  readonly initialEquity?: number;
  /** Fee as a fraction of notional, charged on each side (default 0). */
  readonly feeRate?: number;
  /** Adverse slippage as a fraction of price on market fills: entries, strategy exits, stops (default 0). */
  readonly slippage?: number;
  /**
   * null (default): the plain semantics — every entry spends all equity, only the strategy exits.
   * A risk profile: sizing, stops/trailing/targets and account limits from the shared risk engine.
   */
  readonly risk?: RiskConfig | null;
  /** Upper bound on equity-curve points kept (the curve is downsampled as it streams). */
  readonly maxEquityPoints?: number;
  /** Milliseconds per unit of candle time; default: ms if the first time is >= 1e11, else seconds. */
  readonly timeUnitMs?: number;
  /** For annualizing Sharpe/Sortino; default from the smallest candle spacing seen. */
  readonly barsPerYear?: number;
}

export type TradeExitReason = ExitReason | 'signal' | 'end';

export interface Trade {
  readonly side: Side;
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  /** Quantity-weighted average of all exit fills. */
  readonly exitPrice: number;
  readonly quantity: number;
  /** Net of fees, in quote. */
  readonly pnl: number;
  /** pnl / (entry notional + entry fee). */
  readonly returnPct: number;
  readonly fees: number;
  readonly entryBar: number;
  readonly exitBar: number;
  readonly exitReason: TradeExitReason;
  readonly exitFills: number;
}

export interface Metrics {
  readonly initialEquity: number;
  readonly finalEquity: number;
  readonly netPnl: number;
  readonly netPnlPct: number;
  readonly trades: number;
  readonly winRate: number;
  /** Gross profit / gross loss; null when there was no losing trade. */
  readonly profitFactor: number | null;
  readonly sharpe: number;
  readonly sortino: number;
  /** Largest peak-to-trough fall of the mark-to-market equity, as a fraction of the peak. */
  readonly maxDrawdown: number;
  readonly maxDrawdownQuote: number;
  /** Fraction of candles that ended with a position open. */
  readonly exposure: number;
  readonly avgHoldBars: number;
  /** In candle time units. */
  readonly avgHoldTime: number;
  readonly fees: number;
  readonly barsPerYear: number;
}

export interface EquityPoint {
  readonly time: number;
  readonly equity: number;
}

export interface BacktestResult {
  readonly strategy: string;
  readonly candles: number;
  readonly trades: readonly Trade[];
  readonly metrics: Metrics;
  readonly equity: readonly EquityPoint[];
  /** Entries the risk engine refused, by reason. */
  readonly rejectedEntries: Readonly<Record<string, number>>;
  /** Candles dropped because their time did not increase. */
  readonly droppedCandles: number;
}
