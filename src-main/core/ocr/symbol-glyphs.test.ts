import { describe, expect, it } from 'vitest';
import { drawText } from './bitmap-font.fixture';
import { analyzeLine, GLYPH_INK } from './line-analysis';
import { glyphsFromSymbols, type SymbolBox } from './symbol-glyphs';
import type { Box } from './text-box';

/** A rendered line and symbols made from its own glyph boxes: what Tesseract's boxes look like when they are right. */
function lineOf(text: string) {
  const line = analyzeLine(drawText(text, { scale: 4 }));
  if (!line) throw new Error(`no line in ${text}`);
  const symbols = (chars: string, boxes: readonly Box[] = line.glyphs): SymbolBox[] => [...chars].map((c, i) => ({ text: c, box: boxes[i]! }));
  return { line, symbols };
}

describe('glyphsFromSymbols: Tesseract\'s own boxes stand in for the glyphs only when they fit the text and the ink', () => {
  it('takes boxes that fit their characters, tightened to the ink, with each one\'s shape', () => {
    const { line, symbols } = lineOf('7.77x');
    const loose = symbols('7.77x').map((s) => ({ ...s, box: { ...s.box, y0: s.box.y0 - 3, y1: s.box.y1 + 3 } }));
    const cut = glyphsFromSymbols('7.77x', loose, line, GLYPH_INK);
    expect(cut?.shapes).toEqual(['tall', 'dot', 'tall', 'tall', 'mid']);
    expect(cut?.glyphs).toEqual(line.glyphs.map(({ x0, x1, y0, y1 }) => ({ x0, x1, y0, y1 })));
  });

  it('refuses a read that dropped a digit: its ink lies outside every box', () => {
    const { line } = lineOf('7.77x');
    const [seven, point, , last, mark] = line.glyphs;
    const dropped = [['7', seven], ['.', point], ['7', last], ['x', mark]].map(([text, box]) => ({ text: text as string, box: box as Box }));
    expect(glyphsFromSymbols('7.7x', dropped, line, GLYPH_INK)).toBeNull();
  });

  it('refuses one box over two digits, boxes that overlap, and a character in a box of another shape', () => {
    const { line, symbols } = lineOf('7.77x');
    const [seven, point, a, b, mark] = line.glyphs as [Box, Box, Box, Box, Box];
    const merged: SymbolBox[] = [{ text: '7', box: seven }, { text: '.', box: point }, { text: '7', box: { ...a, x1: b.x1 } }, { text: 'x', box: mark }];
    expect(glyphsFromSymbols('7.7x', merged, line, GLYPH_INK)).toBeNull();
    const overlapping = symbols('7.77x').map((s, i) => (i === 1 ? { ...s, box: { ...s.box, x0: seven.x0 + 2 } } : s));
    expect(glyphsFromSymbols('7.77x', overlapping, line, GLYPH_INK)).toBeNull();
    expect(glyphsFromSymbols('7777x', symbols('7777x'), line, GLYPH_INK)).toBeNull();
  });

  it('refuses symbols that do not spell the text', () => {
    const { line, symbols } = lineOf('7.77x');
    expect(glyphsFromSymbols('7.78x', symbols('7.77x'), line, GLYPH_INK)).toBeNull();
    expect(glyphsFromSymbols('7.77x', symbols('7.77'), line, GLYPH_INK)).toBeNull();
  });
});
