// Runs in: engine.
import { open } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { RawImage } from '../../core/ocr/raw-image';

/**
 * Decoding costs 4 bytes per pixel whatever the file size: a 1.5 MB PNG can claim 20000×20000 (1.6 GB of RGBA,
 * 5.6 GB while pngjs works). 40 megapixels covers an 8K screen; anything larger is refused from the header.
 */
export const MAX_PNG_PIXELS = 40_000_000;
/** No screenshot of that many pixels compresses to more than this. */
export const MAX_PNG_FILE_BYTES = 256 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Signature, then the IHDR chunk's length and type, then width and height (big-endian). */
const IHDR_DIMENSIONS_END = 24;

export class PngRefused extends Error {
  override readonly name = 'PngRefused';
}

/** Width and height from the IHDR header, checked against MAX_PNG_PIXELS before anything is inflated. */
export function pngDimensions(head: Uint8Array): { width: number; height: number } {
  if (head.byteLength === 0) throw new PngRefused('the file is empty (0 bytes), not a PNG image');
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.byteLength < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw new PngRefused('not a PNG image (bad signature)');
  if (bytes.byteLength < IHDR_DIMENSIONS_END || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new PngRefused('not a PNG image (truncated or missing header)');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) throw new PngRefused(`the image is ${width}×${height}: no pixels`);
  if (width * height > MAX_PNG_PIXELS) {
    throw new PngRefused(`the image is ${width}×${height} (${Math.round((width * height) / 1e6)} megapixels); at most ${MAX_PNG_PIXELS / 1e6} megapixels are decoded`);
  }
  return { width, height };
}

/** Decodes PNG bytes to RGBA, after the header's size check. */
export function decodePng(bytes: Uint8Array): RawImage {
  pngDimensions(bytes);
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new PngRefused(`the PNG image is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height, order: 'rgba' };
}

/** Reads the header first, so an oversized image is refused without reading (or inflating) the rest. */
export async function readPngFile(path: string): Promise<RawImage> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, IHDR_DIMENSIONS_END));
    await file.read(head, 0, head.byteLength, 0);
    pngDimensions(head);
    if (size > MAX_PNG_FILE_BYTES) throw new PngRefused(`the file is ${Math.round(size / 1024 / 1024)} MB; at most ${MAX_PNG_FILE_BYTES / 1024 / 1024} MB are read`);
    return decodePng(await file.readFile());
  } finally {
    await file.close();
  }
}

/** Encodes any raw image as an RGBA PNG (for the CLI baseline and debugging). */
export function encodePng(image: RawImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  const channels = image.order === 'gray' ? 1 : image.order.length;
  const stride = image.stride ?? image.width * channels;
  const red = image.order === 'bgra' || image.order === 'bgr' ? 2 : 0;
  const blue = 2 - red;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const src = y * stride + x * channels;
      const dst = (y * image.width + x) * 4;
      png.data[dst] = image.data[src + (channels === 1 ? 0 : red)] ?? 0;
      png.data[dst + 1] = image.data[src + (channels === 1 ? 0 : 1)] ?? 0;
      png.data[dst + 2] = image.data[src + (channels === 1 ? 0 : blue)] ?? 0;
      png.data[dst + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
