// Runs in: engine.
import { silentLogger, type Logger } from '../../core/logging/logger';
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

/** An action as written: with its row id and time. */
export type RecordedAction = ActionRecord & { id: number; at: number };

/** The audit log: every click, refused click, order and safety change, with its time and reason. */
export class ActionsRepo {
  private readonly insert;
  private readonly listeners = new Set<(action: RecordedAction) => void>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger = silentLogger,
  ) {
    this.insert = db.prepare(
      'INSERT INTO actions (at, kind, target, x, y, mode, reason, execution_id, detail) VALUES (@at, @kind, @target, @x, @y, @mode, @reason, @executionId, @detail)',
    );
  }

  record(action: ActionRecord): number {
    const at = action.at ?? Date.now();
    const info = this.insert.run({
      at,
      kind: action.kind,
      target: action.target ?? null,
      x: action.x ?? null,
      y: action.y ?? null,
      mode: action.mode,
      reason: action.reason,
      executionId: action.executionId ?? null,
      detail: action.detail === undefined ? null : JSON.stringify(action.detail),
    });
    const id = Number(info.lastInsertRowid);
    for (const listener of this.listeners) {
      // A failing observer (metrics) must never fail the audited click or order it hears about.
      try {
        listener({ ...action, id, at });
      } catch (error) {
        this.log.error('a listener failed', { err: error });
      }
    }
    return id;
  }

  /** Hears every action once it is written: the audit log is the one place clicks and orders are recorded. */
  onRecord(listener: (action: RecordedAction) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recent(limit = 100): Array<ActionRecord & { id: number; at: number }> {
    return this.db
      .prepare<[number], ActionRecord & { id: number; at: number }>(
        'SELECT id, at, kind, target, x, y, mode, reason, execution_id AS executionId, detail FROM actions ORDER BY id DESC LIMIT ?',
      )
      .all(limit);
  }
}
