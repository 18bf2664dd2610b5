// Runs in: engine.
import type { Db } from './database';

export type OptimizeRunState = 'running' | 'cancelled' | 'failed' | 'done';

/** JSON columns come back as `unknown`: the optimizer parses them with its own schemas. */
export interface OptimizeRunRow {
  readonly id: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly strategy: string;
  readonly source: string;
  readonly spec: unknown;
  readonly data: unknown;
  readonly state: string;
  readonly result: unknown;
}

export interface TrialRow {
  readonly phase: number;
  readonly index: number;
  readonly values: unknown;
  /** null when the trial failed. */
  readonly metrics: unknown;
  readonly score: number | null;
  readonly error: string | null;
}

interface RunRecord {
  id: number;
  created_at: number;
  updated_at: number;
  strategy: string;
  source: string;
  spec: string;
  data: string;
  state: string;
  result: string | null;
}

interface TrialRecord {
  phase: number;
  idx: number;
  params: string;
  metrics: string | null;
  score: number | null;
  error: string | null;
}

/** Optimization runs and every finished trial (`optimize_runs`, `optimize_trials`): what lets a search resume. */
export class OptimizeRepo {
  constructor(private readonly db: Db) {}

  createRun(run: { strategy: string; source: string; spec: unknown; data: unknown; createdAt: number }): number {
    const info = this.db
      .prepare(`INSERT INTO optimize_runs (created_at, updated_at, strategy, source, spec, data, state) VALUES (?, ?, ?, ?, ?, ?, 'running')`)
      .run(run.createdAt, run.createdAt, run.strategy, run.source, JSON.stringify(run.spec), JSON.stringify(run.data));
    return Number(info.lastInsertRowid);
  }

  getRun(id: number): OptimizeRunRow | null {
    const row = this.db.prepare<[number], RunRecord>(`SELECT * FROM optimize_runs WHERE id = ?`).get(id);
    return row ? toRun(row) : null;
  }

  /** Newest first. */
  listRuns(limit = 50): OptimizeRunRow[] {
    return this.db.prepare<[number], RunRecord>(`SELECT * FROM optimize_runs ORDER BY id DESC LIMIT ?`).all(limit).map(toRun);
  }

  setState(id: number, state: OptimizeRunState, at: number, result?: unknown): void {
    if (result === undefined) this.db.prepare(`UPDATE optimize_runs SET state = ?, updated_at = ? WHERE id = ?`).run(state, at, id);
    else this.db.prepare(`UPDATE optimize_runs SET state = ?, updated_at = ?, result = ? WHERE id = ?`).run(state, at, JSON.stringify(result), id);
  }

  /** One transaction per batch: trials finish by the thousand per second. */
  saveTrials(runId: number, trials: readonly TrialRow[]): void {
    if (trials.length === 0) return;
    const insert = this.db.prepare(`INSERT OR REPLACE INTO optimize_trials (run_id, phase, idx, params, metrics, score, error) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const t of trials) insert.run(runId, t.phase, t.index, JSON.stringify(t.values), t.metrics === null ? null : JSON.stringify(t.metrics), t.score, t.error);
    })();
  }

  /** A phase's trials in index order, streamed (a search may hold many). */
  *trials(runId: number, phase: number): Generator<TrialRow> {
    const rows = this.db.prepare<[number, number], TrialRecord>(`SELECT phase, idx, params, metrics, score, error FROM optimize_trials WHERE run_id = ? AND phase = ? ORDER BY idx`).iterate(runId, phase);
    for (const r of rows) yield { phase: r.phase, index: r.idx, values: JSON.parse(r.params), metrics: r.metrics === null ? null : JSON.parse(r.metrics), score: r.score, error: r.error };
  }

  countTrials(runId: number): number {
    return this.db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM optimize_trials WHERE run_id = ?`).get(runId)?.n ?? 0;
  }

  deleteRun(id: number): boolean {
    return this.db.prepare(`DELETE FROM optimize_runs WHERE id = ?`).run(id).changes > 0;
  }
}

function toRun(r: RunRecord): OptimizeRunRow {
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    strategy: r.strategy,
    source: r.source,
    spec: JSON.parse(r.spec),
    data: JSON.parse(r.data),
    state: r.state,
    result: r.result === null ? null : JSON.parse(r.result),
  };
}
