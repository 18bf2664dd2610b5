// Types for electronegativity-report.mjs.
export interface Finding {
  target: string;
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}
export interface Justification {
  check: string;
  target: string;
  file: string;
  reason: string;
}
export const SEVERITIES: string[];
export const CONFIDENCES: string[];
export function parseCsv(text: string): string[][];
export function findingsFromCsv(text: string, target: string): Finding[];
export function gate(findings: Finding[], justified: Justification[]): { blocking: Finding[]; accepted: Array<Finding & { reason: string }> };
export function gateNpmAudit(
  json: unknown,
  justified: Record<string, string>,
): { unreachable: string } | { unreachable?: undefined; blocking: Array<{ name: string; severity: string }>; accepted: Array<{ name: string; severity: string; reason: string }> };
