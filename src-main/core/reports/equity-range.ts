// Runs in: anywhere (pure).
import type { EquityPoint, EquityRange } from '../../../src-shared/contract/services/history';

/** Where a range starts: the engine's start, local midnight, or the beginning of the records. */
export function equityRangeStart(range: EquityRange, now: number, sessionStart: number): number {
  if (range === 'session') return sessionStart;
  if (range === 'day') return new Date(now).setHours(0, 0, 0, 0);
  return 0;
}

/**
 * At most `max` points, evenly spaced by index, always keeping the first and the last: months of 5-minute snapshots
 * would otherwise send tens of thousands of points to a chart a few hundred pixels wide.
 */
export function thinPoints(points: readonly EquityPoint[], max: number): EquityPoint[] {
  if (points.length <= max) return [...points];
  if (max < 2) return points.slice(-1);
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}
