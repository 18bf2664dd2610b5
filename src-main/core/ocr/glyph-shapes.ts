// Runs in: anywhere (pure).
import type { LineMetrics } from './line-metrics';
import { median } from './median';
import type { Box } from './text-box';

/** Font-independent glyph classes from geometry alone: digit height, x height, or a punctuation mark. */
export type GlyphShape = 'tall' | 'mid' | 'dot' | 'comma';

const TALL_HEIGHT = 0.85;
/** A comma is low; an x or × is at least this tall (x heights are 0.65–0.8 of the digit height, a × about 0.5)... */
const PUNCTUATION_HEIGHT = 0.6;
/** ...and a point is lower than any x, however wide a heavy font draws it. */
const POINT_HEIGHT = 0.38;
/** A comma's tail hangs below the digits' baseline; a point and an x sit on it, a × above it. */
const BELOW_BASELINE = 1.06;

export function glyphShape(glyph: Box, line: LineMetrics): GlyphShape {
  const height = (glyph.y1 - glyph.y0) / line.height;
  if (height >= TALL_HEIGHT) return 'tall';
  const descends = (glyph.y1 - line.top) / line.height > BELOW_BASELINE;
  if (height < PUNCTUATION_HEIGHT && descends) return 'comma';
  return height < POINT_HEIGHT ? 'dot' : 'mid';
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

/**
 * Whether glyphs that cannot be matched to a read one to one (a 2 whose faded top measures as a mark, a star fused
 * above a 9) still place its decimal point: they show its separators where it has them, the characters before the
 * point fit the glyphs before it one to one, and no more glyphs follow than characters do. A glyph left over is a digit the read dropped
 * ("2.3x" on "2.35x"); a point where the glyphs show none, or one more, is not the screen's. The one exception is a
 * point fused to the digit before or after it, which leaves that glyph wider than a digit by a point's width.
 */
export function glyphsPlacePoint(text: string, glyphs: readonly Box[], shapes: readonly GlyphShape[], line: LineMetrics): boolean {
  const chars = [...text];
  const point = chars.indexOf('.');
  if (point < 0 || !textFitsShapes(chars.slice(0, point).join(''), shapes.slice(0, point))) return false;
  const separators = chars.flatMap((c, i) => (c === '.' || c === ',' ? [i] : []));
  const points = shapes.flatMap((s, i) => (s === 'dot' || s === 'comma' ? [i] : []));
  if (points.length > 0) return points.length === separators.length && points.every((at, i) => at === separators[i]) && shapes.length <= chars.length;
  // A point fused to a digit beside it (an italic, a glow or tight tracking joins them) widens that digit by a
  // point's width: the glyph before the point, or the one in its place, which then holds the digit after it.
  if (separators.length !== 1 || shapes.length > chars.length - 1) return false;
  const typical = typicalDigitWidth(digitWidths(glyphs, shapes), line);
  const widened = (glyph: Box | undefined): boolean => !!glyph && glyph.x1 - glyph.x0 >= typical + FUSED_POINT_WIDTH * line.height;
  return widened(glyphs[point - 1]) || (shapes[point] === 'tall' && widened(glyphs[point]));
}

/** How much wider than the line's typical digit a digit with its point fused to it is, in digit heights. */
const FUSED_POINT_WIDTH = 0.2;

/** No digit but a 1 is narrower than this share of the digit height, so narrow 1s do not make a typical digit. */
const MIN_TYPICAL_DIGIT_WIDTH = 0.55;

/**
 * How many digits the digit-sized glyphs can hold: one each, or as many as a glyph's width holds typical digit
 * widths (digits that touch make one glyph).
 */
export function digitCapacity(glyphs: readonly Box[], shapes: readonly GlyphShape[], line: LineMetrics): number {
  const widths = digitWidths(glyphs, shapes);
  const typical = Math.max(typicalDigitWidth(widths, line), 1);
  // Touching digits are nearly twice as wide as one; an italic or wide single digit is not.
  return widths.reduce((sum, w) => sum + Math.max(1, Math.floor(w / typical + 0.25)), 0);
}

function digitWidths(glyphs: readonly Box[], shapes: readonly GlyphShape[]): number[] {
  return glyphs.filter((_, i) => shapes[i] === 'tall').map((g) => g.x1 - g.x0);
}

/** The width of the line's typical digit: the median of its digit-sized glyphs, never a narrow 1's. */
function typicalDigitWidth(widths: readonly number[], line: LineMetrics): number {
  return Math.max(median(widths), MIN_TYPICAL_DIGIT_WIDTH * line.height);
}
