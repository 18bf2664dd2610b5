// Runs in: engine.
import type { EquityPoint } from '../../../src-shared/contract/services/history';
import type { Db } from './database';

/** Equity over time per scope (`crash`, `crash:dry-run` or an account id), in `equity_snapshots`. */
export class EquityRepo {
  constructor(private readonly db: Db) {}

  record(scope: string, at: number, equity: number): void {
    this.db.prepare('INSERT INTO equity_snapshots (scope, at, equity) VALUES (?, ?, ?)').run(scope, at, equity);
  }

  /** Oldest first, from `from` (inclusive) to `to` (inclusive). */
  history(scope: string, from: number, to: number): EquityPoint[] {
    return this.db
      .prepare<[string, number, number], EquityPoint>('SELECT at AS t, equity FROM equity_snapshots WHERE scope = ? AND at >= ? AND at <= ? ORDER BY at, id')
      .all(scope, from, to);
  }

  /** The autopilot's equity is its cumulative P&L per mode: the game's balance is not in any event the engine emits. */
  crashCumulativePnl(mode: 'dry-run' | 'live'): number {
    const row = this.db.prepare<[string], { s: number | null }>("SELECT sum(pnl) AS s FROM crash_executions WHERE mode = ? AND status IN ('CASHOUT_EXECUTED','CRASHED') AND pnl IS NOT NULL").get(mode);
    return Math.round((row?.s ?? 0) * 100) / 100;
  }

  latest(scope: string): EquityPoint | undefined {
    return this.db.prepare<[string], EquityPoint>('SELECT at AS t, equity FROM equity_snapshots WHERE scope = ? ORDER BY at DESC, id DESC LIMIT 1').get(scope);
  }
}
