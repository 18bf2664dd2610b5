// Runs in: anywhere (pure).
import { Donchian } from '../indicators/rolling-extreme';
import { VolumeSma } from '../indicators/volume-sma';
import type { Candle, Intent, Strategy } from './types';

export interface BreakoutParams {
  /** Enter when the close exceeds the highest high of the previous `period` bars. */
  readonly period: number;
  /** Exit when the close falls below the lowest low of the previous `exitPeriod` bars. */
  readonly exitPeriod: number;
  readonly volumePeriod: number;
  /** Breakout volume must be at least this multiple of the average volume of the previous bars. */
  readonly volumeFactor: number;
}

/**
 * Donchian breakout with volume confirmation (turtle-style). Channels are read *before* the
 * current bar is added, so a bar is compared with the bars before it, never with itself.
 */
export class Breakout implements Strategy {
  readonly name = 'breakout';
  private readonly entryChannel: Donchian;
  private readonly exitChannel: Donchian;
  private readonly volume: VolumeSma;
  private stance = 0;

  constructor(private readonly params: BreakoutParams) {
    this.entryChannel = new Donchian(params.period);
    this.exitChannel = new Donchian(params.exitPeriod);
    this.volume = new VolumeSma(params.volumePeriod);
  }

  onCandle(c: Candle): Intent | null {
    const high = this.entryChannel.upper;
    const low = this.entryChannel.lower;
    const exitLow = this.exitChannel.lower;
    const avgVolume = this.volume.value;
    this.entryChannel.update(c.high, c.low);
    this.exitChannel.update(c.high, c.low);
    this.volume.update(c.volume);
    if (avgVolume !== avgVolume || high !== high || exitLow !== exitLow) return null;

    const confirmed = c.volume >= this.params.volumeFactor * avgVolume;
    if (c.close > high && confirmed) {
      const wasLong = this.stance === 1;
      this.stance = 1;
      return wasLong ? null : { action: 'enter', side: 'long', stopPrice: exitLow, reason: `breakout: close above ${this.params.period}-bar high on volume` };
    }
    if (this.stance === 1 && c.close < exitLow) {
      this.stance = 0;
      return { action: 'exit', side: 'long', reason: `breakout: close below ${this.params.exitPeriod}-bar low` };
    }
    if (c.close < low && confirmed) this.stance = -1;
    else if (this.stance === -1 && c.close > this.exitChannel.middle) this.stance = 0;
    return null;
  }

  bias(): number {
    return this.stance;
  }

  indicators(): Readonly<Record<string, number>> {
    const entry = this.entryChannel;
    return { channelHigh: entry.upper, channelLow: entry.lower, exitLow: this.exitChannel.lower, volumeSma: this.volume.value, stance: this.stance };
  }
}
