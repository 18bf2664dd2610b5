// Runs in: renderer. Downloads an exchange series into the candle cache. The form names a venue, never a URL:
// the engine alone maps venues to their official endpoints.
import { useState, type FormEvent } from 'react';
import { DOWNLOAD_INTERVALS, KLINE_VENUES, KlineDownloadInput, venueHasInterval, type DownloadInterval, type KlineVenue } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { startDownload, useDownloadStore } from '../../store/kline-download-store';
import { DownloadProgress } from './DownloadProgress';

const VENUE_NAMES: Record<KlineVenue, string> = {
  binance: 'Binance spot',
  'binance-futures': 'Binance USDⓈ-M futures',
  'bybit-spot': 'Bybit spot',
  'bybit-linear': 'Bybit USDT perpetuals',
};
/** The contract's field names as the form labels them, so its reasons read in the form's words. */
const LABELS: Record<string, string> = { venue: 'Exchange', symbol: 'Symbol', interval: 'Interval', from: 'First day', to: 'Last day' };

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The shared schema checks here first, so a mistake is explained before anything is sent. */
function check(input: KlineDownloadInput): string | null {
  const parsed = KlineDownloadInput.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${LABELS[String(issue.path[0])] ?? 'Input'}: ${issue.message}`;
}

export function DownloadForm() {
  const transport = useTransport();
  const job = useDownloadStore((s) => s.job);
  const [venue, setVenue] = useState<KlineVenue>('binance');
  const [symbol, setSymbol] = useState('BTCUSDT');
  const [interval, setBarInterval] = useState<DownloadInterval>('1h');
  const [from, setFrom] = useState(day(Date.now() - 30 * DAY));
  const [to, setTo] = useState(day(Date.now()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const intervals = DOWNLOAD_INTERVALS.filter((i) => venueHasInterval(venue, i));

  const pickVenue = (v: KlineVenue) => {
    setVenue(v);
    if (!venueHasInterval(v, interval)) setBarInterval('1h');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to) return setError('Choose the first and the last day.');
    // Whole UTC days: the last day's bars up to its end; the engine keeps only bars already closed.
    const input = { venue, symbol: symbol.trim(), interval, from: dayStart(from), to: dayStart(to) + DAY - 1 };
    const problem = check(input);
    setError(problem);
    if (problem) return;
    setBusy(true);
    setError(await startDownload(transport, input));
    setBusy(false);
  };

  const running = job?.state === 'running';
  return (
    <form className="panel run-form" onSubmit={(e) => void submit(e)} aria-labelledby="download-form-title">
      <h2 id="download-form-title">Download from exchange</h2>
      <span className="muted small">Closed candles from the exchange&apos;s public market data (no keys needed). Downloading again fetches only missing bars.</span>
      <div className="param-group">
        <label className="field wide">
          Exchange
          <select value={venue} onChange={(e) => pickVenue(e.target.value as KlineVenue)}>
            {KLINE_VENUES.map((v) => (
              <option key={v} value={v}>
                {VENUE_NAMES[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Symbol
          <input value={symbol} onChange={(e) => setSymbol(e.target.value.toUpperCase())} maxLength={30} autoComplete="off" spellCheck={false} placeholder="BTCUSDT" />
        </label>
        <label className="field">
          Interval
          <select value={interval} onChange={(e) => setBarInterval(e.target.value as DownloadInterval)}>
            {intervals.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          First day (UTC)
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          Last day (UTC)
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || running}>
        {running ? 'Downloading…' : 'Download'}
      </button>
      {job && <DownloadProgress job={job} />}
    </form>
  );
}
