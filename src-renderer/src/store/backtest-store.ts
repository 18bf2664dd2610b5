// Runs in: renderer. Backtest state shared by the Backtest and Markets views; hydrated by calls, kept live by `backtest.progress`.
import { create } from 'zustand';
import type { BacktestProgress, BacktestRunDetail, BacktestRunInput, BacktestRunSummary, BacktestStrategyInfo, CandleSeriesInfo, Result } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';

export interface BacktestState {
  strategies: BacktestStrategyInfo[];
  runs: BacktestRunSummary[];
  series: CandleSeriesInfo[];
  /** Runs fetched in full, by id. */
  details: Record<number, BacktestRunDetail>;
  selectedRunId: number | null;
  compareIds: number[];
  /** The job this window started, until the next one. */
  job: BacktestProgress | null;
  loadError: string | null;
}

export const useBacktestStore = create<BacktestState>(() => ({
  strategies: [],
  runs: [],
  series: [],
  details: {},
  selectedRunId: null,
  compareIds: [],
  job: null,
  loadError: null,
}));

let connected: CockpitTransport | null = null;
/** Progress can arrive before the `run` call's answer; the latest per unclaimed job waits here. */
const early = new Map<string, BacktestProgress>();

/** Idempotent: the first view that needs backtest data subscribes once for the app's lifetime. */
export function connectBacktest(transport: CockpitTransport): void {
  if (connected === transport) return;
  connected = transport;
  transport.onEvent((name, payload) => {
    if (name !== 'backtest.progress') return;
    const progress = payload as BacktestProgress;
    if (useBacktestStore.getState().job?.jobId === progress.jobId) applyProgress(transport, progress);
    else if (early.size < 20) early.set(progress.jobId, progress);
  });
  void hydrate(transport);
}

function applyProgress(transport: CockpitTransport, progress: BacktestProgress): void {
  useBacktestStore.setState({ job: progress });
  if (progress.state === 'done' && progress.runId !== null) {
    useBacktestStore.setState({ selectedRunId: progress.runId });
    void refreshRuns(transport);
    void refreshSeries(transport);
  }
}

/** Starts a run and follows it; answers with the error message when the engine refuses the input. */
export async function startBacktest(transport: CockpitTransport, input: BacktestRunInput): Promise<string | null> {
  const result = await transport.calls.backtest.run(input);
  if (!result.ok) return result.error.message;
  const { jobId, candles } = result.data;
  const seen = early.get(jobId);
  early.clear();
  applyProgress(transport, seen ?? { jobId, state: 'running', done: 0, total: candles, runId: null, error: null });
  return null;
}

async function hydrate(transport: CockpitTransport): Promise<void> {
  const strategies = await transport.calls.backtest.strategies();
  if (strategies.ok) useBacktestStore.setState({ strategies: strategies.data });
  else useBacktestStore.setState({ loadError: strategies.error.message });
  await Promise.all([refreshRuns(transport), refreshSeries(transport)]);
}

export async function refreshRuns(transport: CockpitTransport): Promise<void> {
  const runs = await transport.calls.backtest.listRuns({});
  if (!runs.ok) return void useBacktestStore.setState({ loadError: runs.error.message });
  const s = useBacktestStore.getState();
  const ids = new Set(runs.data.map((r) => r.id));
  useBacktestStore.setState({
    runs: runs.data,
    compareIds: s.compareIds.filter((id) => ids.has(id)),
    selectedRunId: s.selectedRunId !== null && ids.has(s.selectedRunId) ? s.selectedRunId : (runs.data[0]?.id ?? null),
  });
}

export async function refreshSeries(transport: CockpitTransport): Promise<void> {
  const series = await transport.calls.backtest.listSeries();
  if (series.ok) useBacktestStore.setState({ series: series.data });
}

/** Full runs are fetched once and kept: stored runs never change. */
export async function loadRunDetail(transport: CockpitTransport, id: number): Promise<Result<BacktestRunDetail>> {
  const cached = useBacktestStore.getState().details[id];
  if (cached) return { ok: true, data: cached };
  const result = await transport.calls.backtest.getRun({ id });
  if (result.ok) useBacktestStore.setState((s) => ({ details: { ...s.details, [id]: result.data } }));
  return result;
}

export function toggleCompare(id: number): void {
  useBacktestStore.setState((s) => ({ compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id] }));
}
