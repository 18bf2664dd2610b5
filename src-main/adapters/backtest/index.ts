// Runs in: engine.
export { CandleCache } from '../store/candle-cache';
export { CSV_HEADER, CandleCsvParser, parseCandleCsv, readCandleCsvFile, streamCandleCsvFile, type CsvRowError, type ParsedCandleCsv } from './candle-csv';
export { syncKlines, type SyncResult } from './kline-sync';
export { BacktestRunStore, type StoredRun, type StoredRunSummary } from '../store/run-store';
