// Runs in: renderer. Optimization runs: the one this window started (live by `optimize.progress`), the selected run in full, the history.
import { create } from 'zustand';
import type { OptimizeProgress, OptimizeRunDetail, OptimizeRunInfo, OptimizeStartInput, OptimizeTrial } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { strategyParamsOf } from '../components/optimize/space-draft';

export interface OptimizeState {
  runs: OptimizeRunInfo[];
  /** Latest progress of the run this window started or resumed. */
  progress: OptimizeProgress | null;
  selectedId: number | null;
  detail: OptimizeRunDetail | null;
  error: string | null;
}

export const useOptimizeStore = create<OptimizeState>(() => ({ runs: [], progress: null, selectedId: null, detail: null, error: null }));

/** For the app's lifetime, like connectBacktest: a search goes on while its page is closed. */
export function connectOptimize(transport: CockpitTransport): () => void {
  const offs = [
    transport.onConnection((connection) => {
      if (connection === 'connected') void refreshOptimizeRuns(transport);
    }),
    transport.on('optimize.progress', (p) => {
      if (useOptimizeStore.getState().selectedId !== p.runId) return;
      useOptimizeStore.setState({ progress: p });
      if (p.state !== 'running') void Promise.all([refreshOptimizeRuns(transport), loadOptimizeRun(transport, p.runId)]);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

export async function refreshOptimizeRuns(transport: CockpitTransport): Promise<void> {
  const r = await transport.calls.optimize.list({});
  if (r.ok) useOptimizeStore.setState({ runs: r.data });
}

export async function loadOptimizeRun(transport: CockpitTransport, id: number): Promise<void> {
  useOptimizeStore.setState({ selectedId: id });
  const r = await transport.calls.optimize.get({ id });
  if (useOptimizeStore.getState().selectedId !== id) return;
  useOptimizeStore.setState(r.ok ? { detail: r.data, error: null } : { error: r.error.message });
}

/** Answers with the engine's reason when it refuses the search. */
export async function startOptimize(transport: CockpitTransport, input: OptimizeStartInput): Promise<string | null> {
  const r = await transport.calls.optimize.start(input);
  if (!r.ok) return r.error.message;
  follow(r.data.runId, r.data.total);
  return null;
}

export async function resumeOptimize(transport: CockpitTransport, runId: number): Promise<string | null> {
  const r = await transport.calls.optimize.resume({ runId });
  if (!r.ok) return r.error.message;
  follow(runId, r.data.total);
  return null;
}

function follow(runId: number, total: number): void {
  useOptimizeStore.setState({
    selectedId: runId,
    detail: null,
    progress: { runId, state: 'running', phase: 0, phases: 1, done: 0, total, best: null, trialsPerSecond: 0, etaSeconds: null, error: null },
  });
}

/**
 * "Use these parameters": a strategy config on a paper account (one is added when there is none),
 * so the chosen params trade on paper first; going live stays a deliberate step on Markets.
 */
export async function applyTrialParams(transport: CockpitTransport, strategy: string, trial: OptimizeTrial, market: { symbol: string; interval: string }): Promise<string> {
  const accounts = await transport.calls.markets.listAccounts();
  if (!accounts.ok) return accounts.error.message;
  let paper = accounts.data.find((a) => a.environment === 'paper');
  if (!paper) {
    const added = await transport.calls.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'Paper' });
    if (!added.ok) return added.error.message;
    paper = added.data;
  }
  const { params, risk } = strategyParamsOf(trial.params);
  const interval = (['1s', '1m', '5m', '15m', '1h', '4h', '1d'] as const).find((i) => i === market.interval) ?? '1h';
  const config = await transport.calls.markets.configureStrategy({ strategy, params, accountId: paper.id, symbol: market.symbol, interval, riskProfile: risk });
  return config.ok ? `Created paper strategy ${config.data.id} on ${paper.label} (${market.symbol} ${interval}); switch it on from Markets.` : config.error.message;
}
