// Runs in: anywhere (pure).
import { z } from 'zod';

/** Param schemas with defaults: parse({}) yields the defaults; unknown keys are rejected (typos). */
const period = (d: number) => z.number().int().min(1).max(10_000).default(d);

export const smaCrossSchema = z
  .strictObject({ fast: period(10), slow: period(30) })
  .refine((p) => p.fast < p.slow, { message: 'fast must be shorter than slow', path: ['fast'] });

export const breakoutSchema = z.strictObject({
  period: period(20),
  exitPeriod: period(10),
  volumePeriod: period(20),
  volumeFactor: z.number().min(0).max(1000).default(1.5),
});

export const bollingerReversionSchema = z.strictObject({
  period: period(20),
  stdDev: z.number().gt(0).max(100).default(2),
});

export const rsiMomentumSchema = z
  .strictObject({
    period: period(14),
    entryLevel: z.number().min(0).max(100).default(55),
    exitLevel: z.number().min(0).max(100).default(45),
  })
  .refine((p) => p.exitLevel <= p.entryLevel, { message: 'exitLevel must not exceed entryLevel', path: ['exitLevel'] });

const weight = (d: number) => z.number().min(0).max(1000).default(d);

export const consensusSchema = z.strictObject({
  weights: z.strictObject({ smaCross: weight(1), breakout: weight(1), bollinger: weight(0.5), rsi: weight(1) }).prefault({}),
  entryThreshold: z.number().min(-1).max(1).default(0.35),
  exitThreshold: z.number().min(-1).max(1).default(-0.2),
  debounce: z.number().int().min(1).default(2),
  htfFactor: z.number().int().min(1).default(4),
  htfEmaPeriod: period(50),
  smaCross: smaCrossSchema.prefault({}),
  breakout: breakoutSchema.prefault({}),
  bollinger: bollingerReversionSchema.prefault({}),
  rsi: rsiMomentumSchema.prefault({}),
});

const side = z.enum(['long', 'short']);
const price = z.number().positive();

export const externalSignalSchema = z.strictObject({
  signals: z
    .array(
      z.strictObject({
        time: z.number().min(0).max(Number.MAX_SAFE_INTEGER),
        action: z.enum(['enter', 'exit']),
        side: side.default('long'),
        sizeHint: z.number().gt(0).max(1).optional(),
        stopPrice: price.optional(),
        takeProfitPrice: price.optional(),
      }),
    )
    .default([]),
});
