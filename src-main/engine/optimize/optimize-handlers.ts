// Runs in: engine. The `optimize` service of the contract, over the engine's OptimizeJobs.
import type { CockpitHandlers } from '../../../src-shared/contract';
import type { OptimizeJobs } from './optimize-jobs';

export function optimizeHandlers(jobs: OptimizeJobs): CockpitHandlers['optimize'] {
  return {
    start: (input) => jobs.start(input),
    cancel: ({ runId }) => ({ cancelled: jobs.cancel(runId) }),
    resume: ({ runId, workers }) => jobs.resume(runId, workers),
    list: ({ limit }) => jobs.list(limit),
    get: ({ id, maxTrials }) => jobs.get(id, maxTrials),
  };
}
