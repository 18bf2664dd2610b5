// Runs in: engine. "Export diagnostics": one JSON file with versions, displays, permission states, status and the recent log, redacted again.
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Redactor } from '../../core/logging/redact';

export interface DiagnosticsInput {
  app: { version: string; shell: string };
  versions: Record<string, string | undefined>;
  os: { platform: string; release: string; arch: string };
  displays: unknown[];
  permissions: unknown;
  status: unknown;
  settings: unknown;
  logFiles: string[];
}

/** Only the tail of each log: a bug report needs the last minutes, not megabytes. */
const LOG_TAIL_BYTES = 512 * 1024;

export function readLogTail(file: string, maxBytes = LOG_TAIL_BYTES): string[] {
  const size = statSync(file).size;
  const buf = readFileSync(file);
  const text = buf.subarray(Math.max(0, size - maxBytes)).toString('utf8');
  const lines = text.split('\n').filter(Boolean);
  // The first line of a cut tail is usually partial.
  return size > maxBytes ? lines.slice(1) : lines;
}

export function buildDiagnostics(input: DiagnosticsInput, redactor: Redactor, now = Date.now()): Record<string, unknown> {
  const logs = input.logFiles.map((file) => ({ file: file.split(/[\\/]/).pop(), lines: readLogTail(file).map((l) => redactor.text(l)) }));
  return redactor.value({
    kind: 'trading-cockpit-diagnostics',
    createdAt: new Date(now).toISOString(),
    app: input.app,
    versions: input.versions,
    os: input.os,
    displays: input.displays,
    permissions: input.permissions,
    status: input.status,
    settings: input.settings,
    logs,
  }) as Record<string, unknown>;
}

export function writeDiagnostics(outDir: string, input: DiagnosticsInput, redactor: Redactor, now = Date.now()): { path: string; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `cockpit-diagnostics-${new Date(now).toISOString().replace(/[:.]/g, '-')}.json`);
  const body = JSON.stringify(buildDiagnostics(input, redactor, now), null, 2);
  writeFileSync(path, body, { mode: 0o600 });
  return { path, bytes: Buffer.byteLength(body) };
}
