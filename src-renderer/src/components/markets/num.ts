// Runs in: renderer. Compact number formatting for prices and quantities in the account tables.
export const fmtNum = (v: number | null | undefined, digits = 6): string => (v == null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));
export const fmtAge = (ms: number | null): string => (ms == null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The number typed for a new stop level, or null when it is not a positive price (the control stays disabled). */
export function parseStopLevel(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}
