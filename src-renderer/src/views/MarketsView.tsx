// Runs in: renderer. Cached candles with indicators and a backtest's trades; accounts, strategies, positions, orders, P&L and stream health.
import { useEffect, useMemo, useState } from 'react';
import type { CandleSeriesInfo, CandleSeriesKey } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { useRunDetails } from '../components/backtest/use-run-detail';
import { CandleChart, type PriceLineSpec } from '../components/charts/CandleChart';
import { tradeMarkers } from '../components/charts/chart-data';
import { AccountsPanel } from '../components/markets/AccountsPanel';
import { ConfirmationsPanel } from '../components/ConfirmationsPanel';
import { LiveChartPanel } from '../components/markets/LiveChartPanel';
import { NeedsAccountPanel } from '../components/markets/NeedsAccountPanel';
import { OrdersPanel } from '../components/markets/OrdersPanel';
import { PnlPanel } from '../components/markets/PnlPanel';
import { PositionsPanel } from '../components/markets/PositionsPanel';
import { positionLines } from '../components/markets/position-lines';
import { StrategiesPanel } from '../components/markets/StrategiesPanel';
import { StreamHealthPanel } from '../components/markets/StreamHealthPanel';
import '../components/markets/markets.css';
import { DEFAULT_OVERLAYS, overlayColor, requestedOverlays } from '../components/markets/overlay-settings';
import { OverlayToggles } from '../components/markets/OverlayToggles';
import { StrategyStats } from '../components/markets/StrategyStats';
import { useSeriesData } from '../components/markets/use-series-data';
import { FlattenAllButton } from '../components/markets/FlattenAllButton';
import { ManualOrderPanel } from '../components/markets/ManualOrderPanel';
import { ReportsPanel } from '../components/history/ReportsPanel';
import { useBacktestStore } from '../store/backtest-store';
import { connectMarkets, useMarketsStore } from '../store/markets-store';
import './trading.css';

const keyOf = (s: CandleSeriesKey) => `${s.exchange}/${s.symbol}/${s.interval}`;
const sameKey = (a: CandleSeriesKey | null, b: CandleSeriesKey | null) => a !== null && b !== null && keyOf(a) === keyOf(b);

export function MarketsView() {
  const transport = useTransport();
  useEffect(() => connectMarkets(transport), [transport]);
  const series = useBacktestStore((s) => s.series);
  const runs = useBacktestStore((s) => s.runs);
  const [chosen, setChosen] = useState<string | null>(null);
  const [overlaySettings, setOverlaySettings] = useState(DEFAULT_OVERLAYS);
  const [runChoice, setRunChoice] = useState<number | 'none' | null>(null);
  const markets = useMarketsStore();

  // Default: the data of the latest backtest, else the first cached series.
  const current: CandleSeriesInfo | undefined = series.find((s) => keyOf(s) === chosen) ?? series.find((s) => sameKey(s, runs[0]?.series ?? null)) ?? series[0];
  const overlays = useMemo(() => requestedOverlays(overlaySettings), [overlaySettings]);
  const { data, error } = useSeriesData(current ?? null, overlays);
  const runsHere = runs.filter((r) => sameKey(r.series, current ?? null));
  const runId = runChoice === 'none' ? null : runChoice !== null && runsHere.some((r) => r.id === runChoice) ? runChoice : (runsHere[0]?.id ?? null);
  const { details } = useRunDetails(runId === null ? [] : [runId]);
  const run = details[0];

  const markers = useMemo(() => (run && data ? tradeMarkers(run.trades, data.candles) : []), [run, data]);
  const chartSymbol = current?.symbol;
  const lines = useMemo<PriceLineSpec[]>(() => {
    const last = run?.trades.at(-1);
    const fromRun: PriceLineSpec[] = last ? [{ kind: 'entry', price: last.entryPrice, label: 'Last entry' }, { kind: 'exit', price: last.exitPrice, label: `Last exit (${last.exitReason})` }] : [];
    // Open positions on the charted symbol: entry, stop and targets.
    return [...fromRun, ...positionLines(markets.positions, chartSymbol)];
  }, [run, markets.positions, chartSymbol]);
  const overlayLines = useMemo(() => (data?.overlays ?? []).map((o) => ({ ...o, color: overlayColor(overlaySettings, o.id) })), [data, overlaySettings]);

  return (
    <div className="markets">
      <div className="market-chart market-chart-stack">
      <LiveChartPanel strategies={markets.strategies} positions={markets.positions} accounts={markets.accounts} />
      <section className="panel" aria-labelledby="market-chart-title">
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
      </div>
      <div className="market-side">
        <AccountsPanel accounts={markets.accounts} activity={markets.orders.map((o) => `${o.clientOrderId}:${o.status}`).join()} onChanged={markets.refresh} />
        {markets.strategies.some((s) => s.confirmEntries) && <ConfirmationsPanel kind="entry" />}
        <StrategiesPanel strategies={markets.strategies} accounts={markets.accounts} onChanged={markets.refresh} />
        <StrategyStats runs={runs} />
      </div>
      <div className="market-panels">
        {markets.accounts.length === 0 ? (
          <>
            <NeedsAccountPanel title="Positions" what="open positions" />
            <NeedsAccountPanel title="Open orders" what="open orders" />
            <NeedsAccountPanel title="P&L per symbol" what="realized and unrealized P&L per symbol" />
          </>
        ) : (
          <>
            <PositionsPanel positions={markets.positions} />
            <ManualOrderPanel accounts={markets.accounts} positions={markets.positions} onChanged={markets.refresh} />
            <FlattenAllButton onDone={markets.refresh} />
            <OrdersPanel orders={markets.orders} onChanged={markets.refresh} />
            <PnlPanel pnl={markets.pnl} accounts={markets.accounts} />
            <StreamHealthPanel health={markets.health} accounts={markets.accounts} />
            <ReportsPanel />
          </>
        )}
      </div>
    </div>
  );
}
