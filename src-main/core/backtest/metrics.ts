// Runs in: anywhere (pure).
import type { Metrics } from './types';

const YEAR_MS = 365.25 * 86_400_000;

/** Streaming metrics: O(1) memory, updated per candle and per closed trade. */
export class MetricsAccumulator {
  private bars = 0;
  private exposedBars = 0;
  private prevEquity: number;
  private returns = 0;
  private sumR = 0;
  private sumR2 = 0;
  private sumDown2 = 0;
  private peak: number;
  private maxDd = 0;
  private maxDdQuote = 0;
  private wins = 0;
  private losses = 0;
  private grossProfit = 0;
  private grossLoss = 0;
  private holdBars = 0;
  private holdTime = 0;
  private fees = 0;
  private lastEquity: number;

  constructor(readonly initialEquity: number) {
    this.prevEquity = this.peak = this.lastEquity = initialEquity;
  }

  onBar(equity: number, exposed: boolean): void {
    this.bars++;
    if (exposed) this.exposedBars++;
    const prev = this.prevEquity;
    if (prev > 0) {
      const r = equity / prev - 1;
      this.returns++;
      this.sumR += r;
      this.sumR2 += r * r;
      if (r < 0) this.sumDown2 += r * r;
    }
    this.prevEquity = this.lastEquity = equity;
    if (equity > this.peak) this.peak = equity;
    else {
      const dd = this.peak - equity;
      if (dd > this.maxDdQuote) this.maxDdQuote = dd;
      const ddPct = dd / this.peak;
      if (ddPct > this.maxDd) this.maxDd = ddPct;
    }
  }

  onTrade(pnl: number, holdBars: number, holdTime: number, fees: number): void {
    if (pnl > 0) {
      this.wins++;
      this.grossProfit += pnl;
    } else {
      this.losses++;
      this.grossLoss -= pnl;
    }
    this.holdBars += holdBars;
    this.holdTime += holdTime;
    this.fees += fees;
  }

  /** Closing equity may differ from the last bar's mark (the final forced exit pays fees). */
  setFinalEquity(equity: number): void {
    this.lastEquity = equity;
  }

  result(barsPerYear: number): Metrics {
    const trades = this.wins + this.losses;
    const n = this.returns;
    const mean = n > 0 ? this.sumR / n : 0;
    const variance = n > 1 ? (this.sumR2 - n * mean * mean) / (n - 1) : 0;
    const sd = variance > 0 ? Math.sqrt(variance) : 0;
    const downside = n > 0 ? Math.sqrt(this.sumDown2 / n) : 0;
    const annual = Math.sqrt(barsPerYear);
    const net = this.lastEquity - this.initialEquity;
    return {
      initialEquity: this.initialEquity,
      finalEquity: this.lastEquity,
      netPnl: net,
      netPnlPct: net / this.initialEquity,
      trades,
      winRate: trades > 0 ? this.wins / trades : 0,
      profitFactor: this.grossLoss > 0 ? this.grossProfit / this.grossLoss : null,
      sharpe: sd > 0 ? (mean / sd) * annual : 0,
      sortino: downside > 0 ? (mean / downside) * annual : 0,
      maxDrawdown: this.maxDd,
      maxDrawdownQuote: this.maxDdQuote,
      exposure: this.bars > 0 ? this.exposedBars / this.bars : 0,
      avgHoldBars: trades > 0 ? this.holdBars / trades : 0,
      avgHoldTime: trades > 0 ? this.holdTime / trades : 0,
      fees: this.fees,
      barsPerYear,
    };
  }
}

/** Bars per year from the smallest positive candle spacing (gaps only make spacing larger). */
export function barsPerYearFromSpacing(minSpacing: number, timeUnitMs: number): number {
  return minSpacing > 0 && Number.isFinite(minSpacing) ? YEAR_MS / (minSpacing * timeUnitMs) : 365;
}
