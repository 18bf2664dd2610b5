// Runs in: anywhere (pure).
import type { Component } from './components';
import { lineMetrics } from './line-metrics';
import { median } from './median';

/** A row of glyph blobs that read as one line of text. */
export interface TextLineGroup {
  /** Left to right. */
  readonly members: readonly Component[];
  /** Digit (or capital) height: the median of the taller members, so a comma or an x does not set it. */
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
  readonly x0: number;
  readonly x1: number;
}

/** Smallest glyph height that can start a line: 14 px digits are about 10 px high. */
const MIN_BODY_HEIGHT = 6;
/** Ink share of the bounding box below which a blob is a curve or a line drawing, not a glyph. */
const MIN_BODY_DENSITY = 0.16;
/** Touching glyphs make wide blobs; wider than this (in heights) it is a bar or a frame... */
const MAX_BODY_ASPECT = 6;
/** ...and no glyph is this narrow (a 1 is a tenth of its height): a region's edge or a vertical rule is. */
const MIN_BODY_ASPECT = 0.06;
/** Two blobs are on one line when they share this much of the shorter one's height... */
const SAME_LINE_OVERLAP = 0.5;
/** ...are not too different in height (capitals next to lower case is 1.3–1.5×; an x or × joins as a mark)... */
const SAME_LINE_HEIGHT_RATIO = 1.8;
/** ...and are no farther apart than this many heights (a word space is well below it). */
const SAME_LINE_GAP = 1.6;
/** Points, commas and x sit between the digits: attached up to this gap (in line heights) from the line. */
const ATTACH_GAP = 1.2;
/** A point's bottom is this close to the baseline (in line heights; at least a pixel). */
const POINT_BASELINE_TOLERANCE = 0.12;
/** Anything smaller than this (in line heights, both ways) is grain, not a point... */
const MIN_MARK_SIZE = 0.07;
/** ...and so is anything with less ink than this share of a stroke-wide square. */
const MIN_POINT_AREA = 0.3;

/**
 * Groups blobs into text lines: blobs of similar height that overlap vertically and follow each other, plus the
 * small marks (point, comma, x) near their baseline. Stars, grid lines, a curve or a progress bar stay out.
 */
export function findTextLines(blobs: readonly Component[]): TextLineGroup[] {
  const components = absorbInnerBlobs(blobs);
  const bodies = components.filter(isBody);
  const candidates = groupBodies(bodies)
    .map((members) => lineOf(members))
    .filter((line) => !isLoneBlob(line))
    .sort((a, b) => b.height - a.height);
  // Tallest first: a big comma or point is a group of its own, and belongs to the taller line it sits in.
  const lines: TextLineGroup[] = [];
  for (const candidate of candidates) {
    const [only] = candidate.members;
    const mark = only !== undefined && candidate.members.length === 1;
    if (!(mark && lines.some((line) => inBand(only, line) && !isGlyphSized(only, line)))) lines.push(candidate);
  }
  // Only glyph-sized bodies stay members; smaller ones (a big star, a bold point) must pass as marks.
  const cores = lines.map((line) => lineOf(line.members.filter((c) => isGlyphSized(c, line))));
  const taken = new Set(cores.flatMap((l) => l.members));
  const rest = components.filter((c) => !taken.has(c));
  return cores.filter((line) => line.members.length > 0 && !allDiscs(line)).map((line) => attachMarks(line, rest));
}

export const boxHeight = (c: { y0: number; y1: number }): number => c.y1 - c.y0;
export const boxWidth = (c: { x0: number; x1: number }): number => c.x1 - c.x0;
const density = (c: Component): number => c.area / (boxWidth(c) * boxHeight(c));

function isBody(c: Component): boolean {
  const h = boxHeight(c);
  const w = boxWidth(c);
  return h >= MIN_BODY_HEIGHT && density(c) >= MIN_BODY_DENSITY && w <= MAX_BODY_ASPECT * h && w >= MIN_BODY_ASPECT * h && !isBar(c);
}

/** A progress bar or a rule: long, thin and solid. */
export function isBar(c: Component): boolean {
  return boxWidth(c) >= 4 * boxHeight(c) && density(c) >= 0.7;
}

function sameLine(a: Component, b: Component): boolean {
  const ha = boxHeight(a);
  const hb = boxHeight(b);
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1);
  return overlap >= SAME_LINE_OVERLAP * Math.min(ha, hb) && Math.max(ha, hb) <= SAME_LINE_HEIGHT_RATIO * Math.min(ha, hb) && gap <= SAME_LINE_GAP * Math.max(ha, hb);
}

function groupBodies(bodies: readonly Component[]): Component[][] {
  const parent = bodies.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  for (let i = 0; i < bodies.length; i++) {
    for (let j = i + 1; j < bodies.length; j++) {
      const a = bodies[i];
      const b = bodies[j];
      if (a && b && sameLine(a, b)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Component[]>();
  bodies.forEach((body, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), body]);
  });
  return [...groups.values()];
}

/** Lines whose glyph-sized members are all discs are stars in a row. */
const allDiscs = (line: TextLineGroup): boolean => line.members.every(isDisc);

function lineOf(members: readonly Component[]): TextLineGroup {
  const sorted = [...members].sort((a, b) => a.x0 - b.x0);
  const metrics = lineMetrics(sorted) ?? { top: 0, bottom: 1, height: 1 };
  return { members: sorted, ...metrics, x0: Math.min(...sorted.map((c) => c.x0)), x1: Math.max(...sorted.map((c) => c.x1)) };
}

/**
 * A blob lying inside another one's box, clear of its top and bottom, is part of it: the dot or bar inside a
 * mono font's zero. A decimal point under an italic digit's overhang reaches the baseline and stays apart.
 */
function absorbInnerBlobs(blobs: readonly Component[]): Component[] {
  const inner = new Map<Component, Component>();
  for (const blob of blobs) {
    const container = blobs.find((c) => c !== blob && encloses(c, blob));
    if (container) inner.set(blob, container);
  }
  if (inner.size === 0) return [...blobs];
  return blobs
    .filter((b) => !inner.has(b))
    .map((b) => {
      const enclosed = [...inner].filter(([, c]) => c === b).map(([blob]) => blob);
      return enclosed.length === 0 ? b : { ...b, area: b.area + enclosed.reduce((sum, e) => sum + e.area, 0), inner: enclosed.map((e) => e.label) };
    });
}

/** A small blob well inside a glyph-like one (a curve's box can hold whole digits, which stay apart). */
function encloses(outer: Component, blob: Component): boolean {
  const h = boxHeight(outer);
  const inside = blob.x0 >= outer.x0 && blob.x1 <= outer.x1 && blob.y0 >= outer.y0 + 0.15 * h && blob.y1 <= outer.y1 - 0.15 * h;
  return inside && boxHeight(blob) <= 0.5 * h && blob.area < 0.25 * outer.area && density(outer) >= MIN_BODY_DENSITY;
}

/** A single disc (a star, a bokeh dot) is not a line of text. */
function isLoneBlob(line: TextLineGroup): boolean {
  const [only] = line.members;
  return only !== undefined && line.members.length === 1 && isDisc(only);
}

/**
 * Adds what belongs to the line besides its bodies: glyph-sized blobs that continue it, an x or × at either
 * end, and points or commas on the baseline between two glyphs. Anything else near it (stars, grain) stays out.
 */
function attachMarks(line: TextLineGroup, candidates: readonly Component[]): TextLineGroup {
  const h = line.height;
  const glyphs = [...line.members];
  let pending = candidates.filter((c) => inBand(c, line));
  const near = (c: Component): boolean => glyphs.some((g) => Math.max(c.x0 - g.x1, g.x0 - c.x1) <= ATTACH_GAP * h);
  // Glyph-sized blobs, followed outwards from the line.
  for (let added = true; added; ) {
    added = false;
    pending = pending.filter((c) => {
      if (!isGlyphSized(c, line) || !near(c)) return true;
      glyphs.push(c);
      added = true;
      return false;
    });
  }
  const x0 = Math.min(...glyphs.map((g) => g.x0));
  const x1 = Math.max(...glyphs.map((g) => g.x1));
  const centres = glyphs.map((g) => (g.x0 + g.x1) / 2).sort((a, b) => a - b);
  const stroke = strokeWidth(glyphs, h);
  const marks = pending.filter((c) => {
    if (isMark(c, line)) return (c.x0 >= x1 - 0.1 * h || c.x1 <= x0 + 0.1 * h) && near(c);
    const centre = (c.x0 + c.x1) / 2;
    return isPunctuation(c, line, stroke) && centres.some((g) => g < centre) && centres.some((g) => g > centre);
  });
  const members = [...glyphs, ...marks].sort((a, b) => a.x0 - b.x0);
  return { ...line, members, x0: Math.min(...members.map((c) => c.x0)), x1: Math.max(...members.map((c) => c.x1)) };
}

/** Inside the line's band (a comma's tail may hang below it) and not a bar. */
function inBand(c: Component, line: TextLineGroup): boolean {
  const h = line.height;
  return boxHeight(c) <= 1.25 * h && !isBar(c) && c.y0 >= line.top - 0.3 * h && c.y1 <= line.bottom + 0.5 * h;
}

function isGlyphSized(c: Component, line: TextLineGroup): boolean {
  // A disc clearly shorter than the digits is a star; a black-weight 8 is nearly as full, but digit-high.
  return boxHeight(c) >= 0.6 * line.height && density(c) >= MIN_BODY_DENSITY && !(isDisc(c) && boxHeight(c) < 0.85 * line.height);
}

/** A full round blob: a star or a bokeh dot. No glyph is that full (a heavy zero still has its counter). */
function isDisc(c: Component): boolean {
  const aspect = boxWidth(c) / boxHeight(c);
  return density(c) >= 0.74 && aspect >= 0.75 && aspect <= 1.33;
}

/** An x sits on the baseline and a × a little above the middle; either is at least a quarter of the line wide. */
function isMark(c: Component, line: TextLineGroup): boolean {
  const h = line.height;
  const centre = ((c.y0 + c.y1) / 2 - line.top) / h;
  return boxHeight(c) >= 0.3 * h && boxWidth(c) >= 0.25 * h && centre >= 0.3 && centre <= 0.8 && density(c) >= MIN_BODY_DENSITY;
}

/**
 * A point sits on the baseline; a comma's head does, and its tail hangs below it. Either is drawn with about the
 * font's stroke width, so a much smaller speck (a star) is neither.
 */
export function isPunctuation(c: Component, line: Pick<TextLineGroup, 'top' | 'bottom' | 'height'>, stroke: number): boolean {
  const h = line.height;
  const tolerance = Math.max(1, POINT_BASELINE_TOLERANCE * h);
  // Drawn about square: a flat sliver is a broken-off serif or stroke.
  const square = boxWidth(c) <= 2 * boxHeight(c) + 1 && boxHeight(c) <= 3 * boxWidth(c) + 1;
  const sized = square && boxWidth(c) < 0.45 * h && Math.max(boxHeight(c), boxWidth(c)) >= MIN_MARK_SIZE * h && c.area >= MIN_POINT_AREA * stroke * stroke;
  // A pixel of anti-aliasing above and below makes a small point look taller.
  const point = Math.abs(c.y1 - line.bottom) <= tolerance && boxHeight(c) <= 0.35 * h + 1;
  const comma = boxHeight(c) < 0.6 * h && c.y0 >= line.top + 0.5 * h && c.y0 < line.bottom && c.y1 > line.bottom + tolerance && c.y1 <= line.bottom + 0.5 * h;
  return sized && (point || comma);
}

/** A glyph's ink is about its stroke width times a skeleton of this many line heights (a 1 has one, an 8 three and a half). */
const SKELETON_HEIGHTS = 2.5;

/** The font's stroke width, roughly, from the glyphs' ink areas. */
export function strokeWidth(glyphs: readonly Component[], height: number): number {
  return median(glyphs.map((g) => g.area)) / (SKELETON_HEIGHTS * height);
}
