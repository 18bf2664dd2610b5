import { median } from './median';
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

/** Wider than this many typical digit widths, a run is taken to be touching glyphs and is cut... */
const MERGED_WIDTHS = 1.5;
/** ...but never one narrower than this fraction of the digit height: no single digit or x is that wide. */
const MIN_MERGED_WIDTH = 0.9;
/** Digits are at most this wide (in digit heights), which caps the estimate when every run is merged. */
const MAX_DIGIT_WIDTH = 0.8;

/**
 * One box per glyph: column runs of ink inside `area`, each shrunk vertically to its own ink, with runs that are
 * too wide (glyphs touching under tight kerning at small sizes) cut at their faintest column.
 */
export function segmentGlyphs(ink: GrayImage, area: Box, threshold: number): Box[] {
  const runs = segmentColumns(ink, area, threshold);
  const height = Math.max(0, ...runs.map((g) => g.y1 - g.y0));
  const tallWidths = runs.filter((g) => g.y1 - g.y0 >= 0.85 * height).map((g) => g.x1 - g.x0);
  const digitWidth = Math.min(median(tallWidths), MAX_DIGIT_WIDTH * height);
  if (digitWidth <= 0) return runs;
  const mergedWidth = Math.max(MERGED_WIDTHS * digitWidth, MIN_MERGED_WIDTH * height);
  return runs.flatMap((run) => splitWide(ink, run, area, threshold, digitWidth, mergedWidth));
}

function splitWide(ink: GrayImage, run: Box, area: Box, threshold: number, digitWidth: number, mergedWidth: number): Box[] {
  if (run.x1 - run.x0 <= mergedWidth) return [run];
  const from = Math.ceil(run.x0 + 0.4 * digitWidth);
  const to = Math.floor(run.x1 - 0.4 * digitWidth);
  let cut = -1;
  let faintest = Infinity;
  for (let x = from; x < to; x++) {
    let sum = 0;
    for (let y = run.y0; y < run.y1; y++) sum += ink.data[y * ink.width + x] ?? 0;
    if (sum < faintest) {
      faintest = sum;
      cut = x;
    }
  }
  if (cut < 0) return [run];
  const parts: Box[] = [];
  for (const [x0, x1] of [[run.x0, cut], [cut, run.x1]] as const) {
    const rows = inkRows(ink, x0, x1, area, threshold);
    if (rows) parts.push(...splitWide(ink, { x0, x1, y0: rows[0], y1: rows[1] }, area, threshold, digitWidth, mergedWidth));
  }
  return parts;
}

/** Column runs of ink inside `area`, each shrunk vertically to its own ink: one box per glyph when glyphs don't touch. */
export function segmentColumns(ink: GrayImage, area: Box, threshold: number): Box[] {
  const glyphs: Box[] = [];
  let start = -1;
  for (let x = area.x0; x <= area.x1; x++) {
    const inked = x < area.x1 && columnHasInk(ink, x, area, threshold);
    if (inked && start < 0) start = x;
    if (!inked && start >= 0) {
      const rows = inkRows(ink, start, x, area, threshold);
      if (rows) glyphs.push({ x0: start, x1: x, y0: rows[0], y1: rows[1] });
      start = -1;
    }
  }
  return glyphs;
}

function columnHasInk(ink: GrayImage, x: number, area: Box, threshold: number): boolean {
  for (let y = area.y0; y < area.y1; y++) if ((ink.data[y * ink.width + x] ?? 0) > threshold) return true;
  return false;
}

function inkRows(ink: GrayImage, x0: number, x1: number, area: Box, threshold: number): [number, number] | null {
  let top = -1;
  let bottom = -1;
  for (let y = area.y0; y < area.y1; y++) {
    const row = y * ink.width;
    for (let x = x0; x < x1; x++) {
      if ((ink.data[row + x] ?? 0) > threshold) {
        if (top < 0) top = y;
        bottom = y + 1;
        break;
      }
    }
  }
  return top < 0 ? null : [top, bottom];
}

