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
