import { describe, expect, it } from 'vitest';
import { heavyCrossMark, looksLikeCross } from './cross-mark';
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

const INK = 128;

/** A white canvas with `paint(x, y)` inked. */
function canvas(width: number, height: number, paint: (x: number, y: number) => boolean): GrayImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = paint(x, y) ? 255 : 0;
  return { data, width, height };
}

// A 50 px tall block digit with a counter (a 0) at x 0–30, and a 40 px × (two 5 px diagonals) at x 40–80, y 10–50.
const digit: Box = { x0: 0, x1: 30, y0: 0, y1: 50 };
const cross: Box = { x0: 40, x1: 80, y0: 10, y1: 50 };
const inDigit = (x: number, y: number) => x < 30 && y < 50 && !(x >= 6 && x < 24 && y >= 6 && y < 44);
const inCross = (x: number, y: number) => x >= 40 && x < 80 && y >= 10 && y < 50 && (Math.abs(x - 40 - (y - 10)) < 4 || Math.abs(x - 40 - (49 - (y - 10))) < 4);
const ink = canvas(90, 60, (x, y) => inDigit(x, y) || inCross(x, y));

describe('heavyCrossMark', () => {
  it('takes a cross at the end of the line, clearly shorter than the digit, for the mark', () => {
    expect(looksLikeCross(ink, cross, INK)).toBe(true);
    expect(heavyCrossMark(ink, [digit, cross], 1, INK)).toBe(true);
  });

  it('leaves a digit alone, and a cross as tall as the digits', () => {
    expect(heavyCrossMark(ink, [digit, cross], 0, INK)).toBe(false);
    const tallCross = { ...cross, y0: 0 };
    expect(heavyCrossMark(ink, [digit, tallCross], 1, INK)).toBe(false);
  });

  it('looks only at the ends: a cross-shaped glyph between digits is not the mark', () => {
    const second: Box = { x0: 0, x1: 30, y0: 0, y1: 50 };
    expect(heavyCrossMark(ink, [digit, cross, second], 1, INK)).toBe(false);
  });
});
