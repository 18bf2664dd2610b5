// Runs in: anywhere (pure).
import { glyphShape } from './glyph-shapes';
import type { LineMetrics } from './line-metrics';
import { median } from './median';
import type { Box } from './text-box';

export interface CutLine {
  readonly glyphs: readonly Box[];
  readonly line: LineMetrics;
}

/** A decimal point widens its gap by at least this share of the digit height over the line's usual digit gap. */
const MIN_EXTRA_GAP = 0.15;

/**
 * Whether a reading of a line without a decimal point left room for the point another reading of it shows: two
 * colour splits of one glowing number disagree when the glow's split drops the point (it reads 28555 where the
 * core's reads 285.55). The point's reading stands only when, in the other, the gap before digit `digitsBefore`
 * is wider than the line's usual gap between digits by a point's width and the point lies in it. A star or a speck
 * taken for a point sits in an ordinary gap, so the two readings still disagree.
 */
export function roomForPoint(withoutPoint: CutLine, digitsBefore: number, point: Box): boolean {
  const digits = withoutPoint.glyphs.filter((g) => glyphShape(g, withoutPoint.line) === 'tall');
  const left = digits[digitsBefore - 1];
  const right = digits[digitsBefore];
  if (!left || !right) return false;
  const gaps = digits.slice(1).map((g, i) => g.x0 - (digits[i]?.x1 ?? g.x0));
  const others = gaps.filter((_, i) => i !== digitsBefore - 1);
  const usual = others.length > 0 ? median(others) : 0;
  const gap = right.x0 - left.x1;
  return gap - usual >= MIN_EXTRA_GAP * withoutPoint.line.height && point.x0 >= left.x1 && point.x1 <= right.x0;
}
