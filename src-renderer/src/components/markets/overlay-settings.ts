// Runs in: renderer. The indicator overlays a user can toggle on the Markets chart, and their colours.
import type { ChartOverlay } from '../../../../src-shared/contract';

export interface OverlaySetting {
  id: 'sma' | 'ema' | 'bollinger';
  label: string;
  on: boolean;
  period: number;
  color: string;
}

export const DEFAULT_OVERLAYS: OverlaySetting[] = [
  { id: 'sma', label: 'SMA', on: true, period: 20, color: '#f0b90b' },
  { id: 'ema', label: 'EMA', on: false, period: 50, color: '#ab47bc' },
  { id: 'bollinger', label: 'Bollinger', on: false, period: 20, color: '#26c6da' },
];

export function requestedOverlays(settings: readonly OverlaySetting[]): ChartOverlay[] {
  return settings
    .filter((s) => s.on && Number.isInteger(s.period) && s.period >= 1 && s.period <= 1000)
    .map((s) => (s.id === 'bollinger' ? { kind: 'bollinger', period: s.period, stdDev: 2 } : { kind: s.id, period: s.period }));
}

/** The engine names lines "SMA(20)", "BB(20, 2) upper"…; the colour follows the toggle that asked for it. */
export function overlayColor(settings: readonly OverlaySetting[], lineId: string): string {
  const kind = lineId.startsWith('bb-') ? 'bollinger' : lineId.split('-')[0];
  return settings.find((s) => s.id === kind)?.color ?? '#8a91a3';
}
