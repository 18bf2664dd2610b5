import { describe, expect, it } from 'vitest';
import { yccPlanes } from './colour';
import type { RawImage } from './raw-image';

/** The planes by their definition: each plane of the mean of a shrink × shrink block, truncated as an Int16Array stores it (no -0). */
function reference(image: RawImage, shrink: number): { y: number[]; cb: number[]; cr: number[] } {
  const stride = image.stride ?? image.width * 4;
  const width = Math.floor(image.width / shrink);
  const height = Math.floor(image.height / shrink);
  const out = { y: [] as number[], cb: [] as number[], cr: [] as number[] };
  for (let row = 0; row < height; row++) {
    for (let x = 0; x < width; x++) {
      let [sr, sg, sb] = [0, 0, 0];
      for (let dy = 0; dy < shrink; dy++) {
        for (let dx = 0; dx < shrink; dx++) {
          const i = (row * shrink + dy) * stride + (x * shrink + dx) * 4;
          sb += image.data[i]!;
          sg += image.data[i + 1]!;
          sr += image.data[i + 2]!;
        }
      }
      const n = shrink * shrink * 256;
      out.y.push(Math.trunc((77 * sr + 150 * sg + 29 * sb) / n) || 0);
      out.cb.push(Math.trunc((-43 * sr - 85 * sg + 128 * sb) / n) || 0);
      out.cr.push(Math.trunc((128 * sr - 107 * sg - 21 * sb) / n) || 0);
    }
  }
  return out;
}

describe('yccPlanes', () => {
  it('averages 2×2 and 3×3 blocks of a padded BGRA grab exactly as defined', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) & 255;
    const width = 37;
    const height = 23;
    const stride = width * 4 + 12;
    const image: RawImage = { data: Uint8Array.from({ length: stride * height }, random), width, height, order: 'bgra', stride };
    for (const shrink of [2, 3]) {
      const planes = yccPlanes(image, shrink);
      const expected = reference(image, shrink);
      expect({ shrink, y: [...planes.y], cb: [...planes.cb], cr: [...planes.cr] }).toEqual({ shrink, ...expected });
    }
  });
});
