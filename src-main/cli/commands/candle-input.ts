// Runs in: Node (CLI). Candles from a CSV file for `backtest`, `optimize` and `check-bias`, refused whole on a bad row.
import { readCandleCsvFile, type ParsedCandleCsv } from '../../adapters/backtest/candle-csv';
import { UsageError } from './backtest-options';

export function loadCsv(file: string): ParsedCandleCsv {
  let csv: ParsedCandleCsv;
  try {
    csv = readCandleCsvFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (csv.errors.length > 0) {
    const shown = csv.errors.slice(0, 20).map((e) => `  line ${e.line}: ${e.message}`);
    const more = csv.errors.length > 20 ? [`  … and ${csv.errors.length - 20} more`] : [];
    throw new UsageError(`${file}: ${csv.errors.length} bad row(s)\n${[...shown, ...more].join('\n')}`);
  }
  if (csv.candles.length === 0) throw new UsageError(`${file}: no candles`);
  return csv;
}
