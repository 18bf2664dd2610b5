// Runs in: renderer. Strategy, params, costs and data for one run; the engine validates again and answers with its reasons.
import { useEffect, useState, type FormEvent } from 'react';
import { useTransport } from '../../api/client-context';
import { startBacktest, useBacktestStore } from '../../store/backtest-store';
import { clearFresh, useDownloadStore } from '../../store/kline-download-store';
import { fromDraft, setDraft, toDraft, type Draft, type FieldSchema } from './param-form';
import { ParamFields } from './ParamFields';
import { RunProgress } from './RunProgress';
import { StrategySelect } from './StrategySelect';
import { seriesId, SourcePicker, sourceOf, type SourceDraft } from './SourcePicker';

const pctToFraction = (s: string) => Number(s) / 100;

export function RunForm() {
  const transport = useTransport();
  const strategies = useBacktestStore((s) => s.strategies);
  const series = useBacktestStore((s) => s.series);
  const job = useBacktestStore((s) => s.job);
  const [name, setName] = useState('sma-cross');
  const [draft, setDraftState] = useState<Draft>({});
  const [costs, setCosts] = useState({ fee: '0.1', slippage: '0', equity: '10000', risk: false });
  const [source, setSource] = useState<SourceDraft>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strategy = strategies.find((s) => s.name === name) ?? strategies[0];

  useEffect(() => {
    if (strategy) setDraftState(toDraft(strategy.defaults));
  }, [strategy]);

  // A finished download selects its series, unless a CSV file is chosen: that choice is the user's to change.
  const fresh = useDownloadStore((s) => s.fresh);
  useEffect(() => {
    if (!fresh || !series.some((s) => seriesId(s) === seriesId(fresh))) return;
    clearFresh();
    setSource((current) => (current?.kind === 'csv' ? current : { kind: 'cache', seriesId: seriesId(fresh), from: '', to: '' }));
  }, [fresh, series]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!strategy) return;
    const params = fromDraft(draft, strategy.defaults);
    const src = sourceOf(source, series);
    const problem = !params.ok ? params.error : !src ? 'Choose a CSV file or a cached series first.' : null;
    setError(problem);
    if (problem || !params.ok || !src) return;
    setBusy(true);
    const refused = await startBacktest(transport, {
      strategy: strategy.name,
      params: params.params,
      source: src,
      fee: pctToFraction(costs.fee),
      slippage: pctToFraction(costs.slippage),
      initialEquity: Number(costs.equity),
      risk: costs.risk,
    });
    setBusy(false);
    setError(refused);
  };

  const running = job?.state === 'running';
  return (
    <form className="panel run-form" onSubmit={(e) => void submit(e)} aria-labelledby="run-form-title">
      <h2 id="run-form-title">New backtest</h2>
      <StrategySelect id="bt-strategy" strategies={strategies} value={strategy} onChange={setName} />
      <fieldset className="param-group">
        <legend>Parameters</legend>
        {strategy && <ParamFields draft={draft} schema={strategy.schema as FieldSchema} onChange={(path, v) => setDraftState((d) => setDraft(d, path, v))} />}
        <button type="button" className="link" onClick={() => strategy && setDraftState(toDraft(strategy.defaults))}>
          Reset to defaults
        </button>
      </fieldset>
      <fieldset className="param-group">
        <legend>Costs and sizing</legend>
        <label className="field">
          Fee per side (%)
          <input type="number" min={0} max={10} step="any" value={costs.fee} onChange={(e) => setCosts({ ...costs, fee: e.target.value })} />
        </label>
        <label className="field">
          Slippage (%)
          <input type="number" min={0} max={10} step="any" value={costs.slippage} onChange={(e) => setCosts({ ...costs, slippage: e.target.value })} />
        </label>
        <label className="field">
          Starting equity
          <input type="number" min={1} step="any" value={costs.equity} onChange={(e) => setCosts({ ...costs, equity: e.target.value })} />
        </label>
        <label className="check wide">
          <input type="checkbox" checked={costs.risk} onChange={(e) => setCosts({ ...costs, risk: e.target.checked })} />
          Risk-managed: the shared risk engine's default profile (stop-based sizing, stop, trailing stop, scale-outs)
        </label>
      </fieldset>
      <SourcePicker value={source} series={series} onChange={setSource} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || running || !strategy}>
        {running ? 'Running…' : 'Run backtest'}
      </button>
      {job && <RunProgress job={job} onCancel={() => void transport.calls.backtest.cancel({ jobId: job.jobId })} />}
    </form>
  );
}
