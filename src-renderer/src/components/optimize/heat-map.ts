// Runs in: renderer. Trials binned on two params: the best score per cell, for the heat map.

export interface HeatCell {
  readonly x: number;
  readonly y: number;
  /** Best score among the trials in the cell. */
  readonly score: number;
  readonly trials: number;
}

export interface HeatGrid {
  readonly xLabels: string[];
  readonly yLabels: string[];
  readonly cells: HeatCell[];
  readonly min: number;
  readonly max: number;
}

const MAX_BINS = 16;

/** Axis positions: each distinct value when there are few (grid steps, choices), else equal-width bins. */
function axis(values: readonly unknown[]): { labels: string[]; index: (v: unknown) => number } {
  const distinct = [...new Set(values.map((v) => JSON.stringify(v)))];
  const numeric = values.every((v) => typeof v === 'number');
  if (distinct.length <= MAX_BINS || !numeric) {
    const sorted = numeric ? distinct.map(Number).sort((a, b) => a - b).map((v) => JSON.stringify(v)) : distinct.sort();
    const at = new Map(sorted.map((k, i) => [k, i]));
    return { labels: sorted.map((k) => (numeric ? k : String(JSON.parse(k)))), index: (v) => at.get(JSON.stringify(v)) ?? 0 };
  }
  const nums = values.map(Number);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const width = (hi - lo) / MAX_BINS || 1;
  const labels = Array.from({ length: MAX_BINS }, (_, i) => (lo + (i + 0.5) * width).toPrecision(3));
  return { labels, index: (v) => Math.min(MAX_BINS - 1, Math.floor((Number(v) - lo) / width)) };
}

export function heatGrid(trials: readonly { values: Record<string, unknown>; score: number | null }[], xParam: string, yParam: string): HeatGrid {
  const scored = trials.filter((t): t is { values: Record<string, unknown>; score: number } => t.score !== null && xParam in t.values && yParam in t.values);
  const xs = axis(scored.map((t) => t.values[xParam]));
  const ys = axis(scored.map((t) => t.values[yParam]));
  const cells = new Map<string, { x: number; y: number; score: number; trials: number }>();
  for (const t of scored) {
    const x = xs.index(t.values[xParam]);
    const y = ys.index(t.values[yParam]);
    const key = `${x},${y}`;
    const cell = cells.get(key);
    if (!cell) cells.set(key, { x, y, score: t.score, trials: 1 });
    else {
      cell.score = Math.max(cell.score, t.score);
      cell.trials++;
    }
  }
  const list = [...cells.values()];
  return { xLabels: xs.labels, yLabels: ys.labels, cells: list, min: Math.min(...list.map((c) => c.score)), max: Math.max(...list.map((c) => c.score)) };
}

/** Red (worst) through amber to green (best). */
export function heatColour(score: number, min: number, max: number): [number, number, number] {
  const t = max > min ? (score - min) / (max - min) : 1;
  return t < 0.5 ? [220, Math.round(60 + 2 * t * 140), 60] : [Math.round(220 - (t - 0.5) * 2 * 180), 200, 80];
}
