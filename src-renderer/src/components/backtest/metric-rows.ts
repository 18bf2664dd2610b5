// Runs in: renderer. The metrics shown for a run, in one order, for the result grid and the comparison table.
import type { BacktestMetrics } from '../../../../src-shared/contract';
import { formatPercent, signedMoney, type Tone } from '../../lib/format';

export interface MetricCell {
  text: string;
  tone: Tone;
  /** ▲ ▼ ■ for signed values, so gains and losses read without colour. */
  icon?: string;
}

export interface MetricRow {
  key: string;
  label: string;
  cell(m: BacktestMetrics): MetricCell;
  /** Which way is better, for marking the best run in a comparison; 'none' where it depends on the goal. */
  better: 'higher' | 'lower' | 'none';
  value(m: BacktestMetrics): number;
}

const plain = (text: string): MetricCell => ({ text, tone: 'flat' });
const signed = (value: number, suffix = ''): MetricCell => {
  const money = signedMoney(value);
  return { text: money.text + suffix, tone: money.tone, icon: money.icon };
};
const ratio = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

export const METRIC_ROWS: readonly MetricRow[] = [
  { key: 'netPnl', label: 'Net P&L', cell: (m) => signed(m.netPnl), better: 'higher', value: (m) => m.netPnl },
  { key: 'netPnlPct', label: 'Return', cell: (m) => signed(m.netPnlPct * 100, '%'), better: 'higher', value: (m) => m.netPnlPct },
  { key: 'winRate', label: 'Win rate', cell: (m) => plain(m.trades ? formatPercent(m.winRate) : '—'), better: 'higher', value: (m) => m.winRate },
  { key: 'profitFactor', label: 'Profit factor', cell: (m) => plain(m.profitFactor === null ? (m.trades ? '∞ (no losses)' : '—') : ratio(m.profitFactor)), better: 'higher', value: (m) => m.profitFactor ?? Infinity },
  { key: 'sharpe', label: 'Sharpe', cell: (m) => plain(ratio(m.sharpe)), better: 'higher', value: (m) => m.sharpe },
  { key: 'sortino', label: 'Sortino', cell: (m) => plain(ratio(m.sortino)), better: 'higher', value: (m) => m.sortino },
  { key: 'maxDrawdown', label: 'Max drawdown', cell: (m) => plain(`${formatPercent(m.maxDrawdown)} (${m.maxDrawdownQuote.toFixed(2)})`), better: 'lower', value: (m) => m.maxDrawdown },
  { key: 'exposure', label: 'Exposure', cell: (m) => plain(formatPercent(m.exposure)), better: 'none', value: (m) => m.exposure },
  { key: 'trades', label: 'Trades', cell: (m) => plain(String(m.trades)), better: 'none', value: (m) => m.trades },
  { key: 'avgHold', label: 'Average hold', cell: (m) => plain(m.trades ? `${m.avgHoldBars.toFixed(1)} bars` : '—'), better: 'none', value: (m) => m.avgHoldBars },
  { key: 'fees', label: 'Fees paid', cell: (m) => plain(m.fees.toFixed(2)), better: 'none', value: (m) => m.fees },
];
