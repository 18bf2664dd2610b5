import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { RawImage } from '../../core/ocr/raw-image';

/** Decodes PNG bytes to RGBA. */
export function decodePng(bytes: Uint8Array): RawImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
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
