// Runs in: anywhere (pure).
import type { Candle, Intent, Side, Strategy } from './types';

/** A recorded or scheduled signal: acted on at the first candle whose time is >= `time`. */
export interface TimedSignal {
  readonly time: number;
  readonly action: 'enter' | 'exit';
  readonly side: Side;
  readonly sizeHint?: number;
  readonly stopPrice?: number;
  readonly takeProfitPrice?: number;
}

export interface ExternalSignalParams {
  readonly signals: readonly TimedSignal[];
}

/**
 * Intents that come from outside (a WS/SSE signal source, the UI). Live code calls push();
 * a backtest replays recorded `signals`. Either way one intent is released per candle, in
 * arrival order, so the result is deterministic for a given input.
 */
export class ExternalSignal implements Strategy {
  readonly name = 'external-signal';
  private readonly scheduled: TimedSignal[];
  private next = 0;
  private readonly queue: Intent[] = [];
  private head = 0;
  private stance = 0;

  constructor(params: ExternalSignalParams) {
    this.scheduled = [...params.signals].sort((a, b) => a.time - b.time);
  }

  /** Queue an intent to be released at the next candle. */
  push(intent: Intent): void {
    this.queue.push(intent);
  }

  onCandle(c: Candle): Intent | null {
    while (this.next < this.scheduled.length && (this.scheduled[this.next] as TimedSignal).time <= c.time) {
      const { time, ...rest } = this.scheduled[this.next++] as TimedSignal;
      this.queue.push({ ...rest, reason: `external signal @${time}` });
    }
    if (this.head >= this.queue.length) return null;
    const intent = this.queue[this.head++] as Intent;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head); // keep memory bounded on long live runs
      this.head = 0;
    }
    const sign = intent.side === 'long' ? 1 : -1;
    this.stance = intent.action === 'enter' ? sign : 0;
    return intent;
  }

  bias(): number {
    return this.stance;
  }
}
