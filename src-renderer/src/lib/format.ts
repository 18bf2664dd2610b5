// Runs in: renderer. Money and multiplier formatting: P&L always carries a sign and an icon, never colour alone.

export type Tone = 'up' | 'down' | 'flat';

export interface SignedMoney {
  icon: '▲' | '▼' | '■';
  text: string;
  tone: Tone;
  /** For screen readers: "gain 12.50" / "loss 3.00" / "even". */
  spoken: string;
}

const MINUS = '−';

export function signedMoney(value: number, digits = 2): SignedMoney {
  const abs = Math.abs(value).toFixed(digits);
  if (Number(abs) === 0) return { icon: '■', text: (0).toFixed(digits), tone: 'flat', spoken: 'even' };
  if (value > 0) return { icon: '▲', text: `+${abs}`, tone: 'up', spoken: `gain ${abs}` };
  return { icon: '▼', text: `${MINUS}${abs}`, tone: 'down', spoken: `loss ${abs}` };
}

export const formatMultiplier = (m: number | null | undefined): string => (m == null ? '—' : `${m.toFixed(2)}×`);

export const formatPercent = (ratio: number | null | undefined): string => (ratio == null ? '—' : `${(ratio * 100).toFixed(1)}%`);

export function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
