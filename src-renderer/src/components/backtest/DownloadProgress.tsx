// Runs in: renderer. The running (or last) exchange download: bars in the cache out of the range, and its outcome in words.
import type { KlineDownloadProgress } from '../../../../src-shared/contract';

const n = (x: number) => x.toLocaleString('en-US');

function words(job: KlineDownloadProgress, pct: number): string {
  const series = `${job.symbol} ${job.interval} from ${job.venue}`;
  if (job.state === 'running') return `Downloading ${series}… ${pct}%`;
  if (job.state === 'failed') return `Download failed: ${job.error ?? 'unknown error'}`;
  const gaps = job.missing > 0 ? ` The exchange has no data for ${n(job.missing)} bar(s) in the range.` : '';
  return `Done: ${series}, ${n(job.fetched)} bars downloaded, ${n(job.cached)} already cached.${gaps}`;
}

export function DownloadProgress({ job }: { job: KlineDownloadProgress }) {
  const have = job.cached + job.fetched;
  const pct = job.total > 0 ? Math.round((have / job.total) * 100) : 100;
  return (
    <div className={`run-progress ${job.state}`} data-testid="download-progress" data-state={job.state}>
      <progress max={job.total} value={have} aria-label="Download progress" aria-valuetext={`${have} of ${job.total} bars`} />
      <div className="run-progress-text" role={job.state === 'failed' ? 'alert' : 'status'}>
        <span>{words(job, pct)}</span>
        <span className="muted small">
          {job.state === 'failed' ? `${n(have)} / ${n(job.total)} bars cached; downloading again continues from there` : `${n(have)} / ${n(job.total)} bars · ${n(job.pages)} request(s)`}
        </span>
      </div>
    </div>
  );
}
