// Runs in: anywhere (pure).
import { CHROMA_WEIGHT, colourDistance, type Ycc, type YccPlanes } from './colour';
import type { Component } from './components';
import { scratch } from './scratch';

/**
 * The text's fill colour as a linear function of position: exact for a solid fill and for a linear gradient at
 * any angle (background-clip:text), which changes colour from glyph to glyph and from top to bottom.
 */
export interface FillModel {
  readonly at: Ycc;
  readonly x: number;
  readonly y: number;
  /** Colour change per pixel right and down. */
  readonly perX: Ycc;
  readonly perY: Ycc;
}

export function fillAt(model: FillModel, x: number, y: number): Ycc {
  const dx = x - model.x;
  const dy = y - model.y;
  return {
    y: model.at.y + dx * model.perX.y + dy * model.perY.y,
    cb: model.at.cb + dx * model.perX.cb + dy * model.perY.cb,
    cr: model.at.cr + dx * model.perX.cr + dy * model.perY.cr,
  };
}

export const solidFill = (colour: Ycc, x = 0, y = 0): FillModel => ({ at: colour, x, y, perX: { y: 0, cb: 0, cr: 0 }, perY: { y: 0, cb: 0, cr: 0 } });

/**
 * How much each pixel looks like the fill rather than the background, 0..255: 255 at the fill colour, 0 at the
 * background colour or at anything as far from the fill (a curve, a glow, a shadow or an outline of another
 * colour). Rows `y0`..`y1` of the planes only.
 */
export function fillInk(planes: YccPlanes, background: Ycc, model: FillModel, y0: number, y1: number): Uint8Array {
  const { width } = planes;
  const ink = new Uint8Array(width * (y1 - y0));
  const { perX } = model;
  for (let y = y0; y < y1; y++) {
    // The fill at the row's first pixel centre, then stepped by perX: no objects per pixel on this hot path.
    const start = fillAt(model, 0.5, y + 0.5);
    let fy = start.y;
    let fcb = start.cb;
    let fcr = start.cr;
    const row = y * width;
    const out = (y - y0) * width;
    for (let x = 0; x < width; x++, fy += perX.y, fcb += perX.cb, fcr += perX.cr) {
      const span = Math.abs(fy - background.y) + CHROMA_WEIGHT * (Math.abs(fcb - background.cb) + Math.abs(fcr - background.cr));
      const i = row + x;
      const d = Math.abs((planes.y[i] ?? 0) - fy) + CHROMA_WEIGHT * (Math.abs((planes.cb[i] ?? 0) - fcb) + Math.abs((planes.cr[i] ?? 0) - fcr));
      const v = span < 1 ? 0 : 1 - d / span;
      ink[out + x] = v <= 0 ? 0 : Math.round(255 * v);
    }
  }
  return ink;
}

/** Interior: at least this share of the blob's greatest depth. */
const DEEP = 0.5;
/** Most contrasting: at least this share of the strongest interior pixel's contrast. */
const STRONG = 0.85;

/**
 * A blob's fill pixels (indices into the image): the most contrasting of its interior pixels. Interior (away from
 * the blob's edge) leaves out an outline stroke or a shadow's fringe; most contrasting leaves out a glow that
 * fills the space inside a merged blob, since the glyph core is always drawn stronger than its glow.
 */
export function blobCore(contrast: Uint16Array, labels: Int32Array, width: number, blob: Component): number[] {
  const depth = chessboardDepth(labels, width, blob);
  const w = blob.x1 - blob.x0;
  let deepest = 0;
  for (const d of depth) if (d > deepest) deepest = d;
  const minDepth = Math.max(1, Math.ceil(DEEP * deepest));
  let strongest = 0;
  for (let k = 0; k < depth.length; k++) {
    if ((depth[k] ?? 0) < minDepth) continue;
    const c = contrast[(blob.y0 + Math.floor(k / w)) * width + blob.x0 + (k % w)] ?? 0;
    if (c > strongest) strongest = c;
  }
  const core: number[] = [];
  for (let k = 0; k < depth.length; k++) {
    if ((depth[k] ?? 0) < minDepth) continue;
    const i = (blob.y0 + Math.floor(k / w)) * width + blob.x0 + (k % w);
    if ((contrast[i] ?? 0) >= STRONG * strongest) core.push(i);
  }
  return core;
}

/** Residuals above this many times the median are another colour (a curve or star inside a blob) and are refitted without. */
const OUTLIER_RESIDUAL = 3;

/** Least-squares fill model over fill pixels (indices), refitted once without outliers; null for none. */
export function fitFill(planes: YccPlanes, points: readonly number[]): FillModel | null {
  const first = fitPoints(planes, points);
  if (!first) return null;
  const residuals = points.map((i) => residual(planes, first, i));
  const limit = Math.max(12, OUTLIER_RESIDUAL * ([...residuals].sort((a, b) => a - b)[Math.floor(residuals.length / 2)] ?? 0));
  const inliers = points.filter((_, k) => (residuals[k] ?? 0) <= limit);
  return inliers.length < points.length ? (fitPoints(planes, inliers) ?? first) : first;
}

function residual(planes: YccPlanes, model: FillModel, i: number): number {
  const x = i % planes.width;
  const y = Math.floor(i / planes.width);
  return colourDistance({ y: planes.y[i] ?? 0, cb: planes.cb[i] ?? 0, cr: planes.cr[i] ?? 0 }, fillAt(model, x + 0.5, y + 0.5));
}

/** Solves the 2×2 normal equations per channel on centred coordinates, with a small ridge for thin point sets. */
function fitPoints(planes: YccPlanes, points: readonly number[]): FillModel | null {
  const n = points.length;
  if (n === 0) return null;
  const { width } = planes;
  let mx = 0;
  let my = 0;
  const mean = [0, 0, 0];
  const channels = [planes.y, planes.cb, planes.cr] as const;
  for (const i of points) {
    mx += (i % width) + 0.5;
    my += Math.floor(i / width) + 0.5;
    channels.forEach((plane, c) => (mean[c] = (mean[c] ?? 0) + (plane[i] ?? 0)));
  }
  mx /= n;
  my /= n;
  for (let c = 0; c < 3; c++) mean[c] = (mean[c] ?? 0) / n;
  let sxx = n;
  let syy = n;
  let sxy = 0;
  const sxc = [0, 0, 0];
  const syc = [0, 0, 0];
  for (const i of points) {
    const dx = (i % width) + 0.5 - mx;
    const dy = Math.floor(i / width) + 0.5 - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    channels.forEach((plane, c) => {
      const dc = (plane[i] ?? 0) - (mean[c] ?? 0);
      sxc[c] = (sxc[c] ?? 0) + dx * dc;
      syc[c] = (syc[c] ?? 0) + dy * dc;
    });
  }
  const det = sxx * syy - sxy * sxy;
  const slopes = [0, 1, 2].map((c) => ({
    x: ((sxc[c] ?? 0) * syy - (syc[c] ?? 0) * sxy) / det,
    y: ((syc[c] ?? 0) * sxx - (sxc[c] ?? 0) * sxy) / det,
  }));
  const [sy, scb, scr] = slopes;
  return {
    at: { y: mean[0] ?? 0, cb: mean[1] ?? 0, cr: mean[2] ?? 0 },
    x: mx,
    y: my,
    perX: { y: sy?.x ?? 0, cb: scb?.x ?? 0, cr: scr?.x ?? 0 },
    perY: { y: sy?.y ?? 0, cb: scb?.y ?? 0, cr: scr?.y ?? 0 },
  };
}

/**
 * Chessboard distance from each pixel of the blob to the nearest pixel outside it (two raster passes over its
 * box; the box's edge counts as outside), in box order.
 */
function chessboardDepth(labels: Int32Array, width: number, blob: Component): Uint16Array {
  const w = blob.x1 - blob.x0;
  const h = blob.y1 - blob.y0;
  const depth = scratchDepth(w * h);
  const label = blob.label;
  for (let y = 0; y < h; y++) {
    const row = (blob.y0 + y) * width + blob.x0;
    for (let x = 0; x < w; x++) {
      const k = y * w + x;
      if (labels[row + x] !== label) depth[k] = 0;
      else if (x === 0 || y === 0 || x === w - 1 || y === h - 1) depth[k] = 1;
      else depth[k] = 1 + Math.min(depth[k - 1] ?? 0, depth[k - w - 1] ?? 0, depth[k - w] ?? 0, depth[k - w + 1] ?? 0);
    }
  }
  for (let y = h - 2; y >= 1; y--) {
    for (let x = w - 2; x >= 1; x--) {
      const k = y * w + x;
      const d = depth[k] ?? 0;
      if (d > 1) depth[k] = Math.min(d, 1 + Math.min(depth[k + 1] ?? 0, depth[k + w + 1] ?? 0, depth[k + w] ?? 0, depth[k + w - 1] ?? 0));
    }
  }
  return depth;
}

const scratchDepth = scratch((n) => new Uint16Array(n));
