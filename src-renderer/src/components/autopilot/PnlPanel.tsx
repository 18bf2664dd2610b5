// Runs in: renderer. Session, today and all-time results, win rate and the equity curve.
import { formatPercent } from '../../lib/format';
import { useAppStore } from '../../store/app-store';
import { useAutopilotStore } from '../../store/autopilot-store';
import { EquityHistory } from '../history/EquityHistory';
import { crashScopes } from '../history/history-view';
import { EquityChart } from './EquityChart';
import { PnlFigure } from './PnlFigure';

export function PnlPanel() {
  const pnl = useAutopilotStore((s) => s.pnl);
  const mode = useAppStore((s) => s.status?.mode ?? 'dry-run');
  return (
    <section className="panel pnl" aria-labelledby="pnl-h">
      <h2 id="pnl-h">P&amp;L</h2>
      <div className="figures" data-testid="pnl-figures">
        <PnlFigure label="Session" value={pnl?.session} />
        <PnlFigure label="Today" value={pnl?.today} />
        <PnlFigure label="All time" value={pnl?.allTime} />
        <div className="figure">
          <div className="figure-label">Win rate</div>
          <div className="figure-value" data-testid="win-rate">
            {formatPercent(pnl?.winRate)}
          </div>
          <div className="muted small">{pnl ? `${pnl.wins} won · ${pnl.losses} lost` : ''}</div>
        </div>
      </div>
      <EquityChart equity={pnl?.equity ?? []} />
      <EquityHistory scopes={crashScopes(mode)} testId="crash-equity-history" />
    </section>
  );
}
