// Runs in: engine.
import type { PnlSummary } from '../../../src-shared/contract/services/autopilot';
import { round2 } from '../../core/autopilot/round-pnl';
import type { ExecutionsRepo } from '../../adapters/store/executions-repo';

const EQUITY_POINTS = 500;

/** Session, today and all-time P&L of one mode: dry-run results are simulated and never mixed with live money. */
export function pnlSummary(repo: ExecutionsRepo, mode: 'dry-run' | 'live', sessionStart: number, now = Date.now()): PnlSummary {
  const rows = repo.pnlRows(mode);
  const dayStart = new Date(now).setHours(0, 0, 0, 0);
  let session = 0;
  let today = 0;
  let allTime = 0;
  let wins = 0;
  let losses = 0;
  const equity: PnlSummary['equity'] = [];
  const days = new Map<string, { day: string; pnl: number; wins: number; losses: number }>();
  for (const r of rows) {
    allTime += r.pnl;
    if (r.endedAt >= sessionStart) session += r.pnl;
    if (r.endedAt >= dayStart) today += r.pnl;
    const day = localDay(r.endedAt);
    const totals = days.get(day) ?? { day, pnl: 0, wins: 0, losses: 0 };
    totals.pnl = round2(totals.pnl + r.pnl);
    if (r.status === 'CASHOUT_EXECUTED') {
      wins++;
      totals.wins++;
    } else {
      losses++;
      totals.losses++;
    }
    days.set(day, totals);
    equity.push({ t: r.endedAt, equity: round2(allTime) });
  }
  return {
    session: round2(session),
    today: round2(today),
    allTime: round2(allTime),
    wins,
    losses,
    winRate: wins + losses > 0 ? wins / (wins + losses) : null,
    equity: equity.slice(-EQUITY_POINTS),
    daily: [...days.values()].reverse(),
  };
}

function localDay(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
