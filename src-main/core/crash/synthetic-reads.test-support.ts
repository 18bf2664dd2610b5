// Synthetic OCR reads of a crash-game display, for the fit and plan tests.
import { displayedCentsAt } from '../../../src-shared/crash/growth';
import type { MultiplierSample } from './curve-fit';

export interface ReadScenario {
  readonly flightStartAt: number;
  readonly rate: number;
  /** Reads stop once the true multiplier reaches this. */
  readonly until: number;
  readonly intervalMs?: number;
  readonly jitterMs?: number;
  /** How stale the displayed frame is at capture time, uniform in [0, this). */
  readonly frameLagMs?: number;
  readonly seed?: number;
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

export function syntheticReads(scenario: ReadScenario): MultiplierSample[] {
  const random = seededRandom(scenario.seed ?? 1);
  const interval = scenario.intervalMs ?? 30;
  const jitter = scenario.jitterMs ?? 10;
  const lag = scenario.frameLagMs ?? 0;
  const end = scenario.flightStartAt + Math.log(scenario.until) / scenario.rate;
  const reads: MultiplierSample[] = [];
  for (let at = scenario.flightStartAt + random() * interval; at < end; at += interval + (random() * 2 - 1) * jitter) {
    const shownAt = at - random() * lag;
    reads.push({ at, multiplier: displayedCentsAt(shownAt - scenario.flightStartAt, scenario.rate) / 100 });
  }
  return reads;
}
