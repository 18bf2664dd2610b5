// Runs in: anywhere (pure).
// Fits the growth curve ln m = a + r·t to OCR reads: never assume a rate (BRIEF §3).
//
// A displayed value d means the true multiplier was in [d, d + quantum) (games floor to 2 decimals), so each read is
// taken at the interval's midpoint. The error of ln(m) from that quantisation is about quantum/(√12·m), so weighted
// least squares with weight m² is the inverse-variance fit: later, larger reads count more, as they should.

export interface MultiplierSample {
  /** Wall-clock ms of the capture that produced the read. */
  readonly at: number;
  /** The multiplier as displayed (floored to `quantum`). */
  readonly multiplier: number;
}

export interface GrowthFit {
  /** Fitted growth rate per ms. */
  readonly rate: number;
  /** ln m at `origin`; the curve is ln m(t) = intercept + rate·(t − origin). */
  readonly intercept: number;
  /** Weighted mean sample time: centring makes intercept and rate uncorrelated. */
  readonly origin: number;
  readonly varIntercept: number;
  readonly varRate: number;
  /** Samples used after outlier rejection. */
  readonly used: number;
}

export interface FitOptions {
  /** Display resolution; 0.01 for games that show 2 decimals. */
  readonly quantum?: number;
  /** A read further than this from the curve (in multiplier units) is an OCR misread and is dropped. Default 3 quanta + 0.5%. */
  readonly outlierTolerance?: number;
}

const DEFAULT_QUANTUM = 0.01;

interface Point {
  readonly t: number;
  readonly y: number;
  readonly w: number;
}

export function fitGrowth(samples: readonly MultiplierSample[], options: FitOptions = {}): GrowthFit | null {
  const quantum = options.quantum ?? DEFAULT_QUANTUM;
  const points = samples
    .filter((s) => Number.isFinite(s.at) && Number.isFinite(s.multiplier) && s.multiplier >= 1)
    .map((s) => {
      const m = s.multiplier + quantum / 2;
      return { t: s.at, y: Math.log(m), w: m * m };
    });
  const kept = withoutOutliers(points, quantum, options.outlierTolerance);
  const fit = kept && weightedLine(kept, quantum, false);
  return fit && fit.rate > 0 ? fit : null;
}

/**
 * Drops misreads one at a time, worst first, judged on an unweighted fit: with m² weights a ×100 misread
 * (a lost decimal point) would pull the curve onto itself. Gives up (null) if more than a quarter are bad.
 */
function withoutOutliers(points: readonly Point[], quantum: number, tolerance?: number): Point[] | null {
  const kept = [...points];
  const maxDrops = Math.floor(points.length / 4);
  for (let drops = 0; ; drops++) {
    const fit = weightedLine(kept, quantum, true);
    if (!fit) return null;
    let worst = -1;
    let worstExcess = 0;
    kept.forEach((p, i) => {
      const expected = predict(fit, p.t);
      const excess = Math.abs(Math.exp(p.y) - expected) - (tolerance ?? 3 * quantum + 0.005 * expected);
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    });
    if (worst < 0) return kept;
    if (drops >= maxDrops) return null;
    kept.splice(worst, 1);
  }
}

/** ln m of the fitted curve at wall-clock time t. */
export function logMultiplierAt(fit: GrowthFit, t: number): number {
  return fit.intercept + fit.rate * (t - fit.origin);
}

/** The (true, unfloored) multiplier the fitted curve predicts at wall-clock time t. */
export function predict(fit: GrowthFit, t: number): number {
  return Math.exp(logMultiplierAt(fit, t));
}

function weightedLine(points: readonly Point[], quantum: number, unweighted: boolean): GrowthFit | null {
  if (points.length < 3) return null;
  const line = weightedRegression(points.map((p) => ({ x: p.t, y: p.y, w: unweighted ? 1 : p.w })));
  if (!line) return null;
  // Residual variance per unit weight, never below what the display quantisation alone implies.
  const sigma2 = Math.max(line.sse / (points.length - 2), (quantum * quantum) / 12);
  return { rate: line.slope, intercept: line.meanY, origin: line.meanX, varIntercept: sigma2 / line.sw, varRate: sigma2 / line.sxx, used: points.length };
}

/** A weighted least-squares line y = meanY + slope·(x − meanX), centred so that its two parameters are uncorrelated. */
export interface WeightedLine {
  readonly slope: number;
  readonly meanX: number;
  readonly meanY: number;
  /** Sum of weights. */
  readonly sw: number;
  /** Weighted sum of squared x deviations. */
  readonly sxx: number;
  /** Weighted sum of squared residuals. */
  readonly sse: number;
}

export function weightedRegression(points: readonly { readonly x: number; readonly y: number; readonly w: number }[]): WeightedLine | null {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sw += p.w;
    sx += p.w * p.x;
    sy += p.w * p.y;
  }
  if (!(sw > 0)) return null;
  const meanX = sx / sw;
  const meanY = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dx = p.x - meanX;
    sxx += p.w * dx * dx;
    sxy += p.w * dx * (p.y - meanY);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  let sse = 0;
  for (const p of points) {
    const e = p.y - (meanY + slope * (p.x - meanX));
    sse += p.w * e * e;
  }
  return { slope, meanX, meanY, sw, sxx, sse };
}
