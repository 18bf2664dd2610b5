// Runs in: anywhere (pure).
import { median } from './median';
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

/** Wider than this many typical digit widths, a run is taken to be touching glyphs and is cut... */
const MERGED_WIDTHS = 1.5;
/** ...but never one narrower than this fraction of the digit height: no single digit or x is that wide. */
const MIN_MERGED_WIDTH = 0.9;
/** A digit-high glyph narrower than this (in digit heights) is a 1. */
const NARROW_ONE = 0.5;
/** The gap between two glyphs is at most this many digit widths, for counting the glyphs in a touching run. */
const MAX_GAP_WIDTHS = 0.25;
/** Digits are at most this wide (in digit heights), which caps the estimate when every run is merged. */
const MAX_DIGIT_WIDTH = 0.8;

/**
 * One box per glyph from the line's blobs: a blob too wide for one glyph (glyphs touching under tight kerning, a
 * glow or a bold italic) is cut at its faintest column.
 */
export function splitTouching(ink: GrayImage, blobs: readonly Box[], threshold: number): Box[] {
  const height = Math.max(0, ...blobs.map((g) => g.y1 - g.y0));
  const tallWidths = blobs.filter((g) => g.y1 - g.y0 >= 0.85 * height).map((g) => g.x1 - g.x0);
  // A 1 is far narrower than the other digits in most fonts: it sets the width only when nothing else can.
  const wideWidths = tallWidths.filter((w) => w >= NARROW_ONE * height);
  const digitWidth = Math.min(median(wideWidths.length > 0 ? wideWidths : tallWidths), MAX_DIGIT_WIDTH * height);
  if (digitWidth <= 0) return [...blobs];
  const mergedWidth = Math.max(MERGED_WIDTHS * digitWidth, MIN_MERGED_WIDTH * height);
  const sorted = [...blobs].sort((a, b) => a.x0 - b.x0);
  const gaps = sorted.slice(1).map((g, i) => g.x0 - sorted[i]!.x1).filter((d) => d > 0);
  // The font's spacing, where the line shows it: two gaps at least, and glyphs apart enough to give the digit width.
  // Capped: a ray or a star between glyphs makes gaps that are no spacing of the font.
  const spaced = gaps.length >= 2 && median(tallWidths) <= MAX_DIGIT_WIDTH * height;
  const gap = spaced ? Math.min(MAX_GAP_WIDTHS * digitWidth, median(gaps)) : 0;
  // Only digit-high blobs are cut: an x with a star stuck to it is wide, but not two glyphs.
  return blobs.flatMap((blob) => (blob.y1 - blob.y0 >= 0.85 * height ? splitWide(ink, blob, blob, threshold, { digitWidth, gap }, mergedWidth) : [blob]));
}

/**
 * Cuts a run as wide as n digits into n glyphs, each cut at the faintest column near where it is expected: one
 * cut after another would drift towards a wide glyph's own faint middle (a zero's counter) and cut it in two.
 */
function splitWide(ink: GrayImage, run: Box, area: Box, threshold: number, { digitWidth, gap }: { digitWidth: number; gap: number }, mergedWidth: number): Box[] {
  const width = run.x1 - run.x0;
  if (width <= mergedWidth) return [run];
  // n touching glyphs span n widths and the n − 1 gaps between them.
  const count = Math.max(2, Math.round((width + gap) / (digitWidth + gap)));
  const cuts = Array.from({ length: count - 1 }, (_, k) => faintestColumn(ink, run, run.x0 + ((k + 1) * width) / count, CUT_SEARCH * digitWidth));
  const edges = [run.x0, ...cuts, run.x1];
  return edges.slice(1).flatMap((x1, k) => {
    const x0 = edges[k] ?? run.x0;
    const rows = x1 > x0 ? inkRows(ink, x0, x1, area, threshold) : null;
    return rows ? [{ x0, x1, y0: rows[0], y1: rows[1] }] : [];
  });
}

/** How far (in digit widths) a cut may move from where it is expected. */
const CUT_SEARCH = 0.3;

function faintestColumn(ink: GrayImage, run: Box, around: number, reach: number): number {
  let cut = Math.round(around);
  let faintest = Infinity;
  for (let x = Math.max(run.x0 + 1, Math.ceil(around - reach)); x <= Math.min(run.x1 - 1, Math.floor(around + reach)); x++) {
    let sum = 0;
    for (let y = run.y0; y < run.y1; y++) sum += ink.data[y * ink.width + x] ?? 0;
    if (sum < faintest) {
      faintest = sum;
      cut = x;
    }
  }
  return cut;
}

function inkRows(ink: GrayImage, x0: number, x1: number, area: Box, threshold: number): [number, number] | null {
  let top = -1;
  let bottom = -1;
  for (let y = area.y0; y < area.y1; y++) {
    const row = y * ink.width;
    for (let x = x0; x < x1; x++) {
      if ((ink.data[row + x] ?? 0) > threshold) {
        if (top < 0) top = y;
        bottom = y + 1;
        break;
      }
    }
  }
  return top < 0 ? null : [top, bottom];
}


/**
 * A blob wider than one digit holding, among the region's most contrasting blobs (`cores`), a point on its baseline
 * apart from the rest, is a decimal point fused to its digit by a glow or halo: the point gets its own box. Only
 * points are split off: a heavy italic digit's own strokes can fall apart among the cores too.
 */
export function splitBridged(blobs: readonly Box[], cores: () => readonly Box[], digitHeight: number): Box[] {
  const tall = blobs.filter((b) => b.y1 - b.y0 >= 0.85 * digitHeight).map((b) => b.x1 - b.x0);
  const digitWidth = Math.max(median(tall), MIN_DIGIT_WIDTH * digitHeight);
  const small = 0.35 * digitHeight + 1;
  let coreDigit: number | null = null;
  const coreWidth = (): number => (coreDigit ??= median(cores().filter((c) => c.y1 - c.y0 >= 0.85 * digitHeight).map((c) => c.x1 - c.x0)));
  return blobs.flatMap((blob) => {
    const width = blob.x1 - blob.x0;
    // A glow that fuses every glyph it touches makes the blobs' widths no measure of a digit: the cores' are.
    // Checked only for blobs no single digit is as wide as (MIN_MERGED_WIDTH): the cores cost a labelling pass.
    const fused = width >= MIN_MERGED_WIDTH * digitHeight && coreWidth() > 0 && width >= BRIDGED_WIDTH * coreWidth() && width <= MAX_BRIDGED_DIGITS * coreWidth();
    if (width < BRIDGED_WIDTH * digitWidth && !fused) return [blob];
    const inside = cores().filter((c) => c.x0 >= blob.x0 - 1 && c.x1 <= blob.x1 + 1 && c.y0 >= blob.y0 - 1 && c.y1 <= blob.y1 + 1);
    const least = 0.15 * digitHeight;
    const isPoint = (c: Box): boolean => c.y1 - c.y0 <= small && c.x1 - c.x0 <= small && Math.min(c.y1 - c.y0, c.x1 - c.x0) >= least && blob.y1 - c.y1 <= 0.15 * digitHeight + 1;
    const others = (p: Box): Box[] => inside.filter((c) => c !== p && c.y1 - c.y0 >= 0.5 * digitHeight);
    // Clear of the glyph's cores by a real gap: a thin stroke broken at the core level lies right against them.
    const gap = Math.max(2, MIN_POINT_GAP * digitHeight);
    const point = inside.find((p) => isPoint(p) && others(p).length > 0 && others(p).every((c) => c.x1 + gap <= p.x0 || c.x0 >= p.x1 + gap));
    if (!point) return [blob];
    // Glyphs may be fused on both sides of it (1.8 glowing into one run): each side keeps its own box.
    const left = others(point).filter((c) => c.x1 <= point.x0);
    const right = others(point).filter((c) => c.x0 >= point.x1);
    const cutLeft = left.length > 0 ? Math.round((Math.max(...left.map((c) => c.x1)) + point.x0) / 2) : blob.x0;
    const cutRight = right.length > 0 ? Math.round((point.x1 + Math.min(...right.map((c) => c.x0))) / 2) : blob.x1;
    return [
      ...(left.length > 0 ? [{ x0: blob.x0, x1: cutLeft, y0: blob.y0, y1: blob.y1 }] : []),
      { x0: cutLeft, x1: cutRight, y0: point.y0, y1: blob.y1 },
      ...(right.length > 0 ? [{ x0: cutRight, x1: blob.x1, y0: blob.y0, y1: blob.y1 }] : []),
    ];
  });
}

/** No digit is narrower than this share of the digit height, but a 1. */
const MIN_DIGIT_WIDTH = 0.55;
/** A point fused by a halo still has this much (in digit heights) of its own gap to the glyph's core. */
const MIN_POINT_GAP = 0.08;
/** A blob this many digit widths wide may hold a bridged point. */
const BRIDGED_WIDTH = 1.15;
/** Measured by the cores, a blob wider than this many digits is a longer fused run: the pitch cut takes it. */
const MAX_BRIDGED_DIGITS = 3;
