// Runs in: engine and CLI (pure). How a kline download is cut into exchange requests.
import { intervalMs } from './klines';

/** Venue-neutral interval names the download path accepts (fixed-length bars, epoch-aligned). */
const BYBIT_NAMES: Readonly<Record<string, string>> = {
  '1m': '1',
  '3m': '3',
  '5m': '5',
  '15m': '15',
  '30m': '30',
  '1h': '60',
  '2h': '120',
  '4h': '240',
  '6h': '360',
  '12h': '720',
  '1d': 'D',
};

// Weeks and months are left out on purpose: Binance weeks open on Monday and months vary in
// length, so their open times are off the epoch grid that gap detection relies on.
const BINANCE_NAMES = new Set(['1s', '1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d']);

/** Bybit v5 names its intervals in minutes (1, 60, 240) and days as D. */
export function bybitIntervalName(interval: string): string {
  const name = BYBIT_NAMES[interval];
  if (!name) throw new RangeError(`Bybit has no "${interval}" klines (use one of ${Object.keys(BYBIT_NAMES).join(', ')})`);
  return name;
}

export function assertBinanceInterval(interval: string): void {
  if (!BINANCE_NAMES.has(interval)) throw new RangeError(`Binance has no "${interval}" klines for download (use one of ${[...BINANCE_NAMES].join(', ')})`);
}

/**
 * The request window for one page: never more bars than `limit`. Bybit answers a window larger
 * than the limit with its newest bars, Binance with its oldest; capping the window makes both
 * return the same bars, so paging forward from `startTime` works on either.
 */
export function pageWindow(startTime: number, endTime: number, limit: number, interval: string): { startTime: number; endTime: number; limit: number } {
  const step = intervalMs(interval);
  const capped = Math.max(1, Math.min(limit, 1000));
  return { startTime, endTime: Math.min(endTime, startTime + (capped - 1) * step + (step - 1)), limit: capped };
}
