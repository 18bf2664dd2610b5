// Runs in: engine.
import type { Execution, ExecutionStatus } from '../../../src-shared/contract/services/autopilot';
import { IN_FLIGHT_STATUSES, canTransition } from '../../core/autopilot/execution-transitions';
import type { BetHistory } from '../../core/autopilot/bet-limits';
import type { Db } from './database';

interface ExecutionRow {
  id: number;
  round_id: string;
  status: ExecutionStatus;
  mode: 'dry-run' | 'live';
  bet: number;
  stake: number;
  target: number;
  cashout_at: number | null;
  max_seen: number | null;
  pnl: number | null;
  reason: string | null;
  started_at: number;
  ended_at: number | null;
}

const toExecution = (r: ExecutionRow): Execution => ({
  id: r.id,
  roundId: r.round_id,
  status: r.status,
  mode: r.mode,
  bet: r.bet === 1,
  stake: r.stake,
  target: r.target,
  cashoutAt: r.cashout_at,
  maxSeen: r.max_seen,
  pnl: r.pnl,
  reason: r.reason,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

export interface NewExecution {
  signalId: number | null;
  roundId: string;
  mode: 'dry-run' | 'live';
  bet: boolean;
  stake: number;
  target: number;
  at: number;
}

export interface ExecutionUpdate {
  cashoutAt?: number | null;
  maxSeen?: number | null;
  pnl?: number | null;
  reason?: string | null;
}

/** Crash executions and every state transition, each written in its own transaction so a kill never loses one. */
export class ExecutionsRepo {
  constructor(private readonly db: Db) {}

  create(e: NewExecution): Execution {
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO crash_executions (signal_id, round_id, status, mode, bet, stake, target, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(e.signalId, e.roundId, 'PENDING', e.mode, e.bet ? 1 : 0, e.stake, e.target, e.at);
      const id = Number(info.lastInsertRowid);
      this.db.prepare('INSERT INTO crash_transitions (execution_id, at, from_status, to_status, detail) VALUES (?, ?, NULL, ?, NULL)').run(id, e.at, 'PENDING');
      return id;
    })();
    return this.get(id)!;
  }

  transition(id: number, to: ExecutionStatus, at: number, detail: string | null, update: ExecutionUpdate = {}): Execution {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (!current) throw new Error(`execution ${id} does not exist`);
      if (!canTransition(current.status, to)) throw new Error(`execution ${id}: ${current.status} → ${to} is not allowed`);
      const final = ['CASHOUT_EXECUTED', 'CRASHED', 'FAILED', 'SKIPPED', 'REJECTED', 'INTERRUPTED'].includes(to);
      this.db
        .prepare(
          `UPDATE crash_executions SET status = ?, cashout_at = coalesce(?, cashout_at), max_seen = coalesce(?, max_seen), pnl = coalesce(?, pnl),
           reason = coalesce(?, reason), ended_at = CASE WHEN ? THEN ? ELSE ended_at END WHERE id = ?`,
        )
        .run(to, update.cashoutAt ?? null, update.maxSeen ?? null, update.pnl ?? null, update.reason ?? null, final ? 1 : 0, at, id);
      this.db.prepare('INSERT INTO crash_transitions (execution_id, at, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?)').run(id, at, current.status, to, detail);
      return this.get(id)!;
    })();
  }

  /** Records what was seen after the round ended (the crash point) without changing the outcome. */
  noteMaxSeen(id: number, maxSeen: number): Execution {
    this.db.prepare('UPDATE crash_executions SET max_seen = max(coalesce(max_seen, 0), ?) WHERE id = ?').run(maxSeen, id);
    return this.get(id)!;
  }

  get(id: number): Execution | undefined {
    const row = this.db.prepare<[number], ExecutionRow>('SELECT * FROM crash_executions WHERE id = ?').get(id);
    return row ? toExecution(row) : undefined;
  }

  byRound(roundId: string): Execution | undefined {
    const row = this.db.prepare<[string], ExecutionRow>('SELECT * FROM crash_executions WHERE round_id = ?').get(roundId);
    return row ? toExecution(row) : undefined;
  }

  recent(limit: number): Execution[] {
    return this.db.prepare<[number], ExecutionRow>('SELECT * FROM crash_executions ORDER BY id DESC LIMIT ?').all(limit).map(toExecution);
  }

  transitions(id: number): Array<{ from: string | null; to: string; at: number; detail: string | null }> {
    return this.db
      .prepare<[number], { from: string | null; to: string; at: number; detail: string | null }>(
        'SELECT from_status AS "from", to_status AS "to", at, detail FROM crash_transitions WHERE execution_id = ? ORDER BY id',
      )
      .all(id);
  }

  /** At startup: rounds that were live when the process died are closed as INTERRUPTED and never clicked again. */
  interruptUnfinished(at: number): Execution[] {
    const placeholders = IN_FLIGHT_STATUSES.map(() => '?').join(',');
    const open = this.db.prepare<string[], { id: number }>(`SELECT id FROM crash_executions WHERE status IN (${placeholders})`).all(...IN_FLIGHT_STATUSES);
    return open.map(({ id }) => this.transition(id, 'INTERRUPTED', at, 'process ended while the round was open', { reason: 'interrupted: the app stopped mid-round; it will not be resumed' }));
  }

  betHistory(mode: 'dry-run' | 'live', now: number, dayStart: number): BetHistory {
    const todayPnl = (this.db.prepare<[string, number], { s: number | null }>('SELECT sum(pnl) AS s FROM crash_executions WHERE mode = ? AND started_at >= ?').get(mode, dayStart)?.s ?? 0) as number;
    const recent = this.db
      .prepare<[string], { status: string }>("SELECT status FROM crash_executions WHERE mode = ? AND status IN ('CASHOUT_EXECUTED','CRASHED') ORDER BY id DESC LIMIT 1000")
      .all(mode);
    let consecutiveLosses = 0;
    for (const r of recent) {
      if (r.status !== 'CRASHED') break;
      consecutiveLosses++;
    }
    const betsLastHour = (this.db
      .prepare<[string, number], { n: number }>("SELECT count(*) AS n FROM crash_executions WHERE mode = ? AND bet = 1 AND started_at >= ? AND status NOT IN ('SKIPPED','REJECTED')")
      .get(mode, now - 3_600_000)?.n ?? 0) as number;
    return { todayPnl, consecutiveLosses, betsLastHour };
  }

  pnlRows(mode: 'dry-run' | 'live'): Array<{ endedAt: number; pnl: number; status: ExecutionStatus }> {
    return this.db
      .prepare<[string], { endedAt: number; pnl: number; status: ExecutionStatus }>(
        "SELECT ended_at AS endedAt, pnl, status FROM crash_executions WHERE mode = ? AND status IN ('CASHOUT_EXECUTED','CRASHED') AND pnl IS NOT NULL ORDER BY ended_at",
      )
      .all(mode);
  }
}
