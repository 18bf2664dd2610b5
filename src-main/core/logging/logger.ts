// Runs in: anywhere (pure). The logger port every engine component and adapter receives; the shells pick the sink.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured context for a line. Secret-named keys are redacted by the sink; put errors under `err`. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines carry `scope` (nested scopes join with ':', e.g. `markets:binance-1`). */
  child(scope: string): Logger;
}

const nothing = () => {};

/** Drops every line: for tests and for parts built outside an engine (the doctor's audit write). */
export const silentLogger: Logger = Object.freeze({ debug: nothing, info: nothing, warn: nothing, error: nothing, child: () => silentLogger });

/** The message of an error-like value, for lines where the stack adds nothing (expected failures: a venue down, a full disk). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
