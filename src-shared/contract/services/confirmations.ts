// Runs in: renderer and engine. Trades waiting for a person's yes or no: a strategy's entry ("confirm each entry") or the autopilot's bet ("confirm each bet").
import { z } from 'zod';
import { method } from '../define';
import { DOWNLOAD_INTERVAL_MS } from './kline-download';

/** A confirmation's deadline, in seconds: long enough for a person, short enough that a waiting entry is not stale. */
export const CONFIRM_SECONDS_MIN = 1;
export const CONFIRM_SECONDS_MAX = 300;
export const CONFIRM_SECONDS_DEFAULT = 60;

/**
 * Why "confirm entries" cannot run on this interval with this deadline, or null when it fits: the deadline must end
 * within half a candle, so the answer comes before the next close and the next candle waits at most that long.
 */
export function confirmDeadlineProblem(interval: string, seconds: number): string | null {
  const ms = (DOWNLOAD_INTERVAL_MS as Record<string, number>)[interval];
  if (ms === undefined) return `no confirmation deadline is known for ${interval} candles`;
  const max = Math.floor(ms / 2_000);
  if (max < CONFIRM_SECONDS_MIN) return `${interval} candles are too short to wait for a confirmation`;
  if (seconds > max) return `a ${seconds} s confirmation deadline does not fit ${interval} candles: at most ${max} s (half a candle)`;
  return null;
}

export const ConfirmationStatus = z.enum(['pending', 'approved', 'rejected', 'expired', 'canceled']);

/** What the UI and the phone see of a confirmation: no key, no secret, only what the trade would be. */
const Decision = {
  id: z.string(),
  createdAt: z.number(),
  deadline: z.number(),
  status: ConfirmationStatus,
  decidedAt: z.number().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
};

/** An exchange strategy's entry, or the crash autopilot's bet on the next round. */
export const ConfirmationView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('entry'),
    ...Decision,
    strategy: z.string(),
    accountId: z.string(),
    symbol: z.string(),
    side: z.enum(['BUY', 'SELL']),
    quantity: z.number(),
    priceEstimate: z.number(),
  }),
  z.object({
    kind: z.literal('crash-bet'),
    ...Decision,
    profile: z.string(),
    roundId: z.string(),
    stake: z.number(),
    target: z.number(),
  }),
]);
export type ConfirmationView = z.infer<typeof ConfirmationView>;

/** Sent on every request and decision: the one that changed, and what is still waiting. */
export const ConfirmationsChanged = z.object({ changed: ConfirmationView, pending: z.array(ConfirmationView) });
export type ConfirmationsChanged = z.infer<typeof ConfirmationsChanged>;

/** Confirmation ids are random hex: they also travel in Telegram button data (64 bytes at most). */
export const ConfirmationId = z.string().regex(/^[a-f0-9]{16,32}$/);

export const confirmationsService = {
  /** Confirmations still waiting for an answer, oldest first. */
  pending: method(z.void(), z.array(ConfirmationView)),
  /** Approve or reject one; refused (CONFLICT) when already answered or past its deadline, NOT_FOUND when unknown. */
  answer: method(z.object({ id: ConfirmationId, approve: z.boolean() }), ConfirmationView),
};
