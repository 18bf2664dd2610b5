import { describe, expect, it } from 'vitest';
import { roomForPoint } from './point-room';
import type { Box } from './text-box';

const line = { top: 0, bottom: 40, height: 40 };
const digit = (x0: number): Box => ({ x0, x1: x0 + 24, y0: 0, y1: 40 });

describe('roomForPoint: a reading without the point must have left its room', () => {
  // 285 55: three touching digits, a point's room, two more.
  const spaced = { glyphs: [digit(0), digit(24), digit(48), digit(84), digit(108)], line };
  const point: Box = { x0: 75, x1: 81, y0: 33, y1: 40 };

  it('takes a point lying in a gap wider than the digits\' usual one by a point\'s width', () => {
    expect(roomForPoint(spaced, 3, point)).toBe(true);
  });

  it('refuses when the point would go anywhere but that gap', () => {
    expect(roomForPoint(spaced, 2, point)).toBe(false);
    expect(roomForPoint(spaced, 3, { ...point, x0: 60, x1: 66 })).toBe(false);
  });

  it('refuses evenly spaced digits: a speck there is a star, not a lost point', () => {
    const even = { glyphs: [digit(0), digit(30), digit(60), digit(90)], line };
    expect(roomForPoint(even, 2, { x0: 85, x1: 89, y0: 34, y1: 40 })).toBe(false);
  });
});
