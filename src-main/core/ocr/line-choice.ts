// Runs in: anywhere (pure).
// Which of the second pass's candidate lines stand: one per band.
import type { Candidate, LineAnalysis } from './band-reread';
import type { Box } from './text-box';

/** A candidate this close in weight to the chosen line is a rival reading of the band, to be read as well. */
const RIVAL_WEIGHT = 0.8;
/** Glyph boxes this many pixels apart or less are the same glyph. */
const SAME_BOX = 2;

/** Above this, a candidate's glyphs are rings around the real fill (an outline's colour was taken). */
const MAX_HOLLOWNESS = 0.6;

/**
 * Glyphs of the line's own height: the right fill gives every digit its own blob of one height, a glow's colour
 * gives fewer, fused ones, and a gradient's end colour gives fragments of all heights.
 */
export function lineScore({ glyphs, line }: LineAnalysis): number {
  return glyphs.filter((g) => Math.abs(g.y1 - g.y0 - line.height) <= Math.max(1, 0.1 * line.height)).length;
}

/**
 * Between candidates: digit-sized glyphs (other glyphs count half) weighed by their height, as specks make lines
 * of many small ones, and by how much of the strongest ink in their boxes they hold: a glow's colour leaves the
 * glyph cores out, while an outline's fill leaves out only the stroke, so this only tips the balance.
 */
function weight(line: LineAnalysis): number {
  const digits = lineScore(line);
  return (digits + 0.5 * (line.glyphs.length - digits)) * line.line.height * (0.5 + line.coreCoverage);
}

/** Two glyphs or more, a digit-sized one among them, none wider than a digit pair, and not rings: nothing left fused. */
export function isHealthy({ line, hollowness }: Candidate): boolean {
  return line.glyphs.length >= 2 && lineScore(line) >= 1 && hollowness <= MAX_HOLLOWNESS && line.glyphs.every((g) => g.x1 - g.x0 <= 1.3 * line.line.height);
}

export interface ChosenLines {
  readonly lines: LineAnalysis[];
  /**
   * Lines of one glyph left out beside the chosen ones: most are sprites or specks, but a game with no sign that drops
   * trailing zeros shows 3.00 as a lone `3` under its label, which only the reader, knowing the flight, can tell.
   */
  readonly loneGlyphs: LineAnalysis[];
}

/**
 * One line per band: seeds of one band (found by blobs and again by colour, or a plane found instead of the
 * digits) lead to overlapping lines. Healthy lines from the first pass stand. Among the others solid lines go
 * before rings, then by weight. A line of a single such glyph is kept only where nothing else was found.
 */
export function chooseLines(candidates: readonly Candidate[]): ChosenLines {
  const trusted = (c: Candidate): boolean => c.trusted && isHealthy(c);
  const ranked = candidates
    .filter((c) => !trusted(c))
    .map((candidate, order) => ({ candidate, order }))
    .sort(
      (a, b) =>
        Number(a.candidate.hollowness > MAX_HOLLOWNESS) - Number(b.candidate.hollowness > MAX_HOLLOWNESS) ||
        weight(b.candidate.line) - weight(a.candidate.line) ||
        a.order - b.order,
    );
  const open = ranked.map((r) => r.candidate);
  const kept: LineAnalysis[] = [];
  const left: LineAnalysis[] = [];
  for (const candidate of [...candidates.filter(trusted), ...open]) {
    const { line } = candidate;
    if (kept.some((k) => overlaps(k, line))) continue;
    if (lineScore(line) < 2 && kept.length > 0) {
      if (line.glyphs.length === 1 && candidate.hollowness <= MAX_HOLLOWNESS) left.push(line);
      continue;
    }
    const rivals = trusted(candidate) ? [] : open.filter((c) => c !== candidate && isRival(c, line)).map((c) => c.line);
    kept.push(rivals.length > 0 ? { ...line, rivals } : line);
  }
  const loneGlyphs = left.filter((line, i) => !kept.some((k) => overlaps(k, line)) && !left.slice(0, i).some((l) => overlaps(l, line)));
  return { lines: kept, loneGlyphs };
}

/** A solid candidate of the same band, nearly as weighty, that segments the band differently. */
function isRival(other: Candidate, chosen: LineAnalysis): boolean {
  if (other.hollowness > MAX_HOLLOWNESS || !overlaps(other.line, chosen) || weight(other.line) < RIVAL_WEIGHT * weight(chosen)) return false;
  // Boxes a pixel or two apart are the same segmentation seen through a slightly different colour.
  const dy = other.line.bandTop - chosen.bandTop;
  const same = (a: Box, b: Box): boolean =>
    Math.abs(a.x0 - b.x0) <= SAME_BOX && Math.abs(a.x1 - b.x1) <= SAME_BOX && Math.abs(a.y0 + dy - b.y0) <= SAME_BOX && Math.abs(a.y1 + dy - b.y1) <= SAME_BOX;
  return other.line.glyphs.length !== chosen.glyphs.length || other.line.glyphs.some((g, i) => !same(g, chosen.glyphs[i] ?? g));
}

function overlaps(a: LineAnalysis, b: LineAnalysis): boolean {
  const aTop = a.bandTop + a.box.y0;
  const aBottom = a.bandTop + a.box.y1;
  const bTop = b.bandTop + b.box.y0;
  const bBottom = b.bandTop + b.box.y1;
  return Math.min(aBottom, bBottom) - Math.max(aTop, bTop) > 0.3 * Math.min(aBottom - aTop, bBottom - bTop);
}
