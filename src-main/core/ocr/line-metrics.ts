import { median } from './median';
import type { Box } from './text-box';

/** Where the digits sit: the median top and bottom of the digit-sized glyphs. Glyph geometry is measured against it. */
export interface LineMetrics {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}

/**
 * The digit height is the median height of the taller glyphs, not the tallest one: a comma that touches its digit
 * makes one glyph taller than all the others and must not make the real digits look small.
 */
export function lineMetrics(glyphs: readonly Box[]): LineMetrics | null {
  const heightOf = (g: Box): number => g.y1 - g.y0;
  const tallest = Math.max(0, ...glyphs.map(heightOf));
  if (tallest === 0) return null;
  const digitHeight = median(glyphs.map(heightOf).filter((h) => h >= 0.7 * tallest));
  const tolerance = Math.max(1, 0.1 * digitHeight);
  const digits = glyphs.filter((g) => Math.abs(heightOf(g) - digitHeight) <= tolerance);
  const top = median(digits.map((g) => g.y0));
  const bottom = median(digits.map((g) => g.y1));
  return { top, bottom, height: Math.max(1, bottom - top) };
}
