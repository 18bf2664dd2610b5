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

/**
 * How much wider than the line's usual spacing, in digit heights, the room between two digits must be to hold a
 * separator. A point's advance is a third of the digit height or more. Italics skew the boxes of some digits (a 7's
 * top-heavy box sits right of its stem) by up to a quarter, which must not count.
 */
const MIN_SEPARATOR_ROOM = 0.27;

/**
 * After which digit (counted from 1) two neighbouring digits stand a separator's width apart with no glyph between
 * them: a point lost to whatever crossed it (a curve fused to it, a shadow that swallowed it). Both the gap and the
 * distance between the digits' centres must be that much wider than the line's usual ones, so a tabular 1's wide side
 * bearings and a proportional 0's width do not count. Lines of fewer than three digits have no usual spacing.
 */
export function emptySeparatorRooms(glyphs: readonly Box[], isDigit: (g: Box) => boolean, line: LineMetrics): number[] {
  const digits = glyphs.filter(isDigit);
  if (digits.length < 3) return [];
  const centre = (g: Box): number => (g.x0 + g.x1) / 2;
  const pairs = digits.slice(1).map((right, i) => {
    const left = digits[i]!;
    return { left, right, gap: right.x0 - left.x1, pitch: centre(right) - centre(left) };
  });
  const room = MIN_SEPARATOR_ROOM * line.height;
  return pairs.flatMap(({ left, right, gap, pitch }, i) => {
    const others = pairs.filter((_, j) => j !== i);
    const wide = gap - median(others.map((p) => p.gap)) >= room && pitch - median(others.map((p) => p.pitch)) >= room;
    const empty = !glyphs.some((g) => !isDigit(g) && centre(g) > left.x1 && centre(g) < right.x0);
    return wide && empty ? [i + 1] : [];
  });
}

/**
 * Whether `text` leaves out a separator the glyphs have room for (`emptySeparatorRooms`) where a decimal point could
 * have been: read without its point, "x55.8" is 558 and "108.93×" 1089.3. A read that puts its separator there stands
 * (Tesseract often sees a point the colour split lost), and so does one that leaves out only a thousands comma
 * ("×39,283" read 39283 is the same number); one whose digits cannot be matched to the glyphs' does not.
 */
export function skipsSeparatorRoom(text: string, glyphs: readonly Box[], isDigit: (g: Box) => boolean, line: LineMetrics): boolean {
  const rooms = emptySeparatorRooms(glyphs, isDigit, line);
  if (rooms.length === 0) return false;
  const separatedAfter = new Set<number>();
  let digits = 0;
  let integerDigits: number | null = null;
  for (const c of text) {
    if (c >= '0' && c <= '9') digits++;
    else if (c === ',') separatedAfter.add(digits);
    else if (c === '.') {
      separatedAfter.add(digits);
      integerDigits ??= digits;
    }
  }
  const integer = integerDigits ?? digits;
  const thousands = (after: number): boolean => after < integer && (integer - after) % 3 === 0;
  return digits !== glyphs.filter(isDigit).length || rooms.some((after) => !separatedAfter.has(after) && !thousands(after));
}
