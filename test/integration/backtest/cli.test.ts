import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BacktestRunStore } from '../../../src-main/adapters/store/run-store';
import { openDatabase } from '../../../src-main/adapters/store/database';
import run from '../../../src-main/cli/commands/backtest';
import { capture, csvOf, tempDir, walk, writeCsv } from './helpers';

const dir = tempDir();
const closes = [10, 9, 8, 9, 11, 12, 11, 9, 8, 9, 10, 12];
const handCsv = writeCsv(dir, 'hand.csv', ['time,open,high,low,close,volume', ...closes.map((c, i) => `${1000 + i},${c},${c},${c},${c},5`)].join('\n'));

describe('cockpit backtest --json', () => {
  it('prints exactly the contract shape with the hand-computed sma-cross trades (times as in the CSV)', async () => {
    const { code, out, err } = await capture(run, ['--strategy', 'sma-cross', '--params', '{"fast":2,"slow":3}', '--csv', handCsv, '--fee', '0.001', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['candles', 'trades', 'metrics', 'candlesPerSecond']);
    expect(doc.candles).toBe(12);
    const k = 0.999 / 1.001;
    const e1 = 10_000 * (9 / 11) * k;
    expect(doc.trades.map((t: Record<string, number>) => [t.entryTime, t.entryPrice, t.exitTime, t.exitPrice])).toEqual([
      [1004, 11, 1007, 9],
      [1010, 10, 1011, 12],
    ]);
    expect(Object.keys(doc.trades[0])).toEqual(['entryTime', 'entryPrice', 'exitTime', 'exitPrice', 'pnl']);
    expect(doc.trades[0].pnl).toBeCloseTo(e1 - 10_000, 9);
    expect(doc.trades[1].pnl).toBeCloseTo(e1 * 1.2 * k - e1, 9);
    expect(doc.metrics).toMatchObject({ trades: 2, winRate: 0.5 });
    expect(doc.candlesPerSecond).toBeGreaterThan(0);
  });

  it('keeps ISO time labels verbatim', async () => {
    const candles = walk(300, 9);
    const iso = (c: { time: number }) => new Date(c.time).toISOString().replace('.000Z', 'Z');
    const file = writeCsv(dir, 'iso.csv', csvOf(candles, iso));
    const { code, out } = await capture(run, ['--strategy', 'sma-cross', '--csv', file, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.trades.length).toBeGreaterThan(0);
    const labels = new Set(candles.map(iso));
    for (const t of doc.trades) expect(labels.has(t.entryTime) && labels.has(t.exitTime)).toBe(true);
    expect(doc.trades[0].entryTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('runs a risk-managed backtest when params carry "risk"', async () => {
    const file = writeCsv(dir, 'walk.csv', csvOf(walk(3000, 4)));
    const plain = JSON.parse((await capture(run, ['--strategy', 'consensus', '--csv', file, '--json'])).out);
    const managed = JSON.parse((await capture(run, ['--strategy', 'consensus', '--params', '{"risk":{"stopLoss":0.02,"trailingStop":0.03}}', '--csv', file, '--json'])).out);
    expect(managed.candles).toBe(3000);
    expect(managed.trades).not.toEqual(plain.trades);
  });

  it('stores the run with --db', async () => {
    const db = join(dir, 'cockpit.db');
    expect((await capture(run, ['--strategy', 'sma-cross', '--params', '{"fast":2,"slow":3}', '--csv', handCsv, '--db', db, '--json'])).code).toBe(0);
    const handle = openDatabase(db);
    const runs = new BacktestRunStore(handle).list();
    handle.close();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ strategy: 'sma-cross', params: { fast: 2, slow: 3, fee: 0 }, metrics: { trades: 2 } });
  });
});

describe('cockpit backtest errors (exit code 2, message on stderr)', () => {
  it('unknown strategy lists the available ones', async () => {
    const r = await capture(run, ['--strategy', 'nope', '--csv', handCsv]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown strategy "nope"; available: sma-cross, breakout, bollinger-reversion, rsi-momentum, consensus, external-signal');
    expect(r.out).toBe('');
  });

  it('bad params JSON and invalid params', async () => {
    const bad = await capture(run, ['--strategy', 'sma-cross', '--params', '{fast:2', '--csv', handCsv]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--params is not valid JSON');
    const invalid = await capture(run, ['--strategy', 'sma-cross', '--params', '{"fast":50}', '--csv', handCsv]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('fast must be shorter than slow');
  });

  it('bad CSV rows are reported with line numbers', async () => {
    const file = writeCsv(dir, 'bad.csv', 'time,open,high,low,close,volume\n1,1,2,0.5,1.5,10\n2,1,x,1,1,1\n3,1,1,2,1,1\n1,1,1,1,1,1\n5,1,1,1,1\n');
    const r = await capture(run, ['--strategy', 'sma-cross', '--csv', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('4 bad row(s)');
    expect(r.err).toContain('line 3: high is not a number: "x"');
    expect(r.err).toContain('line 4: inconsistent OHLC');
    expect(r.err).toContain("line 5: time 1 is not after the previous row's");
    expect(r.err).toContain('line 6: expected 6 columns, got 5');
  });

  it('missing file, missing flags, bad fee', async () => {
    expect((await capture(run, ['--strategy', 'sma-cross', '--csv', join(dir, 'missing.csv')])).err).toContain('cannot read');
    expect((await capture(run, ['--csv', handCsv])).err).toContain('--strategy is required');
    expect((await capture(run, ['--strategy', 'sma-cross', '--csv', handCsv, '--fee', '-1'])).code).toBe(2);
  });
});

describe('as a process', () => {
  it('writes one JSON line to stdout', () => {
    const script = writeCsv(dir, 'main.mjs', `import run from ${JSON.stringify(join(process.cwd(), 'src-main/cli/commands/backtest.ts'))}; process.exitCode = await run(process.argv.slice(2));`);
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--strategy', 'sma-cross', '--params', '{"fast":2,"slow":3}', '--csv', handCsv, '--json'], {
      encoding: 'utf8',
    });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out).trades).toHaveLength(2);
  });
});
