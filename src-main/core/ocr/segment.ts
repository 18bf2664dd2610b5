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
 * One box per glyph from the line's blobs: a blob too wide for one glyph (glyphs touching under tight kerning, a
 * glow or a bold italic) is cut at its faintest column.
 */
export function splitTouching(ink: GrayImage, blobs: readonly Box[], threshold: number): Box[] {
  const height = Math.max(0, ...blobs.map((g) => g.y1 - g.y0));
  const tallWidths = blobs.filter((g) => g.y1 - g.y0 >= 0.85 * height).map((g) => g.x1 - g.x0);
  const digitWidth = Math.min(median(tallWidths), MAX_DIGIT_WIDTH * height);
  if (digitWidth <= 0) return [...blobs];
  const mergedWidth = Math.max(MERGED_WIDTHS * digitWidth, MIN_MERGED_WIDTH * height);
  // Only digit-high blobs are cut: an x with a star stuck to it is wide, but not two glyphs.
  return blobs.flatMap((blob) => (blob.y1 - blob.y0 >= 0.85 * height ? splitWide(ink, blob, blob, threshold, digitWidth, mergedWidth) : [blob]));
}

/**
 * Cuts a run as wide as n digits into n glyphs, each cut at the faintest column near where it is expected: one
 * cut after another would drift towards a wide glyph's own faint middle (a zero's counter) and cut it in two.
 */
function splitWide(ink: GrayImage, run: Box, area: Box, threshold: number, digitWidth: number, mergedWidth: number): Box[] {
  const width = run.x1 - run.x0;
  if (width <= mergedWidth) return [run];
  const count = Math.max(2, Math.round(width / digitWidth));
  const cuts = Array.from({ length: count - 1 }, (_, k) => faintestColumn(ink, run, run.x0 + ((k + 1) * width) / count, CUT_SEARCH * digitWidth));
  const edges = [run.x0, ...cuts, run.x1];
  return edges.slice(1).flatMap((x1, k) => {
    const x0 = edges[k] ?? run.x0;
    const rows = x1 > x0 ? inkRows(ink, x0, x1, area, threshold) : null;
    return rows ? [{ x0, x1, y0: rows[0], y1: rows[1] }] : [];
  });
}

/** How far (in digit widths) a cut may move from where it is expected. */
const CUT_SEARCH = 0.3;

function faintestColumn(ink: GrayImage, run: Box, around: number, reach: number): number {
  let cut = Math.round(around);
  let faintest = Infinity;
  for (let x = Math.max(run.x0 + 1, Math.ceil(around - reach)); x <= Math.min(run.x1 - 1, Math.floor(around + reach)); x++) {
    let sum = 0;
    for (let y = run.y0; y < run.y1; y++) sum += ink.data[y * ink.width + x] ?? 0;
    if (sum < faintest) {
      faintest = sum;
      cut = x;
    }
  }
  return cut;
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


/**
 * A blob wider than one digit whose strongest ink falls apart side by side is glyphs bridged by a glow or halo
 * (a decimal point fused to its digit): it becomes one box per part. `level` is the ink of the glyph cores.
 */
export function splitBridged(ink: GrayImage, blobs: readonly Box[], level: number, digitHeight: number): Box[] {
  const tall = blobs.filter((b) => b.y1 - b.y0 >= 0.85 * digitHeight).map((b) => b.x1 - b.x0);
  const digitWidth = Math.max(median(tall), MIN_DIGIT_WIDTH * digitHeight);
  const minArea = Math.max(2, MIN_PART_AREA * digitHeight * digitHeight);
  return blobs.flatMap((blob) => {
    if (blob.x1 - blob.x0 < BRIDGED_WIDTH * digitWidth) return [blob];
    const parts = coreParts(ink, blob, level).filter((p) => p.area >= minArea);
    const sideBySide = parts.every((p, i) => i === 0 || overlapX(parts[i - 1] ?? p, p) <= 0.25 * Math.min(p.x1 - p.x0, (parts[i - 1] ?? p).x1 - (parts[i - 1] ?? p).x0));
    return parts.length >= 2 && sideBySide ? parts.map(({ x0, x1, y0, y1 }) => ({ x0, x1, y0, y1 })) : [blob];
  });
}

/** No digit is narrower than this share of the digit height, but a 1. */
const MIN_DIGIT_WIDTH = 0.55;
/** A blob this many digit widths wide may hold a bridged point or glyph. */
const BRIDGED_WIDTH = 1.15;
/** Parts smaller than this share of the digit height squared are specks, not points. */
const MIN_PART_AREA = 0.01;

const overlapX = (a: Box, b: Box): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));

/** 8-connected parts of the blob's box at `level` or above, left to right. */
function coreParts(ink: GrayImage, blob: Box, level: number): (Box & { area: number })[] {
  const w = blob.x1 - blob.x0;
  const h = blob.y1 - blob.y0;
  const seen = new Uint8Array(w * h);
  const isCore = (x: number, y: number): boolean => (ink.data[(y + blob.y0) * ink.width + x + blob.x0] ?? 0) >= level;
  const parts: (Box & { area: number })[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !isCore(start % w, Math.floor(start / w))) continue;
    const part = { x0: w, x1: 0, y0: h, y1: 0, area: 0 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const k = stack.pop() ?? 0;
      const x = k % w;
      const y = (k - x) / w;
      part.area++;
      part.x0 = Math.min(part.x0, x);
      part.x1 = Math.max(part.x1, x + 1);
      part.y0 = Math.min(part.y0, y);
      part.y1 = Math.max(part.y1, y + 1);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          const n = ny * w + nx;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[n] || !isCore(nx, ny)) continue;
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    parts.push({ x0: part.x0 + blob.x0, x1: part.x1 + blob.x0, y0: part.y0 + blob.y0, y1: part.y1 + blob.y0, area: part.area });
  }
  return parts.sort((a, b) => a.x0 - b.x0);
}
