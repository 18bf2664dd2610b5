// Runs in: renderer. Following a job this window started, when its progress events can overtake the call's answer.

/** Stray jobs of other windows must not pile up while no call is waiting for its answer. */
const MAX_UNCLAIMED = 20;

export interface JobClaim<P extends { jobId: string }> {
  /** True when `progress` is the claimed job's; otherwise its latest is kept, in case its call has not answered yet. */
  isClaimed(progress: P): boolean;
  /** Takes over the job a call just started: the latest progress already heard of it, else `started`. */
  claim(jobId: string, started: P): P;
}

/** `claimedJobId` reads the job this window follows now, from the store that keeps it. */
export function createJobClaim<P extends { jobId: string }>(claimedJobId: () => string | undefined): JobClaim<P> {
  const early = new Map<string, P>();
  return {
    isClaimed(progress) {
      if (claimedJobId() === progress.jobId) return true;
      if (early.size < MAX_UNCLAIMED) early.set(progress.jobId, progress);
      return false;
    },
    claim(jobId, started) {
      const seen = early.get(jobId);
      early.clear();
      return seen ?? started;
    },
  };
}
