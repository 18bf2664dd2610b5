// Runs in: engine (Electron main or Node). A shell's log: the data dir's rotating logs/ through pino, mirrored to stderr.
import { join } from 'node:path';
import type { Logger, LogLevel } from '../../core/logging/logger';
import { Redactor } from '../../core/logging/redact';
import { createPinoLogger, stderrConsole, type ConsoleSink } from './pino-logger';
import { RotatingLog } from './rotating-log';

export interface DataDirLog {
  readonly logger: Logger;
  /** For EngineOptions.logging: the engine teaches this redactor every stored secret, and diagnostics export the files. */
  readonly logging: { readonly redactor: Redactor; files(): string[] };
  close(): void;
}

export interface DataDirLogOptions {
  /** Default: stderr, human lines on a terminal and JSON lines otherwise. null: the file only. */
  readonly console?: { console: ConsoleSink; pretty: boolean } | null;
  readonly level?: LogLevel;
}

export function openDataDirLog(dataDir: string, options: DataDirLogOptions = {}): DataDirLog {
  const redactor = new Redactor();
  const file = new RotatingLog({ dir: join(dataDir, 'logs'), redactor });
  const mirror = options.console === undefined ? stderrConsole() : options.console;
  const logger = createPinoLogger({ redactor, file, ...(mirror ?? {}), level: options.level });
  return { logger, logging: { redactor, files: () => file.files() }, close: () => file.close() };
}
