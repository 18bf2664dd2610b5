// Runs in: engine (Electron main or Node). Structured JSON-lines log with size-based rotation; every line passes the redactor.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLevel } from '../../core/logging/logger';
import type { Redactor } from '../../core/logging/redact';

export type { LogLevel };

export interface RotatingLogOptions {
  dir: string;
  /** File name stem: `<name>.log`, rotated to `<name>.1.log` … `<name>.<maxFiles-1>.log`. */
  name?: string;
  maxBytes?: number;
  maxFiles?: number;
  redactor: Redactor;
  now?: () => number;
}

export class RotatingLog {
  readonly dir: string;
  readonly name: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly redactor: Redactor;
  private readonly now: () => number;
  private fd: number | null = null;
  private size = 0;

  constructor(options: RotatingLogOptions) {
    this.dir = options.dir;
    this.name = options.name ?? 'cockpit';
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxFiles = Math.max(1, options.maxFiles ?? 5);
    this.redactor = options.redactor;
    this.now = options.now ?? Date.now;
    mkdirSync(this.dir, { recursive: true });
  }

  /** Newest first: the live file, then .1, .2, … */
  files(): string[] {
    const all = [this.file(0)];
    for (let i = 1; i < this.maxFiles; i++) all.push(this.file(i));
    return all.filter((f) => existsSync(f));
  }

  write(level: LogLevel, scope: string, msg: string, fields?: Record<string, unknown>): void {
    const extra = fields ? (this.redactor.value(fields) as Record<string, unknown>) : {};
    const record = { ...extra, t: new Date(this.now()).toISOString(), level, scope: this.redactor.text(scope), msg: this.redactor.text(msg) };
    this.writeLine(JSON.stringify(record) + '\n');
  }

  /**
   * Appends one already-serialised line (the pino logger's destination). It passes the redactor once more: a secret
   * learned after the caller redacted, or one that slipped into a field, still never reaches the disk.
   */
  writeLine(text: string): void {
    const line = Buffer.from(this.redactor.text(text.endsWith('\n') ? text : `${text}\n`));
    let fd = this.open();
    if (this.size > 0 && this.size + line.length > this.maxBytes) fd = this.rotate();
    // Synchronous append: a crash right after a line must not lose it, and lines never interleave.
    writeSync(fd, line);
    this.size += line.length;
  }

  info(scope: string, msg: string, fields?: Record<string, unknown>): void {
    this.write('info', scope, msg, fields);
  }

  warn(scope: string, msg: string, fields?: Record<string, unknown>): void {
    this.write('warn', scope, msg, fields);
  }

  error(scope: string, msg: string, fields?: Record<string, unknown>): void {
    this.write('error', scope, msg, fields);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private file(index: number): string {
    return join(this.dir, index === 0 ? `${this.name}.log` : `${this.name}.${index}.log`);
  }

  private open(): number {
    if (this.fd === null) {
      this.fd = openSync(this.file(0), 'a', 0o600);
      this.size = fstatSync(this.fd).size;
    }
    return this.fd;
  }

  private rotate(): number {
    this.close();
    rmSync(this.file(this.maxFiles - 1), { force: true });
    for (let i = this.maxFiles - 2; i >= 0; i--) if (existsSync(this.file(i))) renameSync(this.file(i), this.file(i + 1));
    return this.open();
  }
}
