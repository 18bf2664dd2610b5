// Runs in: anywhere (pure).
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

/**
 * Whether an x-height glyph is drawn as a cross (x or ×), in any font: one ink run down its centre column and
 * one across its middle row (where the strokes cross), and two across its top or bottom row (the arms). This is
 * what tells the multiplier's mark from a letter of the same size: an s has three runs down its centre (as in
 * "5s"), an n, u or v two across the middle.
 */
export function looksLikeCross(ink: GrayImage, glyph: Box, threshold: number): boolean {
  const width = glyph.x1 - glyph.x0;
  const height = glyph.y1 - glyph.y0;
  if (width < 3 || height < 3) return true;
  const column = (f: number): number => runsDown(ink, glyph, Math.min(glyph.x1 - 1, glyph.x0 + Math.floor(f * width)), threshold);
  const row = (f: number): number => runsAcross(ink, glyph, Math.min(glyph.y1 - 1, glyph.y0 + Math.floor(f * height)), threshold);
  const centreColumn = Math.min(column(0.45), column(0.5), column(0.55));
  const middleRow = Math.min(row(0.45), row(0.5), row(0.55));
  return centreColumn === 1 && middleRow === 1 && (row(0.15) >= 2 || row(0.85) >= 2);
}

/** How much taller than a heavy × its digits stand: the widest gap between two digits' heights is a few per cent. */
const HEAVY_CROSS_SHORTER = 1.1;

/**
 * A × drawn nearly as tall as the digits (a heavy sans): at either end of the line, clearly shorter than its tallest
 * glyph, and shaped as a cross. Beside a single digit the line's metrics are taken from such a mark, which then
 * measures as a digit (DejaVu Sans Black: a 40 px × beside a 50 px 2).
 */
export function heavyCrossMark(ink: GrayImage, glyphs: readonly Box[], index: number, threshold: number): boolean {
  const glyph = glyphs[index];
  if (!glyph || (index !== 0 && index !== glyphs.length - 1)) return false;
  const tallest = Math.max(...glyphs.map((g) => g.y1 - g.y0));
  return tallest > HEAVY_CROSS_SHORTER * (glyph.y1 - glyph.y0) && looksLikeCross(ink, glyph, threshold);
}

/** Runs of ink along `length` pixels, where `inkAt(k)` is the ink of the k-th. */
function runs(length: number, inkAt: (k: number) => number, threshold: number): number {
  let count = 0;
  let inRun = false;
  for (let k = 0; k < length; k++) {
    const inked = inkAt(k) >= threshold;
    if (inked && !inRun) count++;
    inRun = inked;
  }
  return count;
}

function runsDown(ink: GrayImage, glyph: Box, x: number, threshold: number): number {
  return runs(glyph.y1 - glyph.y0, (k) => ink.data[(glyph.y0 + k) * ink.width + x] ?? 0, threshold);
}

function runsAcross(ink: GrayImage, glyph: Box, y: number, threshold: number): number {
  return runs(glyph.x1 - glyph.x0, (k) => ink.data[y * ink.width + glyph.x0 + k] ?? 0, threshold);
}
