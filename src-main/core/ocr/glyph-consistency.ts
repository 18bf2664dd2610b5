// Runs in: anywhere (pure).
import { featureDistance } from './glyph-features';

/**
 * Two renderings of one digit in one line are nearly identical (measured: feature distance at most 0.013 over
 * the corpus), two different digits never are (at least 0.018, 1% below 0.033). A read that names two
 * near-identical glyphs differently, or two clearly different ones alike, misread one of them ("10.11" read as
 * "10.71" in an italic font).
 */
const SAME_GLYPH = 0.008;
const DIFFERENT_GLYPHS = 0.025;

/**
 * Whether a read agrees with itself glyph by glyph: `text` holds one character per glyph (else it is not checked).
 * Only digits are compared.
 */
export function readAgreesWithGlyphs(text: string, features: readonly Float32Array[]): boolean {
  const chars = [...text];
  if (chars.length !== features.length) return true;
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j < chars.length; j++) {
      const a = chars[i] ?? '';
      const b = chars[j] ?? '';
      const fa = features[i];
      const fb = features[j];
      if (!/\d/.test(a) || !/\d/.test(b) || !fa || !fb) continue;
      const distance = featureDistance(fa, fb);
      if (a !== b && distance < SAME_GLYPH) return false;
      if (a === b && distance > DIFFERENT_GLYPHS) return false;
    }
  }
  return true;
}
