// Runs in: renderer and engine.
import { z } from 'zod';
import { method } from '../define';

/**
 * Whose equity: `crash` (the live autopilot's cumulative P&L), `crash:dry-run` (its simulated P&L, never mixed with
 * money), `crash:balance` (the game's balance read off the screen after each live round) or an exchange account id.
 */
export const EquityScope = z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/);
export const CRASH_SCOPE = { live: 'crash', 'dry-run': 'crash:dry-run' } as const;
export const CRASH_BALANCE_SCOPE = 'crash:balance';
export const EquityRange = z.enum(['session', 'day', 'all']);
export type EquityRange = z.infer<typeof EquityRange>;

export const EquityPoint = z.object({ t: z.number(), equity: z.number() });
export type EquityPoint = z.infer<typeof EquityPoint>;

export const EquityHistory = z.object({ scope: z.string(), range: EquityRange, points: z.array(EquityPoint) });
export type EquityHistory = z.infer<typeof EquityHistory>;

const Extreme = z.object({ label: z.string(), pnl: z.number() }).nullable();
const Percentiles = z.object({ n: z.number().int(), p50: z.number(), p90: z.number(), p99: z.number(), max: z.number() }).nullable();

export const RoundStats = z.object({
  rounds: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  /** Signals that did not become a bet: skipped, rejected, failed, interrupted. */
  notPlayed: z.number().int(),
  pnl: z.number(),
  winRate: z.number().nullable(),
  best: Extreme,
  worst: Extreme,
});
export type RoundStats = z.infer<typeof RoundStats>;

export const TradeStats = RoundStats.omit({ notPlayed: true });
export type TradeStats = z.infer<typeof TradeStats>;

export const ReportTrigger = z.enum(['autopilot', 'strategy', 'shutdown']);
export type ReportTrigger = z.infer<typeof ReportTrigger>;

/** One session report, as written next to its Markdown in the data folder's `reports/` and read back from there. */
export const SessionReport = z.object({
  version: z.literal(1),
  trigger: ReportTrigger,
  /** What stopped: the autopilot's profile, a strategy's label, or the engine. */
  subject: z.string().max(200),
  reason: z.string().max(500),
  from: z.number(),
  to: z.number(),
  /** Dry-run rounds are simulated and kept apart from live ones. */
  rounds: z.object({ live: RoundStats.nullable(), dryRun: RoundStats.nullable() }),
  trades: TradeStats.nullable(),
  limitsHit: z.object({ count: z.number().int(), recent: z.array(z.object({ at: z.number(), what: z.string() })) }),
  errors: z.object({ count: z.number().int(), recent: z.array(z.object({ at: z.number(), what: z.string() })) }),
  latency: z.object({ signalToClickMs: Percentiles, clickMs: Percentiles }),
});
export type SessionReport = z.infer<typeof SessionReport>;

export const ReportListing = z.object({
  reports: z.array(z.object({ file: z.string(), report: SessionReport })),
  /** Why the last report could not be written (a full disk, a read-only folder); null when it was. */
  lastError: z.string().nullable(),
  dir: z.string(),
});
export type ReportListing = z.infer<typeof ReportListing>;

export const historyService = {
  /** Equity snapshots of one scope over the session, today or all time (thinned to at most `maxPoints`). */
  equity: method(z.object({ scope: EquityScope, range: EquityRange.default('all'), maxPoints: z.number().int().min(10).max(5000).default(1000) }), EquityHistory),
  /** The newest session reports first. */
  reports: method(z.object({ limit: z.number().int().min(1).max(100).default(10) }), ReportListing),
};
