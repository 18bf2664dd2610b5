// How a read of the multiplier region looks, beyond its digits: the ink colour and any extra text line. Games
// announce a crash by colour ("the number turns red") or by a line like "FLEW AWAY!" as often as by text.

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Euclidean distance in RGB (0–441). Anti-aliasing and glow move a mean ink colour by < 40; a red/white switch by > 150. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a.r - b.r, a.g - b.g, a.b - b.b);
}

/** Inks further apart than this are different colours, not the same colour rendered twice. */
export const COLOUR_CHANGE = 70;

export function sameColour(a: Rgb | null | undefined, b: Rgb | null | undefined): boolean {
  if (!a || !b) return a === b || !a || !b;
  return colourDistance(a, b) < COLOUR_CHANGE;
}

/** A coarse colour name, stable across frames of one colour: hue in 30° steps, or grey for unsaturated ink. */
export function colourBucket(c: Rgb | null | undefined): string {
  if (!c) return 'none';
  const max = Math.max(c.r, c.g, c.b);
  const min = Math.min(c.r, c.g, c.b);
  if (max - min < 40) return max > 150 ? 'light' : max > 70 ? 'grey' : 'dark';
  let hue: number;
  if (max === c.r) hue = ((c.g - c.b) / (max - min) + 6) % 6;
  else if (max === c.g) hue = (c.b - c.r) / (max - min) + 2;
  else hue = (c.r - c.g) / (max - min) + 4;
  return `hue${Math.round((hue * 60) / 30) % 12}`;
}
