// Runs in: engine.
import { loadNut } from '../screen/nut-loader';
import type { RawImage } from '../../core/ocr/raw-image';
import { captureMemory } from './capture-memory';

export interface ScreenRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Grabs a screen region with nut-js (≈0.7 ms for 240×80 under Xvfb). The bytes are used as they come: the
 * channel order is passed along instead of converting, and padded rows are described by the stride.
 */
export async function grabRegion(region: ScreenRegion): Promise<RawImage> {
  const { ColorMode, Region, screen } = await loadNut();
  const image = await screen.grabRegion(new Region(region.x, region.y, region.width, region.height));
  captureMemory().noteCaptured(image.data.byteLength);
  const bgr = image.colorMode === ColorMode.BGR;
  const order = image.channels === 4 ? (bgr ? 'bgra' : 'rgba') : image.channels === 3 ? (bgr ? 'bgr' : 'rgb') : 'gray';
  return {
    data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    width: image.width,
    height: image.height,
    order,
    stride: image.byteWidth,
  };
}
