// Runs in: a trial worker thread. Turns trial requests into replies; no thread plumbing, so test workers can wrap it.
import { columnsOver } from '../../core/backtest/columns';
import { runTrial } from '../../core/optimize/trial';
import { TrialRequest, TrialWorkerData, type TrialReply } from './trial-protocol';

export function createTrialHandler(workerData: unknown): (request: unknown) => TrialReply {
  const data = TrialWorkerData.parse(workerData);
  const cols = columnsOver(data.buffer, data.length);
  return (raw) => {
    const req = TrialRequest.parse(raw);
    try {
      const run = runTrial(cols, data.setup, req.values, { from: req.from, to: req.to });
      return run.ok ? { id: req.id, ok: true, metrics: run.result.metrics } : { id: req.id, ok: false, error: run.error, invalid: run.invalid };
    } catch (error) {
      return { id: req.id, ok: false, error: error instanceof Error ? error.message : String(error), invalid: false };
    }
  };
}
