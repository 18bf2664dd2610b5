// Runs in: the practice game page (a browser).
// Display formats. Multipliers are integer hundredths, so the text never shows a rounding artefact.

/** How a skin writes a multiplier: `2.35x`, `x2.35`, `2.3×`, `2.35`. Thousands are always separated (`1,234.56x`). */
export interface MultiplierFormat {
  readonly sign: '' | 'x' | '×';
  readonly signAt: 'prefix' | 'suffix';
  /** One decimal floors the hundredths away (2.39 → `2.3`), as games that show tenths do. */
  readonly decimals: 1 | 2;
}

/** Today's look: `2.35x`. */
export const CLASSIC_FORMAT: MultiplierFormat = { sign: 'x', signAt: 'suffix', decimals: 2 };

function withThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function centsToText(cents: number, decimals: 1 | 2 = 2): string {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  const digits = decimals === 2 ? String(fraction).padStart(2, '0') : String(Math.floor(fraction / 10));
  return `${withThousands(whole)}.${digits}`;
}

/** 235 → "2.35x", 123456 → "1,234.56x"; other skins pass their own format. */
export function formatMultiplier(cents: number, format: MultiplierFormat = CLASSIC_FORMAT): string {
  const number = centsToText(cents, format.decimals);
  return format.signAt === 'prefix' ? `${format.sign}${number}` : `${number}${format.sign}`;
}

export function formatMoney(amount: number): string {
  const cents = Math.round(amount * 100);
  return `${cents < 0 ? '-' : ''}${centsToText(Math.abs(cents))}`;
}

export function formatSeconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
