// Runs in: engine.
import type { Kline, Unsubscribe } from '../../../core/exchange/types';
import { ResilientStream, type ResilientStreamOptions } from './ws-stream';

export interface KlineFeedOptions {
  readonly symbol: string;
  readonly interval: string;
  readonly url: string;
  /** Frames to send after connecting (Bybit subscribe); Binance raw streams need none. */
  readonly subscribeFrames?: readonly string[];
  /** Parses one frame; returns undefined for frames that are not klines (acks, pongs). */
  readonly parse: (text: string) => Kline | undefined;
  readonly backfill: (startTime: number) => Promise<Kline[]>;
  readonly onKline: (k: Kline) => void;
  readonly onBackfillError?: (e: unknown) => void;
  readonly stream: Pick<ResilientStreamOptions, 'staleAfterMs' | 'maxLifetimeMs' | 'backoff' | 'appPing'>;
}

/**
 * Kline subscription that survives stalls and disconnects: after every reconnect the gap is filled
 * from REST, starting at the candle that was open when the stream went quiet. Older or duplicate
 * frames are dropped so consumers see each candle's updates in order.
 */
export function startKlineFeed(opts: KlineFeedOptions): { unsubscribe: Unsubscribe; stream: ResilientStream } {
  let lastOpenTime = 0;
  let lastClosed = false;
  const emit = (k: Kline): void => {
    if (k.openTime < lastOpenTime || (k.openTime === lastOpenTime && lastClosed)) return;
    lastOpenTime = k.openTime;
    lastClosed = k.closed;
    opts.onKline(k);
  };
  // While the gap is being fetched, live frames wait, so history is delivered before them.
  let held: Kline[] | undefined;
  const stream = new ResilientStream({
    ...opts.stream,
    url: () => opts.url,
    onOpen: (send) => opts.subscribeFrames?.forEach(send),
    onMessage: (text) => {
      const k = opts.parse(text);
      if (!k) return;
      if (held) held.push(k);
      else emit(k);
      return k.eventTime;
    },
    onReconnected: () => {
      const queue: Kline[] = [];
      held = queue;
      const release = () => {
        if (held === queue) held = undefined;
        queue.forEach(emit);
      };
      opts.backfill(lastOpenTime).then(
        (ks) => {
          ks.sort((a, b) => a.openTime - b.openTime).forEach(emit);
          release();
        },
        (e: unknown) => {
          opts.onBackfillError?.(e);
          release();
        },
      );
    },
  });
  stream.start();
  return { unsubscribe: () => stream.stop(), stream };
}
