// Runs in: engine. The latencies the markets report for /metrics: each venue REST request, and a closed candle to the order it caused.
import type { RestTiming } from '../../adapters/exchange/shared/http';
import { errorText, silentLogger, type Logger } from '../../core/logging/logger';
import type { RestVenue } from './venue-connector';

export type MarketTiming =
  | ({ readonly kind: 'rest'; readonly venue: RestVenue } & RestTiming)
  /** From the engine receiving the closed candle a strategy decided on to its market order being handed to the venue. */
  | { readonly kind: 'tick-to-order'; readonly ms: number };

/** Fans timings out to listeners; a listener that throws is logged and never reaches the order path that reported. */
export class MarketTimings {
  private readonly listeners = new Set<(timing: MarketTiming) => void>();

  constructor(private readonly log: Logger = silentLogger) {}

  on(listener: (timing: MarketTiming) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(timing: MarketTiming): void {
    for (const listener of this.listeners) {
      try {
        listener(timing);
      } catch (error) {
        this.log.warn(`a timing listener failed: ${errorText(error)}`);
      }
    }
  }
}
