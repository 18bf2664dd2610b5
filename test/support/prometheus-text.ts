// Parses a Prometheus text exposition with an independent parser (parse-prometheus-text-format), so a test reads
// /metrics as a scraper would, not through prom-client's own objects.
import { createRequire } from 'node:module';
import { z } from 'zod';

const Sample = z.object({
  labels: z.record(z.string(), z.string()).optional(),
  value: z.string().optional(),
  buckets: z.record(z.string(), z.string()).optional(),
  count: z.string().optional(),
  sum: z.string().optional(),
});
const Family = z.object({ name: z.string(), help: z.string(), type: z.enum(['COUNTER', 'GAUGE', 'HISTOGRAM', 'SUMMARY', 'UNTYPED']), metrics: z.array(Sample) });
export type MetricFamily = z.infer<typeof Family>;

const parseText = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => unknown;

/** Throws on text the parser cannot read, or on families it read into an unexpected shape. */
export function parsePrometheus(text: string): MetricFamily[] {
  return z.array(Family).parse(parseText(text));
}

export function family(families: readonly MetricFamily[], name: string): MetricFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no metric family ${name} in: ${families.map((f) => f.name).join(', ')}`);
  return found;
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when there is none. */
export function sampleValue(families: readonly MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const matches = family(families, name).metrics.filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (matches.length > 1) throw new Error(`${matches.length} samples of ${name} match ${JSON.stringify(labels)}`);
  const value = matches[0]?.value;
  return value === undefined ? undefined : Number(value);
}

/**
 * How many observations a histogram without labels holds (its +Inf bucket). The parser folds a labelled histogram's
 * series into one bucket set without labels, so asking for labels here throws: use `histogramCount` for those.
 */
export function observations(families: readonly MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  const all = family(families, name).metrics;
  if (Object.keys(labels).length > 0 && all.every((m) => m.labels === undefined)) throw new Error(`${name}: labelled histogram series are folded by the parser; use histogramCount`);
  const series = all.filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return series.reduce((n, m) => n + Number(m.buckets?.['+Inf'] ?? 0), 0);
}

/** One series of a histogram as its `_count` line states it. */
export interface HistogramSeries {
  readonly labels: Record<string, string>;
  readonly count: number;
}

/**
 * Every series of histogram `name`, read from its `_count` lines, for histograms with labels (see `observations`).
 * Run the text through `parsePrometheus` too: that checks the exposition is well formed.
 */
export function histogramSeries(text: string, name: string): HistogramSeries[] {
  const line = new RegExp(`^${name}_count(?:\\{(.*)\\})? (\\S+)$`);
  return text.split('\n').flatMap((l) => {
    const m = line.exec(l);
    if (!m) return [];
    const labels = Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1]!, pair[2]!]));
    return [{ labels, count: Number(m[2]) }];
  });
}

/** Observations in the series of histogram `name` whose labels include `labels`; throws when the histogram is absent. */
export function histogramCount(text: string, name: string, labels: Record<string, string> = {}): number {
  const series = histogramSeries(text, name);
  if (series.length === 0) throw new Error(`no histogram ${name} in the text`);
  return series.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((n, s) => n + s.count, 0);
}
