// Runs in: anywhere (pure).
// First pass of the region analysis: where the text lines are and which fill colour each has.
import type { Ycc, YccPlanes } from './colour';
import { labelComponents, type Component } from './components';
import { dominantColours } from './dominant-colours';
import { blobCore, fillInk, fitFill, solidFill, type FillModel } from './fill-colour';
import { median } from './median';
import { boxHeight, boxWidth, findTextLines, type TextLineGroup } from './text-lines';
import { otsuLevel } from './threshold';

/** Below this contrast with the background (see `contrast`) the region is treated as blank. */
const MIN_CONTRAST = 48;
/** Fill ink (of 255) from which a pixel belongs to a glyph blob... */
export const GLYPH_INK = 128;
/** ...and from which it is surely the fill itself, not a mix with what touches it. */
export const CORE_INK = 204;
/** Dominant colours tried as fills when the first pass leaves blobs unexplained. */
const COLOUR_HYPOTHESES = 3;

/** A line found by a first pass, with the fill colour its glyphs have. */
export interface Seed {
  readonly group: TextLineGroup;
  readonly model: FillModel;
  /**
   * Found by the first pass as separate glyph blobs. Not so a colour hypothesis, nor a line of one blob or with
   * blobs wider than a digit pair (glyphs fused with a curve or a glow: their core colour may be the curve's).
   */
  readonly trusted: boolean;
}

export interface StrongInk {
  /** 1 where a pixel stands out from the background (Otsu over the contrast). */
  readonly mask: Uint8Array;
  /**
   * 1 where it stands out most (Otsu again over the pixels of `mask`): glyph cores without the glow that fuses
   * them in `mask`. Computed on first use.
   */
  high(): Uint8Array;
  /** Each pixel's contrast with the background. */
  readonly contrast: Uint16Array;
}

/** Pixels clearly apart from the background, or null when nothing is (a blank region). */
export function strongInk(planes: YccPlanes, background: Ycc): StrongInk | null {
  const n = planes.width * planes.height;
  const contrast = new Uint16Array(n);
  let strongest = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((planes.y[i] ?? 0) - background.y) + Math.abs((planes.cb[i] ?? 0) - background.cb) + Math.abs((planes.cr[i] ?? 0) - background.cr);
    contrast[i] = d;
    if (d > strongest) strongest = d;
  }
  if (strongest < MIN_CONTRAST) return null;
  const scaled = new Uint8Array(n);
  const histogram = new Uint32Array(256);
  for (let i = 0; i < n; i++) {
    const v = Math.round(((contrast[i] ?? 0) * 255) / strongest);
    scaled[i] = v;
    histogram[v] = (histogram[v] ?? 0) + 1;
  }
  const level = Math.max(otsuLevel(histogram), Math.ceil((MIN_CONTRAST * 255) / strongest));
  let high: Uint8Array | null = null;
  return { mask: atLeast(scaled, level + 1), high: () => (high ??= atLeast(scaled, otsuLevel(histogram, level) + 1)), contrast };
}

export function atLeast(ink: Uint8Array, level: number): Uint8Array {
  const mask = new Uint8Array(ink.length);
  for (let i = 0; i < ink.length; i++) mask[i] = (ink[i] ?? 0) >= level ? 1 : 0;
  return mask;
}

/**
 * Lines of the strong pixels' blobs, each with the fill colour of its glyphs' cores, and whether blobs at least
 * half the size of their glyphs are left over (a curve or a plane that swallowed glyphs).
 */
export function blobSeeds(planes: YccPlanes, strong: StrongInk, mask: Uint8Array): { seeds: Seed[]; leftOver: boolean; blobs: readonly Component[] } {
  const { labels, components } = labelComponents(mask, planes.width, planes.height);
  const groups = findTextLines(components);
  const members = new Set(groups.flatMap((g) => g.members.flatMap((m) => [m.label, ...(m.inner ?? [])])));
  const glyphArea = median(groups.flatMap((g) => fillSamples(g).map((m) => m.area)));
  return {
    seeds: seedsOf(planes, groups, (blob) => blobCore(strong.contrast, labels, planes.width, blob), false),
    leftOver: components.some((c) => !members.has(c.label) && c.area >= 0.5 * glyphArea),
    blobs: components,
  };
}

/** Lines made of each dominant colour of the strong pixels, with their fill refitted on the glyphs found. */
export function colourSeeds(planes: YccPlanes, background: Ycc, strong: StrongInk): Seed[] {
  return dominantColours(planes, strong.mask, COLOUR_HYPOTHESES).flatMap((colour) => {
    const ink = fillInk(planes, background, solidFill(colour), 0, planes.height);
    const { labels, components } = labelComponents(atLeast(ink, GLYPH_INK), planes.width, planes.height);
    const fullInk = (blob: Component): number[] => pixelsOf(blob, labels, planes.width).filter((i) => (ink[i] ?? 0) >= CORE_INK);
    return seedsOf(planes, findTextLines(components), fullInk, true);
  });
}

/** Each group's fill model, fitted over the fill pixels (`coreOf`) of its glyph-sized members. */
function seedsOf(planes: YccPlanes, groups: readonly TextLineGroup[], coreOf: (blob: Component) => number[], byColour: boolean): Seed[] {
  return groups.flatMap((group) => {
    const model = fitFill(planes, fillSamples(group).flatMap(coreOf));
    const fused = group.members.length < 2 || group.members.some((m) => boxWidth(m) > 1.3 * group.height);
    return model ? [{ group, model, trusted: !byColour && !fused }] : [];
  });
}

/** Glyph-sized members only: a mark's colour is mostly its anti-aliased edge. */
function fillSamples(group: TextLineGroup): Component[] {
  const glyphs = group.members.filter((c) => boxHeight(c) >= 0.5 * group.height && boxWidth(c) <= 1.3 * group.height);
  return glyphs.length > 0 ? glyphs : [...group.members];
}

function pixelsOf(blob: Component, labels: Int32Array, width: number): number[] {
  const pixels: number[] = [];
  for (let y = blob.y0; y < blob.y1; y++) {
    for (let x = blob.x0; x < blob.x1; x++) if (labels[y * width + x] === blob.label) pixels.push(y * width + x);
  }
  return pixels;
}
