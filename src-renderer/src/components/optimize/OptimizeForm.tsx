// Runs in: renderer. What to search: strategy, space (defaults around the strategy's own params), data, objective and method.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { OBJECTIVES, type OptimizeProgress } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { useBacktestStore } from '../../store/backtest-store';
import { resumeOptimize, startOptimize } from '../../store/optimize-store';
import type { FieldSchema } from '../backtest/param-form';
import { SourcePicker, sourceOf, type SourceDraft } from '../backtest/SourcePicker';
import { StrategySelect } from '../backtest/StrategySelect';
import { defaultSpaceRows, gridPoints, spaceOf, type SpaceRow } from './space-draft';

type Sampler = 'tpe' | 'random' | 'grid';
const SAMPLER_LABELS: Record<Sampler, string> = { tpe: 'TPE (model-based)', random: 'Random', grid: 'Grid (every point)' };

export function OptimizeForm({ progress }: { progress: OptimizeProgress | null }) {
  const transport = useTransport();
  const all = useBacktestStore((s) => s.strategies);
  // Replayed signals have nothing to tune.
  const strategies = useMemo(() => all.filter((x) => x.name !== 'external-signal'), [all]);
  const series = useBacktestStore((s) => s.series);
  const [name, setName] = useState('sma-cross');
  const [rows, setRows] = useState<SpaceRow[]>([]);
  const [source, setSource] = useState<SourceDraft>(null);
  const [opts, setOpts] = useState({ objective: 'sharpe', sampler: 'tpe' as Sampler, trials: '200', folds: '4', seed: '1', fee: '0.1' });
  const [error, setError] = useState<string | null>(null);
  const strategy = strategies.find((s) => s.name === name) ?? strategies[0];

  useEffect(() => {
    if (strategy) setRows(defaultSpaceRows(strategy.defaults, strategy.schema as FieldSchema));
  }, [strategy]);

  const edit = (i: number, patch: Partial<SpaceRow>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const grid = gridPoints(rows);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!strategy) return;
    const space = spaceOf(rows);
    const src = sourceOf(source, series);
    const problem = !space.ok ? space.error : !src ? 'Choose a CSV file or a cached series first.' : opts.sampler === 'grid' && grid === null ? 'Grid search needs a step for every ticked parameter.' : null;
    setError(problem);
    if (problem || !space.ok || !src) return;
    setError(
      await startOptimize(transport, {
        strategy: strategy.name,
        space: space.space,
        source: src,
        fee: Number(opts.fee) / 100,
        objective: OBJECTIVES.find((o) => o === opts.objective) ?? 'sharpe',
        sampler: opts.sampler,
        trials: Number(opts.trials),
        folds: Number(opts.folds),
        seed: Number(opts.seed),
      }),
    );
  };

  const running = progress?.state === 'running';
  return (
    <form className="panel run-form optimize-form" onSubmit={(e) => void submit(e)} aria-labelledby="opt-form-title">
      <h2 id="opt-form-title">Optimize</h2>
      <StrategySelect id="opt-strategy" strategies={strategies} value={strategy} onChange={setName} />
      <fieldset className="param-group space-rows">
        <legend>Search space</legend>
        <table className="data space">
          <thead>
            <tr>
              <th scope="col">Param</th>
              <th scope="col">Min</th>
              <th scope="col">Max</th>
              <th scope="col">Step</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.path}>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={r.include} onChange={(e) => edit(i, { include: e.target.checked })} />
                    {r.path}
                  </label>
                </td>
                <td>
                  <input aria-label={`${r.path} min`} type="number" step="any" value={r.min} disabled={!r.include} onChange={(e) => edit(i, { min: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${r.path} max`} type="number" step="any" value={r.max} disabled={!r.include} onChange={(e) => edit(i, { max: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${r.path} step`} type="number" step="any" value={r.step} disabled={!r.include} placeholder="any" onChange={(e) => edit(i, { step: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <span className="muted small">{grid === null ? 'Continuous ranges: random or TPE.' : `${grid.toLocaleString('en-US')} grid points`}</span>
      </fieldset>
      <fieldset className="param-group">
        <legend>Method</legend>
        <div className="field">
          <label htmlFor="opt-objective">Objective</label>
          <select id="opt-objective" value={opts.objective} onChange={(e) => setOpts({ ...opts, objective: e.target.value })}>
            {OBJECTIVES.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="opt-sampler">Search</label>
          <select id="opt-sampler" value={opts.sampler} onChange={(e) => setOpts({ ...opts, sampler: (Object.keys(SAMPLER_LABELS) as Sampler[]).find((s) => s === e.target.value) ?? 'tpe' })}>
            {(Object.keys(SAMPLER_LABELS) as Sampler[]).map((s) => (
              <option key={s} value={s}>
                {SAMPLER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <label className="field">
          Trials
          <input type="number" min={1} max={100000} value={opts.trials} disabled={opts.sampler === 'grid'} onChange={(e) => setOpts({ ...opts, trials: e.target.value })} />
        </label>
        <label className="field">
          Walk-forward folds
          <input type="number" min={0} max={20} value={opts.folds} onChange={(e) => setOpts({ ...opts, folds: e.target.value })} />
        </label>
        <label className="field">
          Seed
          <input type="number" min={0} value={opts.seed} onChange={(e) => setOpts({ ...opts, seed: e.target.value })} />
        </label>
        <label className="field">
          Fee per side (%)
          <input type="number" min={0} max={10} step="any" value={opts.fee} onChange={(e) => setOpts({ ...opts, fee: e.target.value })} />
        </label>
      </fieldset>
      <SourcePicker value={source} series={series} onChange={setSource} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={running || !strategy}>
        {running ? 'Optimizing…' : 'Run optimization'}
      </button>
      {progress && <OptimizeProgressView progress={progress} onCancel={() => void transport.calls.optimize.cancel({ runId: progress.runId })} onResume={() => void resumeOptimize(transport, progress.runId).then(setError)} />}
    </form>
  );
}

function OptimizeProgressView({ progress: p, onCancel, onResume }: { progress: OptimizeProgress; onCancel(): void; onResume(): void }) {
  const pct = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  const phase = p.phases > 1 ? (p.phase === 0 ? ' · all data' : ` · fold ${p.phase} of ${p.phases - 1}`) : '';
  const words = { running: `Running… ${pct}%${phase}`, done: 'Done', failed: `Failed: ${p.error ?? 'unknown error'}`, cancelled: 'Cancelled: finished trials are kept' }[p.state];
  return (
    <div className={`run-progress ${p.state}`} data-testid="optimize-progress" data-state={p.state}>
      <progress max={p.total} value={p.done} aria-label="Optimization progress" aria-valuetext={`${p.done} of ${p.total} trials`} />
      <div className="run-progress-text" role="status">
        <span>{words}</span>
        <span className="muted small">{`${p.done} / ${p.total} trials · ${p.trialsPerSecond.toFixed(1)}/s${p.etaSeconds === null ? '' : ` · ETA ${Math.ceil(p.etaSeconds)} s`}`}</span>
        {p.best && <span className="muted small" data-testid="best-so-far">{`Best so far ${p.best.score.toFixed(3)} ${JSON.stringify(p.best.values)}`}</span>}
        {p.state === 'running' && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {p.state === 'cancelled' && (
          <button type="button" onClick={onResume}>
            Resume
          </button>
        )}
      </div>
    </div>
  );
}
