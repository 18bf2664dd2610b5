import { describe, expect, it } from 'vitest';
import { parseCandleCsv, streamCandleCsvFile, type CsvRowError } from '../../../src-main/adapters/backtest/candle-csv';
import { csvOf, tempDir, walk, writeCsv } from './helpers';

describe('candle CSV import', () => {
  it('parses numeric times as they are, tolerating a BOM, CRLF, spaces and a trailing newline', () => {
    const r = parseCandleCsv('\uFEFFTime, Open,High,Low,Close,Volume\r\n1700000000000, 1,2,0.5,1.5,10\r\n1700000060000,1.5,1.6,1.4,1.55,0\r\n');
    expect(r.errors).toEqual([]);
    expect(r.timeLabels).toBeNull();
    expect(r.candles).toEqual([
      { time: 1700000000000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 },
      { time: 1700000060000, open: 1.5, high: 1.6, low: 1.4, close: 1.55, volume: 0 },
    ]);
  });

  it('parses ISO times to epoch ms and keeps the labels', () => {
    const r = parseCandleCsv('time,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,1,1\n2024-01-01T01:00:00Z,1,1,1,1,1\n');
    expect(r.candles.map((c) => c.time)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 1)]);
    expect(r.timeLabels).toEqual(['2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z']);
  });

  it('reports every bad row with its line number and keeps the good ones', () => {
    const r = parseCandleCsv(
      [
        'time,open,high,low,close,volume',
        '1,1,1,1,1,1',
        '2,1,1,1,1,-5', // line 3
        '3,0,1,0,1,1', // line 4
        'x,1,1,1,1,1', // line 5
        '4,1,1,1,1,1,9', // line 6
        '',
        '5,1,1,1,1,1',
      ].join('\n'),
    );
    expect(r.candles.map((c) => c.time)).toEqual([1, 5]);
    expect(r.errors).toEqual<CsvRowError[]>([
      { line: 3, message: 'volume must not be negative' },
      { line: 4, message: 'prices must be positive' },
      { line: 5, message: 'time is not a number like the first row\'s: "x"' },
      { line: 6, message: 'expected 6 columns, got 7' },
    ]);
  });

  it('requires the header', () => {
    expect(parseCandleCsv('1,1,1,1,1,1\n').errors[0]).toEqual({ line: 1, message: 'expected the header "time,open,high,low,close,volume", got "1,1,1,1,1,1"' });
    expect(parseCandleCsv('').errors).toEqual([{ line: 1, message: 'empty file: no header and no rows' }]);
  });

  it('streams a file with the same result as the whole-text parser', async () => {
    const candles = walk(2000, 3);
    const file = writeCsv(tempDir(), 'big.csv', csvOf(candles) + '9,1,1,1,1,1\n');
    const errors: CsvRowError[] = [];
    const streamed = [];
    for await (const c of streamCandleCsvFile(file, errors)) streamed.push(c);
    expect(streamed).toEqual(candles);
    expect(errors).toEqual([{ line: 2002, message: "time 9 is not after the previous row's" }]);
  });
});
