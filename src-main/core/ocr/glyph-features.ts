// Runs in: anywhere (pure).
import type { GrayImage } from './raw-image';
import type { LineMetrics } from './line-metrics';
import type { Box } from './text-box';

export const GRID_WIDTH = 8;
export const GRID_HEIGHT = 12;
const GRID_CELLS = GRID_WIDTH * GRID_HEIGHT;
/** The window each glyph is sampled in, in units of the digit height: wide enough for a digit, tall enough for a comma's tail. */
const WINDOW_WIDTH = 0.9;
const WINDOW_ABOVE = 0.1;
const WINDOW_BELOW = 0.2;
const GEOMETRY_WEIGHT = 1;

/**
 * A glyph as a fixed-length vector: its ink sampled onto an 8×12 grid over a window whose size is set by the digit
 * height and which is centred on the glyph's ink centroid. Unlike stretching each glyph's own bounding box, this
 * keeps size and position (a point stays small and low, a comma hangs below the line) and is stable under the
 * sub-pixel shifts that move a box edge by a whole pixel. Width and height relative to the line follow.
 */
export function glyphFeatures(ink: GrayImage, glyph: Box, line: LineMetrics): Float32Array {
  const features = new Float32Array(GRID_CELLS + 2);
  const h = line.height;
  const windowWidth = WINDOW_WIDTH * h;
  const window = {
    left: inkCentroidX(ink, glyph) - windowWidth / 2,
    top: line.top - WINDOW_ABOVE * h,
    width: windowWidth,
    height: (1 + WINDOW_ABOVE + WINDOW_BELOW) * h,
  };
  sampleWindow(ink, glyph, window, features);
  features[GRID_CELLS] = (GEOMETRY_WEIGHT * (glyph.y1 - glyph.y0)) / h;
  features[GRID_CELLS + 1] = (GEOMETRY_WEIGHT * (glyph.x1 - glyph.x0)) / h;
  return features;
}

/** Mean squared difference per dimension. */
export function featureDistance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  return sum / a.length;
}

function inkCentroidX(ink: GrayImage, glyph: Box): number {
  let mass = 0;
  let moment = 0;
  for (let y = glyph.y0; y < glyph.y1; y++) {
    const row = y * ink.width;
    for (let x = glyph.x0; x < glyph.x1; x++) {
      const v = ink.data[row + x] ?? 0;
      mass += v;
      moment += v * (x + 0.5);
    }
  }
  return mass > 0 ? moment / mass : (glyph.x0 + glyph.x1) / 2;
}

interface Window {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Box-filter sampling of the window onto the grid with exact fractional area weights (values 0..1). Only pixels
 * inside the glyph's own columns count, so a neighbour reaching into the window does not leak in.
 */
function sampleWindow(ink: GrayImage, glyph: Box, window: Window, out: Float32Array): void {
  const cellWidth = window.width / GRID_WIDTH;
  const cellHeight = window.height / GRID_HEIGHT;
  const norm = 1 / (255 * cellWidth * cellHeight);
  for (let gy = 0; gy < GRID_HEIGHT; gy++) {
    const top = window.top + gy * cellHeight;
    const bottom = top + cellHeight;
    const yFrom = Math.max(0, Math.floor(top));
    const yTo = Math.min(ink.height, Math.ceil(bottom));
    for (let gx = 0; gx < GRID_WIDTH; gx++) {
      const left = window.left + gx * cellWidth;
      const right = left + cellWidth;
      const xFrom = Math.max(glyph.x0, Math.floor(left));
      const xTo = Math.min(glyph.x1, Math.ceil(right));
      let sum = 0;
      for (let y = yFrom; y < yTo; y++) {
        const wy = Math.min(bottom, y + 1) - Math.max(top, y);
        if (wy <= 0) continue;
        const row = y * ink.width;
        for (let x = xFrom; x < xTo; x++) {
          const wx = Math.min(right, x + 1) - Math.max(left, x);
          if (wx > 0) sum += (ink.data[row + x] ?? 0) * wx * wy;
        }
      }
      out[gy * GRID_WIDTH + gx] = sum * norm;
    }
  }
}
