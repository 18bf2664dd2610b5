// Runs in: renderer. Backtest state shared by the Backtest and Markets views; hydrated by calls, kept live by `backtest.progress`.
import { create } from 'zustand';
import type { BacktestProgress, BacktestRunDetail, BacktestRunInput, BacktestRunSummary, BacktestStrategyInfo, CandleSeriesInfo, Result } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { createJobClaim } from '../lib/job-claim';

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

const jobs = createJobClaim<BacktestProgress>(() => useBacktestStore.getState().job?.jobId);

/** For the app's lifetime: a run keeps reporting while its view is closed, and its result must not be missed. */
export function connectBacktest(transport: CockpitTransport): () => void {
  const offs = [
    transport.onConnection((connection) => {
      if (connection === 'connected') void hydrate(transport);
    }),
    transport.on('backtest.progress', (progress) => {
      if (jobs.isClaimed(progress)) applyProgress(transport, progress);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
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
  applyProgress(transport, jobs.claim(jobId, { jobId, state: 'running', done: 0, total: candles, runId: null, error: null }));
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
