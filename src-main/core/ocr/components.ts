// Runs in: anywhere (pure).
import { scratch } from './scratch';
import type { Box } from './text-box';

/** One 8-connected blob of a binary mask. */
export interface Component extends Box {
  /** Its label in the label image (1-based). */
  readonly label: number;
  /** Pixels in the blob. */
  readonly area: number;
  /** Labels of blobs it encloses and that belong to it (the dot inside a dotted zero). */
  readonly inner?: readonly number[];
}

export interface Labelled {
  /** 0 for background, else the component's label; scratch storage, valid until the next call. */
  readonly labels: Int32Array;
  readonly components: readonly Component[];
}

/**
 * Connected components (8-connectivity) of the pixels where `mask` is non-zero, by two-pass union-find.
 * Glyphs are blobs: working on blobs rather than column runs keeps a star, a grid line or a curve that only
 * shares columns with the digits from being cut into them.
 */
export function labelComponents(mask: Uint8Array, width: number, height: number): Labelled {
  const labels = scratchLabels(width * height);
  // No closures or objects per pixel: this runs over every pixel of every read.
  const parent = scratchParents(Math.ceil((width * height) / 2) + 2);
  let next = 1;
  const find = (a: number): number => {
    let root = a;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[a] !== root) {
      const up = parent[a] ?? root;
      parent[a] = root;
      a = up;
    }
    return root;
  };
  const union = (a: number, b: number): number => {
    if (a === 0) return b;
    if (b === 0 || a === b) return a;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return ra;
    if (ra < rb) {
      parent[rb] = ra;
      return ra;
    }
    parent[ra] = rb;
    return rb;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (!mask[i]) {
        labels[i] = 0;
        continue;
      }
      // Neighbours already joined need no union: the left pixel took in the three above it, and pixels side by side
      // in the row above are one blob. So at most one union per pixel, and none inside a run.
      const left = x > 0 ? labels[i - 1]! : 0;
      const above = y > 0 ? labels[i - width]! : 0;
      const aboveLeft = y > 0 && x > 0 ? labels[i - width - 1]! : 0;
      const aboveRight = y > 0 && x + 1 < width ? labels[i - width + 1]! : 0;
      let label: number;
      if (left !== 0) label = above === 0 && aboveRight !== 0 ? union(left, aboveRight) : left;
      else if (above !== 0) label = above;
      else label = union(aboveLeft, aboveRight);
      if (label === 0) {
        label = next++;
        parent[label] = label;
      }
      labels[i] = label;
    }
  }
  return { labels, components: resolve(labels, width, height, next, find) };
}

/** Second pass: every pixel gets its root's compact label; boxes and areas are gathered on the way. */
function resolve(labels: Int32Array, width: number, height: number, provisional: number, find: (a: number) => number): Component[] {
  // Provisional label → compact label, once per label rather than once per pixel.
  const compact = new Int32Array(provisional);
  const byRoot = new Int32Array(provisional);
  let count = 0;
  for (let label = 1; label < provisional; label++) {
    const root = find(label);
    if (byRoot[root] === 0) byRoot[root] = ++count;
    compact[label] = byRoot[root] ?? 0;
  }
  const x0 = new Int32Array(count + 1).fill(width);
  const y0 = new Int32Array(count + 1).fill(height);
  const x1 = new Int32Array(count + 1);
  const y1 = new Int32Array(count + 1);
  const area = new Int32Array(count + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const raw = labels[row + x] ?? 0;
      if (raw === 0) continue;
      const id = compact[raw] ?? 0;
      labels[row + x] = id;
      if (x < (x0[id] ?? 0)) x0[id] = x;
      if (x + 1 > (x1[id] ?? 0)) x1[id] = x + 1;
      if (y < (y0[id] ?? 0)) y0[id] = y;
      y1[id] = y + 1;
      area[id] = (area[id] ?? 0) + 1;
    }
  }
  return Array.from({ length: count }, (_, k) => ({ x0: x0[k + 1] ?? 0, x1: x1[k + 1] ?? 0, y0: y0[k + 1] ?? 0, y1: y1[k + 1] ?? 0, area: area[k + 1] ?? 0, label: k + 1 }));
}

const scratchParents = scratch((n) => new Int32Array(n));
const scratchLabels = scratch((n) => new Int32Array(n));
