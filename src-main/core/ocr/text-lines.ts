import type { Component } from './components';
import { lineMetrics } from './line-metrics';

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
const MIN_BODY_DENSITY = 0.12;
/** Touching glyphs make wide blobs; wider than this (in heights) it is a bar or a frame. */
const MAX_BODY_ASPECT = 6;
/** Two blobs are on one line when they share this much of the shorter one's height... */
const SAME_LINE_OVERLAP = 0.5;
/** ...are not too different in height (capitals next to lower case is 1.5–2×)... */
const SAME_LINE_HEIGHT_RATIO = 2.2;
/** ...and are no farther apart than this many heights (a word space is well below it). */
const SAME_LINE_GAP = 1.6;
/** Points, commas and x sit between the digits: attached up to this gap (in line heights) from the line. */
const ATTACH_GAP = 1.2;
/** A point or comma has its bottom near the baseline (comma tails hang below it). */
const PUNCTUATION_BOTTOM = [0.85, 1.45] as const;
/** Anything smaller than this (in line heights, both ways) is grain, not a point. */
const MIN_MARK_SIZE = 0.07;

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
    if (!lines.some((line) => candidate.members.every((c) => fitsBand(c, line)))) lines.push(candidate);
  }
  const taken = new Set(lines.flatMap((l) => l.members));
  const rest = components.filter((c) => !taken.has(c));
  return lines.map((line) => attachMarks(line, rest));
}

export const boxHeight = (c: { y0: number; y1: number }): number => c.y1 - c.y0;
export const boxWidth = (c: { x0: number; x1: number }): number => c.x1 - c.x0;
const density = (c: Component): number => c.area / (boxWidth(c) * boxHeight(c));

function isBody(c: Component): boolean {
  const h = boxHeight(c);
  const w = boxWidth(c);
  return h >= MIN_BODY_HEIGHT && density(c) >= MIN_BODY_DENSITY && w <= MAX_BODY_ASPECT * h && !isBar(c);
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

function encloses(outer: Component, blob: Component): boolean {
  const h = boxHeight(outer);
  return blob.x0 >= outer.x0 && blob.x1 <= outer.x1 && blob.y0 >= outer.y0 + 0.15 * h && blob.y1 <= outer.y1 - 0.15 * h && blob.area < outer.area;
}

/** A single round solid blob (a star, a bokeh dot) is not a line of text; no digit is that round and full. */
function isLoneBlob(line: TextLineGroup): boolean {
  const [only] = line.members;
  if (!only || line.members.length > 1) return false;
  const aspect = boxWidth(only) / boxHeight(only);
  return density(only) >= 0.68 && aspect >= 0.7 && aspect <= 1.45;
}

/** Adds the marks near the line, repeatedly, so a run of small marks is followed outwards. */
function attachMarks(line: TextLineGroup, candidates: readonly Component[]): TextLineGroup {
  const h = line.height;
  const members = [...line.members];
  let x0 = line.x0;
  let x1 = line.x1;
  let pending = candidates.filter((c) => fitsBand(c, line));
  for (let added = true; added; ) {
    added = false;
    pending = pending.filter((c) => {
      const gap = Math.max(c.x0 - x1, x0 - c.x1);
      if (gap > ATTACH_GAP * h) return true;
      members.push(c);
      x0 = Math.min(x0, c.x0);
      x1 = Math.max(x1, c.x1);
      added = true;
      return false;
    });
  }
  const sorted = members.sort((a, b) => a.x0 - b.x0);
  // A point or comma separates glyphs: one before the first or after the last glyph is a star or a speck.
  const isPunctuation = (c: Component | undefined): boolean => c !== undefined && boxHeight(c) < 0.45 * h;
  while (sorted.length > 1 && isPunctuation(sorted[0])) sorted.shift();
  while (sorted.length > 1 && isPunctuation(sorted[sorted.length - 1])) sorted.pop();
  return { ...line, members: sorted, x0: Math.min(...sorted.map((c) => c.x0)), x1: Math.max(...sorted.map((c) => c.x1)) };
}

/** Inside the line's band and shaped like something a multiplier line holds. */
function fitsBand(c: Component, line: TextLineGroup): boolean {
  const h = line.height;
  const ch = boxHeight(c);
  const cw = boxWidth(c);
  if (ch > 1.25 * h || isBar(c)) return false;
  if (c.y0 < line.top - 0.3 * h || c.y1 > line.bottom + 0.5 * h) return false;
  if (ch < MIN_MARK_SIZE * h && cw < MIN_MARK_SIZE * h) return false;
  if (ch >= 0.6 * h) return density(c) >= MIN_BODY_DENSITY;
  const bottom = (c.y1 - line.top) / h;
  if (ch < 0.45 * h) {
    // A point or comma: on the baseline (a comma's tail hangs below it).
    if (bottom >= PUNCTUATION_BOTTOM[0] && bottom <= PUNCTUATION_BOTTOM[1]) return true;
  }
  // An x sits on the baseline, a × is centred a little above the middle; either is at least a quarter line wide.
  const centre = ((c.y0 + c.y1) / 2 - line.top) / h;
  return ch >= 0.3 * h && cw >= 0.25 * h && centre >= 0.3 && centre <= 0.8 && density(c) >= MIN_BODY_DENSITY;
}
