// Runs in: anywhere (pure).
import type { ParamSpace } from '../../../src-shared/optimize-space';

export { ParamSpace as paramSpaceSchema, type ParamSpace } from '../../../src-shared/optimize-space';
export type ParamValues = Record<string, unknown>;

/** One searchable dimension: `count` discrete values (indexable), or continuous when count is Infinity. */
export interface Dimension {
  readonly name: string;
  readonly count: number;
  /** The value at a discrete index, or at a unit-interval position when continuous. */
  value(at: number): unknown;
  /** Where a value sits: its index (discrete) or its unit position (continuous); for TPE's densities. */
  position(value: unknown): number;
  /** Ordered numbers (ranges) get a smooth density in TPE; choices get a categorical one. */
  readonly ordered: boolean;
}

export function dimensions(space: ParamSpace): Dimension[] {
  return Object.entries(space).map(([name, d]) => ('choices' in d ? choiceDim(name, d.choices) : rangeDim(name, d)));
}

function choiceDim(name: string, choices: readonly unknown[]): Dimension {
  const keys = choices.map((c) => JSON.stringify(c));
  return { name, count: choices.length, ordered: false, value: (i) => choices[i], position: (v) => keys.indexOf(JSON.stringify(v)) };
}

function rangeDim(name: string, r: { min: number; max: number; step?: number; log?: boolean }): Dimension {
  if (r.step !== undefined) {
    const step = r.step;
    const count = Math.floor((r.max - r.min) / step + 1e-9) + 1;
    const decimals = decimalsOf(step) + decimalsOf(r.min);
    // Rounded so 0.1 + 2 × 0.1 prints as 0.3: the value a user would type for --params.
    return { name, count, ordered: true, value: (i) => round(r.min + i * step, decimals), position: (v) => Math.round((Number(v) - r.min) / step) };
  }
  const lo = r.log ? Math.log(r.min) : r.min;
  const hi = r.log ? Math.log(r.max) : r.max;
  return {
    name,
    count: Infinity,
    ordered: true,
    value: (u) => (r.log ? Math.exp(lo + u * (hi - lo)) : lo + u * (hi - lo)),
    position: (v) => (hi === lo ? 0.5 : ((r.log ? Math.log(Number(v)) : Number(v)) - lo) / (hi - lo)),
  };
}

function decimalsOf(x: number): number {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
}

function round(x: number, decimals: number): number {
  return decimals === 0 ? Math.round(x) : Number(x.toFixed(Math.min(decimals, 12)));
}

/** Grid points, or null when some dimension is continuous. */
export function gridSize(dims: readonly Dimension[]): number | null {
  let n = 1;
  for (const d of dims) {
    if (!Number.isFinite(d.count)) return null;
    n *= d.count;
  }
  return n;
}

/** Grid point i in mixed radix, the last dimension varying fastest. */
export function gridPoint(dims: readonly Dimension[], i: number): ParamValues {
  const out: ParamValues = {};
  let rest = i;
  for (let k = dims.length - 1; k >= 0; k--) {
    const d = dims[k] as Dimension;
    out[d.name] = d.value(rest % d.count);
    rest = Math.floor(rest / d.count);
  }
  return order(dims, out);
}

export function randomPoint(dims: readonly Dimension[], random: () => number): ParamValues {
  const out: ParamValues = {};
  for (const d of dims) out[d.name] = d.value(Number.isFinite(d.count) ? Math.min(d.count - 1, Math.floor(random() * d.count)) : random());
  return out;
}

export function order(dims: readonly Dimension[], values: ParamValues): ParamValues {
  const out: ParamValues = {};
  for (const d of dims) out[d.name] = values[d.name];
  return out;
}

/**
 * The params a trial runs with: `base` (the fixed params) with each dotted path set. A path that
 * goes through a non-object (e.g. `"risk": true`) replaces it with an object, so `risk.stopLoss`
 * on top of `"risk": true` means the default profile with that stop.
 */
export function withValues(base: Readonly<Record<string, unknown>>, values: ParamValues): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base);
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = node[key] = isPlainObject(next) ? next : {};
    }
    node[keys.at(-1) as string] = value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
