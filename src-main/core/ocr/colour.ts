// Runs in: anywhere (pure).
import { channelCount, type RawImage } from './raw-image';
import { scratch } from './scratch';

/** A colour as luma and two chroma axes (integer BT.601 YCbCr, chroma centred on 0). */
export interface Ycc {
  readonly y: number;
  readonly cb: number;
  readonly cr: number;
}

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/**
 * Hue counts double against brightness: an orange curve or a cyan glow can be as bright as white digits, but it
 * is never the same colour, and that difference is what keeps it out of the text.
 */
export const CHROMA_WEIGHT = 2;

export function colourDistance(a: Ycc, b: Ycc): number {
  return Math.abs(a.y - b.y) + CHROMA_WEIGHT * (Math.abs(a.cb - b.cb) + Math.abs(a.cr - b.cr));
}

/**
 * How strongly a colour stands out from another, brightness and hue alike: finding what stands out from the
 * background must not prefer a saturated glow over the white glyph core it surrounds.
 */
export function contrast(a: Ycc, b: Ycc): number {
  return Math.abs(a.y - b.y) + Math.abs(a.cb - b.cb) + Math.abs(a.cr - b.cr);
}

/** The image as three planes (one entry per pixel), so every later step reads colours without channel layouts. */
export interface YccPlanes {
  readonly width: number;
  readonly height: number;
  readonly y: Int16Array;
  readonly cb: Int16Array;
  readonly cr: Int16Array;
}

export function yccAt(planes: YccPlanes, i: number): Ycc {
  return { y: planes.y[i] ?? 0, cb: planes.cb[i] ?? 0, cr: planes.cr[i] ?? 0 };
}

/**
 * Converts a raw image to YCbCr planes held in a scratch buffer (see scratch.ts) that the next call overwrites:
 * use them synchronously and copy out what must outlive the call. With `shrink` > 1 each plane pixel is the mean of
 * a shrink×shrink block.
 */
export function yccPlanes(image: RawImage, shrink = 1): YccPlanes {
  const channels = channelCount(image.order);
  const stride = image.stride ?? image.width * channels;
  const [red, blue] = image.order === 'bgra' || image.order === 'bgr' ? [2, 0] : [0, 2];
  const [r, g, b] = channels === 1 ? [0, 0, 0] : [red, 1, blue];
  const width = Math.floor(image.width / shrink);
  const height = Math.floor(image.height / shrink);
  const { y, cb, cr } = scratchPlanes(width * height);
  if (shrink === 1) {
    // The common case, at frame rate: no block loop.
    const data = image.data;
    for (let row = 0; row < height; row++) {
      let src = row * stride;
      let dst = row * width;
      for (let x = 0; x < width; x++, src += channels, dst++) {
        const rv = data[src + r] ?? 0;
        const gv = data[src + g] ?? 0;
        const bv = data[src + b] ?? 0;
        y[dst] = (77 * rv + 150 * gv + 29 * bv) >> 8;
        cb[dst] = (-43 * rv - 85 * gv + 128 * bv) >> 8;
        cr[dst] = (128 * rv - 107 * gv - 21 * bv) >> 8;
      }
    }
    return { width, height, y, cb, cr };
  }
  if (shrink === 2) {
    // The half-size read of a big number in flight, at frame rate: the 2×2 block summed without a block loop.
    const data = image.data;
    const right = channels;
    for (let row = 0; row < height; row++) {
      let top = 2 * row * stride;
      let bottom = top + stride;
      let dst = row * width;
      for (let x = 0; x < width; x++, top += 2 * channels, bottom += 2 * channels, dst++) {
        const sr = data[top + r]! + data[top + right + r]! + data[bottom + r]! + data[bottom + right + r]!;
        const sg = data[top + g]! + data[top + right + g]! + data[bottom + g]! + data[bottom + right + g]!;
        const sb = data[top + b]! + data[top + right + b]! + data[bottom + b]! + data[bottom + right + b]!;
        y[dst] = (77 * sr + 150 * sg + 29 * sb) / 1024;
        cb[dst] = (-43 * sr - 85 * sg + 128 * sb) / 1024;
        cr[dst] = (128 * sr - 107 * sg - 21 * sb) / 1024;
      }
    }
    return { width, height, y, cb, cr };
  }
  const block = shrink * shrink;
  for (let row = 0; row < height; row++) {
    for (let x = 0; x < width; x++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      for (let dy = 0; dy < shrink; dy++) {
        let src = (row * shrink + dy) * stride + x * shrink * channels;
        for (let dx = 0; dx < shrink; dx++, src += channels) {
          sr += image.data[src + r] ?? 0;
          sg += image.data[src + g] ?? 0;
          sb += image.data[src + b] ?? 0;
        }
      }
      const dst = row * width + x;
      y[dst] = (77 * sr + 150 * sg + 29 * sb) / block / 256;
      cb[dst] = (-43 * sr - 85 * sg + 128 * sb) / block / 256;
      cr[dst] = (128 * sr - 107 * sg - 21 * sb) / block / 256;
    }
  }
  return { width, height, y, cb, cr };
}

export function yccToRgb({ y, cb, cr }: Ycc): Rgb {
  const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));
  return { r: clamp(y + 1.402 * cr), g: clamp(y - 0.344 * cb - 0.714 * cr), b: clamp(y + 1.772 * cb) };
}

const planeBuffer = scratch((n) => new Int16Array(n));
function scratchPlanes(length: number): { y: Int16Array; cb: Int16Array; cr: Int16Array } {
  const planes = planeBuffer(3 * length);
  return { y: planes.subarray(0, length), cb: planes.subarray(length, 2 * length), cr: planes.subarray(2 * length, 3 * length) };
}

/**
 * Per-plane median of the outer ring of pixels (3 deep): text rarely covers most of a region's border, and a
 * one-pixel frame or anti-aliased edge around the region is outvoted by the background inside it.
 */
export function borderColour(planes: YccPlanes): Ycc {
  const { width, height } = planes;
  const depth = Math.max(1, Math.min(BORDER_DEPTH, Math.floor(Math.min(width, height) / 4)));
  const luma = new Uint32Array(512);
  const blue = new Uint32Array(512);
  const red = new Uint32Array(512);
  let count = 0;
  const bump = (histogram: Uint32Array, value: number): void => {
    histogram[value + 256] = (histogram[value + 256] ?? 0) + 1;
  };
  for (let y = 0; y < height; y++) {
    const edgeRow = y < depth || y >= height - depth;
    for (let x = 0; x < width; x++) {
      if (!edgeRow && x >= depth && x < width - depth) {
        x = width - depth - 1;
        continue;
      }
      const i = y * width + x;
      bump(luma, planes.y[i] ?? 0);
      bump(blue, planes.cb[i] ?? 0);
      bump(red, planes.cr[i] ?? 0);
      count++;
    }
  }
  const median = (histogram: Uint32Array): number => {
    let seen = 0;
    for (let v = 0; v < histogram.length; v++) {
      seen += histogram[v] ?? 0;
      if (seen >= count / 2) return v - 256;
    }
    return 0;
  };
  return { y: median(luma), cb: median(blue), cr: median(red) };
}

const BORDER_DEPTH = 3;
