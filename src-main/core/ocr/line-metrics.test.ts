import { describe, expect, it } from 'vitest';
import { glyphShape } from './glyph-shapes';
import { emptySeparatorRooms, lineMetrics, obstructedGlyph, skipsSeparatorRoom } from './line-metrics';
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

describe('skipsSeparatorRoom', () => {
  /** Glyphs as [x0, x1] on one 60 px line; a short pair is a mark (x, ×) or, under 0.38 of the height, a point. */
  const lineOf = (spans: ReadonlyArray<readonly [number, number, number?]>) => {
    const glyphs: Box[] = spans.map(([x0, x1, height = 60]) => ({ x0, x1, y0: 100 - height, y1: 100 }));
    const line = lineMetrics(glyphs)!;
    return { glyphs, line, isDigit: (g: Box) => glyphShape(g, line) === 'tall' };
  };
  const skips = (text: string, spans: Parameters<typeof lineOf>[0]): boolean => {
    const { glyphs, line, isDigit } = lineOf(spans);
    return skipsSeparatorRoom(text, glyphs, isDigit, line);
  };

  // Noto Sans 900 at 82 px: a curve fused to the point of "x55.8" took it from the line, leaving its room empty.
  const lostPoint: Parameters<typeof lineOf>[0] = [[67, 113, 45], [117, 157], [164, 204], [230, 275]];

  it('refuses a read that leaves out a point the digits stand apart for', () => {
    const { glyphs, isDigit, line } = lineOf(lostPoint);
    expect(emptySeparatorRooms(glyphs, isDigit, line)).toEqual([2]);
    expect(skips('x558', lostPoint)).toBe(true);
    // Tesseract saw the point the colour split lost: the read puts it in the room, and stands.
    expect(skips('x55.8', lostPoint)).toBe(false);
    // A point put elsewhere ("108.93×" read 1089.3) does not fill the room.
    expect(skips('x5.58', lostPoint)).toBe(true);
  });

  it('lets a read leave out a thousands comma, which does not change the number', () => {
    const lostComma: Parameters<typeof lineOf>[0] = [[0, 40], [47, 87], [113, 153], [160, 200], [207, 247]];
    expect(skips('39283', lostComma)).toBe(false);
    expect(skips('3928.3', lostComma)).toBe(true);
  });

  it('refuses a read whose digits cannot be matched to the glyphs around the room', () => {
    expect(skips('x5558', lostPoint)).toBe(true);
  });

  it('does not take a tabular 1 or a point drawn in its room for a lost separator', () => {
    // The 1's box is narrow but its pitch is the others' (centres 20, 67, 114): only the gap is wide.
    expect(skips('170', [[18, 22], [47, 87], [94, 134]])).toBe(false);
    const withPoint = [...lostPoint, [208, 218, 12] as const].sort((a, b) => a[0] - b[0]);
    expect(skips('x55.8', withPoint)).toBe(false);
  });

  it('has nothing to measure a line of two digits against', () => {
    expect(skips('58', [[0, 40], [70, 110]])).toBe(false);
  });
});
