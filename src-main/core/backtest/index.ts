// Runs in: anywhere (pure).
export { Backtester, runBacktest } from './backtester';
export { EquityCurve } from './equity-curve';
export { FillModel } from './fill-model';
export { alignDown, findGaps, intervalMs, type Gap, type KlineKey, type KlineSource } from './klines';
export { MetricsAccumulator } from './metrics';
export { splitRunParams, type RunParams } from './run-params';
export type { BacktestConfig, BacktestResult, EquityPoint, Metrics, Trade, TradeExitReason } from './types';
