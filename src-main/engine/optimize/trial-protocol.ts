// Runs in: engine and its trial worker threads. What crosses the thread boundary, parsed on arrival.
import { z } from 'zod';
import { BacktestMetrics } from '../../../src-shared/contract';

export const TrialWorkerData = z.object({
  /** The candle columns (see core/backtest/columns): shared, never copied. */
  buffer: z.instanceof(SharedArrayBuffer),
  length: z.number().int().min(0),
  setup: z.object({ strategy: z.string(), baseParams: z.record(z.string(), z.unknown()), fee: z.number() }),
});
export type TrialWorkerData = z.infer<typeof TrialWorkerData>;

export const TrialRequest = z.object({
  id: z.number().int(),
  values: z.record(z.string(), z.unknown()),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
});
export type TrialRequest = z.infer<typeof TrialRequest>;

export const TrialReply = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), metrics: BacktestMetrics }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string(), invalid: z.boolean() }),
]);
export type TrialReply = z.infer<typeof TrialReply>;
