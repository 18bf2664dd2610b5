// Runs in: engine. Kline downloads started from the app: the CLI's own path (KlineSource + syncKlines, so
// resume and gap repair are the same), in the background, with progress on the bus.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CallFailure, DOWNLOAD_INTERVAL_MS, type KlineDownloadInput, type KlineDownloadProgress, type KlineDownloadStarted } from '../../../src-shared/contract';
import type { CandleCache } from '../../adapters/store/candle-cache';
import { syncKlines } from '../../adapters/backtest/kline-sync';
import { createKlineSource, type KlineSourceOptions } from '../../adapters/exchange/shared/kline-venues';
import { barsIn, closedRange } from '../../core/backtest/kline-range';
import { silentLogger, type Logger } from '../../core/logging/logger';
import type { EventBus } from '../event-bus';

export interface KlineDownloadsOptions {
  readonly bus: EventBus;
  readonly cache: CandleCache;
  /**
   * Where every venue's REST is served instead of its official public host. Set only by the shell from
   * its environment for tests (the local simulator); never by a call, so the UI cannot aim the engine anywhere.
   */
  readonly baseUrl?: string;
  /** The rest of the source options: the process-wide rate budgets, and test seams (transport, retries). */
  readonly source?: Omit<KlineSourceOptions, 'baseUrl'>;
  readonly maxConcurrent?: number;
  readonly now?: () => number;
  readonly log?: Logger;
}

type Input = z.output<typeof KlineDownloadInput>;

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class KlineDownloads {
  /** jobId → series, so one series is never downloaded by two jobs at once. */
  private readonly running = new Map<string, string>();

  constructor(private readonly options: KlineDownloadsOptions) {}

  /** Refuses at once what cannot start (nothing closed yet, a duplicate, too many jobs); the download itself continues in the background. */
  start(input: Input): KlineDownloadStarted & { finished: Promise<KlineDownloadProgress> } {
    const step = DOWNLOAD_INTERVAL_MS[input.interval];
    const range = closedRange(input.from, input.to, step, (this.options.now ?? Date.now)());
    if (range.to === null) throw new CallFailure('BAD_INPUT', `No ${input.interval} bar between ${iso(input.from)} and ${iso(input.to)} has closed yet.`);
    const series = `${input.venue} ${input.symbol} ${input.interval}`;
    if ([...this.running.values()].includes(series)) throw new CallFailure('CONFLICT', `${series} is already downloading; wait for it to finish.`);
    if (this.running.size >= (this.options.maxConcurrent ?? 2)) throw new CallFailure('CONFLICT', 'Two downloads are already running; wait for one to finish.');
    const jobId = randomUUID();
    this.running.set(jobId, series);
    const finished = this.execute(jobId, input, range.from, range.to, range.bars).finally(() => this.running.delete(jobId));
    return { jobId, total: range.bars, finished };
  }

  private async execute(jobId: string, input: Input, from: number, to: number, total: number): Promise<KlineDownloadProgress> {
    const { venue, symbol, interval } = input;
    let state: KlineDownloadProgress = { jobId, venue, symbol, interval, state: 'running', total, cached: 0, fetched: 0, pages: 0, missing: 0, error: null };
    const emit = (patch: Partial<KlineDownloadProgress>) => {
      state = { ...state, ...patch };
      this.options.bus.emit('backtest.downloadProgress', state);
      return state;
    };
    try {
      // Let the call's answer (the job id) go out before the first progress event.
      await nextTurn();
      const source = createKlineSource(venue, { ...this.options.source, baseUrl: this.options.baseUrl });
      const key = { exchange: venue, symbol, interval };
      const r = await syncKlines(source, this.options.cache, key, from, to, 1000, (p) => emit({ cached: total - p.missing, fetched: p.fetched, pages: p.pages }));
      const missing = barsIn(r.unfilled, DOWNLOAD_INTERVAL_MS[interval]);
      // An unknown symbol is answered with an empty list, not an error: say so rather than report "done, 0 bars".
      if (missing >= total) return emit({ state: 'failed', pages: r.pages, missing, error: `${venue} has no ${symbol} ${interval} candles between ${iso(from)} and ${iso(to)}. Is ${symbol} listed there?` });
      return emit({ state: 'done', fetched: r.fetched, pages: r.pages, missing });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      (this.options.log ?? silentLogger).error(`kline download ${venue} ${symbol} ${interval} failed: ${message}`);
      return emit({ state: 'failed', error: message });
    }
  }
}
