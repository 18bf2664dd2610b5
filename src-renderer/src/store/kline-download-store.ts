// Runs in: renderer. The exchange download this window started, kept live by `backtest.downloadProgress`.
import { create } from 'zustand';
import type { CandleSeriesKey, KlineDownloadInput, KlineDownloadProgress } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { createJobClaim } from '../lib/job-claim';
import { refreshSeries } from './backtest-store';

export interface DownloadState {
  job: KlineDownloadProgress | null;
  /** The series a finished download just cached, until the run form has selected it. */
  fresh: CandleSeriesKey | null;
}

export const useDownloadStore = create<DownloadState>(() => ({ job: null, fresh: null }));

const jobs = createJobClaim<KlineDownloadProgress>(() => useDownloadStore.getState().job?.jobId);

/** For the app's lifetime, like connectBacktest: a download goes on while its form is closed. */
export function connectDownloads(transport: CockpitTransport): () => void {
  return transport.on('backtest.downloadProgress', (progress) => {
    if (jobs.isClaimed(progress)) apply(transport, progress);
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
  const { venue, symbol, interval } = input;
  apply(transport, jobs.claim(jobId, { jobId, venue, symbol, interval, state: 'running', total, cached: 0, fetched: 0, pages: 0, missing: 0, error: null }));
  return null;
}

export const clearFresh = (): void => useDownloadStore.setState({ fresh: null });
