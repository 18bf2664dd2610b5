// A Logger that keeps every line as written, before any redaction: a test can assert the code itself never logs a secret.
import type { LogFields, Logger } from '../../src-main/core/logging/logger';

export function captureLogger(lines: string[], scope = ''): Logger {
  const line = (level: string) => (msg: string, fields?: LogFields) => void lines.push(`${level} [${scope}] ${msg}${fields ? ` ${describe(fields)}` : ''}`);
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error'), child: (s) => captureLogger(lines, scope ? `${scope}:${s}` : s) };
}

function describe(fields: LogFields): string {
  return JSON.stringify(fields, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value));
}
