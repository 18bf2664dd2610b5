// Runs in: engine and CLI (pure). Which bars a download can ask for, and how many it expects.
import { alignDown, type Gap } from './klines';

/** Bars in inclusive open-time ranges on a `step` grid. */
export const barsIn = (gaps: readonly Gap[], step: number): number => gaps.reduce((n, g) => n + (g.to - g.from) / step + 1, 0);

/**
 * The download range clamped to closed bars: the bar still forming can never be cached, so asking
 * for it would only report it missing. `to` is null when nothing in [from, to] has closed yet.
 */
export function closedRange(from: number, to: number, step: number, now: number): { from: number; to: number | null; bars: number } {
  const first = Math.ceil(from / step) * step;
  const last = alignDown(Math.min(to, alignDown(now, step) - step), step);
  return last < first ? { from, to: null, bars: 0 } : { from, to: last, bars: (last - first) / step + 1 };
}
