// Runs in: renderer. Every trade of a run; choosing one draws its entry and exit on the candle chart.
import type { BacktestTrade } from '../../../../src-shared/contract';
import { signedMoney } from '../../lib/format';
import { formatCandleTime } from './format-time';

interface Props {
  trades: readonly BacktestTrade[];
  selected: number | null;
  onSelect(index: number | null): void;
}

export function TradeList({ trades, selected, onSelect }: Props) {
  if (trades.length === 0) return <p className="empty">No trades: the strategy never entered on this data.</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="trades">
        <caption className="sr-only">Trades, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Side</th>
            <th scope="col">Entry</th>
            <th scope="col" className="num">Entry price</th>
            <th scope="col">Exit</th>
            <th scope="col" className="num">Exit price</th>
            <th scope="col" className="num">P&amp;L</th>
            <th scope="col" className="num">Return</th>
            <th scope="col">Exit reason</th>
          </tr>
        </thead>
        <tbody>
          {trades.map((t, i) => {
            const money = signedMoney(t.pnl);
            return (
              <tr key={i} aria-selected={selected === i} className={selected === i ? 'selected' : undefined}>
                <td>
                  <button className="link" onClick={() => onSelect(selected === i ? null : i)} aria-pressed={selected === i} aria-label={`Trade ${i + 1}: show on chart`}>
                    {i + 1}
                  </button>
                </td>
                <td>{t.side}</td>
                <td>{formatCandleTime(t.entryTime)}</td>
                <td className="num">{t.entryPrice.toFixed(4)}</td>
                <td>{formatCandleTime(t.exitTime)}</td>
                <td className="num">{t.exitPrice.toFixed(4)}</td>
                <td className={`num ${money.tone}`} data-value={t.pnl}>
                  <span aria-hidden="true">{money.icon}</span> {money.text}
                </td>
                <td className={`num ${money.tone}`}>{`${t.returnPct >= 0 ? '+' : '−'}${Math.abs(t.returnPct * 100).toFixed(2)}%`}</td>
                <td className="muted">{t.exitReason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
