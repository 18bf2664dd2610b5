// Runs in: anywhere (pure).
import { textFitsShapes, type GlyphShape } from './glyph-shapes';

/**
 * Checks a Tesseract line against the glyph shapes seen on screen and repairs the known failures: a dropped
 * decimal point or thousands separator, or one mistaken for the other or for an x. Digits always come from
 * Tesseract. Returns null when the two disagree in a way that could change the value, e.g. a dropped digit or
 * one Tesseract made up. `digitCapacity` is how many digits the digit-sized glyphs can hold (a glyph as wide as
 * two digits is two touching ones); by default one each.
 */
export function reconcileWithShapes(tesseractText: string, shapes: readonly GlyphShape[], digitCapacity?: number): string | null {
  const reconciled = alignWithShapes(tesseractText, shapes, digitCapacity);
  // A dot-sized speck between digits (a serif or antialiasing that came loose) rebuilds as a second point:
  // "118.10×" would come out "118.1.0x". Which of the two is the point cannot be told, so the read is refused.
  return reconciled !== null && wellFormedSeparators(reconciled) ? reconciled : null;
}

/**
 * Whether a multiplier text's separators can be one number: at most one decimal point, after every thousands
 * comma, with one or two digits after it; every comma followed by exactly three digits.
 */
export function wellFormedSeparators(text: string): boolean {
  const groups = text.replace(/[^0-9.,]/g, '').split(/([.,])/);
  let point = false;
  for (let i = 1; i < groups.length; i += 2) {
    const digits = groups[i + 1] ?? '';
    if (groups[i - 1] === '' || digits === '') return false;
    if (groups[i] === '.') {
      if (point || digits.length > 2) return false;
      point = true;
    } else if (point || digits.length !== 3) return false;
  }
  return true;
}

function alignWithShapes(tesseractText: string, shapes: readonly GlyphShape[], digitCapacity?: number): string | null {
  const text = tesseractText.replace(/\s+/g, '').replace(/X/g, 'x');
  if (textFitsShapes(text, shapes)) return fixSeparatorsByGrouping(text);
  const digits = text.replace(/[^0-9]/g, '');
  const mark = /[x×]/.exec(text)?.[0];
  const tallCount = shapes.filter((s) => s === 'tall').length;
  const midCount = shapes.filter((s) => s === 'mid').length;
  if (midCount > 1) return null;
  if (tallCount === digits.length) return keepsPoint(text, rebuild(shapes, digits, mark ?? 'x', -1));
  if (tallCount === digits.length + 1 && midCount === 0 && mark) {
    // An upper-case X is as tall as the digits: it is the first or the last tall glyph, as Tesseract placed it.
    const markAt = text.startsWith(mark) ? shapes.indexOf('tall') : shapes.lastIndexOf('tall');
    return keepsPoint(text, rebuild(shapes, digits, mark, markAt));
  }
  // More digit-sized glyphs than digits read: Tesseract lost a digit (a wrong value, not a missing one).
  if (tallCount > digits.length) return null;
  // Fewer: glyphs touch and the shapes are unreliable, but only as many digits as the glyphs' widths hold, or
  // Tesseract made one up ("150" read as "1560").
  if (digits.length > (digitCapacity ?? tallCount)) return null;
  // Trust Tesseract then, unless it lost a separator we can see.
  const seesSeparator = shapes.some((s, i) => (s === 'dot' || s === 'comma') && shapes[i - 1] === 'tall' && shapes[i + 1] === 'tall');
  return seesSeparator && !/[.,]/.test(text) ? null : fixSeparatorsByGrouping(text);
}

/**
 * A decimal point Tesseract saw must survive the rebuild from the glyphs. When the glyphs lost it (a point tucked
 * under an italic digit or fused with its neighbour), the rebuild would drop it and 56.53 would read 5653; 4.1,
 * its 4 split in two, would read x41. A point Tesseract dropped is still put back (235x on d.ddx reads 2.35x).
 */
function keepsPoint(tesseractText: string, rebuilt: string): string | null {
  const point = /[.,](\d{1,2})(?!\d)/.exec(fixSeparatorsByGrouping(tesseractText));
  if (!point) return rebuilt;
  return /\.(\d+)/.exec(rebuilt)?.[1]?.length === point[1]?.length ? rebuilt : null;
}

/** Digits into the tall glyphs in order, the mark into the x-sized one (or at `markAt`), separators by geometry. */
function rebuild(shapes: readonly GlyphShape[], digits: string, mark: string, markAt: number): string {
  let next = 0;
  const chars = shapes.map((shape, i) => {
    if (i === markAt || shape === 'mid') return mark;
    if (shape === 'tall') return digits[next++] ?? '';
    return shape === 'dot' ? '.' : ',';
  });
  return fixSeparatorsByGrouping(chars.join(''));
}

/**
 * A separator followed by exactly three digits can only be a thousands comma, and one followed by one or two
 * digits only a decimal point (a multiplier never has three decimals), so the grouping decides between them.
 */
export function fixSeparatorsByGrouping(text: string): string {
  return text.replace(/[.,](?=(\d+))/g, (separator: string, group: string) => (group.length === 3 ? ',' : group.length <= 2 ? '.' : separator));
}
