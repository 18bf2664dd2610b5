import { channelCount, type GrayImage, type RawImage } from './raw-image';

/** Below this colour distance from the background (L1 over RGB, 0..765) the region is treated as blank. */
const MIN_CONTRAST = 48;

export interface InkMap extends GrayImage {
  /** False when nothing in the region stands out from its background. */
  readonly hasInk: boolean;
}

/**
 * Maps every pixel to how far its colour is from the background colour, scaled so the strongest ink is 255.
 * This is the auto-polarity step: light-on-dark, dark-on-light and coloured text all become "ink = high",
 * decided from the region's own border rather than a fixed threshold.
 */
export function inkMap(image: RawImage): InkMap {
  const { width, height } = image;
  const channels = channelCount(image.order);
  const stride = image.stride ?? width * channels;
  const background = borderMedianColour(image, channels, stride);
  const distance = scratchDistance(width * height);
  let strongest = 0;
  for (let y = 0; y < height; y++) {
    let src = y * stride;
    let dst = y * width;
    for (let x = 0; x < width; x++, src += channels, dst++) {
      let d = 0;
      for (let c = 0; c < 3; c++) {
        const channel = channels === 1 ? 0 : c;
        d += Math.abs((image.data[src + channel] ?? 0) - (background[c] ?? 0));
      }
      distance[dst] = d;
      if (d > strongest) strongest = d;
    }
  }
  const data = new Uint8Array(width * height);
  if (strongest >= MIN_CONTRAST) {
    const scale = 255 / strongest;
    for (let i = 0; i < data.length; i++) data[i] = Math.round((distance[i] ?? 0) * scale);
  }
  return { data, width, height, hasInk: strongest >= MIN_CONTRAST };
}

/**
 * Reads run at frame rate on regions of up to a few hundred thousand pixels: a fresh distance buffer per read is
 * enough external memory to force a full GC several times a second, each a pause on the cash-out path. Reads are
 * synchronous here, so one buffer can serve them all.
 */
let distanceBuffer = new Uint16Array(0);
function scratchDistance(length: number): Uint16Array {
  if (distanceBuffer.length < length) distanceBuffer = new Uint16Array(length);
  return distanceBuffer.subarray(0, length);
}

/** Per-channel median of the outermost pixel ring: text rarely covers most of a region's border. */
function borderMedianColour(image: RawImage, channels: number, stride: number): number[] {
  const histograms = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let count = 0;
  const add = (x: number, y: number): void => {
    const base = y * stride + x * channels;
    for (let c = 0; c < 3; c++) {
      const value = image.data[base + (channels === 1 ? 0 : c)] ?? 0;
      const histogram = histograms[c];
      if (histogram) histogram[value] = (histogram[value] ?? 0) + 1;
    }
    count++;
  };
  const { width, height } = image;
  for (let x = 0; x < width; x++) {
    add(x, 0);
    if (height > 1) add(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    add(0, y);
    if (width > 1) add(width - 1, y);
  }
  return histograms.map((histogram) => medianOf(histogram, count));
}

function medianOf(histogram: Uint32Array, count: number): number {
  const half = count / 2;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] ?? 0;
    if (seen >= half) return value;
  }
  return 255;
}
