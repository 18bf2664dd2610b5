// Runs in: renderer. Candle times as UTC text (engine times are epoch ms, or seconds for numeric CSVs).
import { toChartSeconds } from '../charts/chart-data';

export function formatCandleTime(t: number): string {
  const d = new Date(toChartSeconds(t) * 1000);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString().slice(0, 16).replace('T', ' ');
}
