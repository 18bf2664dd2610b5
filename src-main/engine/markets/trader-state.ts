// Runs in: engine. What a strategy trader persists after every step, so a restart or crash resumes it exactly.
import { z } from 'zod';

const num = z.number();
const maybe = num.nullable();

export const ExitPlanStateSchema = z.object({
  stop: maybe,
  stopReason: z.enum(['stop-loss', 'breakeven', 'trailing-stop', 'take-profit']),
  best: num,
  remaining: num,
  targets: z.array(z.object({ price: num, quantity: num, done: z.boolean() })).readonly(),
});

export const TraderStateSchema = z.object({
  /** Open time of the last candle fully processed: the next start resumes after it. */
  lastCandle: maybe,
  /** The open position, anchored at its entry order; quantities and prices are read from that order and its legs. */
  holding: z.object({ entry: z.string(), entryTime: num, plan: ExitPlanStateSchema.nullable() }).nullable(),
  limits: z.object({ day: maybe, dayStartEquity: maybe, lastEquity: maybe, consecutiveLosses: num, cooldownUntil: maybe, peakEquity: maybe, pausedUntil: maybe }),
  stats: z.object({ wins: num, losses: num, winSum: num, lossSum: num }),
  /** Consecutive candles that threw. */
  failures: num,
  stoppedReason: z.string().nullable(),
});
export type TraderState = z.output<typeof TraderStateSchema>;

/** Where a trader keeps its state and journal (SQLite in the app, memory in tests). */
export interface TraderStore {
  load(): TraderState | undefined;
  save(state: TraderState): void;
  journal(step: string, clientOrderId?: string, detail?: string): void;
}

export const memoryTraderStore = (): TraderStore & { saved?: TraderState; steps: string[] } => {
  const s: TraderStore & { saved?: TraderState; steps: string[] } = {
    steps: [],
    load: () => s.saved,
    save: (state) => void (s.saved = state),
    journal: (step) => void s.steps.push(step),
  };
  return s;
};
