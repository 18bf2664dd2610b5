// Runs in: anywhere (pure).
/** Byte layout of one pixel in a {@link RawImage}. Screen grabs are usually BGRA, browser/PNG data RGBA. */
export type ChannelOrder = 'rgba' | 'bgra' | 'rgb' | 'bgr' | 'gray';

/** An uncompressed image as produced by a screen grab or a PNG decoder. */
export interface RawImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly order: ChannelOrder;
  /** Bytes per row; defaults to width × channels (grabs may pad rows). */
  readonly stride?: number;
}

/** One byte per pixel, rows packed. */
export interface GrayImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export function channelCount(order: ChannelOrder): number {
  switch (order) {
    case 'rgba':
    case 'bgra':
      return 4;
    case 'rgb':
    case 'bgr':
      return 3;
    case 'gray':
      return 1;
  }
}

/** Columns [x0, x1) of an image, sharing its pixels (rows keep their stride). */
export function cropColumns(image: RawImage, x0: number, x1: number): RawImage {
  const channels = channelCount(image.order);
  const left = Math.max(0, Math.min(image.width, Math.floor(x0)));
  const right = Math.max(left, Math.min(image.width, Math.ceil(x1)));
  return { data: image.data.subarray(left * channels), width: right - left, height: image.height, order: image.order, stride: image.stride ?? image.width * channels };
}

/** Whether two captures of the same box show exactly the same pixels (a static screen repaints identically). */
export function samePixels(a: RawImage, b: RawImage): boolean {
  if (a.width !== b.width || a.height !== b.height || a.order !== b.order) return false;
  const rowBytes = a.width * channelCount(a.order);
  const strideA = a.stride ?? rowBytes;
  const strideB = b.stride ?? rowBytes;
  for (let y = 0; y < a.height; y++) {
    for (let i = 0; i < rowBytes; i++) if (a.data[y * strideA + i] !== b.data[y * strideB + i]) return false;
  }
  return true;
}
