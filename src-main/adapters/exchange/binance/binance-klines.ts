// Runs in: engine.
import type { ServerClock } from '../../../core/exchange/server-clock';
import type { Kline } from '../../../core/exchange/types';
import type { BinanceRest } from './binance-rest';
import { BinanceKlines, toKlines } from './binance-schemas';

/** Spot and USDⓈ-M futures answer klines in one array format; only the path and its weight differ. */
export async function fetchBinanceKlines(
  rest: BinanceRest,
  clock: ServerClock,
  endpoint: { readonly path: string; readonly weight: number },
  symbol: string,
  interval: string,
  opts: { startTime?: number; limit?: number },
): Promise<Kline[]> {
  const params: Array<[string, string | number]> = [['symbol', symbol], ['interval', interval]];
  if (opts.startTime !== undefined) params.push(['startTime', opts.startTime]);
  params.push(['limit', opts.limit ?? 500]);
  const { body } = await rest.call({ method: 'GET', path: endpoint.path, params, signed: false, weight: endpoint.weight, group: 'market', isWrite: false });
  return toKlines(symbol, interval, BinanceKlines.parse(body), clock.serverNow());
}
