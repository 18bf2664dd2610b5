import { borderColour, yccPlanes, yccToRgb, type Rgb, type Ycc, type YccPlanes } from './colour';
import { labelComponents, type Component } from './components';
import { dominantColours } from './dominant-colours';
import { corePixels, fillInk, fitFill, solidFill, type FillModel } from './fill-colour';
import { glyphFeatures } from './glyph-features';
import { lineMetrics, type LineMetrics } from './line-metrics';
import { median } from './median';
import type { GrayImage, RawImage } from './raw-image';
import { splitTouching } from './segment';
import { boxHeight, boxWidth, findTextLines, type TextLineGroup } from './text-lines';
import type { Box } from './text-box';
import { otsuThreshold } from './threshold';

/** Below this colour distance from the background (see colourDistance) the region is treated as blank. */
const MIN_CONTRAST = 48;
/** Fill ink (of 255) from which a pixel belongs to a glyph blob... */
export const GLYPH_INK = 128;
/** ...and from which it is surely the fill itself, not a mix with what touches it. */
const CORE_INK = 204;
/**
 * Regions taller than this are analysed at half size or less: digits 100+ px high read no better than 50 px ones,
 * and a quarter of the pixels keeps big regions as fast as small ones.
 */
const SHRINK_ABOVE_HEIGHT = 160;
/** Dominant colours tried as fills when the first pass leaves blobs unexplained. */
const COLOUR_HYPOTHESES = 3;
/** The band re-read around a line found in the first pass, in line heights above and below it. */
const BAND_MARGIN = 0.6;

/** One line of text, ready for both read paths. */
export interface LineAnalysis {
  /** Fill ink of this line's glyphs only (other lines, stars, curves removed), 0..255, over a band of the region. */
  readonly ink: GrayImage;
  /** The region's row where `ink` starts. */
  readonly bandTop: number;
  /** The glyphs' bounding box in `ink`. */
  readonly box: Box;
  /** One box per glyph, left to right, in `ink`. */
  readonly glyphs: readonly Box[];
  readonly line: LineMetrics;
  readonly features: readonly Float32Array[];
  /** Mean colour of the glyph pixels. */
  readonly colour: Rgb;
}

export interface RegionAnalysis {
  /** Text lines, tallest first; empty when the region is blank. */
  readonly lines: readonly LineAnalysis[];
}

/** A line found by a first pass, with the fill colour its glyphs have. */
interface Seed {
  readonly group: TextLineGroup;
  readonly model: FillModel;
}

/**
 * Finds the text lines of a region. A first pass separates ink from the region's background and groups the
 * blobs into lines; each line's fill colour is then taken from its glyphs' interiors, and a second pass keeps only
 * what has that colour, which removes glows, outlines, shadows and background drawings that touch the glyphs.
 * When the first pass leaves large blobs unexplained (glyphs merged with a curve), the region's dominant colours
 * are tried as fills too, and per band the line with the most digit-sized glyphs wins.
 */
export function analyzeRegion(image: RawImage): RegionAnalysis {
  const planes = yccPlanes(image, Math.max(1, Math.floor(image.height / SHRINK_ABOVE_HEIGHT)));
  const background = borderColour(planes);
  const strong = strongInk(planes, background);
  if (!strong) return { lines: [] };
  const blobs = blobSeeds(planes, strong);
  const reread = (seeds: readonly Seed[]): LineAnalysis[] =>
    seeds.flatMap((seed) => {
      const line = rereadLine(planes, background, seed);
      return line ? [line] : [];
    });
  const firstLines = reread(blobs.seeds);
  const healthy = firstLines.filter(isHealthy);
  if (!blobs.leftOver && healthy.length === firstLines.length && healthy.length > 0) return { lines: byHeight(bestPerBand(healthy, [])) };
  // Some glyphs are still fused with something else: the region's dominant colours are tried as fills too.
  const others = [...firstLines.filter((l) => !isHealthy(l)), ...reread(colourSeeds(planes, background, strong.mask))];
  return { lines: byHeight(bestPerBand(healthy, others)) };
}

const byHeight = (lines: readonly LineAnalysis[]): LineAnalysis[] => [...lines].sort((a, b) => b.line.height - a.line.height);

/** Two glyphs or more, a digit-sized one among them, and none wider than a digit pair: nothing left fused. */
function isHealthy(line: LineAnalysis): boolean {
  return line.glyphs.length >= 2 && lineScore(line) >= 1 && line.glyphs.every((g) => g.x1 - g.x0 <= 1.3 * line.line.height);
}

/** The tallest line of the region, or null when it is blank. */
export function analyzeLine(image: RawImage): LineAnalysis | null {
  return analyzeRegion(image).lines[0] ?? null;
}

/** Pixels clearly apart from the background (Otsu over the contrast), or null when nothing is. */
function strongInk(planes: YccPlanes, background: Ycc): { mask: Uint8Array; contrast: Uint16Array } | null {
  const n = planes.width * planes.height;
  const distance = new Uint16Array(n);
  let strongest = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((planes.y[i] ?? 0) - background.y) + Math.abs((planes.cb[i] ?? 0) - background.cb) + Math.abs((planes.cr[i] ?? 0) - background.cr);
    distance[i] = d;
    if (d > strongest) strongest = d;
  }
  if (strongest < MIN_CONTRAST) return null;
  const scaled = new Uint8Array(n);
  for (let i = 0; i < n; i++) scaled[i] = Math.round(((distance[i] ?? 0) * 255) / strongest);
  const level = Math.max(otsuThreshold({ data: scaled, width: planes.width, height: planes.height }), Math.ceil((MIN_CONTRAST * 255) / strongest));
  return { mask: atLeast(scaled, level + 1), contrast: distance };
}

/** Glyph-sized members only: a mark's colour is mostly its anti-aliased edge. */
function fillSamples(group: TextLineGroup): Component[] {
  const glyphs = group.members.filter((c) => boxHeight(c) >= 0.5 * group.height && boxWidth(c) <= 1.3 * group.height);
  return glyphs.length > 0 ? glyphs : [...group.members];
}

/**
 * Lines of the first pass, and whether blobs at least half the size of their glyphs are left over: a curve, a
 * plane or a glow that swallowed glyphs, which the colour seeds then take apart.
 */
function blobSeeds(planes: YccPlanes, strong: { mask: Uint8Array; contrast: Uint16Array }): { seeds: Seed[]; leftOver: boolean } {
  const { labels, components } = labelComponents(strong.mask, planes.width, planes.height);
  const core = corePixels(strong.contrast, labels, planes.width, planes.height, components.length);
  const groups = findTextLines(components);
  const seeds = seedsOf(planes, core, labels, groups);
  const members = new Set(groups.flatMap((g) => g.members.flatMap((m) => [m.label, ...(m.inner ?? [])])));
  const glyphArea = median(groups.flatMap((g) => fillSamples(g).map((m) => m.area)));
  return { seeds, leftOver: components.some((c) => !members.has(c.label) && c.area >= 0.5 * glyphArea) };
}

/** Lines made of each dominant colour of the strong pixels, with their fill refitted on the glyphs found. */
function colourSeeds(planes: YccPlanes, background: Ycc, strong: Uint8Array): Seed[] {
  return dominantColours(planes, strong, COLOUR_HYPOTHESES).flatMap((colour) => {
    const ink = fillInk(planes, background, solidFill(colour), 0, planes.height);
    const { labels, components } = labelComponents(atLeast(ink, GLYPH_INK), planes.width, planes.height);
    return seedsOf(planes, atLeast(ink, CORE_INK), labels, findTextLines(components));
  });
}

function seedsOf(planes: YccPlanes, core: Uint8Array, labels: Int32Array, groups: readonly TextLineGroup[]): Seed[] {
  return groups.flatMap((group) => {
    const model = fitFill(planes, core, labels, fillSamples(group));
    return model ? [{ group, model }] : [];
  });
}

function atLeast(ink: Uint8Array, level: number): Uint8Array {
  const mask = new Uint8Array(ink.length);
  for (let i = 0; i < ink.length; i++) mask[i] = (ink[i] ?? 0) >= level ? 1 : 0;
  return mask;
}

/**
 * Second pass over the band around a seed: blobs of the fill colour, grouped again, then the line that overlaps
 * the seed most. Text lies inside the band, so a blob cut by the band's edge (not the region's) is a curve, a ray
 * or a grid line; where one touches glyphs, its faint contact pixels are peeled off to free them.
 */
function rereadLine(planes: YccPlanes, background: Ycc, { group, model }: Seed): LineAnalysis | null {
  const y0 = Math.max(0, Math.floor(group.top - BAND_MARGIN * group.height));
  const y1 = Math.min(planes.height, Math.ceil(group.bottom + BAND_MARGIN * group.height));
  const width = planes.width;
  const height = y1 - y0;
  const ink = fillInk(planes, background, model, y0, y1);
  const mask = atLeast(ink, GLYPH_INK);
  const cut = (c: Component): boolean => (c.y0 === 0 && y0 > 0) || (c.y1 === height && y1 < planes.height);
  let { labels, components } = labelComponents(mask, width, height);
  if (components.some(cut)) {
    const peel = new Set(components.filter(cut).map((c) => c.label));
    for (let i = 0; i < mask.length; i++) if (peel.has(labels[i] ?? 0) && (ink[i] ?? 0) < CORE_INK) mask[i] = 0;
    ({ labels, components } = labelComponents(mask, width, height));
  }
  const line = bestOverlap(findTextLines(components.filter((c) => !cut(c))), group.top - y0, group.bottom - y0);
  if (!line) return null;
  const lineInk = keepMembers(ink, labels, width, height, line.members);
  const box: Box = { x0: line.x0, x1: line.x1, y0: Math.min(...line.members.map((m) => m.y0)), y1: Math.max(...line.members.map((m) => m.y1)) };
  const image = { data: lineInk, width, height };
  const glyphs = splitTouching(image, line.members, GLYPH_INK);
  const metrics = lineMetrics(glyphs);
  if (!metrics) return null;
  return {
    ink: image,
    bandTop: y0,
    box,
    glyphs,
    line: metrics,
    features: glyphs.map((g) => glyphFeatures(image, g, metrics)),
    colour: meanColour(planes, labels, line.members, y0),
  };
}

function bestOverlap(lines: readonly TextLineGroup[], top: number, bottom: number): TextLineGroup | null {
  let best: TextLineGroup | null = null;
  let bestOverlap = 0;
  for (const line of lines) {
    const overlap = Math.min(bottom, line.bottom) - Math.max(top, line.top);
    if (overlap > bestOverlap) {
      best = line;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** The fill ink of the members and of the pixels right around them (their anti-aliased edges); zero elsewhere. */
function keepMembers(ink: Uint8Array, labels: Int32Array, width: number, height: number, members: readonly Component[]): Uint8Array {
  const labelsOf = memberLabels(members);
  const member = new Uint8Array(Math.max(0, ...labelsOf) + 1);
  for (const label of labelsOf) member[label] = 1;
  const isMember = (i: number): boolean => member[labels[i] ?? 0] === 1;
  const kept = new Uint8Array(ink.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!ink[i]) continue;
      const near =
        isMember(i) || (x > 0 && isMember(i - 1)) || (x + 1 < width && isMember(i + 1)) || (y > 0 && isMember(i - width)) || (y + 1 < height && isMember(i + width));
      if (near) kept[i] = ink[i] ?? 0;
    }
  }
  return kept;
}

function meanColour(planes: YccPlanes, labels: Int32Array, members: readonly Component[], y0: number): Rgb {
  const wanted = new Set(memberLabels(members));
  let y = 0;
  let cb = 0;
  let cr = 0;
  let n = 0;
  for (const m of members) {
    for (let row = m.y0; row < m.y1; row++) {
      for (let x = m.x0; x < m.x1; x++) {
        const local = row * planes.width + x;
        if (!wanted.has(labels[local] ?? 0)) continue;
        const i = (row + y0) * planes.width + x;
        y += planes.y[i] ?? 0;
        cb += planes.cb[i] ?? 0;
        cr += planes.cr[i] ?? 0;
        n++;
      }
    }
  }
  return yccToRgb(n > 0 ? { y: y / n, cb: cb / n, cr: cr / n } : { y: 0, cb: 0, cr: 0 });
}

/**
 * One line per band: seeds of one band (found by blobs and again by colour, or a plane found instead of the
 * digits) lead to overlapping lines. Healthy first-pass lines stand; among the others the one with the most
 * digit-sized glyphs wins, and a line of a single such glyph only where nothing else was found.
 */
function bestPerBand(healthy: readonly LineAnalysis[], others: readonly LineAnalysis[]): LineAnalysis[] {
  const span = (l: LineAnalysis): [number, number] => [l.bandTop + l.box.y0, l.bandTop + l.box.y1];
  const overlaps = (a: LineAnalysis, b: LineAnalysis): boolean => {
    const [aTop, aBottom] = span(a);
    const [bTop, bBottom] = span(b);
    return Math.min(aBottom, bBottom) - Math.max(aTop, bTop) > 0.3 * Math.min(aBottom - aTop, bBottom - bTop);
  };
  const kept: LineAnalysis[] = [];
  const ranked = [...others].map((line, order) => ({ line, order })).sort((a, b) => lineScore(b.line) - lineScore(a.line) || a.order - b.order);
  for (const line of [...healthy, ...ranked.map((r) => r.line)]) {
    if (kept.some((k) => overlaps(k, line))) continue;
    if (lineScore(line) < 2 && kept.length > 0) continue;
    kept.push(line);
  }
  return kept;
}

/**
 * Glyphs of the line's own height: the right fill gives every digit its own blob of one height, a glow's colour
 * gives fewer, fused ones, and a gradient's end colour gives fragments of all heights.
 */
function lineScore({ glyphs, line }: LineAnalysis): number {
  return glyphs.filter((g) => Math.abs(g.y1 - g.y0 - line.height) <= Math.max(1, 0.1 * line.height)).length;
}

const memberLabels = (members: readonly Component[]): number[] => members.flatMap((m) => [m.label, ...(m.inner ?? [])]);
