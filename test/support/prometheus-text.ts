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

/** How many observations a histogram series holds (its +Inf bucket). */
export function observations(families: readonly MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  const series = family(families, name).metrics.filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return series.reduce((n, m) => n + Number(m.buckets?.['+Inf'] ?? 0), 0);
}
