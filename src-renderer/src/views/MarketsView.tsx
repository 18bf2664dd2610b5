// Runs in: renderer. Cached candles with indicators and a backtest's trades; account panels stay empty until exchange accounts exist.
import { useEffect, useMemo, useState } from 'react';
import type { CandleSeriesInfo, CandleSeriesKey } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { useRunDetails } from '../components/backtest/use-run-detail';
import { CandleChart, type PriceLineSpec } from '../components/charts/CandleChart';
import { tradeMarkers } from '../components/charts/chart-data';
import { NeedsAccountPanel } from '../components/markets/NeedsAccountPanel';
import { DEFAULT_OVERLAYS, overlayColor, requestedOverlays } from '../components/markets/overlay-settings';
import { OverlayToggles } from '../components/markets/OverlayToggles';
import { StrategyStats } from '../components/markets/StrategyStats';
import { useSeriesData } from '../components/markets/use-series-data';
import { connectBacktest, useBacktestStore } from '../store/backtest-store';
import './trading.css';

const keyOf = (s: CandleSeriesKey) => `${s.exchange}/${s.symbol}/${s.interval}`;
const sameKey = (a: CandleSeriesKey | null, b: CandleSeriesKey | null) => a !== null && b !== null && keyOf(a) === keyOf(b);

export function MarketsView() {
  const transport = useTransport();
  useEffect(() => connectBacktest(transport), [transport]);
  const series = useBacktestStore((s) => s.series);
  const runs = useBacktestStore((s) => s.runs);
  const [chosen, setChosen] = useState<string | null>(null);
  const [overlaySettings, setOverlaySettings] = useState(DEFAULT_OVERLAYS);
  const [runChoice, setRunChoice] = useState<number | 'none' | null>(null);

  // Default: the data of the latest backtest, else the first cached series.
  const current: CandleSeriesInfo | undefined = series.find((s) => keyOf(s) === chosen) ?? series.find((s) => sameKey(s, runs[0]?.series ?? null)) ?? series[0];
  const overlays = useMemo(() => requestedOverlays(overlaySettings), [overlaySettings]);
  const { data, error } = useSeriesData(current ?? null, overlays);
  const runsHere = runs.filter((r) => sameKey(r.series, current ?? null));
  const runId = runChoice === 'none' ? null : runChoice !== null && runsHere.some((r) => r.id === runChoice) ? runChoice : (runsHere[0]?.id ?? null);
  const { details } = useRunDetails(runId === null ? [] : [runId]);
  const run = details[0];

  const markers = useMemo(() => (run && data ? tradeMarkers(run.trades, data.candles) : []), [run, data]);
  const lines = useMemo<PriceLineSpec[]>(() => {
    const last = run?.trades.at(-1);
    return last ? [{ kind: 'entry', price: last.entryPrice, label: 'Last entry' }, { kind: 'exit', price: last.exitPrice, label: `Last exit (${last.exitReason})` }] : [];
  }, [run]);
  const overlayLines = useMemo(() => (data?.overlays ?? []).map((o) => ({ ...o, color: overlayColor(overlaySettings, o.id) })), [data, overlaySettings]);

  return (
    <div className="markets">
      <section className="panel market-chart" aria-labelledby="market-chart-title">
        <div className="panel-head">
          <h2 id="market-chart-title">{current ? `${current.symbol} · ${current.interval}` : 'Chart'}</h2>
          {current && <span className="muted small">{`${current.exchange === 'csv' ? 'CSV import' : current.exchange} · ${current.count.toLocaleString('en-US')} cached candles${data && data.bucket > 1 ? ` · each bar = ${data.bucket} candles` : ''}`}</span>}
        </div>
        {series.length === 0 ? (
          <p className="empty">No candles are cached yet. Run a backtest on a CSV file (Backtest page) and its candles are kept here; exchange downloads land here once accounts are connected.</p>
        ) : (
          <>
            <div className="toolbar">
              <div className="field">
                <label htmlFor="mk-series">Series</label>
                <select id="mk-series" value={current ? keyOf(current) : ''} onChange={(e) => setChosen(e.target.value)}>
                  {series.map((s) => (
                    <option key={keyOf(s)} value={keyOf(s)}>{`${s.exchange} · ${s.symbol} · ${s.interval}`}</option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="mk-run">Trades from</label>
                <select id="mk-run" value={runId ?? 'none'} onChange={(e) => setRunChoice(e.target.value === 'none' ? 'none' : Number(e.target.value))}>
                  <option value="none">No trades</option>
                  {runsHere.map((r) => (
                    <option key={r.id} value={r.id}>{`Run #${r.id} ${r.strategy}`}</option>
                  ))}
                </select>
              </div>
              <OverlayToggles value={overlaySettings} onChange={setOverlaySettings} />
            </div>
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            {data && <CandleChart candles={data.candles} overlays={overlayLines} markers={markers} priceLines={lines} label={`${current?.symbol ?? ''} candles with ${overlayLines.length} indicator lines and ${markers.length} trade markers`} testId="market-chart" />}
          </>
        )}
      </section>
      <div className="market-side">
        <StrategyStats runs={runs} />
      </div>
      <div className="market-panels">
        <NeedsAccountPanel title="Positions" what="open positions" />
        <NeedsAccountPanel title="Open orders" what="open orders" />
        <NeedsAccountPanel title="P&L per symbol" what="realized and unrealized P&L per symbol" />
      </div>
    </div>
  );
}
