// Runs in: renderer and engine. Downloading exchange klines into the candle cache from the app (the CLI's `backtest --exchange`).
import { z } from 'zod';

/** Venues with a public kline endpoint; the engine alone maps each to its official host (the UI never names a URL). */
export const KLINE_VENUES = ['binance', 'binance-futures', 'bybit-spot', 'bybit-linear'] as const;
export type KlineVenue = (typeof KLINE_VENUES)[number];

/**
 * Fixed-length intervals, in ms. Weeks and months are absent: their open times are off the epoch
 * grid that gap detection relies on. Bybit has no 1s or 8h bars.
 */
export const DOWNLOAD_INTERVAL_MS = {
  '1s': 1_000,
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
} as const;
export type DownloadInterval = keyof typeof DOWNLOAD_INTERVAL_MS;
export const DOWNLOAD_INTERVALS = Object.keys(DOWNLOAD_INTERVAL_MS) as [DownloadInterval, ...DownloadInterval[]];

export function venueHasInterval(venue: KlineVenue, interval: DownloadInterval): boolean {
  return !(venue.startsWith('bybit') && (interval === '1s' || interval === '8h'));
}

/** One job is at most this many bars (1000 requests of 1000): a year of 1m bars fits, a typo'd decade of 1s bars does not. */
export const MAX_DOWNLOAD_BARS = 1_000_000;
/** No venue here has klines before this; earlier dates are a typo, not a request. */
export const EARLIEST_KLINE_TIME = Date.UTC(2010, 0, 1);
const LATEST_KLINE_TIME = Date.UTC(2100, 0, 1);

export const KlineDownloadInput = z
  .object({
    venue: z.enum(KLINE_VENUES),
    /** Upper-case pair as the venues spell it; nothing that could reshape a query string. */
    symbol: z.string().regex(/^[A-Z0-9]{2,30}$/, 'must be an upper-case pair like BTCUSDT'),
    interval: z.enum(DOWNLOAD_INTERVALS),
    /** Open times, epoch ms, inclusive. */
    from: z.number().int().min(EARLIEST_KLINE_TIME).max(LATEST_KLINE_TIME),
    to: z.number().int().min(EARLIEST_KLINE_TIME).max(LATEST_KLINE_TIME),
  })
  .superRefine((v, ctx) => {
    if (!venueHasInterval(v.venue, v.interval)) ctx.addIssue({ code: 'custom', path: ['interval'], message: `${v.venue} has no ${v.interval} klines` });
    if (v.from >= v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if ((v.to - v.from) / DOWNLOAD_INTERVAL_MS[v.interval] > MAX_DOWNLOAD_BARS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the range is more than ${MAX_DOWNLOAD_BARS.toLocaleString('en-US')} ${v.interval} bars; download it in parts` });
  });
export type KlineDownloadInput = z.input<typeof KlineDownloadInput>;

export const KlineDownloadProgress = z.object({
  jobId: z.string(),
  venue: z.enum(KLINE_VENUES),
  symbol: z.string(),
  interval: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** Closed bars in the requested range. */
  total: z.number().int(),
  /** Bars that were already cached when the job started (a repeat download fetches only the rest). */
  cached: z.number().int(),
  /** Bars stored by this job so far. */
  fetched: z.number().int(),
  /** Requests sent to the venue. */
  pages: z.number().int(),
  /** Once done: bars the venue has no data for (before listing, maintenance); they stay missing. */
  missing: z.number().int(),
  /** Once failed: what went wrong, in words (venue, series and page included). */
  error: z.string().nullable(),
});
export type KlineDownloadProgress = z.infer<typeof KlineDownloadProgress>;

/** `total` is the closed bars in the range; how many of them are cached already comes with the first progress event. */
export const KlineDownloadStarted = z.object({ jobId: z.string(), total: z.number().int() });
export type KlineDownloadStarted = z.infer<typeof KlineDownloadStarted>;
