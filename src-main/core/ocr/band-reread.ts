// Runs in: anywhere (pure).
// Second pass of the region analysis: the band around a seed, read as blobs of the seed's fill colour only.
import { yccToRgb, type Rgb, type Ycc, type YccPlanes } from './colour';
import { labelComponents, type Component } from './components';
import { fillInk } from './fill-colour';
import { glyphFeatures } from './glyph-features';
import { lineMetrics, type LineMetrics } from './line-metrics';
import { atLeast, CORE_INK, GLYPH_INK, type Seed, type StrongInk } from './line-seeds';
import type { GrayImage } from './raw-image';
import { splitBridged, splitTouching } from './segment';
import { findTextLines, type TextLineGroup } from './text-lines';
import type { Box } from './text-box';

/** The band re-read around a seed, in line heights above and below it. */
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
  /**
   * First-pass blobs placed and sized like a glyph or a point of this line that the line does not include: the
   * second pass lost them, so a value read from the line would miss a digit or a decimal point.
   */
  readonly missedBlobs: number;
  /** Where the missed blobs found beside the line are (x as in `ink`); swallowed ones have no place here. */
  readonly missedBoxes?: readonly Box[];
  /**
   * Share of the region's most contrasting pixels inside the glyph boxes that the glyphs hold: near 1 for the
   * fill, low when a glow's, a curve's or part of a gradient's colour was taken and the fill left out.
   */
  readonly coreCoverage: number;
  /**
   * Other readings of the band nearly as plausible (set when the line was chosen among colour hypotheses): a value
   * stands only if they read the same or nothing.
   */
  readonly rivals?: readonly LineAnalysis[];
}

export interface Candidate {
  readonly line: LineAnalysis;
  /**
   * Ink of other colours enclosed by the glyphs, per glyph pixel: about 1 when the seed's colour was a glow or an
   * outline around the real fill (which then sits inside it), small for the fill itself (only its counters).
   */
  readonly hollowness: number;
  /** From a trusted seed (see Seed). */
  readonly trusted: boolean;

}

/**
 * Blobs of the fill colour in the band, grouped again, and the line that overlaps the seed most. Text lies inside
 * the band, so a blob cut by the band's edge (not the region's) is a curve, a ray or a grid line; where one
 * touches glyphs, its faint contact pixels are peeled off to free them.
 */
export function rereadBand(planes: YccPlanes, background: Ycc, strong: StrongInk, cores: () => readonly Box[], seed: Seed): Candidate | null {
  const { group, model } = seed;
  const y0 = Math.max(0, Math.floor(group.top - BAND_MARGIN * group.height));
  const y1 = Math.min(planes.height, Math.ceil(group.bottom + BAND_MARGIN * group.height));
  const width = planes.width;
  const height = y1 - y0;
  const ink = fillInk(planes, background, model, y0, y1);
  const mask = atLeast(ink, GLYPH_INK);
  const cut = (c: Component): boolean => (c.y0 === 0 && y0 > 0) || (c.y1 === height && y1 < planes.height);
  let { labels, components } = labelComponents(mask, width, height);
  if (components.some(cut)) {
    const peel = new Uint8Array(components.length + 1);
    for (const c of components) if (cut(c)) peel[c.label] = 1;
    for (let i = 0; i < mask.length; i++) if (peel[labels[i] ?? 0] === 1 && (ink[i] ?? 0) < CORE_INK) mask[i] = 0;
    ({ labels, components } = labelComponents(mask, width, height));
  }
  const found = bestOverlap(findTextLines(components.filter((c) => !cut(c))), group.top - y0, group.bottom - y0);
  if (!found) return null;
  const swallowed = swallowedGlyph(labels, width, new Set(components.filter(cut).map((c) => c.label)), found) ? 1 : 0;
  const image = { data: keepMembers(ink, labels, width, height, found.members), width, height };
  // `labels` is scratch storage that the next labelling (the glyph cores, computed lazily below) overwrites.
  const colour = meanColour(planes, labels, found.members, y0);
  const hollow = hollowness(labels, width, found.members, (x, y) => strong.mask[(y + y0) * width + x] === 1);
  const bandCores = (): Box[] => cores().map((c) => ({ ...c, y0: c.y0 - y0, y1: c.y1 - y0 }));
  const glyphs = splitTouching(image, splitBridged(found.members, bandCores, found.height), GLYPH_INK);
  const metrics = lineMetrics(glyphs);
  if (!metrics) return null;
  const line: LineAnalysis = {
    ink: image,
    bandTop: y0,
    box: { x0: found.x0, x1: found.x1, y0: Math.min(...found.members.map((m) => m.y0)), y1: Math.max(...found.members.map((m) => m.y1)) },
    glyphs,
    line: metrics,
    features: glyphs.map((g) => glyphFeatures(image, g, metrics)),
    colour,
    missedBlobs: swallowed,
    coreCoverage: seed.trusted ? 1 : coverage(image, glyphs, (x, y) => strong.high()[(y + y0) * width + x] === 1),
  };
  return {
    line,
    hollowness: hollow,
    trusted: seed.trusted,
  };
}

/** How far beside a line's ends a swallowed glyph is looked for, in line heights. */
const SWALLOW_REACH = 0.9;

/**
 * Whether a curve (a blob cut by the band's edge) holds a glyph-sized mass in the line's rows, beside the line or in
 * a gap between its glyphs: a digit the curve runs through stays fused with it after peeling and is dropped with it.
 * A curve's stroke reaches half the digit height in a column only where it runs steep, over a few columns; a digit
 * does so over a third of a digit height's worth of them. Reading the line without that digit would give a wrong
 * value ("×69.86" read 69.8), so it counts as missed.
 */
function swallowedGlyph(labels: Int32Array, width: number, curves: ReadonlySet<number>, line: TextLineGroup): boolean {
  if (curves.size === 0) return false;
  const h = line.height;
  const reach = Math.round(SWALLOW_REACH * h);
  const covered = (x: number): boolean => line.members.some((m) => x >= m.x0 && x < m.x1);
  let run = 0;
  for (let x = Math.max(0, line.x0 - reach); x < Math.min(width, line.x1 + reach); x++) {
    if (covered(x)) {
      run = 0;
      continue;
    }
    let top = -1;
    let bottom = -1;
    for (let y = Math.max(0, Math.floor(line.top)); y < Math.ceil(line.bottom); y++) {
      if (!curves.has(labels[y * width + x] ?? 0)) continue;
      if (top < 0) top = y;
      bottom = y;
    }
    run = top >= 0 && bottom - top + 1 >= 0.5 * h ? run + 1 : run;
    if (run >= 0.3 * h) return true;
  }
  return false;
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

const labelsOf = (members: readonly Component[]): number[] => members.flatMap((m) => [m.label, ...(m.inner ?? [])]);

/** The fill ink of the members and of the pixels right around them (their anti-aliased edges); zero elsewhere. */
function keepMembers(ink: Uint8Array, labels: Int32Array, width: number, height: number, members: readonly Component[]): Uint8Array {
  const wanted = labelsOf(members);
  const member = new Uint8Array(Math.max(0, ...wanted) + 1);
  for (const label of wanted) member[label] = 1;
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
  const wanted = new Set(labelsOf(members));
  let y = 0;
  let cb = 0;
  let cr = 0;
  let n = 0;
  for (const m of members) {
    for (let row = m.y0; row < m.y1; row++) {
      for (let x = m.x0; x < m.x1; x++) {
        if (!wanted.has(labels[row * planes.width + x] ?? 0)) continue;
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
 * Strong pixels that the members enclose (not reachable from the edge of the member's box without crossing
 * it), per member pixel.
 */
function hollowness(labels: Int32Array, width: number, members: readonly Component[], isStrong: (x: number, y: number) => boolean): number {
  let enclosed = 0;
  let area = 0;
  for (const m of members) {
    const inner = m.inner ?? [];
    const isOwn = (label: number): boolean => label === m.label || (inner.length > 0 && inner.includes(label));
    const w = m.x1 - m.x0;
    const h = m.y1 - m.y0;
    // 0 unvisited, 1 the member's own pixel, 2 reached from the box's edge.
    const state = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (isOwn(labels[(y + m.y0) * width + x + m.x0] ?? 0)) state[y * w + x] = 1;
    const stack: number[] = [];
    const visit = (k: number): void => {
      if (state[k] !== 0) return;
      state[k] = 2;
      stack.push(k);
    };
    for (let x = 0; x < w; x++) {
      visit(x);
      visit((h - 1) * w + x);
    }
    for (let y = 0; y < h; y++) {
      visit(y * w);
      visit(y * w + w - 1);
    }
    while (stack.length > 0) {
      const k = stack.pop() ?? 0;
      const x = k % w;
      if (x > 0) visit(k - 1);
      if (x + 1 < w) visit(k + 1);
      if (k >= w) visit(k - w);
      if (k + w < w * h) visit(k + w);
    }
    for (let k = 0; k < w * h; k++) {
      if (state[k] === 1) area++;
      else if (state[k] === 0 && isStrong((k % w) + m.x0, Math.floor(k / w) + m.y0)) enclosed++;
    }
  }
  return area > 0 ? enclosed / area : 0;
}

/** Share of the `isCore` pixels inside the glyph boxes that are glyph ink. */
function coverage(ink: GrayImage, glyphs: readonly Box[], isCore: (x: number, y: number) => boolean): number {
  let cores = 0;
  let covered = 0;
  for (const g of glyphs) {
    for (let y = g.y0; y < g.y1; y++) {
      for (let x = g.x0; x < g.x1; x++) {
        if (!isCore(x, y)) continue;
        cores++;
        if ((ink.data[y * ink.width + x] ?? 0) >= GLYPH_INK) covered++;
      }
    }
  }
  return cores > 0 ? covered / cores : 1;
}
