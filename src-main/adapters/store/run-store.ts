// Runs in: engine.
import type { BacktestResult, EquityPoint, Metrics, Trade } from '../../core/backtest/types';
import type { Db } from './database';

export interface StoredRunSummary {
  readonly id: number;
  readonly createdAt: number;
  readonly strategy: string;
  readonly params: unknown;
  readonly source: string;
  readonly metrics: Metrics;
}

export interface StoredRun extends StoredRunSummary {
  readonly trades: Trade[];
  readonly equity: EquityPoint[];
}

interface RunRow {
  id: number;
  created_at: number;
  strategy: string;
  params: string;
  source: string;
  metrics: string;
  trades?: string;
  equity?: string;
}

/** Backtest runs in the `backtest_runs` table, for listing and side-by-side comparison. */
export class BacktestRunStore {
  constructor(private readonly db: Db) {}

  save(run: { strategy: string; params: unknown; source: string; result: BacktestResult; createdAt?: number }): number {
    const info = this.db
      .prepare(`INSERT INTO backtest_runs (created_at, strategy, params, source, metrics, trades, equity) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(run.createdAt ?? Date.now(), run.strategy, JSON.stringify(run.params ?? {}), run.source, JSON.stringify(run.result.metrics), JSON.stringify(run.result.trades), JSON.stringify(run.result.equity));
    return Number(info.lastInsertRowid);
  }

  get(id: number): StoredRun | null {
    const row = this.db.prepare(`SELECT * FROM backtest_runs WHERE id = ?`).get(id) as RunRow | undefined;
    if (!row) return null;
    return { ...summary(row), trades: JSON.parse(row.trades ?? '[]') as Trade[], equity: JSON.parse(row.equity ?? '[]') as EquityPoint[] };
  }

  /** Newest first, without the bulky trade lists and curves. */
  list(limit = 100): StoredRunSummary[] {
    const rows = this.db.prepare(`SELECT id, created_at, strategy, params, source, metrics FROM backtest_runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[];
    return rows.map(summary);
  }

  delete(id: number): boolean {
    return this.db.prepare(`DELETE FROM backtest_runs WHERE id = ?`).run(id).changes > 0;
  }
}

function summary(row: RunRow): StoredRunSummary {
  return { id: row.id, createdAt: row.created_at, strategy: row.strategy, params: JSON.parse(row.params), source: row.source, metrics: JSON.parse(row.metrics) as Metrics };
}
