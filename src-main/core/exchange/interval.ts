// Runs in: anywhere (pure).
const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Binance-style interval ('1s', '1m', '1h') or Bybit minutes ('1', '60') to milliseconds. */
export function intervalMs(interval: string): number {
  if (interval === 'D') return UNIT_MS.d!;
  const m = /^(\d+)([smhd]?)$/.exec(interval);
  if (!m) throw new Error(`bad interval ${interval}`);
  return Number(m[1]) * UNIT_MS[m[2] || 'm']!;
}
