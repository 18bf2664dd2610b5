// Runs in: anywhere (pure).
import { rereadBand, type Candidate, type LineAnalysis } from './band-reread';
import { borderColour, yccPlanes } from './colour';
import { chooseLines, isHealthy } from './line-choice';
import { blobSeeds, colourSeeds, strongInk, type Seed } from './line-seeds';
import { missedBlobs, type MissedBlobs } from './missed-blobs';
import { glyphFeatures } from './glyph-features';
import { labelComponents, type Component } from './components';
import type { RawImage } from './raw-image';
import type { Box } from './text-box';

export type { LineAnalysis } from './band-reread';
export { GLYPH_INK } from './line-seeds';

/**
 * Regions taller than this are analysed at half size or less: digits 100+ px high read no better than 50 px ones,
 * and a quarter of the pixels keeps big regions as fast as small ones.
 */
const SHRINK_ABOVE_HEIGHT = 160;

interface FirstPass {
  /** The ink the blobs were found in. */
  readonly mask: Uint8Array;
  readonly blobs: readonly Component[];
  readonly candidates: readonly Candidate[];
  /** Every line came from separate glyph blobs and reread cleanly: no colour hypotheses needed. */
  readonly settled: boolean;
}

export interface RegionAnalysis {
  /** Text lines, tallest first; empty when the region is blank. */
  readonly lines: readonly LineAnalysis[];
  /** Lines of a single glyph beside them, left out as most likely a sprite or a speck (see ChosenLines). */
  readonly loneGlyphs: readonly LineAnalysis[];
}

/**
 * Finds the text lines of a region. A first pass separates ink from the region's background and groups the
 * blobs into lines; each line's fill colour is taken from its glyphs' interiors, and a second pass over the
 * line's band keeps only what has that colour, which removes glows, outlines, shadows and background drawings
 * that touch the glyphs. When the first pass leaves something unexplained (glyphs fused with a curve or a glow,
 * a large blob left over), the region's dominant colours are tried as fills too, and one line per band is chosen.
 */
/** How many times smaller than captured a region is analysed: 1 up to 160 px, 2 up to 320 px, and so on. */
export function regionShrink(image: Pick<RawImage, 'height'>): number {
  return Math.max(1, Math.floor(image.height / SHRINK_ABOVE_HEIGHT));
}

/** `shrink` overrides {@link regionShrink}, e.g. to read a game's big number at half size. */
export function analyzeRegion(image: RawImage, shrink = regionShrink(image)): RegionAnalysis {
  const planes = yccPlanes(image, shrink);
  const background = borderColour(planes);
  const strong = strongInk(planes, background);
  if (!strong) return { lines: [], loneGlyphs: [] };
  // The most contrasting blobs: glyph cores apart from the glow that may fuse them (boxes only; labels are scratch).
  let coreBlobs: Box[] | null = null;
  const cores = (): readonly Box[] => (coreBlobs ??= labelComponents(strong.high(), planes.width, planes.height).components.map(({ x0, x1, y0, y1 }) => ({ x0, x1, y0, y1 })));
  const reread = (seeds: readonly Seed[]): Candidate[] =>
    seeds.flatMap((seed) => {
      const candidate = rereadBand(planes, background, strong, cores, seed);
      return candidate ? [candidate] : [];
    });
  const firstPass = (mask: Uint8Array): FirstPass => {
    const blobs = blobSeeds(planes, strong, mask);
    const candidates = reread(blobs.seeds);
    const settled = candidates.length > 0 && !blobs.leftOver && candidates.every((c) => c.trusted && isHealthy(c));
    return { mask, blobs: blobs.blobs, candidates, settled };
  };
  // The most contrasting pixels alone separate glyphs that a glow fuses at the usual level.
  const usual = firstPass(strong.mask);
  const high = usual.settled ? usual : firstPass(strong.high());
  const pass = high.settled ? high : usual;
  const candidates = pass.settled ? pass.candidates : [...pass.candidates, ...reread(colourSeeds(planes, background, strong))];
  const chosen = chooseLines(candidates);
  const complete = (line: LineAnalysis): LineAnalysis => withMissedBlobs(line, missedBlobs(line, pass.blobs), pass.mask);
  return { lines: chosen.lines.map(complete).sort((a, b) => b.line.height - a.line.height), loneGlyphs: chosen.loneGlyphs.map(complete) };
}

/** The tallest line of the region, or null when it is blank. */
export function analyzeLine(image: RawImage): LineAnalysis | null {
  return analyzeRegion(image).lines[0] ?? null;
}

/**
 * A line that lost only its decimal point (a glow blurs a small point below the fill's level, so the second pass
 * drops it) gets it back from the first pass's ink: it sits on the baseline between two digits, drawn with their
 * stroke, and the line has no other point. Anything else it lost makes it incomplete, and it is refused.
 */
function withMissedBlobs(line: LineAnalysis, missed: MissedBlobs, mask: Uint8Array): LineAnalysis {
  const point = missed.lostPoint;
  if (!point) return { ...line, missedBlobs: line.missedBlobs + missed.glyphs.length + missed.points.length, missedBoxes: [...missed.glyphs, ...missed.points] };
  const { ink, bandTop } = line;
  const data = new Uint8Array(ink.data);
  const box = { x0: point.x0, x1: point.x1, y0: point.y0 - bandTop, y1: point.y1 - bandTop };
  for (let y = Math.max(0, box.y0); y < Math.min(ink.height, box.y1); y++) {
    for (let x = box.x0; x < box.x1; x++) if (mask[(y + bandTop) * ink.width + x]) data[y * ink.width + x] = 255;
  }
  const image = { ...ink, data };
  const glyphs = [...line.glyphs, box].sort((a, b) => a.x0 - b.x0);
  return { ...line, ink: image, glyphs, features: glyphs.map((g) => glyphFeatures(image, g, line.line)) };
}
