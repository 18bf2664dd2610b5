// Runs in: engine.
import type { Statement } from 'better-sqlite3';
import type { Signal, SignalRejectCode } from '../../../src-shared/signals';
import type { RawFrame } from '../../core/signals/frame-text';
import type { Db } from './database';
import { storedRaw } from '../signals/stored-raw';

export type RecordedOutcome =
  | { verdict: 'accepted'; signal: Signal }
  | { verdict: 'dropped'; signal: Signal; reason: string }
  | { verdict: 'rejected'; code: SignalRejectCode; reason: string; roundId: string | null; signal: Signal | null };

export interface SignalRow {
  id: number;
  received_at: number;
  source: string;
  raw: string;
  raw_bytes: number;
  parsed: string | null;
  round_id: string | null;
  verdict: 'accepted' | 'rejected' | 'dropped';
  reason: string | null;
}

/**
 * Writes every frame to the `signals` table, one row per frame, through prepared statements.
 * Rejection reasons are stored as "<code>: <text>" so they can be grouped by code in SQL.
 */
export class SignalRecorder {
  private readonly insert: Statement<[number, string, string, number, string | null, string | null, string, string | null]>;
  private readonly setDropped: Statement<[string, number]>;
  private readonly recentIds: Statement<[number], { round_id: string }>;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO signals (received_at, source, raw, raw_bytes, parsed, round_id, verdict, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.setDropped = db.prepare("UPDATE signals SET verdict = 'dropped', reason = ? WHERE id = ?");
    // Accepted and dropped rounds both count as used: a re-send of either is a duplicate.
    this.recentIds = db.prepare(
      `SELECT round_id FROM (
         SELECT id, round_id FROM signals
         WHERE verdict IN ('accepted', 'dropped') AND round_id IS NOT NULL
         ORDER BY id DESC LIMIT ?
       ) ORDER BY id ASC`,
    );
  }

  /** Returns the row id. */
  record(source: string, frame: RawFrame, receivedAt: number, outcome: RecordedOutcome): number {
    const raw = storedRaw(frame);
    const signal = outcome.signal;
    const roundId = outcome.verdict === 'rejected' ? outcome.roundId : outcome.signal.roundId;
    const reason = outcome.verdict === 'accepted' ? null : outcome.verdict === 'rejected' ? `${outcome.code}: ${outcome.reason}` : outcome.reason;
    const result = this.insert.run(receivedAt, source, raw.text, raw.bytes, signal ? JSON.stringify(signal) : null, roundId, outcome.verdict, reason);
    return Number(result.lastInsertRowid);
  }

  /** An accepted signal later evicted from the queue keeps its row; only the verdict changes. */
  markDropped(id: number, reason: string): void {
    this.setDropped.run(reason, id);
  }

  /** Round ids already used, oldest first, to seed the duplicate tracker after a restart. */
  recentRoundIds(limit: number): string[] {
    return this.recentIds.all(limit).map((row) => row.round_id);
  }
}
