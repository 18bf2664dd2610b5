// Runs in: renderer. The data of a run: a CSV file read in the browser (size-limited: it travels in one bridge frame) or a cached series and range.
import { useState } from 'react';
import { MAX_CSV_BYTES, type BacktestSource, type CandleSeriesInfo } from '../../../../src-shared/contract';
import { formatCandleTime } from './format-time';

/** A cached series is held by its key, not its place in the list: downloads and imports insert new ones anywhere. */
export type SourceDraft = { kind: 'csv'; name: string; text: string } | { kind: 'cache'; seriesId: string; from: string; to: string } | null;

export const seriesId = (s: { exchange: string; symbol: string; interval: string }) => `${s.exchange}/${s.symbol}/${s.interval}`;
const seriesLabel = (s: CandleSeriesInfo) => `${s.exchange} · ${s.symbol} · ${s.interval} (${s.count.toLocaleString('en-US')} candles)`;

/** Date inputs (UTC days) to the series' own time unit. */
function toSeriesTime(date: string, series: CandleSeriesInfo, endOfDay: boolean): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`) + (endOfDay ? 86_399_999 : 0);
  return series.first >= 1e11 ? ms : Math.floor(ms / 1000);
}

export function sourceOf(draft: SourceDraft, series: readonly CandleSeriesInfo[]): BacktestSource | null {
  if (draft === null) return null;
  if (draft.kind === 'csv') return draft.text ? { kind: 'csv', name: draft.name, text: draft.text } : null;
  const s = series.find((x) => seriesId(x) === draft.seriesId);
  if (!s) return null;
  return { kind: 'cache', exchange: s.exchange, symbol: s.symbol, interval: s.interval, from: toSeriesTime(draft.from, s, false), to: toSeriesTime(draft.to, s, true) };
}

export function SourcePicker({ value, series, onChange }: { value: SourceDraft; series: readonly CandleSeriesInfo[]; onChange(v: SourceDraft): void }) {
  const [picked, setKind] = useState<'csv' | 'cache'>(value?.kind ?? 'csv');
  // A chosen source wins: a finished download selects its series from outside.
  const kind = value?.kind ?? picked;
  const [fileError, setFileError] = useState<string | null>(null);
  const limitKb = Math.floor(MAX_CSV_BYTES / 1024);

  const readFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return onChange(null);
    if (file.size > MAX_CSV_BYTES) {
      onChange(null);
      return setFileError(`${file.name} is ${Math.ceil(file.size / 1024)} KB; the limit here is ${limitKb} KB. Larger files: cockpit backtest --csv FILE --db <data dir>/cockpit.sqlite.`);
    }
    onChange({ kind: 'csv', name: file.name, text: await file.text() });
  };
  const pick = (k: 'csv' | 'cache') => {
    setKind(k);
    onChange(k === 'cache' && series[0] ? { kind: 'cache', seriesId: seriesId(series[0]), from: '', to: '' } : null);
  };
  const cache = value?.kind === 'cache' ? value : null;
  const selected = cache ? series.find((s) => seriesId(s) === cache.seriesId) : undefined;

  return (
    <fieldset className="param-group">
      <legend>Data</legend>
      <div className="segmented" role="group" aria-label="Data source">
        <button type="button" aria-pressed={kind === 'csv'} onClick={() => pick('csv')}>
          CSV file
        </button>
        <button type="button" aria-pressed={kind === 'cache'} onClick={() => pick('cache')} disabled={series.length === 0} title={series.length === 0 ? 'No cached candles yet' : undefined}>
          Cached candles
        </button>
      </div>
      {kind === 'csv' ? (
        <label className="field wide">
          Candles CSV (time,open,high,low,close,volume; up to {limitKb} KB)
          <input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
          {value?.kind === 'csv' && <span className="muted small">{`${value.name}: ${(value.text.length / 1024).toFixed(0)} KB read`}</span>}
          {fileError && (
            <span className="field-error" role="alert">
              {fileError}
            </span>
          )}
        </label>
      ) : (
        <>
          <div className="field wide">
            <label htmlFor="bt-series">Series</label>
            <select id="bt-series" value={cache?.seriesId ?? ''} onChange={(e) => onChange({ kind: 'cache', seriesId: e.target.value, from: cache?.from ?? '', to: cache?.to ?? '' })}>
              {series.map((s) => (
                <option key={seriesId(s)} value={seriesId(s)}>
                  {seriesLabel(s)}
                </option>
              ))}
            </select>
          </div>
          {selected && <span className="muted small">{`Cached ${formatCandleTime(selected.first)} → ${formatCandleTime(selected.last)} UTC`}</span>}
          <div className="field-row">
            <label className="field">
              From (UTC)
              <input type="date" value={cache?.from ?? ''} onChange={(e) => cache && onChange({ ...cache, from: e.target.value })} />
            </label>
            <label className="field">
              To (UTC)
              <input type="date" value={cache?.to ?? ''} onChange={(e) => cache && onChange({ ...cache, to: e.target.value })} />
            </label>
          </div>
        </>
      )}
    </fieldset>
  );
}
