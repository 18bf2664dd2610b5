// Runs in: anywhere (pure).
import { forEachCandle, type CandleColumns } from '../backtest/columns';
import type { Intent, Strategy } from '../strategies/types';

/**
 * Builds the strategy for one run, given only the candles that run may see. Registered strategies
 * ignore it; a strategy that reads ahead in the data it was handed (the classic vectorised-backtest
 * bug) gets the truncated data here, and that is what makes it show.
 */
export type StrategyFactory = (visible: CandleColumns) => Strategy;

export interface BiasOptions {
  /** Start offsets for the warm-up check; default: up to three of 240, 960, 2400 below half the data. */
  readonly offsets?: readonly number[];
  /** Relative tolerance for "the same value" (floating-point sums may drift in the last bits). */
  readonly tolerance?: number;
}

export interface SignalDiff {
  readonly bar: number;
  readonly time: number;
  readonly full: string;
  readonly truncated: string;
}

export interface IndicatorDrift {
  readonly name: string;
  /** Largest relative difference once both runs had a value. */
  readonly maxDeviation: number;
  /** At the last bar. */
  readonly lastDeviation: number;
  /** First bar from which the values stay within tolerance; null if they never settle. */
  readonly settledAt: number | null;
}

export interface BiasReport {
  readonly strategy: string;
  readonly candles: number;
  readonly lookahead: {
    readonly ok: boolean;
    readonly signalsChecked: number;
    readonly mismatches: number;
    readonly examples: readonly SignalDiff[];
    /** Indicators whose value at a signal's candle changed when the later candles were hidden. */
    readonly indicators: readonly string[];
  };
  readonly warmup: {
    readonly ok: boolean;
    readonly offsets: readonly number[];
    /** Indicators that had not converged to the full run's values by the last candle. */
    readonly unstable: readonly string[];
    readonly drift: readonly IndicatorDrift[];
    /** Signals that still differ in the second half of an offset run. */
    readonly lateSignalMismatches: number;
  };
  readonly ok: boolean;
}

/** Bars [from, to) as columns of their own (views, no copy). */
export function sliceColumns(cols: CandleColumns, from: number, to: number): CandleColumns {
  return {
    length: to - from,
    buffer: cols.buffer,
    time: cols.time.subarray(from, to),
    open: cols.open.subarray(from, to),
    high: cols.high.subarray(from, to),
    low: cols.low.subarray(from, to),
    close: cols.close.subarray(from, to),
    volume: cols.volume.subarray(from, to),
  };
}

const describe = (i: Intent | null) => (i === null ? 'none' : `${i.action} ${i.side}`);

/** Feeds bars [0, cols.length) and calls `each` after every bar. */
function replay(strategy: Strategy, cols: CandleColumns, each: (bar: number, intent: Intent | null) => void): void {
  forEachCandle(cols, 0, cols.length, (c, i) => each(i, strategy.onCandle(c)));
}

/** The full run: intents and indicator values per bar. */
class Recording {
  readonly intents: (string | null)[] = [];
  names: string[] = [];
  values = new Float64Array(0);

  constructor(strategy: Strategy, cols: CandleColumns) {
    replay(strategy, cols, (bar, intent) => {
      this.intents.push(intent === null ? null : describe(intent));
      const ind = strategy.indicators?.() ?? {};
      if (bar === 0) {
        this.names = Object.keys(ind);
        this.values = new Float64Array(cols.length * this.names.length);
      }
      this.names.forEach((n, k) => (this.values[bar * this.names.length + k] = ind[n] ?? NaN));
    });
  }

  value(bar: number, k: number): number {
    return this.values[bar * this.names.length + k] as number;
  }
}

function deviation(a: number, b: number): number {
  if (a !== a || b !== b) return a !== a && b !== b ? 0 : NaN;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

export function checkBias(make: StrategyFactory, cols: CandleColumns, options: BiasOptions = {}): BiasReport {
  const tol = options.tolerance ?? 1e-9;
  const full = new Recording(make(cols), cols);
  const lookahead = checkLookahead(make, cols, full, tol);
  const warmup = checkWarmup(make, cols, full, tol, options.offsets ?? defaultOffsets(cols.length));
  return { strategy: make(sliceColumns(cols, 0, 0)).name, candles: cols.length, lookahead, warmup, ok: lookahead.ok && warmup.ok };
}

function defaultOffsets(n: number): number[] {
  return [240, 960, 2400].filter((o) => o < n / 2);
}

/** At every signal's candle, rerun on the data up to and including it: the signal and indicators must not change. */
function checkLookahead(make: StrategyFactory, cols: CandleColumns, full: Recording, tol: number): BiasReport['lookahead'] {
  const examples: SignalDiff[] = [];
  const changed = new Set<string>();
  let checked = 0;
  let mismatches = 0;
  full.intents.forEach((expected, bar) => {
    if (expected === null) return;
    checked++;
    const visible = sliceColumns(cols, 0, bar + 1);
    const strategy = make(visible);
    let last: Intent | null = null;
    replay(strategy, visible, (_, intent) => (last = intent));
    const got = describe(last);
    const ind = strategy.indicators?.() ?? {};
    full.names.forEach((n, k) => {
      const d = deviation(ind[n] ?? NaN, full.value(bar, k));
      if (!(d <= tol)) changed.add(n); // NaN: defined in one run only
    });
    if (got !== expected) {
      mismatches++;
      if (examples.length < 10) examples.push({ bar, time: cols.time[bar] as number, full: expected, truncated: got });
    }
  });
  return { ok: mismatches === 0 && changed.size === 0, signalsChecked: checked, mismatches, examples, indicators: [...changed] };
}

/** Start later by each offset: once warmed up, the indicators must converge to the full run's and the signals follow. */
function checkWarmup(make: StrategyFactory, cols: CandleColumns, full: Recording, tol: number, offsets: readonly number[]): BiasReport['warmup'] {
  const k = full.names.length;
  const maxDev = new Float64Array(k);
  const lastDev = new Float64Array(k);
  const settled = new Array<number | null>(k).fill(0);
  let late = 0;
  for (const offset of offsets) {
    const visible = sliceColumns(cols, offset, cols.length);
    const strategy = make(visible);
    const half = offset + Math.floor((cols.length - offset) / 2);
    replay(strategy, visible, (i, intent) => {
      const bar = offset + i;
      const ind = strategy.indicators?.() ?? {};
      for (let j = 0; j < k; j++) {
        const mine = ind[full.names[j] as string] ?? NaN;
        if (mine !== mine) continue; // still warming up in this run
        const d = deviation(mine, full.value(bar, j));
        const dev = Number.isNaN(d) ? Infinity : d;
        if (dev > (maxDev[j] as number)) maxDev[j] = dev;
        const was = settled[j] ?? null;
        if (dev > tol) settled[j] = was === null || bar + 1 >= cols.length ? null : Math.max(was, bar + 1);
        if (bar === cols.length - 1) lastDev[j] = Math.max(lastDev[j] as number, dev);
      }
      if (bar >= half && (intent === null ? null : describe(intent)) !== full.intents[bar]) late++;
    });
  }
  const drift = full.names.map((name, j) => ({ name, maxDeviation: maxDev[j] as number, lastDeviation: lastDev[j] as number, settledAt: settled[j] ?? null }));
  const unstable = drift.filter((d) => d.settledAt === null || d.lastDeviation > tol).map((d) => d.name);
  return { ok: unstable.length === 0 && late === 0, offsets, unstable, drift, lateSignalMismatches: late };
}
