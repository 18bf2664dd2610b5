// Runs in: anywhere (pure).
/**
 * Streaming indicator contract. Every indicator is written once, as a streaming update
 * (O(1) per value); batch results are the same updates run over an array (see batch.ts).
 * Values are NaN until the indicator has enough input ("warm-up"), so hot loops never allocate.
 */
export interface ScalarIndicator {
  /** Feeds one value and returns the indicator value after it (NaN while warming up). */
  update(value: number): number;
  /** Last value returned by update (NaN while warming up). */
  readonly value: number;
  readonly ready: boolean;
  reset(): void;
}

export interface Bar {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}
