// Runs in: renderer. Compact number formatting for prices and quantities in the account tables.
export const fmtNum = (v: number | null | undefined, digits = 6): string => (v == null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));
export const fmtAge = (ms: number | null): string => (ms == null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
