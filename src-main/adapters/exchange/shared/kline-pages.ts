// Runs in: engine and CLI. Kline REST replies → closed candles for the backtest cache.
import type { z } from 'zod';
import type { Candle } from '../../../core/strategies/types';
import { BinanceKlines } from '../binance/binance-schemas';
import { BybitKlines } from '../bybit/bybit-schemas';

/** A kline reply that is not what the venue documents; nothing from it may be cached. */
export class KlineReplyError extends Error {
  override readonly name = 'KlineReplyError';
}

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `${first?.message ?? 'invalid'}${where}${error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : ''}`;
}

/**
 * Rejects the whole page on any impossible bar, so a corrupt reply can never be cached as if
 * it were history: a cached range is treated as complete and is never fetched again.
 */
function checked(candles: Candle[]): Candle[] {
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i] as Candle;
    if (!Number.isSafeInteger(c.time) || c.time < 0) throw new KlineReplyError(`bar ${i}: open time ${c.time} is not epoch milliseconds`);
    if (!(c.low <= Math.min(c.open, c.close) && c.high >= Math.max(c.open, c.close) && c.low > 0 && c.volume >= 0)) {
      throw new KlineReplyError(`bar ${i} (${new Date(c.time).toISOString()}): impossible OHLCV ${c.open}/${c.high}/${c.low}/${c.close}/${c.volume}`);
    }
    if (i > 0 && c.time <= (candles[i - 1] as Candle).time) throw new KlineReplyError(`bar ${i}: open times are not strictly increasing`);
  }
  return candles;
}

/**
 * GET /api/v3/klines and /fapi/v1/klines: rows [openTime, open, high, low, close, volume,
 * closeTime, …], oldest first. A bar is closed when its closeTime is before `asOf` (server
 * time when the request was sent), so a bar still forming is never cached.
 */
export function binanceKlinePage(body: unknown, asOf: number): Candle[] {
  const rows = BinanceKlines.safeParse(body);
  if (!rows.success) throw new KlineReplyError(`not a Binance klines array: ${describe(rows.error)}`);
  const candles = rows.data.filter((r) => r[6] < asOf).map((r) => ({ time: r[0], open: r[1], high: r[2], low: r[3], close: r[4], volume: r[5] }));
  return checked(candles);
}

/**
 * GET /v5/market/kline `result`: list of [startTime, open, high, low, close, volume, turnover],
 * all strings, newest first.
 */
export function bybitKlinePage(result: unknown, stepMs: number, asOf: number): Candle[] {
  const parsed = BybitKlines.safeParse(result);
  if (!parsed.success) throw new KlineReplyError(`not a Bybit kline result: ${describe(parsed.error)}`);
  const all = parsed.data.list.map((r, i) => {
    if (!/^\d{1,15}$/.test(r[0])) throw new KlineReplyError(`row ${i}: startTime "${r[0]}" is not epoch milliseconds`);
    return { time: Number(r[0]), open: r[1], high: r[2], low: r[3], close: r[4], volume: r[5] };
  });
  const candles = all.filter((c) => c.time + stepMs <= asOf).sort((a, b) => a.time - b.time);
  return checked(candles);
}
