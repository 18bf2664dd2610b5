// Runs in: anywhere (pure).
export interface ParsedMultiplier {
  readonly value: number;
}

// Digits with optional thousands groups and at most two decimals, wrapped by at most one x/× on either side.
// Strict on purpose: Tesseract drops decimal points and invents digits, and a loose parse turns that into money.
const MULTIPLIER_SHAPE = /^(?:[x×])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:[x×])?$/;
const MAX_PLAIN_DIGITS = 6;

/** Parses `2.35x`, `2.35×`, `x2.35`, `2.35`, `1,234.56x`; returns null for anything else or a value below 1. */
export function parseMultiplier(text: string): ParsedMultiplier | null {
  const compact = text.replace(/\s+/g, '').replace(/X/g, 'x');
  if ((compact.match(/[x×]/g)?.length ?? 0) > 1) return null;
  const match = MULTIPLIER_SHAPE.exec(compact);
  if (!match) return null;
  const [, integerPart = '', decimals] = match;
  const digits = integerPart.replace(/,/g, '');
  if (!integerPart.includes(',') && digits.length > MAX_PLAIN_DIGITS) return null;
  if (digits.length > 1 && digits.startsWith('0')) return null;
  const value = Number(decimals === undefined ? digits : `${digits}.${decimals}`);
  if (!Number.isFinite(value) || value < 1) return null;
  return { value };
}
