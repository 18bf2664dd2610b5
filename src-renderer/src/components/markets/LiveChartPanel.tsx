// Runs in: renderer. Live candles of a configured strategy's market, with entry/SL/TP lines of the open position.
import { useMemo, useState } from 'react';
import type { AccountView, PositionRow, StrategyConfigView } from '../../../../src-shared/contract';
import { CandleChart } from '../charts/CandleChart';
import { positionLines } from './position-lines';
import { useLiveCandles } from './use-live-candles';

export function LiveChartPanel({ strategies, positions, accounts }: { strategies: readonly StrategyConfigView[]; positions: readonly PositionRow[]; accounts: readonly AccountView[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const current = strategies.find((s) => s.id === chosen) ?? strategies.find((s) => s.running) ?? strategies[0];
  const { candles, error } = useLiveCandles(current ? { accountId: current.accountId, symbol: current.symbol, interval: current.interval } : null);
  const lines = useMemo(() => positionLines(positions.filter((p) => p.accountId === current?.accountId), current?.symbol), [positions, current]);
  if (!current) return null;
  const account = accounts.find((a) => a.id === current.accountId);
  return (
    <section className="panel" aria-labelledby="live-chart-title">
      <div className="panel-head">
        <h2 id="live-chart-title">{`Live · ${current.symbol} · ${current.interval}`}</h2>
        <span className="muted small">{`${account?.label ?? current.accountId} · ${lines.length > 0 ? `${lines.length} position line${lines.length > 1 ? 's' : ''} (entry, SL, TP)` : 'no open position'}`}</span>
      </div>
      {strategies.length > 1 && (
        <div className="toolbar">
          <div className="field">
            <label htmlFor="live-strategy">Market of</label>
            <select id="live-strategy" value={current.id} onChange={(e) => setChosen(e.target.value)}>
              {strategies.map((s) => (
                <option key={s.id} value={s.id}>{`${s.id} · ${s.symbol} ${s.interval}`}</option>
              ))}
            </select>
          </div>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {candles && candles.length > 0 ? (
        <CandleChart candles={candles} overlays={[]} markers={[]} priceLines={lines} label={`${current.symbol} live candles with ${lines.length} position lines`} testId="live-chart" />
      ) : (
        <p className="empty">{candles ? 'No candles from the venue yet.' : 'Loading candles…'}</p>
      )}
    </section>
  );
}
