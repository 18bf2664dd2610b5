// Runs in: anywhere (pure).
// When to send the cash-out click so it lands at or just after the target crossing and never below it.

import { fitGrowth, type FitOptions, type GrowthFit, type MultiplierSample } from './curve-fit';

export interface CashoutPlanInput {
  readonly samples: readonly MultiplierSample[];
  readonly target: number;
  /**
   * Send-to-registered click latency in ms. Pass the LOW end of the measured latencies: a click that is faster than
   * assumed lands early (below the target), a slower one only costs a little multiplier.
   */
  readonly clickLatencyMs: number;
  /** Standard deviations of crossing-time uncertainty to add as margin. */
  readonly safetyZ?: number;
  /** Margin floor in ms, so a near-perfect fit still lands after the crossing. */
  readonly minMarginMs?: number;
  readonly fit?: FitOptions;
}

export interface CashoutPlan {
  /** Wall-clock ms at which to send the click. May already be past: then click now. */
  readonly sendAt: number;
  /** Predicted wall-clock ms at which the multiplier reaches the target. */
  readonly crossingAt: number;
  /** ± one standard deviation of crossingAt, from the fit's covariance. */
  readonly crossingSigmaMs: number;
  /** Wall-clock ms at which the click is planned to land: crossingAt + margin. */
  readonly landAt: number;
  readonly growth: GrowthFit;
}

export function planCashout(input: CashoutPlanInput): CashoutPlan | null {
  if (!(input.target > 1) || !(input.clickLatencyMs >= 0)) return null;
  const growth = fitGrowth(input.samples, input.fit);
  if (!growth) return null;
  const crossingAt = crossingTime(growth, input.target);
  const crossingSigmaMs = crossingSigma(growth, input.target);
  const margin = Math.max(input.minMarginMs ?? 2, (input.safetyZ ?? 3) * crossingSigmaMs);
  const landAt = crossingAt + margin;
  return { sendAt: landAt - input.clickLatencyMs, crossingAt, crossingSigmaMs, landAt, growth };
}

/** Wall-clock ms at which the fitted curve reaches `multiplier`. */
export function crossingTime(growth: GrowthFit, multiplier: number): number {
  return growth.origin + (Math.log(multiplier) - growth.intercept) / growth.rate;
}

/** Delta method on t* = origin + (ln x − a)/r with uncorrelated a and r (centred fit). */
function crossingSigma(growth: GrowthFit, multiplier: number): number {
  const { rate } = growth;
  const lever = (Math.log(multiplier) - growth.intercept) / (rate * rate);
  return Math.sqrt(growth.varIntercept / (rate * rate) + lever * lever * growth.varRate);
}
