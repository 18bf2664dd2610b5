// Which of the second pass's candidate lines stand: one per band.
import type { Candidate, LineAnalysis } from './band-reread';
import type { Box } from './text-box';

/** Above this, a candidate's glyphs are rings around the real fill (an outline's colour was taken). */
const MAX_HOLLOWNESS = 0.6;

/**
 * Glyphs of the line's own height: the right fill gives every digit its own blob of one height, a glow's colour
 * gives fewer, fused ones, and a gradient's end colour gives fragments of all heights.
 */
export function lineScore({ glyphs, line }: LineAnalysis): number {
  return glyphs.filter((g) => Math.abs(g.y1 - g.y0 - line.height) <= Math.max(1, 0.1 * line.height)).length;
}

/** Between candidates: digit-sized glyphs weighed by their height, as specks make lines of many small ones. */
const weight = (line: LineAnalysis): number => lineScore(line) * line.line.height;

/** Two glyphs or more, a digit-sized one among them, none wider than a digit pair, and not rings: nothing left fused. */
export function isHealthy({ line, hollowness }: Candidate): boolean {
  return line.glyphs.length >= 2 && lineScore(line) >= 1 && hollowness <= MAX_HOLLOWNESS && line.glyphs.every((g) => g.x1 - g.x0 <= 1.3 * line.line.height);
}

/**
 * One line per band: seeds of one band (found by blobs and again by colour, or a plane found instead of the
 * digits) lead to overlapping lines. Healthy lines from the first pass stand. Among the others, a line whose
 * glyphs sit inside another's with a margin all round is the fill inside a glow and replaces it; then solid lines
 * go before rings, and more and bigger digit-sized glyphs first. A line of a single such glyph is kept only where
 * nothing else was found.
 */
export function chooseLines(candidates: readonly Candidate[]): LineAnalysis[] {
  const trusted = (c: Candidate): boolean => c.trusted && isHealthy(c);
  const open = candidates.filter((c) => !trusted(c));
  const cores = open.filter((outer) => !open.some((inner) => inner !== outer && isCoreOf(inner.line, outer.line)));
  const ranked = cores
    .map((candidate, order) => ({ candidate, order }))
    .sort(
      (a, b) =>
        Number(a.candidate.hollowness > MAX_HOLLOWNESS) - Number(b.candidate.hollowness > MAX_HOLLOWNESS) ||
        weight(b.candidate.line) - weight(a.candidate.line) ||
        a.order - b.order,
    );
  const kept: LineAnalysis[] = [];
  for (const { line } of [...candidates.filter(trusted), ...ranked.map((r) => r.candidate)]) {
    if (kept.some((k) => overlaps(k, line))) continue;
    if (lineScore(line) < 2 && kept.length > 0) continue;
    kept.push(line);
  }
  return kept;
}

/**
 * Whether `inner` is the fill of which `outer` is the glow: about as many digit-sized glyphs, at least 60% as
 * tall, and the whole line inside the other's with a margin on (nearly) every side: a glow spreads all round. A gradient's
 * partial colour reaches the line's edge on some side, and specks inside big glyphs are far smaller.
 */
function isCoreOf(inner: LineAnalysis, outer: LineAnalysis): boolean {
  if (inner.line.height < 0.6 * outer.line.height || inner.line.height >= outer.line.height) return false;
  if (lineScore(inner) === 0 || lineScore(inner) < lineScore(outer) - 1) return false;
  const a = shift(inner.box, inner.bandTop);
  const b = shift(outer.box, outer.bandTop);
  const margins = [a.x0 - b.x0, b.x1 - a.x1, a.y0 - b.y0, b.y1 - a.y1];
  // A pixel of rounding can leave one side flush.
  return margins.every((m) => m >= 0) && margins.filter((m) => m >= 1).length >= 3;
}

const shift = (g: Box, dy: number): Box => ({ x0: g.x0, x1: g.x1, y0: g.y0 + dy, y1: g.y1 + dy });

function overlaps(a: LineAnalysis, b: LineAnalysis): boolean {
  const aTop = a.bandTop + a.box.y0;
  const aBottom = a.bandTop + a.box.y1;
  const bTop = b.bandTop + b.box.y0;
  const bBottom = b.bandTop + b.box.y1;
  return Math.min(aBottom, bBottom) - Math.max(aTop, bTop) > 0.3 * Math.min(aBottom - aTop, bBottom - bTop);
}
