// Runs in: anywhere (pure).
import { z } from 'zod';

const fraction = z.number().gt(0).lt(1);
const HOUR = 3_600_000;

export const sizingSchema = z.discriminatedUnion('mode', [
  /** Risk this fraction of equity between entry and stop (needs a stop). */
  z.strictObject({ mode: z.literal('risk-percent'), riskPerTrade: fraction.default(0.01) }),
  /** Spend a fixed amount of quote currency per entry. */
  z.strictObject({ mode: z.literal('fixed-quote'), quote: z.number().positive() }),
  /** Spend all available cash (the plain backtest semantics). */
  z.strictObject({ mode: z.literal('all-in') }),
]);

/**
 * Risk profile shared by live, paper and backtest. Every rule can be switched off with null.
 * Fractions are of price (stops, targets) or of equity (limits).
 */
export const riskConfigSchema = z.strictObject({
  sizing: sizingSchema.default({ mode: 'risk-percent', riskPerTrade: 0.01 }),
  /** Never put more than this fraction of equity in one position. */
  maxPositionFraction: z.number().gt(0).max(1).default(1),
  /** Cap the position at `fraction` × Kelly f* once `minTrades` trades are closed (or from the given stats). */
  kelly: z
    .strictObject({
      fraction: z.number().gt(0).max(1).default(0.5),
      minTrades: z.number().int().min(1).default(20),
      winRate: z.number().min(0).max(1).optional(),
      payoff: z.number().positive().optional(),
    })
    .nullable()
    .default(null),
  stopLoss: fraction.nullable().default(0.15),
  /** Move the stop to the entry price once the position has gained this fraction. */
  breakevenAt: z.number().positive().nullable().default(0.1),
  trailingStop: fraction.nullable().default(0.2),
  /** Scale-out targets: at +`at` sell `fraction` of the initial quantity. */
  takeProfits: z
    .array(z.strictObject({ at: z.number().positive(), fraction: z.number().gt(0).max(1) }))
    .default([
      { at: 0.3, fraction: 0.33 },
      { at: 0.75, fraction: 0.33 },
    ]),
  maxPositions: z.number().int().min(1).default(3),
  /** Stop opening positions for the rest of the UTC day once equity is this fraction below the day's start. */
  dailyLossLimit: fraction.nullable().default(0.05),
  cooldown: z
    .strictObject({ losses: z.number().int().min(1).default(3), ms: z.number().int().min(0).default(HOUR) })
    .nullable()
    .default({ losses: 3, ms: HOUR }),
  maxDrawdownPause: z
    .strictObject({ drawdown: fraction.default(0.25), ms: z.number().int().min(0).default(24 * HOUR) })
    .nullable()
    .default({ drawdown: 0.25, ms: 24 * HOUR }),
});

export type RiskConfig = z.output<typeof riskConfigSchema>;
export type SizingConfig = z.output<typeof sizingSchema>;

export const defaultRiskConfig = (): RiskConfig => riskConfigSchema.parse({});
