import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { RawImage } from '../../core/ocr/raw-image';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Decodes PNG bytes to RGBA; throws a plain-language error for an empty, non-PNG or damaged file. */
export function decodePng(bytes: Uint8Array): RawImage {
  if (bytes.length === 0) throw new Error('the file is empty');
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG image');
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new Error(`damaged PNG image (${error instanceof Error ? error.message : String(error)})`);
  }
  return { data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height, order: 'rgba' };
}

export async function readPngFile(path: string): Promise<RawImage> {
  return decodePng(await readFile(path));
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
