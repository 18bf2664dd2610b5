// Runs in: engine.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Candle } from '../../core/strategies/types';

export const CSV_HEADER = 'time,open,high,low,close,volume';

export interface CsvRowError {
  readonly line: number;
  readonly message: string;
}

export interface ParsedCandleCsv {
  readonly candles: Candle[];
  /** The time column as written, when it was not numeric (ISO dates); numeric times are the candle times themselves. */
  readonly timeLabels: string[] | null;
  readonly errors: CsvRowError[];
}

/**
 * Line-by-line validator for `time,open,high,low,close,volume` with a header. Time is either
 * numeric (kept as is: epoch ms or s) or an ISO date (parsed to epoch ms, label kept), decided by
 * the first data row. Bad rows are reported with their 1-based line number and skipped.
 */
export class CandleCsvParser {
  readonly errors: CsvRowError[] = [];
  private sawHeader = false;
  private timeMode: 'number' | 'date' | null = null;
  private lastTime = -Infinity;

  /** Returns the candle on this line, or null for the header, blank lines and bad rows. */
  parseLine(raw: string, line: number): { candle: Candle; label: string } | null {
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '') return null;
    if (!this.sawHeader) {
      this.sawHeader = true;
      if (text.toLowerCase().replace(/\s+/g, '') === CSV_HEADER) return null;
      this.fail(line, `expected the header "${CSV_HEADER}", got "${truncate(text)}"`);
      return null;
    }
    const cells = text.split(',').map((s) => s.trim());
    if (cells.length !== 6) return this.fail(line, `expected 6 columns, got ${cells.length}`);
    const [label, ...rest] = cells as [string, ...string[]];
    const time = this.parseTime(label, line);
    if (time === null) return null;
    const values = rest.map(Number);
    const names = ['open', 'high', 'low', 'close', 'volume'];
    for (let i = 0; i < 5; i++) {
      if (rest[i] === '' || !Number.isFinite(values[i])) return this.fail(line, `${names[i]} is not a number: "${truncate(rest[i] ?? '')}"`);
    }
    const [open, high, low, close, volume] = values as [number, number, number, number, number];
    if (!(open > 0 && high > 0 && low > 0 && close > 0)) return this.fail(line, 'prices must be positive');
    if (volume < 0) return this.fail(line, 'volume must not be negative');
    if (high < Math.max(open, close, low) || low > Math.min(open, close)) return this.fail(line, `inconsistent OHLC: high ${high} / low ${low} do not bound open ${open} and close ${close}`);
    if (!(time > this.lastTime)) return this.fail(line, `time ${label} is not after the previous row's`);
    this.lastTime = time;
    return { candle: { time, open, high, low, close, volume }, label };
  }

  /** Call after the last line. */
  finish(lastLine: number): void {
    if (!this.sawHeader) this.fail(Math.max(1, lastLine), 'empty file: no header and no rows');
  }

  get numericTime(): boolean {
    return this.timeMode !== 'date';
  }

  private parseTime(label: string, line: number): number | null {
    const asNumber = label === '' ? NaN : Number(label);
    this.timeMode ??= Number.isFinite(asNumber) ? 'number' : 'date';
    if (this.timeMode === 'number') {
      if (Number.isFinite(asNumber)) return asNumber;
      this.fail(line, `time is not a number like the first row's: "${truncate(label)}"`);
      return null;
    }
    const ms = Date.parse(label);
    if (Number.isFinite(ms)) return ms;
    this.fail(line, `time is not a number or an ISO date: "${truncate(label)}"`);
    return null;
  }

  private fail(line: number, message: string): null {
    this.errors.push({ line, message });
    return null;
  }
}

export function parseCandleCsv(text: string): ParsedCandleCsv {
  const parser = new CandleCsvParser();
  const candles: Candle[] = [];
  const labels: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const row = parser.parseLine(raw, i + 1);
    if (row) {
      candles.push(row.candle);
      labels.push(row.label);
    }
  });
  parser.finish(lines.length);
  return { candles, timeLabels: parser.numericTime ? null : labels, errors: parser.errors };
}

export function readCandleCsvFile(file: string): ParsedCandleCsv {
  return parseCandleCsv(readFileSync(file, 'utf8'));
}

/** Streams valid candles from a CSV file of any size; bad rows go to `errors` as they are met. */
export async function* streamCandleCsvFile(file: string, errors: CsvRowError[] = []): AsyncGenerator<Candle> {
  const parser = new CandleCsvParser();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    const before = parser.errors.length;
    const row = parser.parseLine(raw, ++n);
    if (parser.errors.length > before) errors.push(...parser.errors.slice(before));
    if (row) yield row.candle;
  }
  const before = parser.errors.length;
  parser.finish(n);
  errors.push(...parser.errors.slice(before));
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
