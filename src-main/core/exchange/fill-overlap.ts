// Runs in: anywhere (pure).
import type { Fill } from './types';

const EPS = 1e-12;

/** The cumulative quantity a fill id (`order@cumulative`) ends at; undefined for ids of another shape. */
export function cumulativeOf(tradeId: string): number | undefined {
  const at = tradeId.lastIndexOf('@');
  const n = at < 0 ? NaN : Number(tradeId.slice(at + 1));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A fill derived from a REST snapshot covers every trade since the previous snapshot, e.g. (0, 1].
 * When the venue's own report of one of those trades arrives later, e.g. (0, 0.5], the derived fill
 * must give that part up, or the quantity is counted twice if the report of (0.5, 1] never comes
 * (the stream dropped in between). Venue reports never overlap each other, so whatever overlaps an
 * incoming report is derived. Returns the derived fill shrunk (quote kept consistent), or null when
 * nothing is left of it; undefined when the two do not overlap.
 */
export function trimOverlap(existing: Fill, report: Fill): Fill | null | undefined {
  if (existing.clientOrderId !== report.clientOrderId || existing.tradeId === report.tradeId) return undefined;
  const top = cumulativeOf(existing.tradeId);
  const reportTop = cumulativeOf(report.tradeId);
  if (top === undefined || reportTop === undefined) return undefined;
  const overlap = Math.min(top, reportTop) - Math.max(top - existing.quantity, reportTop - report.quantity);
  if (overlap <= EPS) return undefined;
  const quantity = existing.quantity - overlap;
  if (quantity <= EPS) return null;
  return { ...existing, quantity, price: (existing.price * existing.quantity - report.price * overlap) / quantity };
}
