// Runs in: anywhere (pure).
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

/** Grey ink (white to black) differs from other grey ink only by this much lightness: see `recoloured`. */
export const GREY_LIGHTNESS_CHANGE = 100;

const isGrey = (c: Rgb) => Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b) < 40;

/**
 * Whether two inks are different colours. White digits with a plane, a rocket or a glow passing behind them read
 * anywhere from white to mid grey; only a large lightness step counts between greys. Anything chromatic counts by
 * distance: a number turning red, green or gold.
 */
export function recoloured(a: Rgb, b: Rgb): boolean {
  if (isGrey(a) && isGrey(b)) return Math.abs(Math.max(a.r, a.g, a.b) - Math.max(b.r, b.g, b.b)) >= GREY_LIGHTNESS_CHANGE;
  return colourDistance(a, b) >= COLOUR_CHANGE;
}

export function sameColour(a: Rgb | null | undefined, b: Rgb | null | undefined): boolean {
  if (!a || !b) return a === b || !a || !b;
  return !recoloured(a, b);
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
