// Runs in: anywhere (pure).
// A number partly covered (a rocket over one digit): "x2.Q3" still shows three of its four glyphs. Or one whose decimal
// point joined a digit (tight letter-spacing): "227x" still shows every digit of 2.27.

const withoutSign = (text: string) => text.trim().replace(/^[x×X]\s*/, '').replace(/\s*[x×X]$/, '');

/** Digits alone, with or without the multiplier's sign: perhaps a number whose decimal point joined a digit. */
export const onlyDigits = (text: string): boolean => /^\d+$/.test(withoutSign(text));

/** The decimals a display step stands for: 2 for 0.01. */
export const decimalsOfQuantum = (quantum: number): number => Math.round(-Math.log10(quantum));

/**
 * The display shows 0 or 1 decimals: a read only bounds the multiplier within a whole step, so the target is timed
 * from the steps, and a payout brackets the display lag far less tightly than the cent it is paid to.
 */
export const coarseQuantum = (quantum: number): boolean => quantum >= 0.1 - 1e-9;

/**
 * The value a read of the number that lost only its decimal point stands for, in a flight that shows `decimals`
 * decimals: "227x" is 2.27. Null for anything but digits, or too few of them to hold the decimals and a whole part.
 */
export function pointLostValue(text: string, decimals: number): number | null {
  const digits = withoutSign(text);
  if (decimals < 1 || !onlyDigits(text) || digits.length <= decimals || digits.length > decimals + 4) return null;
  const whole = digits.slice(0, -decimals);
  // A multiplier is never below 1: "027" is no 0.27.
  if (whole.startsWith('0')) return null;
  return Number(`${whole}.${digits.slice(-decimals)}`);
}

/**
 * The values a read with exactly one covered glyph can stand for, in a flight that shows `decimals` decimals: "x2.Q3"
 * is one of 2.03, 2.13 … 2.93; a read that lost only its point stands for one ("227x": 2.27). Null for a read with
 * more than one glyph missing, or any other text. The covered glyph is whatever the reader put in its place: a letter,
 * or a digit-like mark it could not place.
 */
export function partialReadCandidates(text: string, decimals: number): number[] | null {
  if (decimals < 1) return null;
  const pointLost = pointLostValue(text, decimals);
  if (pointLost !== null) return [pointLost];
  const shown = withoutSign(text);
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
