// Runs in: anywhere (pure).
export type { Candle, EnterIntent, ExitIntent, Intent, Side, Strategy } from './types';
export { StrategyRunner } from './runner';
export { createStrategy, getStrategyDefinition, strategyDefaults, strategyNames, StrategyConfigError, type StrategyDefinition } from './registry';
export { SmaCross } from './sma-cross';
export { Breakout } from './breakout';
export { BollingerReversion } from './bollinger-reversion';
export { RsiMomentum } from './rsi-momentum';
export { Consensus } from './consensus';
export { ExternalSignal, type TimedSignal } from './external-signal';
