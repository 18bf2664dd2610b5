// Runs in: engine.
import { z } from 'zod';
import { ExecutionStatus } from '../../../src-shared/contract/services/autopilot';
import type { Fill } from '../../core/exchange/types';
import type { ReportEvent, ReportRound } from '../../core/reports/session-report';
import type { Db } from './database';

const RoundRow = z.object({
  roundId: z.string(),
  mode: z.enum(['dry-run', 'live']),
  status: ExecutionStatus,
  bet: z.number().transform((b) => b === 1),
  pnl: z.number().nullable(),
  reason: z.string().nullable(),
  endedAt: z.number().nullable(),
});
const FillRow = z.object({
  clientOrderId: z.string(),
  tradeId: z.string(),
  symbol: z.string(),
  side: z.enum(['BUY', 'SELL']),
  price: z.number(),
  quantity: z.number(),
  fee: z.number(),
  at: z.number(),
});
const ClickDetail = z.object({ latencyMs: z.number() });

/** Error-like audit rows: the game stopped matching, a failed flatten, a protective step that failed. */
const ERROR_KINDS = ['interrupted'];
const ERROR_TARGETS = ['game-mismatch'];

/**
 * What a session report reads, for one window of time. Rows are parsed with zod: the columns are TEXT and JSON
 * written by older versions too.
 */
export class ReportRowsRepo {
  constructor(private readonly db: Db) {}

  rounds(from: number, to: number): ReportRound[] {
    const rows = this.db
      .prepare(
        `SELECT round_id AS roundId, mode, status, bet, pnl, reason, ended_at AS endedAt FROM crash_executions
         WHERE started_at >= ? AND started_at <= ? ORDER BY id`,
      )
      .all(from, to);
    return z.array(RoundRow).parse(rows);
  }

  /** Signal received → Bet click (sent, or refused in dry run: the moment it would have gone out). */
  signalToClickMs(from: number, to: number): number[] {
    const rows = this.db
      .prepare(
        `SELECT a.at - s.received_at AS ms FROM actions a
         JOIN crash_executions e ON e.id = a.execution_id
         JOIN signals s ON s.id = e.signal_id
         WHERE a.kind IN ('click', 'refused-click') AND a.target = 'bet' AND a.at >= ? AND a.at <= ? ORDER BY a.id`,
      )
      .all(from, to);
    return z.array(z.object({ ms: z.number() })).parse(rows).map((r) => r.ms);
  }

  /** How long each real click took the OS, as the clicker recorded it. */
  clickMs(from: number, to: number): number[] {
    const rows = z.array(z.object({ detail: z.string().nullable() })).parse(this.db.prepare("SELECT detail FROM actions WHERE kind = 'click' AND at >= ? AND at <= ? ORDER BY id").all(from, to));
    return rows.flatMap((r) => {
      const parsed = ClickDetail.safeParse(r.detail === null ? null : safeJson(r.detail));
      return parsed.success ? [parsed.data.latencyMs] : [];
    });
  }

  /** Refusals by a limit that are not rounds: typed fields, manual orders. */
  limitEvents(from: number, to: number): ReportEvent[] {
    const rows = this.db
      .prepare("SELECT at, kind || ': ' || reason AS what FROM actions WHERE kind LIKE '%refused%' AND reason LIKE '%limit%' AND at >= ? AND at <= ? ORDER BY id")
      .all(from, to);
    return z.array(z.object({ at: z.number(), what: z.string() })).parse(rows);
  }

  errorEvents(from: number, to: number): ReportEvent[] {
    const kinds = ERROR_KINDS.map(() => '?').join(',');
    const targets = ERROR_TARGETS.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT at, kind || ': ' || reason AS what FROM actions WHERE (kind IN (${kinds}) OR target IN (${targets})) AND at >= ? AND at <= ? ORDER BY id`)
      .all(...ERROR_KINDS, ...ERROR_TARGETS, from, to);
    return z.array(z.object({ at: z.number(), what: z.string() })).parse(rows);
  }

  /** Every fill of an account up to `to` (a trade closing in the window may have opened before it), optionally one strategy's. */
  fills(accountId: string, to: number, strategy?: string): Fill[] {
    const rows = this.db
      .prepare(
        `SELECT f.client_order_id AS clientOrderId, f.trade_id AS tradeId, f.symbol, f.side, f.price, f.quantity, f.fee, f.at FROM fills f
         LEFT JOIN orders o ON o.account_id = f.account_id AND o.client_order_id = f.client_order_id
         WHERE f.account_id = ? AND f.at <= ? AND (? IS NULL OR o.strategy = ?) ORDER BY f.at, f.id`,
      )
      .all(accountId, to, strategy ?? null, strategy ?? null);
    return z.array(FillRow).parse(rows);
  }

  /** The reason the autopilot's audit row gives for its last stop since `from`. */
  autopilotStopReason(from: number): string | null {
    const row = this.db.prepare("SELECT reason FROM actions WHERE kind = 'autopilot' AND target = 'stop' AND at >= ? ORDER BY id DESC LIMIT 1").get(from);
    const parsed = z.object({ reason: z.string() }).safeParse(row);
    return parsed.success ? parsed.data.reason : null;
  }

  accountIds(): string[] {
    return z
      .array(z.object({ id: z.string() }))
      .parse(this.db.prepare('SELECT id FROM exchange_accounts ORDER BY created_at').all())
      .map((r) => r.id);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
