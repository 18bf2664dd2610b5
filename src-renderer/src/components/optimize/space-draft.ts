// Runs in: renderer. The search space as an editable table (one row per numeric param) with defaults from the strategy's own.
import type { ParamSpace } from '../../../../src-shared/contract';
import type { FieldSchema } from '../backtest/param-form';

export interface SpaceRow {
  /** Dotted param path, e.g. `fast` or `smaCross.fast`. */
  path: string;
  include: boolean;
  min: string;
  max: string;
  step: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Two significant digits: steps like 0.035 rather than 0.034999999. */
const tidy = (x: number) => Number(x.toPrecision(2));

/**
 * Every numeric param gets a range around its default (half to double, about ten steps; integers
 * step by whole numbers). Top-level params are ticked; nested ones (consensus members) are offered unticked.
 */
export function defaultSpaceRows(defaults: Record<string, unknown>, schema: FieldSchema, prefix = ''): SpaceRow[] {
  const rows: SpaceRow[] = [];
  for (const [key, value] of Object.entries(defaults)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const field = schema.properties?.[key] ?? {};
    if (isObject(value)) {
      rows.push(...defaultSpaceRows(value, field, path));
      continue;
    }
    if (typeof value !== 'number') continue;
    const integer = field.type === 'integer';
    let lo = value / 2;
    let hi = value * 2;
    if (value === 0) [lo, hi] = [-1, 1];
    if (lo > hi) [lo, hi] = [hi, lo];
    if (field.minimum !== undefined) lo = Math.max(lo, field.minimum);
    if (field.maximum !== undefined) hi = Math.min(hi, field.maximum);
    const min = integer ? Math.max(Math.ceil(lo), field.minimum ?? 1) : tidy(lo);
    const max = integer ? Math.floor(hi) : tidy(hi);
    const step = integer ? Math.max(1, Math.round((max - min) / 10)) : tidy((max - min) / 10);
    rows.push({ path, include: prefix === '', min: String(min), max: String(max), step: String(step) });
  }
  return rows;
}

/** The ticked rows as a space; an empty step means continuous (random and TPE only). */
export function spaceOf(rows: readonly SpaceRow[]): { ok: true; space: ParamSpace } | { ok: false; error: string } {
  const space: ParamSpace = {};
  for (const r of rows) {
    if (!r.include) continue;
    const min = Number(r.min);
    const max = Number(r.max);
    const step = r.step.trim() === '' ? undefined : Number(r.step);
    if (r.min.trim() === '' || r.max.trim() === '' || !Number.isFinite(min) || !Number.isFinite(max)) return { ok: false, error: `${r.path}: min and max must be numbers` };
    if (min > max) return { ok: false, error: `${r.path}: min is above max` };
    if (step !== undefined && !(step > 0)) return { ok: false, error: `${r.path}: the step must be positive (or empty for a continuous range)` };
    space[r.path] = step === undefined ? { min, max } : { min, max, step };
  }
  if (Object.keys(space).length === 0) return { ok: false, error: 'Tick at least one parameter to search.' };
  return { ok: true, space };
}

/** Grid points of the ticked rows, or null when a range is continuous. */
export function gridPoints(rows: readonly SpaceRow[]): number | null {
  let n = 1;
  for (const r of rows) {
    if (!r.include) continue;
    const step = Number(r.step);
    if (r.step.trim() === '' || !(step > 0)) return null;
    n *= Math.floor((Number(r.max) - Number(r.min)) / step + 1e-9) + 1;
  }
  return n;
}

/** Only strategy params go into a strategy config; run keys (risk, slippage, …) are the config's own fields. */
const RUN_KEYS = new Set(['risk', 'slippage', 'barsPerYear', 'initialEquity', 'fee']);
export function strategyParamsOf(params: Record<string, unknown>): { params: Record<string, unknown>; risk: boolean } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (!RUN_KEYS.has(k)) out[k] = v;
  return { params: out, risk: params['risk'] !== undefined && params['risk'] !== false && params['risk'] !== null };
}
