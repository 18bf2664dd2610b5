import { describe, expect, it } from 'vitest';
import { drawText } from './bitmap-font.fixture';
import { labelComponents } from './components';
import { looksLikeCross } from './cross-mark';
import { readAgreesWithGlyphs } from './glyph-consistency';
import { countHoles, readFitsCounters } from './glyph-holes';
import { glyphShape } from './glyph-shapes';
import { analyzeLine, analyzeRegion, GLYPH_INK } from './line-analysis';
import type { RawImage } from './raw-image';
import { decimalsOf, digitsOf, endsInLetter, readsAsWords } from './words';

type Rgb = readonly [number, number, number];
const BG: Rgb = [15, 25, 35];

/** An RGBA canvas to compose fixture text with other drawings, as a game region does. */
function canvas(width: number, height: number, bg: Rgb = BG) {
  const data = new Uint8Array(width * height * 4);
  const put = (x: number, y: number, [r, g, b]: Rgb): void => {
    if (x >= 0 && y >= 0 && x < width && y < height) data.set([r, g, b, 255], (y * width + x) * 4);
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) put(x, y, bg);
  return {
    image: (): RawImage => ({ data, width, height, order: 'rgba' }),
    rect(x0: number, y0: number, w: number, h: number, colour: Rgb): void {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) put(x, y, colour);
    },
    paste(text: RawImage, left: number, top: number): void {
      const [br, bgc, bb] = [text.data[0], text.data[1], text.data[2]];
      for (let y = 0; y < text.height; y++) {
        for (let x = 0; x < text.width; x++) {
          const i = (y * text.width + x) * 4;
          const rgb: Rgb = [text.data[i] ?? 0, text.data[i + 1] ?? 0, text.data[i + 2] ?? 0];
          if (rgb[0] !== br || rgb[1] !== bgc || rgb[2] !== bb) put(left + x, top + y, rgb);
        }
      }
    },
  };
}

const shapesOf = (image: RawImage): string => {
  const line = analyzeLine(image);
  return line ? line.glyphs.map((g) => glyphShape(g, line.line)[0]).join('') : '';
};

describe('analyzeRegion', () => {
  it('finds each text line, tallest first, and the colour of its ink', () => {
    const region = canvas(160, 90);
    region.paste(drawText('12', { scale: 2, fg: [255, 255, 255], bg: BG }), 40, 2);
    region.paste(drawText('2.35x', { scale: 4, fg: [255, 77, 77], bg: BG }), 10, 30);
    const { lines } = analyzeRegion(region.image());
    expect(lines).toHaveLength(2);
    expect(lines[0]?.glyphs).toHaveLength(5);
    expect(lines[0]?.colour.r).toBeGreaterThan(200);
    expect(lines[0]?.colour.g).toBeLessThan(120);
    expect(lines[1]?.glyphs).toHaveLength(2);
  });

  it('does not take a progress bar or a frame line for text', () => {
    const region = canvas(160, 70);
    region.paste(drawText('4.20x', { scale: 4, fg: [255, 255, 255], bg: BG }), 20, 4);
    region.rect(20, 56, 120, 4, [255, 200, 61]);
    region.rect(159, 0, 1, 70, [200, 200, 200]);
    const { lines } = analyzeRegion(region.image());
    expect(lines).toHaveLength(1);
    expect(lines[0]?.glyphs).toHaveLength(5);
  });

  it('keeps a curve of another colour out of the glyphs it crosses', () => {
    const region = canvas(140, 50);
    // Drawn first: the game draws the curve behind the number.
    for (let x = 0; x < 140; x++) region.rect(x, Math.round(48 - (x * x) / 420), 1, 3, [255, 159, 28]);
    region.paste(drawText('7.15', { scale: 4, fg: [255, 255, 255], bg: BG }), 14, 8);
    expect(shapesOf(region.image())).toBe('tdtt');
  });

  it('counts a digit that a curve of its own colour runs through as missed, not as absent', () => {
    // The curve rises from the bottom edge through the last 6 and leaves at the top: the 6 stays fused with it.
    const curve = (region: ReturnType<typeof canvas>, through: number): void => {
      for (let y = 0; y < 60; y++) region.rect(Math.round(through - 40 + ((60 - y) * (60 - y)) / 60), y, 3, 1, [255, 255, 255]);
    };
    for (const through of [150, 120]) {
      // Through the last 6 (nothing read after it), then through the 8 (a gap in the line).
      const crossed = canvas(170, 60);
      crossed.paste(drawText('69.86', { scale: 4, fg: [255, 255, 255], bg: BG }), 14, 14);
      curve(crossed, through);
      const line = analyzeLine(crossed.image());
      expect(line?.glyphs.length, String(through)).toBeLessThan(5);
      expect(line?.missedBlobs, String(through)).toBeGreaterThan(0);
    }
    // The same curve clear of the number takes nothing from it.
    const clear = canvas(210, 60);
    clear.paste(drawText('69.86', { scale: 4, fg: [255, 255, 255], bg: BG }), 14, 14);
    curve(clear, 190);
    expect(analyzeLine(clear.image())).toMatchObject({ missedBlobs: 0 });
    expect(analyzeLine(clear.image())?.glyphs).toHaveLength(5);
  });

  it('leaves specks (stars) off the line, even on its baseline outside the digits', () => {
    const region = canvas(150, 50);
    region.paste(drawText('3.05x', { scale: 4, fg: [255, 255, 255], bg: BG }), 20, 8);
    for (const [x, y] of [[4, 4], [140, 10], [8, 38], [130, 40]] as const) region.rect(x, y, 2, 2, [255, 255, 255]);
    expect(shapesOf(region.image())).toBe('tdttm');
  });

  it('reads dark text on a light theme the same way', () => {
    expect(shapesOf(drawText('1,234.56x', { scale: 3, fg: [20, 20, 20], bg: [247, 247, 247] }))).toBe('tctttdttm');
  });

  it('finds no line in a region with only a bar and specks', () => {
    const region = canvas(120, 40);
    region.rect(10, 30, 100, 4, [255, 200, 61]);
    region.rect(50, 10, 2, 2, [255, 255, 255]);
    expect(analyzeRegion(region.image()).lines).toHaveLength(0);
  });
});

describe('glyph checks', () => {
  const line = analyzeLine(drawText('8360x', { scale: 4, fg: [255, 255, 255], bg: BG }));
  if (!line) throw new Error('no line');

  it('counts counters: two in an 8 (and in this slashed 0), one in a 6, none in a 3', () => {
    expect(line.glyphs.slice(0, 4).map((g) => countHoles(line.ink, g, GLYPH_INK, line.line.height))).toEqual([2, 0, 1, 2]);
  });

  it('refuses a read that gives a glyph with a counter a digit that has none', () => {
    expect(readFitsCounters('8360x', line.ink, line.glyphs, GLYPH_INK, line.line.height)).toBe(true);
    expect(readFitsCounters('8350x', line.ink, line.glyphs, GLYPH_INK, line.line.height)).toBe(false);
  });

  it('refuses a read that names one glyph two ways, or two glyphs one way', () => {
    const same = analyzeLine(drawText('1.11x', { scale: 4 }));
    expect(readAgreesWithGlyphs('1.11x', same?.features ?? [])).toBe(true);
    expect(readAgreesWithGlyphs('1.17x', same?.features ?? [])).toBe(false);
    expect(readAgreesWithGlyphs('8366x', line.features)).toBe(false);
  });

  it('tells the multiplier x, drawn as a cross, from another x-height glyph', () => {
    const x = line.glyphs[4];
    expect(x && looksLikeCross(line.ink, x, GLYPH_INK)).toBe(true);
    // An "s": three runs down its middle.
    const s = { data: new Uint8Array(9 * 9), width: 9, height: 9 };
    for (const [x0, y0, w, h] of [[1, 0, 7, 2], [0, 1, 2, 3], [1, 4, 7, 1], [7, 5, 2, 3], [0, 7, 8, 2]] as const) {
      for (let y = y0; y < y0 + h; y++) for (let xx = x0; xx < x0 + w; xx++) s.data[y * 9 + xx] = 255;
    }
    expect(looksLikeCross(s, { x0: 0, y0: 0, x1: 9, y1: 9 }, GLYPH_INK)).toBe(false);
  });
});

describe('words', () => {
  it('tells status texts from numbers, forgiving digit look-alikes', () => {
    for (const text of ['BUSTED', 'PREPARING', 'FLEW AWAY!', '5s', 'Starting in 5']) expect(readsAsWords(text), text).toBe(true);
    for (const text of ['2.35x', 'x2.35', '1O.5%', 'Tx', '12', 'l.5']) expect(readsAsWords(text), text).toBe(false);
    expect(endsInLetter('5s')).toBe(true);
    expect(endsInLetter('5x')).toBe(false);
    expect(digitsOf('1O.5 T')).toBe('1057');
    expect([decimalsOf('1.4x'), decimalsOf('12x'), decimalsOf('1,234.56')]).toEqual([1, 0, 2]);
  });
});

describe('labelComponents', () => {
  it('joins diagonal neighbours and boxes each blob', () => {
    const mask = Uint8Array.from([1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1]);
    const { components, labels } = labelComponents(mask, 4, 3);
    expect(components.map(({ x0, y0, x1, y1, area }) => ({ x0, y0, x1, y1, area }))).toEqual([
      { x0: 0, y0: 0, x1: 2, y1: 2, area: 2 },
      { x0: 3, y0: 0, x1: 4, y1: 3, area: 3 },
    ]);
    expect(labels[0]).toBe(labels[5]);
  });
});
