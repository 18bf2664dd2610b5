// Display formats. Multipliers are integer hundredths, so the text never shows a rounding artefact.

function withThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function centsToText(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${withThousands(whole)}.${String(cents % 100).padStart(2, '0')}`;
}

/** 235 → "2.35x", 123456 → "1,234.56x". */
export function formatMultiplier(cents: number): string {
  return `${centsToText(cents)}x`;
}

export function formatMoney(amount: number): string {
  const cents = Math.round(amount * 100);
  return `${cents < 0 ? '-' : ''}${centsToText(Math.abs(cents))}`;
}

export function formatSeconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
