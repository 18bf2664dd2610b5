// Runs in: renderer. The exchange download this window started, kept live by `backtest.downloadProgress`.
import { create } from 'zustand';
import type { CandleSeriesKey, KlineDownloadInput, KlineDownloadProgress } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { refreshSeries } from './backtest-store';

export interface DownloadState {
  job: KlineDownloadProgress | null;
  /** The series a finished download just cached, until the run form has selected it. */
  fresh: CandleSeriesKey | null;
}

export const useDownloadStore = create<DownloadState>(() => ({ job: null, fresh: null }));

let connected: CockpitTransport | null = null;
/** The first events can overtake the call's answer (it carries the job id); the latest per job waits here. */
const early = new Map<string, KlineDownloadProgress>();

/** Idempotent per transport, like connectBacktest. */
export function connectDownloads(transport: CockpitTransport): void {
  if (connected === transport) return;
  connected = transport;
  transport.onEvent((name, payload) => {
    if (name !== 'backtest.downloadProgress') return;
    const progress = payload as KlineDownloadProgress;
    if (useDownloadStore.getState().job?.jobId === progress.jobId) apply(transport, progress);
    else if (early.size < 20) early.set(progress.jobId, progress);
  });
}

function apply(transport: CockpitTransport, progress: KlineDownloadProgress): void {
  useDownloadStore.setState({ job: progress });
  if (progress.state === 'running') return;
  // A failed download keeps the whole pages it stored, so the list changes either way.
  const key = { exchange: progress.venue, symbol: progress.symbol, interval: progress.interval };
  void refreshSeries(transport).then(() => progress.state === 'done' && useDownloadStore.setState({ fresh: key }));
}

/** Starts a download and follows it; answers with the engine's reason when it refuses. */
export async function startDownload(transport: CockpitTransport, input: KlineDownloadInput): Promise<string | null> {
  const result = await transport.calls.backtest.downloadKlines(input);
  if (!result.ok) return result.error.message;
  const { jobId, total } = result.data;
  const seen = early.get(jobId);
  early.clear();
  const { venue, symbol, interval } = input;
  apply(transport, seen ?? { jobId, venue, symbol, interval, state: 'running', total, cached: 0, fetched: 0, pages: 0, missing: 0, error: null });
  return null;
}

export const clearFresh = (): void => useDownloadStore.setState({ fresh: null });
