// Runs in: renderer and engine. The shape of a parameter search, shared by the contract and the optimizer core.
import { z } from 'zod';

export const OBJECTIVES = ['sharpe', 'sortino', 'profit', 'calmar', 'profit-factor'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const SAMPLERS = ['grid', 'random', 'tpe'] as const;
export type SamplerKind = (typeof SAMPLERS)[number];

const rangeSchema = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    /** Values are min, min+step, … ≤ max. Without a step a range is continuous (random and TPE only). */
    step: z.number().positive().optional(),
    /** Sample uniformly in log space (continuous ranges, min > 0). */
    log: z.boolean().optional(),
  })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' })
  .refine((r) => !r.log || r.min > 0, { message: 'a log range needs min > 0' });

const choicesSchema = z.strictObject({ choices: z.array(z.json()).min(1).max(10_000) });

/**
 * A search space: one entry per param, by path. A dot reaches into nested params, so risk-profile
 * fields are searchable like strategy params: `risk.stopLoss`, `risk.trailingStop`, `risk.takeProfits`
 * (choices of tier lists), `risk.sizing.riskPerTrade`, or a consensus member's `smaCross.fast`.
 */
export const ParamSpace = z
  .record(z.string().regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, 'param paths are names joined by dots'), z.union([choicesSchema, rangeSchema]))
  .refine((s) => Object.keys(s).length > 0, { message: 'the space needs at least one param' })
  .refine((s) => Object.keys(s).length <= 32, { message: 'at most 32 params' });
export type ParamSpace = z.output<typeof ParamSpace>;

/** How a search runs, shared by the optimizer's stored spec and the app's start call (which defaults to walk-forward). */
export const searchSettings = {
  objective: z.enum(OBJECTIVES).default('sharpe'),
  /** grid runs every point (and ignores `trials`); tpe and random run `trials`. */
  sampler: z.enum(SAMPLERS).default('tpe'),
  trials: z.number().int().min(1).max(1_000_000).default(200),
  /** The same seed gives the same trials and results with any number of workers. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Walk-forward folds (0: none): fold k optimizes on segment k and tests on segment k + 1. */
  folds: z.number().int().min(0).max(20).default(0),
  /** Best trials per objective stored as full backtest runs. */
  top: z.number().int().min(0).max(20).default(3),
};
