// Runs in: anywhere (pure).
import { z } from 'zod';
import { riskConfigSchema, type RiskConfig } from '../risk/config';

/**
 * How one params object configures a run: these keys belong to the run, everything else goes to
 * the strategy. A risk-managed run is opt-in: `"risk": true` uses the default profile (1% risk,
 * 15% stop, breakeven at +10%, 20% trailing, +30%/+75% scale-outs, limits), or give an object to
 * override parts of it, e.g. {"risk":{"stopLoss":0.05,"takeProfits":[]}}.
 */
/** Past this, doubles lose the cents and products of equity and price overflow to Infinity (NaN P&L): a typo, not a fortune. */
export const MAX_INITIAL_EQUITY = 1e12;
/** One bar per millisecond, the finest candle time there is. */
export const MAX_BARS_PER_YEAR = 365 * 24 * 3600 * 1000;

const runKeysSchema = z.strictObject({
  risk: z.union([z.literal(true), z.literal(false), z.null(), riskConfigSchema]).optional(),
  slippage: z.number().min(0).lt(1).optional(),
  barsPerYear: z.number().positive().max(MAX_BARS_PER_YEAR, `barsPerYear must be at most ${MAX_BARS_PER_YEAR} (one bar per ms)`).optional(),
  initialEquity: z.number().positive().max(MAX_INITIAL_EQUITY, `initialEquity must be at most ${MAX_INITIAL_EQUITY.toExponential()}`).optional(),
});

export interface RunParams {
  readonly strategyParams: Record<string, unknown>;
  readonly risk: RiskConfig | null;
  readonly slippage: number;
  readonly barsPerYear?: number;
  readonly initialEquity: number;
}

const RUN_KEYS = new Set(['risk', 'slippage', 'barsPerYear', 'initialEquity']);

export function splitRunParams(raw: unknown): { ok: true; value: RunParams } | { ok: false; error: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'params must be a JSON object' };
  const strategyParams: Record<string, unknown> = {};
  const runKeys: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) (RUN_KEYS.has(k) ? runKeys : strategyParams)[k] = v;
  const parsed = runKeysSchema.safeParse(runKeys);
  if (!parsed.success) return { ok: false, error: `invalid run params:\n${z.prettifyError(parsed.error)}` };
  const r = parsed.data;
  const risk = r.risk === true ? riskConfigSchema.parse({}) : r.risk === false || r.risk === null || r.risk === undefined ? null : r.risk;
  return { ok: true, value: { strategyParams, risk, slippage: r.slippage ?? 0, barsPerYear: r.barsPerYear, initialEquity: r.initialEquity ?? 10_000 } };
}
