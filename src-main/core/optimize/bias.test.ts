import { describe, expect, it } from 'vitest';
import { syntheticCandles } from '../../../test/support/synthetic-candles';
import { toColumns, type CandleColumns } from '../backtest/columns';
import { createStrategy, strategyNames } from '../strategies/registry';
import type { Candle, Intent, Strategy } from '../strategies/types';
import { checkBias } from './bias';

const cols = toColumns([...syntheticCandles(5000, 11)], false);

/**
 * Test only, never registered: buys when the *next* close is higher — the vectorised-backtest bug of
 * reading a shifted column. It sees whatever data it was built with, as such code does.
 */
class PeekingStrategy implements Strategy {
  readonly name = 'peeking';
  private bar = -1;
  private next = NaN;
  constructor(private readonly data: CandleColumns) {}
  onCandle(c: Candle): Intent | null {
    this.bar++;
    this.next = this.bar + 1 < this.data.length ? (this.data.close[this.bar + 1] as number) : NaN;
    if (this.next > c.close * 1.0005) return { action: 'enter', side: 'long', reason: 'knows the future' };
    if (this.next < c.close * 0.9995) return { action: 'exit', side: 'long', reason: 'knows the future' };
    return null;
  }
  bias(): number {
    return 0;
  }
  indicators() {
    return { nextClose: this.next };
  }
}

describe('check-bias', () => {
  const builtIns = strategyNames().filter((n) => n !== 'external-signal');

  it.each(builtIns)('passes %s: no lookahead, and indicators converge from later starts', (name) => {
    const report = checkBias(() => createStrategy(name), cols);
    expect(report.lookahead.signalsChecked).toBeGreaterThan(10);
    expect(report.lookahead).toMatchObject({ ok: true, mismatches: 0, indicators: [] });
    expect(report.warmup.offsets).toEqual([240, 960, 2400]);
    expect(report.warmup).toMatchObject({ ok: true, unstable: [], lateSignalMismatches: 0 });
    expect(report.ok).toBe(true);
  });

  it('passes external-signal (no indicators, scheduled intents)', () => {
    const signals = [1000, 2000, 3000].map((i, k) => ({ time: cols.time[i]!, action: k % 2 ? 'exit' : 'enter' }));
    expect(checkBias(() => createStrategy('external-signal', { signals }), cols).ok).toBe(true);
  });

  it('catches a strategy that reads the next candle, and names the signal and the indicator', () => {
    const report = checkBias((visible) => new PeekingStrategy(visible), cols);
    expect(report.ok).toBe(false);
    expect(report.lookahead.ok).toBe(false);
    expect(report.lookahead.mismatches).toBe(report.lookahead.signalsChecked);
    expect(report.lookahead.indicators).toEqual(['nextClose']);
    expect(report.lookahead.examples[0]).toMatchObject({ truncated: 'none' });
    expect(report.lookahead.examples[0]!.full).toMatch(/^(enter|exit) long$/);
  });

  it('catches an indicator that depends on where the data starts (a running total, never converging)', () => {
    class Cumulative implements Strategy {
      readonly name = 'cumulative';
      private sum = 0;
      onCandle(c: Candle): Intent | null {
        this.sum += c.close;
        return null;
      }
      bias() {
        return 0;
      }
      indicators() {
        return { cumulativeClose: this.sum };
      }
    }
    const report = checkBias(() => new Cumulative(), cols);
    expect(report.lookahead.ok).toBe(true);
    expect(report.warmup.ok).toBe(false);
    expect(report.warmup.unstable).toEqual(['cumulativeClose']);
  });
});
