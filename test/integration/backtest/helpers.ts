import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Candle } from '../../../src-main/core/strategies/types';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cockpit-bt-'));
}

export function writeCsv(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

export function csvOf(candles: readonly Candle[], time: (c: Candle) => string = (c) => String(c.time)): string {
  return ['time,open,high,low,close,volume', ...candles.map((c) => [time(c), c.open, c.high, c.low, c.close, c.volume].join(','))].join('\n') + '\n';
}

/** Runs a CLI command function with stdout/stderr captured. */
export async function capture(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Seeded random-walk candles on an hourly grid. */
export function walk(n: number, seed = 1, start = 1_700_000_000_000, stepMs = 3_600_000): Candle[] {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  let p = 100;
  return Array.from({ length: n }, (_, i) => {
    const open = p;
    p *= 1 + (rnd() - 0.5) * 0.03;
    return { time: start + i * stepMs, open, high: Math.max(open, p) * (1 + rnd() * 0.005), low: Math.min(open, p) * (1 - rnd() * 0.005), close: p, volume: 500 + rnd() * 1000 };
  });
}
