// Runs in: anywhere (pure).
export { Atr, trueRange } from './atr';
export { Bollinger } from './bollinger';
export { Ema, WilderAverage } from './ema';
export { Macd } from './macd';
export { Donchian, RollingExtreme } from './rolling-extreme';
export { Rsi } from './rsi';
export { Sma } from './sma';
export { VolumeSma } from './volume-sma';
export * as batch from './batch';
export type { Bar, ScalarIndicator } from './types';
