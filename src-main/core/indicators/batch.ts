// Runs in: anywhere (pure).
import { Atr } from './atr';
import { Bollinger } from './bollinger';
import { Ema } from './ema';
import { Macd } from './macd';
import { Donchian } from './rolling-extreme';
import { Rsi } from './rsi';
import { Sma } from './sma';
import type { Bar, ScalarIndicator } from './types';

/** Batch forms: the streaming indicator run over an array, NaN during warm-up. */
export function runScalar(indicator: ScalarIndicator, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = indicator.update(values[i] as number);
  return out;
}

export const sma = (values: ArrayLike<number>, period: number): Float64Array => runScalar(new Sma(period), values);
export const ema = (values: ArrayLike<number>, period: number): Float64Array => runScalar(new Ema(period), values);
export const rsi = (values: ArrayLike<number>, period = 14): Float64Array => runScalar(new Rsi(period), values);

export function atr(bars: readonly Bar[], period = 14): Float64Array {
  const ind = new Atr(period);
  return Float64Array.from(bars, (b) => ind.update(b));
}

export function bollinger(values: ArrayLike<number>, period = 20, k = 2) {
  const ind = new Bollinger(period, k);
  const n = values.length;
  const middle = new Float64Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    middle[i] = ind.update(values[i] as number);
    upper[i] = ind.upper;
    lower[i] = ind.lower;
  }
  return { middle, upper, lower };
}

export function macd(values: ArrayLike<number>, fast = 12, slow = 26, signalPeriod = 9) {
  const ind = new Macd(fast, slow, signalPeriod);
  const n = values.length;
  const line = new Float64Array(n);
  const signal = new Float64Array(n);
  const histogram = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    line[i] = ind.update(values[i] as number);
    signal[i] = ind.signal;
    histogram[i] = ind.histogram;
  }
  return { macd: line, signal, histogram };
}

export function donchian(bars: readonly { high: number; low: number }[], period = 20) {
  const ind = new Donchian(period);
  const upper = new Float64Array(bars.length);
  const lower = new Float64Array(bars.length);
  bars.forEach((b, i) => {
    upper[i] = ind.update(b.high, b.low);
    lower[i] = ind.lower;
  });
  return { upper, lower };
}
