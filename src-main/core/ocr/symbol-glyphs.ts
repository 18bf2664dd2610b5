// Runs in: anywhere (pure).
import { charFitsShape, glyphShape, type GlyphShape } from './glyph-shapes';
import type { LineMetrics } from './line-metrics';
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

/** One character Tesseract wrote, with its box in the line's ink (see `fromTesseractInput`). */
export interface SymbolBox {
  readonly text: string;
  readonly box: Box;
}

/** One box per character and its shape class. */
export interface SymbolGlyphs {
  readonly glyphs: readonly Box[];
  readonly shapes: readonly GlyphShape[];
}

export interface SymbolLine {
  readonly ink: GrayImage;
  /** The glyphs' bounding box in `ink`. */
  readonly box: Box;
  readonly line: LineMetrics;
}

/** No digit or x is wider than the digit height (a heavy wide 0 is about 0.8); two touching digits are. */
const MAX_CHAR_WIDTH = 1;
/** A point or comma is narrower than half the digit height however heavy the font. */
const MAX_SEPARATOR_WIDTH = 0.5;
/**
 * Neighbouring boxes may overlap this share of the narrower one (italics lean into each other), no more, besides
 * the pixel each edge gains when the boxes are mapped back to whole pixels of the line.
 */
const MAX_OVERLAP = 0.25;
const ROUNDING_PX = 2;
/**
 * Share of the line's ink the boxes must hold: a digit Tesseract dropped leaves its ink outside them (a 1, the
 * narrowest digit, holds about 7% of a short number's ink), where a shadow's speck holds 1–2%.
 */
const MIN_INK_COVERED = 0.97;

/**
 * Tesseract's own segmentation of a line as glyph boxes (its columns, tightened to the ink in them), when it fits its text:
 * one box per character, each shaped like its character (digits tall, a point low and small, an x at x-height) and
 * sized like one, in order without real overlap, and together holding all the line's ink. Null otherwise.
 *
 * This stands in for the line's own glyph boxes when those cannot be matched to Tesseract's text: an outline or a
 * shadow leaves specks that pass for extra points, or fuses a point with its digit. The boxes then carry every check
 * the glyph boxes would (shapes, same digits alike, counters), so a misread digit is refused as before.
 */
export function glyphsFromSymbols(text: string, symbols: readonly SymbolBox[], line: SymbolLine, inkThreshold: number): SymbolGlyphs | null {
  const chars = [...text];
  if (symbols.length !== chars.length || symbols.some((s, i) => s.text !== chars[i])) return null;
  const columns = symbols.map((s) => ({ x0: Math.max(s.box.x0, line.box.x0), x1: Math.min(s.box.x1, line.box.x1) }));
  for (let i = 1; i < columns.length; i++) {
    const left = columns[i - 1]!;
    const right = columns[i]!;
    const overlap = left.x1 - right.x0;
    if (overlap > ROUNDING_PX + MAX_OVERLAP * Math.min(left.x1 - left.x0, right.x1 - right.x0)) return null;
    // Shared columns are split between the two, so neither box takes in the other's edge.
    if (overlap > 0) left.x1 = right.x0 = Math.round((left.x1 + right.x0) / 2);
  }
  const height = line.line.height;
  const boxes: Box[] = [];
  const shapes: GlyphShape[] = [];
  for (const [i, { x0, x1 }] of columns.entries()) {
    // Tesseract's boxes say where a character starts and ends; how tall it is, the ink in those columns says.
    const box = tightToInk(line.ink, { x0, x1, y0: line.box.y0, y1: line.box.y1 }, inkThreshold);
    const char = chars[i] ?? '';
    const separator = char === '.' || char === ',';
    if (!box || box.x1 - box.x0 > (separator ? MAX_SEPARATOR_WIDTH : MAX_CHAR_WIDTH) * height) return null;
    const measured = glyphShape(box, line.line);
    const shape = separator && measured === 'mid' && heavyPoint(box, line.line) ? 'dot' : measured;
    if (!charFitsShape(char, shape)) return null;
    boxes.push(box);
    shapes.push(shape);
  }
  return inkCovered(line.ink, line.box, boxes, inkThreshold) >= MIN_INK_COVERED ? { glyphs: boxes, shapes } : null;
}

/** A heavy font's point can measure a little taller than the point class allows (as an x-height mark), but it sits on the baseline. */
const HEAVY_POINT_HEIGHT = 0.5;
const BASELINE_SLACK = 0.1;

function heavyPoint(box: Box, line: LineMetrics): boolean {
  const onBaseline = Math.abs(box.y1 - line.bottom) <= BASELINE_SLACK * line.height;
  return onBaseline && box.y1 - box.y0 < HEAVY_POINT_HEIGHT * line.height && box.x1 - box.x0 < HEAVY_POINT_HEIGHT * line.height;
}

/** The bounding box of the ink inside `box`; null when it holds none. */
function tightToInk(ink: GrayImage, box: Box, threshold: number): Box | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if ((ink.data[y * ink.width + x] ?? 0) < threshold) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y + 1);
    }
  }
  return x1 > x0 ? { x0, x1, y0, y1 } : null;
}

/** Share of the ink within `area` that lies inside one of `boxes`. */
function inkCovered(ink: GrayImage, area: Box, boxes: readonly Box[], threshold: number): number {
  let total = 0;
  let covered = 0;
  for (let y = area.y0; y < area.y1; y++) {
    for (let x = area.x0; x < area.x1; x++) {
      if ((ink.data[y * ink.width + x] ?? 0) < threshold) continue;
      total++;
      if (boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1)) covered++;
    }
  }
  return total === 0 ? 0 : covered / total;
}
