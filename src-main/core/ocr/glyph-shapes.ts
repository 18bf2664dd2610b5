import type { LineMetrics } from './line-metrics';
import type { Box } from './text-box';

/** Font-independent glyph classes from geometry alone: digit height, x height, or a punctuation mark. */
export type GlyphShape = 'tall' | 'mid' | 'dot' | 'comma';

const TALL_HEIGHT = 0.85;
/** Punctuation is low and narrow; an x is at least as wide as it is half the digit height. */
const PUNCTUATION_HEIGHT = 0.6;
const PUNCTUATION_WIDTH = 0.32;
/** A comma's tail hangs below the digits' baseline; a point and an x sit on it, a × above it. */
const BELOW_BASELINE = 1.06;

export function glyphShape(glyph: Box, line: LineMetrics): GlyphShape {
  const height = (glyph.y1 - glyph.y0) / line.height;
  if (height >= TALL_HEIGHT) return 'tall';
  const descends = (glyph.y1 - line.top) / line.height > BELOW_BASELINE;
  if (height < PUNCTUATION_HEIGHT && descends) return 'comma';
  const width = (glyph.x1 - glyph.x0) / line.height;
  return height < PUNCTUATION_HEIGHT && width < PUNCTUATION_WIDTH ? 'dot' : 'mid';
}

/**
 * Whether `char` can be drawn as a glyph of `shape` (an upper-case X is as tall as digits). Point and comma are
 * interchangeable here: at small sizes a comma's tail is a pixel or less, and the digit grouping decides instead.
 */
export function charFitsShape(char: string, shape: GlyphShape): boolean {
  if (char >= '0' && char <= '9') return shape === 'tall';
  if (char === 'x' || char === '×') return shape === 'mid' || shape === 'tall';
  if (char === '.' || char === ',') return shape === 'dot' || shape === 'comma';
  return false;
}

export function textFitsShapes(text: string, shapes: readonly GlyphShape[]): boolean {
  const chars = [...text];
  return chars.length === shapes.length && chars.every((c, i) => charFitsShape(c, shapes[i] ?? 'tall'));
}
