import { describe, expect, it } from 'vitest';
import { glyphsPlacePoint, type GlyphShape } from './glyph-shapes';
import type { Box } from './text-box';

const LINE = { top: 0, bottom: 20, height: 20 };
/** Glyph boxes side by side, `widths` wide, for shapes that the test states. */
function boxes(widths: readonly number[]): Box[] {
  let x = 0;
  return widths.map((w) => ({ x0: x, x1: (x += w + 2) - 2, y0: 0, y1: 20 }));
}
const place = (text: string, shapes: GlyphShape[], widths: readonly number[] = shapes.map((s) => (s === 'dot' ? 4 : 12))) => glyphsPlacePoint(text, boxes(widths), shapes, LINE);

describe('glyphsPlacePoint', () => {
  it('places a point the glyphs show where the text has it, whatever follows it (a 9 with a star fused above)', () => {
    expect(place('x98.9', ['mid', 'tall', 'tall', 'dot', 'tall'])).toBe(true);
    expect(place('4.52', ['tall', 'dot', 'tall', 'mid'])).toBe(true);
    expect(place('x58,923.5', ['mid', 'tall', 'tall', 'comma', 'tall', 'tall', 'tall', 'dot', 'tall'])).toBe(true);
  });

  it('refuses a point the glyphs show elsewhere, a second point, or none at all', () => {
    expect(place('x9.89', ['mid', 'tall', 'tall', 'dot', 'tall'])).toBe(false);
    expect(place('118.10x', ['tall', 'tall', 'tall', 'dot', 'tall', 'dot', 'tall', 'mid'])).toBe(false);
    expect(place('56.53', ['tall', 'tall', 'tall', 'tall'])).toBe(false);
    expect(place('x904', ['mid', 'tall', 'tall', 'dot', 'tall'])).toBe(false);
  });

  it('refuses a read with fewer characters after the point than the glyphs show: a dropped digit', () => {
    expect(place('2.3x', ['tall', 'dot', 'tall', 'tall', 'mid'])).toBe(false);
  });

  it('refuses characters before the point that do not fit its glyphs one to one', () => {
    expect(place('98.9', ['mid', 'tall', 'tall', 'dot', 'tall'])).toBe(false);
  });

  it('takes a point fused to the digit before it only when that digit is wider by a point\'s width', () => {
    expect(place('2.84', ['tall', 'tall', 'tall'], [17, 12, 12])).toBe(true);
    expect(place('2.84', ['tall', 'tall', 'tall'], [13, 12, 12])).toBe(false);
    expect(place('2.8', ['tall', 'tall', 'tall'], [17, 12, 12])).toBe(false);
  });

  it('takes a point fused to the digit after it the same way: the glyph in its place holds both', () => {
    // x241.4 in Nimbus Sans with a glow (corpus seed 11), 730.3 in an italic P052.
    expect(place('x241.4', ['mid', 'tall', 'tall', 'tall', 'tall'], [10, 12, 13, 12, 19])).toBe(true);
    expect(place('730.3', ['tall', 'tall', 'tall', 'tall'], [12, 12, 12, 18])).toBe(true);
    expect(place('730.3', ['tall', 'tall', 'tall', 'tall'], [12, 12, 12, 14])).toBe(false);
  });

  it('never measures a widened digit against narrow 1s: a 4 beside three 1s is no digit with a point', () => {
    expect(place('x111.4', ['mid', 'tall', 'tall', 'tall', 'tall'], [10, 6, 6, 6, 14])).toBe(false);
  });
});
