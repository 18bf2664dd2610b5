// Runs in: anywhere (pure).
import type { LineAnalysis } from './band-reread';
import type { Component } from './components';
import type { Box } from './text-box';
import { isPunctuation } from './text-lines';

/** A decimal point is at least this tall and wide (in digit heights); smaller specks are stars or grain. */
const MIN_POINT_SIZE = 0.12;

/**
 * First-pass blobs that the line should contain but does not: glyph-high blobs on its baseline next to or between
 * its glyphs, and point-sized blobs on its baseline between two of its glyphs. Each is a digit or a decimal point
 * the second pass lost (a colour model that missed part of a gradient, a glyph peeled off with a curve); reading
 * the line without it would give a wrong value, not a missing one.
 */
export function countMissedBlobs(line: LineAnalysis, firstPass: readonly Component[]): number {
  const h = line.line.height;
  const top = line.bandTop + line.line.top;
  const bottom = line.bandTop + line.line.bottom;
  const glyphs: Box[] = line.glyphs.map((g) => ({ x0: g.x0, x1: g.x1, y0: g.y0 + line.bandTop, y1: g.y1 + line.bandTop }));
  const centres = glyphs.filter((g) => g.y1 - g.y0 >= 0.6 * h).map((g) => (g.x0 + g.x1) / 2);
  // A line with a point of its own has its decimal point; another point-sized blob is a star or grain.
  const hasPoint = glyphs.some((g) => g.y1 - g.y0 <= 0.35 * h + 1 && Math.abs(g.y1 - bottom) <= 0.15 * h + 1);
  const x0 = Math.min(...glyphs.map((g) => g.x0));
  const x1 = Math.max(...glyphs.map((g) => g.x1));
  return firstPass.filter((c) => {
    if (glyphs.some((g) => intersects(g, c))) return false;
    const ch = c.y1 - c.y0;
    const cw = c.x1 - c.x0;
    const onBaseline = Math.abs(c.y1 - bottom) <= 0.15 * h + 1;
    const glyphLike = ch >= 0.75 * h && ch <= 1.3 * h && cw >= 0.2 * h && cw <= 1.2 * h && (onBaseline || Math.abs(c.y0 - top) <= 0.15 * h + 1);
    if (glyphLike) return c.x1 >= x0 - 0.8 * h && c.x0 <= x1 + 0.8 * h && c.area >= 0.15 * cw * ch;
    const centre = (c.x0 + c.x1) / 2;
    const pointSized = Math.min(ch, cw) >= MIN_POINT_SIZE * h;
    return !hasPoint && pointSized && isPunctuation(c, { top, bottom, height: h }, 0) && centres.some((x) => x < centre) && centres.some((x) => x > centre);
  }).length;
}

function intersects(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
