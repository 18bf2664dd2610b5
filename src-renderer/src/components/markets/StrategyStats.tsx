// Runs in: renderer. Per-strategy figures from the stored backtest runs (live and paper stats need exchange accounts).
import type { BacktestRunSummary } from '../../../../src-shared/contract';
import { formatPercent, signedMoney } from '../../lib/format';

interface Row {
  strategy: string;
  runs: number;
  best: BacktestRunSummary;
  meanWinRate: number;
}

export function strategyRows(runs: readonly BacktestRunSummary[]): Row[] {
  const groups = new Map<string, BacktestRunSummary[]>();
  for (const r of runs) groups.set(r.strategy, [...(groups.get(r.strategy) ?? []), r]);
  return [...groups].map(([strategy, list]) => ({
    strategy,
    runs: list.length,
    best: list.reduce((a, b) => (b.metrics.netPnlPct > a.metrics.netPnlPct ? b : a)),
    meanWinRate: list.reduce((s, r) => s + r.metrics.winRate, 0) / list.length,
  }));
}

export function StrategyStats({ runs }: { runs: readonly BacktestRunSummary[] }) {
  const rows = strategyRows(runs);
  return (
    <section className="panel" aria-labelledby="strategy-stats-title">
      <h2 id="strategy-stats-title">Strategies (backtests)</h2>
      {rows.length === 0 ? (
        <p className="empty">No backtest runs yet; run one on the Backtest page.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="strategy-stats">
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col" className="num">Runs</th>
                <th scope="col" className="num">Best return</th>
                <th scope="col" className="num">Avg win</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const best = signedMoney(r.best.metrics.netPnlPct * 100);
                return (
                  <tr key={r.strategy}>
                    <td>{r.strategy}</td>
                    <td className="num">{r.runs}</td>
                    <td className={`num ${best.tone}`}>
                      <span aria-hidden="true">{best.icon}</span> {`${best.text}%`}
                    </td>
                    <td className="num">{formatPercent(r.meanWinRate)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
