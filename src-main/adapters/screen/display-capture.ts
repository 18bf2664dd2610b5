// Runs in: engine. The display list under plain Node, and downscaled screenshots for the web calibration editor.
import { PNG } from 'pngjs';
import type { DisplayInfo } from '../../../src-shared/contract/services/autopilot';
import { channelCount, type RawImage } from '../../core/ocr/raw-image';
import { loadNut } from './nut-loader';

/**
 * Under plain Node only the primary display is known (nut-js reports its size); the Electron shell
 * replaces this with Electron's screen API, which knows every display, its scale factor and origin.
 */
export async function primaryDisplay(): Promise<DisplayInfo> {
  const { screen } = await loadNut();
  return { id: '0', bounds: { x: 0, y: 0, width: await screen.width(), height: await screen.height() }, scaleFactor: 1, primary: true };
}

/** Nearest-neighbour downscale to at most `maxWidth`, encoded as PNG; `scale` maps PNG pixels back to physical pixels. */
export function encodeDownscaledPng(image: RawImage, maxWidth: number): { png: Buffer; width: number; height: number; scale: number } {
  const scale = Math.max(1, image.width / maxWidth);
  const width = Math.round(image.width / scale);
  const height = Math.round(image.height / scale);
  const channels = channelCount(image.order);
  const stride = image.stride ?? image.width * channels;
  const swap = image.order.startsWith('bgr');
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.floor(y * scale));
    for (let x = 0; x < width; x++) {
      const s = sy * stride + Math.min(image.width - 1, Math.floor(x * scale)) * channels;
      const d = (y * width + x) * 4;
      if (channels === 1) png.data[d] = png.data[d + 1] = png.data[d + 2] = image.data[s]!;
      else {
        png.data[d] = image.data[s + (swap ? 2 : 0)]!;
        png.data[d + 1] = image.data[s + 1]!;
        png.data[d + 2] = image.data[s + (swap ? 0 : 2)]!;
      }
      png.data[d + 3] = 255;
    }
  }
  return { png: PNG.sync.write(png), width, height, scale };
}
