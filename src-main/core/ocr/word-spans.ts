// Runs in: anywhere (pure).
import { median } from './median';
import type { Box } from './text-box';

export interface Span {
  readonly x0: number;
  /** Exclusive. */
  readonly x1: number;
}

/**
 * A gap this much wider than the line's usual gap between glyphs, and at least this share of its height, parts two
 * words. Digit gaps are a sixth of the height or less; a space, 0.33–0.6 of it at 11–13 px. The gaps around a point or a
 * comma can be as wide as a space (a third of the height) and never part words.
 */
const WORD_GAP_OVER_MEDIAN = 2;
const WORD_GAP_OF_HEIGHT = 0.3;
/** A glyph lower and narrower than these shares of the line's height is a point or a comma (an `e` is as low, not as narrow). */
const PUNCTUATION_HEIGHT = 0.5;
const PUNCTUATION_WIDTH = 0.35;

/**
 * The words of a line, left to right, from the gaps between its glyphs (boxes sorted left to right): a label and an
 * amount ("Balance 999.34"), or an amount and its currency ("999.34 USD"). Wide-set digits (a tabular "1,111.11")
 * can split too; the caller must not take one piece of a number for the whole.
 */
export function wordSpans(glyphs: readonly Box[], lineHeight: number): Span[] {
  if (glyphs.length === 0) return [];
  const gaps = glyphs.slice(1).map((g, i) => g.x0 - glyphs[i]!.x1);
  const wordGap = Math.max(WORD_GAP_OF_HEIGHT * lineHeight, WORD_GAP_OVER_MEDIAN * Math.max(1, median(gaps)));
  const punctuation = (g: Box) => g.y1 - g.y0 < PUNCTUATION_HEIGHT * lineHeight && g.x1 - g.x0 < PUNCTUATION_WIDTH * lineHeight;
  const spans: Span[] = [];
  let x0 = glyphs[0]!.x0;
  let last: Box = glyphs[0]!;
  for (const g of glyphs.slice(1)) {
    if (g.x0 < last.x1) {
      // A sliver split off a glyph (or its accent) is part of it, not a point beside it.
      last = { x0: last.x0, x1: Math.max(last.x1, g.x1), y0: Math.min(last.y0, g.y0), y1: Math.max(last.y1, g.y1) };
      continue;
    }
    if (g.x0 - last.x1 >= wordGap && !punctuation(g) && !punctuation(last)) {
      spans.push({ x0, x1: last.x1 });
      x0 = g.x0;
    }
    last = g;
  }
  spans.push({ x0, x1: last.x1 });
  return spans;
}

/** How far a word's crop reaches past its ink, in line heights: anti-aliasing and a shadow, not the next word. */
const CROP_MARGIN_OF_HEIGHT = 0.3;

/**
 * Column ranges that each hold one word of the line and nothing of its neighbours, right to left, for reading an
 * amount beside a label; null when the line is one word with nothing beside it (read it whole). Blobs the line
 * missed count as ink: one beside the number (a lost digit) stays in its word, so that word is refused, never read
 * short; one a word gap away (the tail of a label the region caught) is cut off.
 */
export function wordCrops(line: { readonly glyphs: readonly Box[]; readonly missedBoxes?: readonly Box[]; readonly height: number }, width: number): Span[] | null {
  const ink = [...line.glyphs, ...(line.missedBoxes ?? [])].sort((a, b) => a.x0 - b.x0);
  const words = wordSpans(ink, line.height);
  if (words.length <= 1 && (line.missedBoxes ?? []).length === 0) return null;
  const margin = CROP_MARGIN_OF_HEIGHT * line.height;
  return words
    .map((w, i) => {
      const left = Math.max(i === 0 ? 0 : (words[i - 1]!.x1 + w.x0) / 2, w.x0 - margin);
      const right = Math.min(i === words.length - 1 ? width : (w.x1 + words[i + 1]!.x0) / 2, w.x1 + margin);
      return { x0: Math.floor(left), x1: Math.ceil(right) };
    })
    .reverse();
}
