import { glyphFeatures } from './glyph-features';
import { inkMap } from './ink-map';
import type { GrayImage, RawImage } from './raw-image';
import { lineMetrics, type LineMetrics } from './line-metrics';
import { segmentGlyphs } from './segment';
import { textBox, type Box } from './text-box';
import { otsuThreshold } from './threshold';

/**
 * Glyph cuts use at least this ink level (of 255, relative to the strongest ink): the faint anti-aliased pixels
 * between small glyphs would otherwise join a decimal point to its neighbour.
 */
const MIN_SEGMENT_INK = 110;

/** Everything both read paths need from one region, computed once. */
export interface LineAnalysis {
  readonly ink: GrayImage;
  readonly threshold: number;
  readonly box: Box;
  readonly glyphs: readonly Box[];
  readonly line: LineMetrics;
  readonly features: readonly Float32Array[];
}

/** Null when the region is blank (no text: the multiplier disappeared). */
export function analyzeLine(image: RawImage): LineAnalysis | null {
  const ink = inkMap(image);
  if (!ink.hasInk) return null;
  const threshold = otsuThreshold(ink);
  const box = textBox(ink, threshold);
  if (!box) return null;
  const glyphs = segmentGlyphs(ink, box, Math.max(threshold, MIN_SEGMENT_INK));
  const line = lineMetrics(glyphs);
  if (!line) return null;
  return { ink, threshold, box, glyphs, line, features: glyphs.map((g) => glyphFeatures(ink, g, line)) };
}
