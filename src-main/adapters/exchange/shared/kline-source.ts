// Runs in: engine and CLI. Historical klines for the backtest cache, over the connectors' own
// REST transports, so downloads share their weight budget, breakers, retries and server clock.
import { ExchangeError } from '../../../core/exchange/errors';
import type { ServerClock } from '../../../core/exchange/server-clock';
import { assertBinanceInterval, bybitIntervalName, pageWindow } from '../../../core/backtest/kline-request';
import { intervalMs, type KlineSource } from '../../../core/backtest/klines';
import type { Candle } from '../../../core/strategies/types';
import type { BinanceRest } from '../binance/binance-rest';
import type { BybitRest } from '../bybit/bybit-rest';
import { binanceKlinePage, bybitKlinePage, KlineReplyError } from './kline-pages';

type PageRequest = Parameters<KlineSource['fetchKlines']>[0];

/** Says which venue, series and page failed: a bare "HTTP 200" or zod path means nothing in a CLI. */
export class KlineDownloadError extends Error {
  override readonly name = 'KlineDownloadError';
}

function reason(e: unknown): string {
  if (e instanceof SyntaxError) return `reply is not JSON (${e.message})`;
  if (e instanceof ExchangeError && e.classified.httpStatus === 200 && e.classified.code === undefined) return 'reply is not a Bybit v5 envelope (malformed JSON or wrong shape)';
  if (e instanceof KlineReplyError) return `malformed reply: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** Syncs the server clock once per source: "closed" is judged on the venue's clock, not ours. */
abstract class ClockedSource implements KlineSource {
  private synced: Promise<void> | undefined;

  constructor(
    protected readonly venue: string,
    protected readonly clock: ServerClock,
    private readonly syncTime: () => Promise<void>,
  ) {}

  async fetchKlines(req: PageRequest): Promise<readonly Candle[]> {
    const where = `${this.venue} ${req.symbol} ${req.interval} klines from ${new Date(req.startTime).toISOString()}`;
    try {
      this.synced ??= this.syncTime();
      await this.synced;
      return await this.page(req, this.clock.serverNow());
    } catch (e) {
      this.synced = undefined;
      throw new KlineDownloadError(`${where}: ${reason(e)}`, { cause: e });
    }
  }

  /** `asOf` is taken before sending, so a bar that closes while the request is in flight is not cached. */
  protected abstract page(req: PageRequest, asOf: number): Promise<Candle[]>;
}

/** GET /api/v3/klines (spot) or /fapi/v1/klines (USDⓈ-M futures). */
export class BinanceKlineSource extends ClockedSource {
  constructor(
    private readonly rest: BinanceRest,
    clock: ServerClock,
    private readonly market: 'spot' | 'futures',
  ) {
    super(market === 'spot' ? 'binance' : 'binance-futures', clock, () => rest.syncTime());
  }

  protected async page(req: PageRequest, asOf: number): Promise<Candle[]> {
    assertBinanceInterval(req.interval);
    const w = pageWindow(req.startTime, req.endTime, req.limit, req.interval);
    const { body } = await this.rest.call({
      method: 'GET',
      path: this.market === 'spot' ? '/api/v3/klines' : '/fapi/v1/klines',
      params: [['symbol', req.symbol], ['interval', req.interval], ['startTime', w.startTime], ['endTime', w.endTime], ['limit', w.limit]],
      signed: false,
      weight: this.market === 'spot' ? 2 : futuresWeight(w.limit),
      group: 'market',
      isWrite: false,
    });
    return binanceKlinePage(body, asOf);
  }
}

// fapi charges klines by page size.
function futuresWeight(limit: number): number {
  return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
}

/** GET /v5/market/kline for category spot or linear. */
export class BybitKlineSource extends ClockedSource {
  constructor(
    private readonly rest: BybitRest,
    clock: ServerClock,
    private readonly category: 'spot' | 'linear',
  ) {
    super(`bybit-${category}`, clock, () => rest.syncTime());
  }

  protected async page(req: PageRequest, asOf: number): Promise<Candle[]> {
    const name = bybitIntervalName(req.interval);
    const w = pageWindow(req.startTime, req.endTime, req.limit, req.interval);
    const { result } = await this.rest.call({
      method: 'GET',
      path: '/v5/market/kline',
      query: [['category', this.category], ['symbol', req.symbol], ['interval', name], ['start', w.startTime], ['end', w.endTime], ['limit', w.limit]],
      signed: false,
      group: 'market',
      isWrite: false,
    });
    return bybitKlinePage(result, intervalMs(req.interval), asOf);
  }
}
