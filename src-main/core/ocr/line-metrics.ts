// Runs in: anywhere (pure).
import { median } from './median';
import type { Box } from './text-box';

/** Digits are the most common glyphs of a line; a blob this much taller than the typical one is not a digit. */
const MAX_OVER_TYPICAL = 1.35;

function upperMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

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
  const heights = glyphs.map(heightOf);
  // One odd blob (a piece of a curve, a glyph merged with a comma) must not be taken as the digit height.
  const typical = upperMedian(heights);
  const tallest = Math.max(0, ...heights.filter((h) => h <= MAX_OVER_TYPICAL * typical));
  if (tallest === 0) return null;
  const digitHeight = median(glyphs.map(heightOf).filter((h) => h >= 0.7 * tallest));
  const tolerance = Math.max(1, 0.1 * digitHeight);
  const digits = glyphs.filter((g) => Math.abs(heightOf(g) - digitHeight) <= tolerance);
  const top = median(digits.map((g) => g.y0));
  const bottom = median(digits.map((g) => g.y1));
  return { top, bottom, height: Math.max(1, bottom - top) };
}

/** How far above the line's top a glyph standing on its baseline may reach before the metrics are suspect. */
const MAX_RISE = 0.25;

/**
 * Whether a line's metrics were taken from broken digits: a glyph standing on the baseline rises well above the
 * line's top. At small sizes a thin stroke (the top bar of a 5) comes loose in the ink; the broken digits then set
 * the digit height, the whole ones look too tall, and Tesseract, fed the same ink, reads the 5 as a 0 ("15.45×"
 * read 10.40). A real multiplier's digits all reach the same top, so such a line is refused, not read. Lines of
 * one digit and a mark are exempt: their median height falls between the two.
 */
export function brokenDigits(glyphs: readonly Box[], line: LineMetrics): boolean {
  if (glyphs.length < 3) return false;
  const { top, bottom, height } = line;
  return glyphs.some((g) => top - g.y0 > MAX_RISE * height && g.y1 >= bottom - 0.15 * height - 1);
}

/** How far below the baseline a glyph may hang, in digit heights: a comma fused to its digit hangs about a fifth. */
const MAX_DROP = 0.3;

/**
 * Whether something drawn over the digits (a rocket, a plane) is fused to one of them: no digit reaches far below
 * the baseline, and a digit with a sprite's body fused to it reads as another digit (a 2 with a rocket through it
 * passes every check as a 9: "x2.92" for 2.22). Such a line is refused, not read.
 */
export function obstructedGlyph(glyphs: readonly Box[], line: LineMetrics): boolean {
  return glyphs.some((g) => g.y1 - line.bottom > MAX_DROP * line.height && !standaloneComma(g, line));
}

/** How far a comma of its own may hang: a heavy one at 18 px drops 4 px below 13 px digits. */
const MAX_COMMA_DROP = 0.6;

/** A narrow glyph that starts below the digits' middle: a comma's tail, not a sprite fused to a digit. */
function standaloneComma(g: Box, line: LineMetrics): boolean {
  const { top, bottom, height } = line;
  return g.y0 > top + height / 2 && g.x1 - g.x0 <= height / 2 && g.y1 - bottom <= MAX_COMMA_DROP * height;
}
