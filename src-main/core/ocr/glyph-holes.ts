// Runs in: anywhere (pure).
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

/**
 * Most counters (enclosed holes) each digit has in any ordinary font: 8 two, 0 two (a slashed zero), 4 one, 6 and
 * 9 one (two when a heavy small one's bowl pinches), the others none. A read that calls a glyph with a counter a 3 misread it, whatever the font. Fewer is no
 * contradiction: a glow or a heavy weight at a small size fills counters in.
 */
const MAX_HOLES: Record<string, number> = { '0': 2, '1': 0, '2': 0, '3': 0, '4': 1, '5': 0, '6': 2, '7': 0, '8': 2, '9': 2 };

/**
 * A counter smaller than this share of the digit height squared is a gap between a glyph and its shadow or glow,
 * not a counter (those of 0 4 6 8 9 are 0.05–0.15).
 */
const MIN_HOLE_AREA = 0.02;

export function holesFitDigit(digit: string, holes: number): boolean {
  return holes <= (MAX_HOLES[digit] ?? Infinity);
}

/** Regions of non-ink inside the glyph's box that do not reach the box's edge and are counter-sized. */
export function countHoles(ink: GrayImage, glyph: Box, threshold: number, digitHeight: number): number {
  const w = glyph.x1 - glyph.x0;
  const h = glyph.y1 - glyph.y0;
  if (w < 3 || h < 3) return 0;
  const open = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) open[y * w + x] = (ink.data[(y + glyph.y0) * ink.width + x + glyph.x0] ?? 0) < threshold ? 1 : 0;
  }
  const minArea = Math.max(2, MIN_HOLE_AREA * digitHeight * digitHeight);
  let holes = 0;
  for (let start = 0; start < open.length; start++) {
    if (open[start] !== 1) continue;
    const { area, touchesEdge } = fillRegion(open, w, h, start);
    if (!touchesEdge && area >= minArea) holes++;
  }
  return holes;
}

/** Marks the 4-connected open region from `start` as visited (2) and measures it. */
function fillRegion(open: Uint8Array, w: number, h: number, start: number): { area: number; touchesEdge: boolean } {
  const stack = [start];
  open[start] = 2;
  let area = 0;
  let touchesEdge = false;
  while (stack.length > 0) {
    const k = stack.pop() ?? 0;
    const x = k % w;
    const y = (k - x) / w;
    area++;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1) touchesEdge = true;
    for (const n of [x > 0 ? k - 1 : -1, x + 1 < w ? k + 1 : -1, y > 0 ? k - w : -1, y + 1 < h ? k + w : -1]) {
      if (n >= 0 && open[n] === 1) {
        open[n] = 2;
        stack.push(n);
      }
    }
  }
  return { area, touchesEdge };
}

/**
 * Digits drawn as outlines only, with no fill: every digit glyph encloses a counter, even a 1, 2, 3, 5 or 7, which
 * none has when filled. Tesseract misreads such rings (a hollow 4 read as 0 at two scales and unrestricted), so a read
 * of them is refused. Filled digits, and rings around a fill (an outline effect), have no such pattern.
 */
export function drawnHollow(text: string, ink: GrayImage, glyphs: readonly Box[], threshold: number, digitHeight: number): boolean {
  const chars = [...text];
  if (chars.length !== glyphs.length) return false;
  const digits = chars.flatMap((c, i) => {
    const glyph = glyphs[i];
    return /\d/.test(c) && glyph ? [{ c, holes: countHoles(ink, glyph, threshold, digitHeight) }] : [];
  });
  return digits.length >= 2 && digits.every((d) => d.holes >= 1) && digits.some((d) => MAX_HOLES[d.c] === 0);
}

/** Whether every digit of a read (one character per glyph, else it is not checked) has no more counters than it can. */
export function readFitsCounters(text: string, ink: GrayImage, glyphs: readonly Box[], threshold: number, digitHeight: number): boolean {
  const chars = [...text];
  if (chars.length !== glyphs.length) return true;
  return chars.every((c, i) => {
    const glyph = glyphs[i];
    return !/\d/.test(c) || !glyph || holesFitDigit(c, countHoles(ink, glyph, threshold, digitHeight));
  });
}
