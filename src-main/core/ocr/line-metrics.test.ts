import { describe, expect, it } from 'vitest';
import { lineMetrics, obstructedGlyph } from './line-metrics';
import type { Box } from './text-box';

const digit = (x0: number, y1 = 21): Box => ({ x0, x1: x0 + 9, y0: y1 - 13, y1 });

describe('obstructedGlyph', () => {
  // Fira Code Black at 18 px: 13 px digits, a comma of its own from y 18 to 25, 4 px below the baseline.
  const digits = [digit(5), digit(28), digit(39), digit(50)];
  const line = lineMetrics(digits)!;

  it('lets a heavy comma hang below the baseline', () => {
    expect(line).toEqual({ top: 8, bottom: 21, height: 13 });
    expect(obstructedGlyph([digits[0]!, { x0: 19, x1: 23, y0: 18, y1: 25 }, ...digits.slice(1)], line)).toBe(false);
  });

  it('still refuses a digit with something fused below it, and a wide blob hanging as far', () => {
    expect(obstructedGlyph([digits[0]!, { x0: 28, x1: 37, y0: 8, y1: 26 }, ...digits.slice(2)], line)).toBe(true);
    expect(obstructedGlyph([...digits, { x0: 60, x1: 75, y0: 18, y1: 25 }], line)).toBe(true);
  });

  it('refuses a comma-sized blob hanging far further than a comma does', () => {
    expect(obstructedGlyph([...digits, { x0: 60, x1: 64, y0: 18, y1: 30 }], line)).toBe(true);
  });
});
