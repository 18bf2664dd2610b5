// Runs in: renderer. What the equity history and the reports list show, kept out of the components to be tested.
import { CRASH_BALANCE_SCOPE, CRASH_SCOPE, type AccountView, type SessionReport, type TradingMode } from '../../../../src-shared/contract';

export interface ScopeOption {
  readonly scope: string;
  readonly label: string;
}

/**
 * The autopilot's P&L in the current mode first (live money or simulated, never mixed), then the other; last, the
 * game's own balance as read off the screen after live rounds.
 */
export function crashScopes(mode: TradingMode): ScopeOption[] {
  const live = { scope: CRASH_SCOPE.live, label: 'Autopilot, live' };
  const dry = { scope: CRASH_SCOPE['dry-run'], label: 'Autopilot, dry run (simulated)' };
  const balance = { scope: CRASH_BALANCE_SCOPE, label: 'Game balance (read off the screen, live)' };
  return mode === 'live' ? [live, dry, balance] : [dry, live, balance];
}

export function accountScopes(accounts: readonly AccountView[]): ScopeOption[] {
  return accounts.map((a) => ({ scope: a.id, label: `${a.label} (${a.environment})` }));
}

/** One line per report for the list: what it counted and what it made. */
export function reportSummary(r: SessionReport): { counted: string; pnl: number | null; simulated: boolean; winRate: number | null } {
  const parts: string[] = [];
  const { live, dryRun } = r.rounds;
  if (live) parts.push(`${live.rounds} live rounds`);
  if (dryRun) parts.push(`${dryRun.rounds} dry-run rounds`);
  if (r.trades) parts.push(`${r.trades.rounds} trades`);
  // Live money first; a dry-run-only session shows its simulated P&L, marked as such.
  const money = [live, r.trades].filter((s) => s !== null);
  const pnl = money.length > 0 ? money.reduce((sum, s) => sum + s.pnl, 0) : (dryRun?.pnl ?? null);
  const rated = money.length > 0 ? money : dryRun ? [dryRun] : [];
  const played = rated.reduce((n, s) => n + s.rounds, 0);
  const wins = rated.reduce((n, s) => n + s.wins, 0);
  return { counted: parts.length > 0 ? parts.join(' · ') : 'nothing played', pnl, simulated: money.length === 0 && dryRun !== null, winRate: played > 0 ? wins / played : null };
}
