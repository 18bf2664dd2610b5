// Which of the second pass's candidate lines stand: one per band.
import type { Candidate, LineAnalysis } from './band-reread';

/** Above this, a candidate's glyphs are rings around the real fill (a glow's or an outline's colour was taken). */
const MAX_HOLLOWNESS = 0.6;

/**
 * Glyphs of the line's own height: the right fill gives every digit its own blob of one height, a glow's colour
 * gives fewer, fused ones, and a gradient's end colour gives fragments of all heights.
 */
export function lineScore({ glyphs, line }: LineAnalysis): number {
  return glyphs.filter((g) => Math.abs(g.y1 - g.y0 - line.height) <= Math.max(1, 0.1 * line.height)).length;
}

/** Two glyphs or more, a digit-sized one among them, none wider than a digit pair, and not rings: nothing left fused. */
export function isHealthy({ line, hollowness }: Candidate): boolean {
  return line.glyphs.length >= 2 && lineScore(line) >= 1 && hollowness <= MAX_HOLLOWNESS && line.glyphs.every((g) => g.x1 - g.x0 <= 1.3 * line.line.height);
}

/**
 * One line per band: seeds of one band (found by blobs and again by colour, or a plane found instead of the
 * digits) lead to overlapping lines. Healthy lines from clean seeds stand; among the others solid ones go before
 * rings, then the one with the most digit-sized glyphs; a line of a single such glyph only where nothing else was
 * found.
 */
export function chooseLines(candidates: readonly Candidate[]): LineAnalysis[] {
  const ranked = candidates
    .map((candidate, order) => ({ candidate, order, trusted: !candidate.fromFusedSeed && isHealthy(candidate) }))
    .sort(
      (a, b) =>
        Number(b.trusted) - Number(a.trusted) ||
        Number(a.candidate.hollowness > MAX_HOLLOWNESS) - Number(b.candidate.hollowness > MAX_HOLLOWNESS) ||
        lineScore(b.candidate.line) - lineScore(a.candidate.line) ||
        a.order - b.order,
    );
  const kept: LineAnalysis[] = [];
  for (const { candidate } of ranked) {
    const { line } = candidate;
    if (kept.some((k) => overlaps(k, line))) continue;
    if (lineScore(line) < 2 && kept.length > 0) continue;
    kept.push(line);
  }
  return kept;
}

function overlaps(a: LineAnalysis, b: LineAnalysis): boolean {
  const aTop = a.bandTop + a.box.y0;
  const aBottom = a.bandTop + a.box.y1;
  const bTop = b.bandTop + b.box.y0;
  const bBottom = b.bandTop + b.box.y1;
  return Math.min(aBottom, bBottom) - Math.max(aTop, bTop) > 0.3 * Math.min(aBottom - aTop, bBottom - bTop);
}
