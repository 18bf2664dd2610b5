// Runs in: anywhere (pure).
// A number partly covered (a rocket over one digit): "x2.Q3" still shows three of its four glyphs.

/**
 * The values a read with exactly one covered glyph can stand for, in a flight that shows `decimals` decimals: "x2.Q3"
 * is one of 2.03, 2.13 … 2.93. Null for a whole number, a read with more than one glyph missing, or any other text.
 * The covered glyph is whatever the reader put in its place: a letter, or a digit-like mark it could not place.
 */
export function partialReadCandidates(text: string, decimals: number): number[] | null {
  if (decimals < 1) return null;
  const shown = text.trim().replace(/^[x×X]\s*/, '').replace(/\s*[x×X]$/, '');
  const match = new RegExp(`^([^.,\\s]{1,4})\\.([^.,\\s]{${decimals}})$`).exec(shown);
  if (!match) return null;
  const glyphs = `${match[1]}${match[2]}`;
  const covered = [...glyphs].flatMap((c, i) => (/\d/.test(c) ? [] : [i]));
  if (covered.length !== 1) return null;
  const at = covered[0]!;
  // A covered leading glyph may stand for a digit, not for nothing: "Q.72" is 1.72 … 9.72, never .72.
  const digits = at === 0 && match[1]!.length > 1 ? '123456789' : '0123456789';
  return [...digits].map((d) => {
    const filled = glyphs.slice(0, at) + d + glyphs.slice(at + 1);
    return Number(`${filled.slice(0, match[1]!.length)}.${filled.slice(match[1]!.length)}`);
  });
}
