// Runs in: engine.
import type { Db } from './database';

export interface ActionRecord {
  kind: string;
  target?: string | null;
  x?: number | null;
  y?: number | null;
  mode: string;
  reason: string;
  executionId?: number | null;
  detail?: unknown;
  at?: number;
}

/** The audit log: every click, refused click, order and safety change, with its time and reason. */
export class ActionsRepo {
  private readonly insert;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO actions (at, kind, target, x, y, mode, reason, execution_id, detail) VALUES (@at, @kind, @target, @x, @y, @mode, @reason, @executionId, @detail)',
    );
  }

  record(action: ActionRecord): number {
    const info = this.insert.run({
      at: action.at ?? Date.now(),
      kind: action.kind,
      target: action.target ?? null,
      x: action.x ?? null,
      y: action.y ?? null,
      mode: action.mode,
      reason: action.reason,
      executionId: action.executionId ?? null,
      detail: action.detail === undefined ? null : JSON.stringify(action.detail),
    });
    return Number(info.lastInsertRowid);
  }

  recent(limit = 100): Array<ActionRecord & { id: number; at: number }> {
    return this.db
      .prepare<[number], ActionRecord & { id: number; at: number }>(
        'SELECT id, at, kind, target, x, y, mode, reason, execution_id AS executionId, detail FROM actions ORDER BY id DESC LIMIT ?',
      )
      .all(limit);
  }
}
