// Runs in: engine (Electron main or Node). The Logger port on pino: redacted JSON lines to the rotating file, and to the console.
import { pino, type Logger as Pino } from 'pino';
import type { LogFields, Logger, LogLevel } from '../../core/logging/logger';
import { REDACTED, type Redactor } from '../../core/logging/redact';

/** Where finished JSON lines are appended: RotatingLog.writeLine. */
export interface LineFile {
  writeLine(line: string): void;
}

/** A console to mirror lines to (process.stderr). */
export interface ConsoleSink {
  write(text: string): unknown;
}

export interface PinoLoggerOptions {
  readonly redactor: Redactor;
  /** The rotating log file; none for a console-only logger (the CLI without a data dir's logs). */
  readonly file?: LineFile;
  /** Mirrors every line here too; null or absent: the file only. */
  readonly console?: ConsoleSink | null;
  /** Human-readable console lines (for a terminal) instead of the JSON lines. The file always gets JSON. */
  readonly pretty?: boolean;
  readonly level?: LogLevel;
  /** Scope of the root logger's own lines; children append to it. */
  readonly scope?: string;
  readonly now?: () => number;
}

/**
 * Secret-named fields, blanked by pino wherever they sit at the top or one level down (`account.apiKey`). The Redactor
 * blanks most of these names too, at any depth; the paths also catch names it does not know as secret (webhookUrl).
 */
const SECRET_FIELDS = ['apiKey', 'apiSecret', 'secret', 'token', 'botToken', 'passphrase', 'password', 'authorization', 'signature', 'privateKey', 'cookie', 'webhookUrl', 'signalToken'];
const SECRET_HEADERS = ['authorization', 'cookie', '"x-mbx-apikey"', '"x-bapi-api-key"', '"x-bapi-sign"', '"ok-access-key"', '"ok-access-sign"', '"ok-access-passphrase"'];
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_FIELDS.flatMap((name) => [name, `*.${name}`]),
  ...SECRET_HEADERS.flatMap((name) => [`headers[${name}]`, `*.headers[${name}]`]),
];

/** Keys pino writes itself: a field with one of these names would shadow it in the parsed line. */
const RESERVED = new Set(['t', 'level', 'scope', 'msg']);

export function createPinoLogger(options: PinoLoggerOptions): Logger {
  const now = options.now ?? Date.now;
  const root = pino(
    {
      level: options.level ?? 'info',
      // The line shape RotatingLog always wrote ({ t, level, scope, msg, ...fields }): no pid or hostname in a desktop log.
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"t":"${new Date(now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      // Errors arrive already made plain ({ name, message, stack }) and redacted; pino's own serializer would re-type them.
      serializers: { err: (value: unknown) => value },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    new Tee(options),
  );
  return new PinoLogger(root, options.redactor, options.scope ?? '');
}

/** process.stderr as the console: human lines on a terminal; JSON lines when piped, for whatever collects them. */
export function stderrConsole(stream: NodeJS.WriteStream = process.stderr): { console: ConsoleSink; pretty: boolean } {
  return { console: new QuietStream(stream), pretty: stream.isTTY === true };
}

const ignore = () => {};

/**
 * Writes as Node's console does: a closed pipe (EPIPE once the reader is gone) must not become an uncaught 'error'
 * event, which the fatal-error policy would answer by stopping trading.
 */
class QuietStream implements ConsoleSink {
  constructor(private readonly stream: NodeJS.WritableStream) {}

  write(text: string): void {
    const { stream } = this;
    try {
      if (stream.listenerCount('error') === 0) stream.once('error', ignore);
      stream.write(text, (error) => {
        if (error && stream.listenerCount('error') === 0) stream.once('error', ignore);
      });
    } finally {
      stream.removeListener('error', ignore);
    }
  }
}

class PinoLogger implements Logger {
  private readonly pino: Pino;

  constructor(
    private readonly root: Pino,
    private readonly redactor: Redactor,
    private readonly scope: string,
  ) {
    // One binding per logger, built from the root: nested pino children would repeat the `scope` key.
    this.pino = scope ? root.child({ scope }) : root;
  }

  debug(msg: string, fields?: LogFields): void {
    this.write('debug', msg, fields);
  }

  info(msg: string, fields?: LogFields): void {
    this.write('info', msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    this.write('warn', msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    this.write('error', msg, fields);
  }

  child(scope: string): Logger {
    return new PinoLogger(this.root, this.redactor, this.scope ? `${this.scope}:${scope}` : scope);
  }

  private write(level: LogLevel, msg: string, fields: LogFields | undefined): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const text = this.redactor.text(msg);
    if (fields) this.pino[level](this.fieldsOf(fields), text);
    else this.pino[level](text);
  }

  /** Secret-named keys blanked and known secret values masked at any depth; errors become { name, message, stack }. */
  private fieldsOf(fields: LogFields): LogFields {
    const clean = this.redactor.value(fields) as LogFields;
    for (const key of Object.keys(clean)) {
      if (!RESERVED.has(key)) continue;
      clean[`${key}_`] = clean[key];
      delete clean[key];
    }
    return clean;
  }
}

/** pino's destination: every line to the file and the console. A failing disk must not turn a log call into a throw. */
class Tee {
  private fileFailure: string | null = null;

  constructor(private readonly options: PinoLoggerOptions) {}

  write(line: string): void {
    const { file, console: mirror, pretty, redactor } = this.options;
    const text = redactor.text(line);
    let note = '';
    if (file) {
      try {
        file.writeLine(text);
        this.fileFailure = null;
      } catch (error) {
        // Said once per outage, on the console: the only place left to say it.
        const reason = redactor.text(error instanceof Error ? error.message : String(error));
        if (this.fileFailure === null) note = `log file not written: ${reason}\n`;
        this.fileFailure = reason;
      }
    }
    try {
      if (note) mirror?.write(note);
      mirror?.write(pretty ? prettyLine(text) : text);
    } catch {
      // A closed stderr (a detached shell) leaves the file as the record.
    }
  }
}

/** `12:00:00.123 WARN  [markets:binance-1] message key=value …`; an error shows its name and message, its stack stays in the file. */
export function prettyLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const { t, level, scope, msg, ...rest } = record;
  const time = typeof t === 'string' ? t.slice(11, 23) : '';
  const extra = Object.entries(rest).map(([key, value]) => ` ${key}=${fieldText(value)}`);
  return `${time} ${String(level).toUpperCase().padEnd(5)} ${scope ? `[${String(scope)}] ` : ''}${String(msg)}${extra.join('')}\n`;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value && 'name' in value) return `${String(value.name)}: ${String(value.message)}`;
  return JSON.stringify(value) ?? String(value);
}
