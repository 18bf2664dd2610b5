// Runs in: anywhere (pure).
import type { LineAnalysis } from './band-reread';
import type { Component } from './components';
import type { Box } from './text-box';
import { isPunctuation, strokeWidth } from './text-lines';

/** How much larger than the line (in its digit heights) a glyph beside it on its baseline still counts as one of its digits. */
const MAX_LARGER_DIGITS = 2.2;

/** A decimal point is at least this tall and wide (in digit heights); smaller specks are stars or grain. */
const MIN_POINT_SIZE = 0.12;

/** First-pass blobs a line lost: glyph-sized ones, and points. */
export interface MissedBlobs {
  readonly glyphs: readonly Component[];
  readonly points: readonly Component[];
  /**
   * The line's decimal point, when that is all it lost: one point drawn with the stroke of the digits around it
   * (a star or a speck of grain is much smaller), so the line can be read with it put back.
   */
  readonly lostPoint: Component | null;
}

/**
 * First-pass blobs that the line should contain but does not: glyph-high blobs on its baseline next to or between
 * its glyphs, and point-sized blobs on its baseline between two of its glyphs. Each is a digit or a decimal point
 * the second pass lost (a colour model that missed part of a gradient, a glyph peeled off with a curve, a point
 * blurred by a glow below the fill's level); reading the line without it would give a wrong value, not a missing one.
 */
export function missedBlobs(line: LineAnalysis, firstPass: readonly Component[]): MissedBlobs {
  const h = line.line.height;
  const top = line.bandTop + line.line.top;
  const bottom = line.bandTop + line.line.bottom;
  const glyphs: Box[] = line.glyphs.map((g) => ({ x0: g.x0, x1: g.x1, y0: g.y0 + line.bandTop, y1: g.y1 + line.bandTop }));
  const centres = glyphs.filter((g) => g.y1 - g.y0 >= 0.6 * h).map((g) => (g.x0 + g.x1) / 2);
  // A line with a point of its own has its decimal point; another point-sized blob is a star or grain.
  const hasPoint = glyphs.some((g) => g.y1 - g.y0 <= 0.35 * h + 1 && Math.abs(g.y1 - bottom) <= 0.15 * h + 1);
  const x0 = Math.min(...glyphs.map((g) => g.x0));
  const x1 = Math.max(...glyphs.map((g) => g.x1));
  const outside = firstPass.filter((c) => !glyphs.some((g) => intersects(g, c)));
  const glyphLike = (c: Component): boolean => {
    const ch = c.y1 - c.y0;
    const cw = c.x1 - c.x0;
    const onBaseline = Math.abs(c.y1 - bottom) <= 0.15 * h + 1;
    const sized = ch >= 0.75 * h && ch <= 1.3 * h && cw >= 0.2 * h && cw <= 1.2 * h && (onBaseline || Math.abs(c.y0 - top) <= 0.15 * h + 1);
    // Digits drawn larger on the same baseline: the integer part of a number whose decimals are drawn small ("1." and
    // a 60% "23x"), which the band around the small digits cut off, so "23x" read 23.
    const larger = onBaseline && ch > 1.3 * h && ch <= MAX_LARGER_DIGITS * h && cw >= 0.15 * h && cw <= MAX_LARGER_DIGITS * h;
    const reach = 0.8 * (larger ? ch : h);
    return (sized || larger) && c.x1 >= x0 - reach && c.x0 <= x1 + reach && c.area >= 0.15 * cw * ch;
  };
  const digits = firstPass.filter((c) => glyphs.some((g) => intersects(g, c)) && c.y1 - c.y0 >= 0.6 * h);
  const stroke = digits.length > 0 ? strokeWidth(digits, h) : Infinity;
  const pointLike = (c: Component): boolean => {
    const centre = (c.x0 + c.x1) / 2;
    const pointSized = Math.min(c.y1 - c.y0, c.x1 - c.x0) >= MIN_POINT_SIZE * h;
    const between = centres.some((x) => x < centre) && centres.some((x) => x > centre);
    return !hasPoint && pointSized && between && (isPunctuation(c, { top, bottom, height: h }, 0) || raisedPoint(c, { top, bottom, height: h }, stroke));
  };
  const missed = { glyphs: outside.filter(glyphLike), points: outside.filter((c) => !glyphLike(c) && pointLike(c)) };
  const [point] = missed.points;
  if (missed.glyphs.length > 0 || missed.points.length !== 1 || !point) return { ...missed, lostPoint: null };
  return { ...missed, lostPoint: isPunctuation(point, { top, bottom, height: h }, stroke) ? point : null };
}

/**
 * A point drawn with the digits' stroke in the lower half of the line but above its bottom: the baseline of old-style
 * figures (3, 4, 5, 7 and 9 hang below it, so the digits' bottom is not where the point sits). Tesseract drops such a
 * point too, and "3.47x" read 347: a line that lost one is refused, never read a hundred times too high.
 */
function raisedPoint(c: Component, line: { readonly top: number; readonly bottom: number; readonly height: number }, stroke: number): boolean {
  const w = c.x1 - c.x0;
  const ht = c.y1 - c.y0;
  const centre = (c.y0 + c.y1) / 2;
  const square = w <= 1.5 * ht + 1 && ht <= 1.5 * w + 1;
  return square && ht <= 0.35 * line.height + 1 && w < 0.45 * line.height && centre >= line.top + 0.45 * line.height && c.y1 <= line.bottom && c.area >= 0.5 * stroke * stroke;
}

function intersects(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
