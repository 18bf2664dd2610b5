// Runs in: anywhere (pure).
// When to send the cash-out click so it lands at or just after the target crossing and never below it.

import { fitGrowth, weightedRegression, type FitOptions, type GrowthFit, type MultiplierSample, type WeightedLine } from './curve-fit';

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
  return planAround(growth, crossingTime(growth, input.target), crossingSigma(growth, input.target), input);
}

/** Lands the click `safetyZ` sigmas (at least `minMarginMs`) after the predicted crossing. */
function planAround(growth: GrowthFit, crossingAt: number, crossingSigmaMs: number, margins: Pick<CashoutPlanInput, 'clickLatencyMs' | 'safetyZ' | 'minMarginMs'>): CashoutPlan {
  const margin = Math.max(margins.minMarginMs ?? 2, (margins.safetyZ ?? 3) * crossingSigmaMs);
  const landAt = crossingAt + margin;
  return { sendAt: landAt - margins.clickLatencyMs, crossingAt, crossingSigmaMs, landAt, growth };
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

/** The moment a coarse display (0 or 1 decimals) was first seen showing a new value. */
export interface StepSeen {
  /** Midway between the last read of the old value and the first of the new one (display lag already taken off). */
  readonly at: number;
  readonly value: number;
  /** Time between those two reads: the crossing happened somewhere inside it. */
  readonly gapMs: number;
}

/**
 * The step a flying read shows past the last flying read, when its value is higher: dated midway between the last
 * read of the old value (`previousAt`, where the reads before the flight was confirmed say it) and this read, with no
 * display lag taken off.
 */
export function stepPast(last: { readonly at: number; readonly value: number } | null, at: number, value: number, previousAt?: number): StepSeen | null {
  if (!last || !(value > last.value)) return null;
  const from = Math.max(last.at, previousAt ?? last.at);
  return { at: (from + at) / 2, value, gapMs: at - from };
}

/** Frame jitter on top of the read gap: the game draws a new value on its next animation frame (~16 ms). */
const STEP_FRAME_MS = 16.7;

/**
 * A plan from the steps of a display with 0 or 1 decimals. Each step is a near-exact crossing of a known value, where
 * a floored read only bounds the true multiplier within 0.1: so fit crossing time against ln(value), t = t0 + ln v / r,
 * weighted by how well each crossing is timed. Two steps are enough; a target between two steps is met by time.
 */
export function planFromSteps(input: { readonly steps: readonly StepSeen[]; readonly target: number; readonly clickLatencyMs: number; readonly safetyZ?: number; readonly minMarginMs?: number }): CashoutPlan | null {
  const { target } = input;
  const fit = target > 1 && input.clickLatencyMs >= 0 ? stepsFit(input.steps) : null;
  if (!fit) return null;
  const { growth, line, scale } = fit;
  const x = Math.log(target);
  const crossingAt = line.meanY + line.slope * (x - line.meanX);
  const crossingSigmaMs = Math.sqrt(scale * (1 / line.sw + (x - line.meanX) ** 2 / line.sxx));
  return planAround(growth, crossingAt, crossingSigmaMs, input);
}

/** The growth a display with 0 or 1 decimals showed by its steps, as {@link planFromSteps} times clicks by it. */
export function stepsGrowth(steps: readonly StepSeen[]): GrowthFit | null {
  return stepsFit(steps)?.growth ?? null;
}

/** Crossing time regressed on ln(value), each step weighted by how well its crossing is timed. */
function stepsFit(steps: readonly StepSeen[]): { readonly growth: GrowthFit; readonly line: WeightedLine; readonly scale: number } | null {
  if (steps.length < 2) return null;
  const line = weightedRegression(steps.map((s) => ({ x: Math.log(s.value), y: s.at, w: 1 / ((s.gapMs * s.gapMs + STEP_FRAME_MS * STEP_FRAME_MS) / 12) })));
  if (!line || !(line.slope > 0)) return null;
  // Residuals larger than the timing model allows (a slow frame, a late read) widen the margin; never narrow it.
  const scale = steps.length > 2 ? Math.max(1, line.sse / (steps.length - 2)) : 1;
  const rate = 1 / line.slope;
  const growth: GrowthFit = { rate, intercept: line.meanX, origin: line.meanY, varIntercept: (scale / line.sw) * rate * rate, varRate: (scale / line.sxx) * rate ** 4, used: steps.length };
  return { growth, line, scale };
}

/**
 * A crossing timed from one step and the game's known growth: a one-decimal flight's target inside its first step
 * (1.15x between 1.1x and 1.2x) has no second step to fit before it, and waiting for 1.2x on screen paid 1.21. The step
 * is taken at its latest (the first read of the new value) and the rate at the slowest the caller allows, so the
 * crossing can only come out late.
 */
export function planFromOneStep(input: { readonly step: StepSeen; readonly target: number; readonly clickLatencyMs: number; readonly slowestRate: number; readonly minMarginMs?: number }): CashoutPlan | null {
  const { step, target, slowestRate } = input;
  if (!(target > step.value) || !(slowestRate > 0) || !(input.clickLatencyMs >= 0)) return null;
  const growth: GrowthFit = { rate: slowestRate, intercept: Math.log(step.value), origin: step.at + step.gapMs / 2, varIntercept: 0, varRate: 0, used: 1 };
  return planAround(growth, crossingTime(growth, target), 0, input);
}
