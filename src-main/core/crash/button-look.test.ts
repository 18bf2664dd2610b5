import { describe, expect, it } from 'vitest';
import type { RawImage } from '../ocr/raw-image';
import { buttonBox, buttonChanged, buttonLookOf, sameButtonLook } from './button-look';

/** A button face: `fill` everywhere, with a label block of `ink` over columns [from, to). */
function face(fill: number[], ink: number[], from: number, to: number, order: 'rgba' | 'bgra' = 'rgba'): RawImage {
  const width = 56;
  const height = 22;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = y > 6 && y < 16 && x >= from && x < to ? ink : fill;
      const px = order === 'rgba' ? [c[0]!, c[1]!, c[2]!, 255] : [c[2]!, c[1]!, c[0]!, 255];
      data.set(px, (y * width + x) * 4);
    }
  return { data, width, height, order };
}

const GREEN = [40, 180, 80];
const RED = [200, 40, 40];
const WHITE = [250, 250, 250];

describe('button looks', () => {
  it('tells a recoloured button and a relabelled one apart from the same state', () => {
    const bet = buttonLookOf(face(GREEN, WHITE, 20, 36));
    expect(sameButtonLook(bet, buttonLookOf(face(GREEN, WHITE, 20, 36, 'bgra')))).toBe(true);
    expect(buttonChanged(bet, buttonLookOf(face(GREEN, WHITE, 20, 36)))).toBe(false);
    const cancel = buttonLookOf(face(RED, WHITE, 14, 42));
    expect(sameButtonLook(bet, cancel)).toBe(false);
    expect(buttonChanged(bet, cancel)).toBe(true);
    // "Bet" → "Bet placed": same colours, a longer label.
    expect(buttonChanged(bet, buttonLookOf(face(GREEN, WHITE, 6, 50)))).toBe(true);
  });

  it('keeps the sampled box on the display, including displays left of the primary', () => {
    expect(buttonBox({ x: 5, y: 5 }, { x: 0, y: 0, width: 1920, height: 1080 })).toEqual({ x: 0, y: 0, width: 56, height: 22 });
    expect(buttonBox({ x: -100, y: 300 })).toEqual({ x: -128, y: 289, width: 56, height: 22 });
  });
});
