/**
 * Backtest throughput: `npm run bench:backtest` (tsx test/bench/backtest.bench.ts [candles]).
 * Streams N synthetic 1m candles (seeded random walk, generated on the fly, never stored) through
 * the backtester for `sma-cross` and `consensus`, then measures peers in the same process:
 *  - technicalindicators 3.1.0 computing the same two SMAs (10, 30) on the closes array;
 *  - indicatorts 2.2.2 `backtest()` of the same SMA cross (its sma() + actions + applyActions).
 * Peers get their input arrays prebuilt (not timed), which favours them.
 * Throughput is the median of 3 runs. Memory: heap after a forced GC at checkpoints while 1M candles stream through, to show it is flat.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { SMA } from 'technicalindicators';
import { backtest as itsBacktest, sma as itsSma, Action, type Asset } from 'indicatorts';
import { Backtester } from '../../src-main/core/backtest/backtester';
import { createStrategy } from '../../src-main/core/strategies/registry';
import { syntheticCandles } from '../support/synthetic-candles';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const N = Number(process.argv[2] ?? 1_000_000);

function timeBacktest(strategy: string, n: number, params: object = {}) {
  const bt = new Backtester({ strategy: createStrategy(strategy, params), feeRate: 0.001 });
  const t = performance.now();
  for (const c of syntheticCandles(n)) bt.push(c);
  const result = bt.finish();
  const s = (performance.now() - t) / 1000;
  return { candlesPerSecond: n / s, seconds: s, trades: result.trades.length, netPnl: result.metrics.netPnl };
}

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function memoryProfile(strategy: string, n: number): number[] {
  const bt = new Backtester({ strategy: createStrategy(strategy), feeRate: 0.001 });
  const marks: number[] = [heapMb()];
  let i = 0;
  for (const c of syntheticCandles(n)) {
    bt.push(c);
    if (++i % (n / 4) === 0) marks.push(heapMb());
  }
  bt.finish();
  return marks;
}

function baselineArrays(n: number) {
  const closes = new Array<number>(n);
  const asset: Asset = { dates: [], openings: [], closings: closes, highs: [], lows: [], volumes: [] };
  let i = 0;
  for (const c of syntheticCandles(n)) closes[i++] = c.close;
  return { closes, asset };
}

function timeTechnicalIndicators(closes: number[]) {
  const t = performance.now();
  const fast = SMA.calculate({ period: 10, values: closes });
  const slow = SMA.calculate({ period: 30, values: closes });
  const s = (performance.now() - t) / 1000;
  if (fast.length + slow.length === 0) throw new Error('no output');
  return { candlesPerSecond: closes.length / s, seconds: s };
}

function timeIndicatorts(asset: Asset) {
  const smaCross = (a: Asset): Action[] => {
    const f = itsSma(a.closings, { period: 10 });
    const sl = itsSma(a.closings, { period: 30 });
    return f.map((v, i) => (i < 30 ? Action.HOLD : v > sl[i]! && f[i - 1]! <= sl[i - 1]! ? Action.BUY : v < sl[i]! && f[i - 1]! >= sl[i - 1]! ? Action.SELL : Action.HOLD));
  };
  const t = performance.now();
  const [r] = itsBacktest(asset, [{ name: 'sma-cross', strategy: smaCross }]);
  const s = (performance.now() - t) / 1000;
  return { candlesPerSecond: asset.closings.length / s, seconds: s, gain: r?.gain };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** Median of 3 runs by throughput: the machine is shared, single runs are noisy. */
function median3<T extends { candlesPerSecond: number }>(run: () => T): T {
  const runs = [run(), run(), run()].sort((a, b) => a.candlesPerSecond - b.candlesPerSecond);
  return runs[1] as T;
}

// Warm up the JIT on a small run of each path.
timeBacktest('sma-cross', 200_000);
timeBacktest('consensus', 100_000);

const heapBefore = heapMb();
const sma = median3(() => timeBacktest('sma-cross', N));
const consensus = median3(() => timeBacktest('consensus', N));
const heapAfter = heapMb();
const memory = memoryProfile('consensus', N);

const { closes, asset } = baselineArrays(N);
timeTechnicalIndicators(closes.slice(0, 100_000));
const ti = median3(() => timeTechnicalIndicators(closes));
const its = median3(() => timeIndicatorts(asset));

console.log(`Backtest throughput on ${fmt(N)} streamed synthetic candles, median of 3 (Node ${process.version})`);
console.log(`  sma-cross (10/30)            ${fmt(sma.candlesPerSecond).padStart(12)} candles/s   ${sma.seconds.toFixed(3)} s   ${sma.trades} trades   target >= 2,000,000`);
console.log(`  consensus (defaults)         ${fmt(consensus.candlesPerSecond).padStart(12)} candles/s   ${consensus.seconds.toFixed(3)} s   ${consensus.trades} trades   target >= 300,000`);
console.log(`Baselines, same run:`);
console.log(`  technicalindicators SMA 10+30 ${fmt(ti.candlesPerSecond).padStart(11)} candles/s   ${ti.seconds.toFixed(3)} s   (indicators only, no backtest)`);
console.log(`  indicatorts backtest sma-cross ${fmt(its.candlesPerSecond).padStart(10)} candles/s   ${its.seconds.toFixed(3)} s`);
console.log(`  Jesse (published)            ~20,000 candles/s`);
console.log(`Heap (after GC): ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after both runs`);
console.log(
  `Heap while streaming ${fmt(N)} candles through consensus, at 0/25/50/75/100%: ${memory.map((m) => m.toFixed(1)).join(' / ')} MB` +
    ` (the slope is the trade list, ${consensus.trades} trades; candles are not retained)`,
);
console.log(
  JSON.stringify({
    candles: N,
    smaCross: Math.round(sma.candlesPerSecond),
    consensus: Math.round(consensus.candlesPerSecond),
    technicalindicatorsSma: Math.round(ti.candlesPerSecond),
    indicatortsBacktest: Math.round(its.candlesPerSecond),
    heapMb: { before: +heapBefore.toFixed(1), after: +heapAfter.toFixed(1), streaming: memory.map((m) => +m.toFixed(1)) },
  }),
);
const ok = sma.candlesPerSecond >= 2_000_000 && consensus.candlesPerSecond >= 300_000;
if (!ok) console.log('BELOW TARGET');
