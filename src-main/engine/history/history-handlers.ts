// Runs in: engine. The `history` contract service: equity snapshots and session reports.
import type { CockpitHandlers } from '../../../src-shared/contract';
import type { EquityRepo } from '../../adapters/store/equity-repo';
import { equityRangeStart, thinPoints } from '../../core/reports/equity-range';
import type { SessionReports } from './session-reports';

export interface HistoryHandlerDeps {
  readonly equity: EquityRepo;
  readonly reports: SessionReports;
  /** The engine's start: the `session` range. */
  readonly sessionStart: number;
  readonly now: () => number;
}

export function historyHandlers(deps: HistoryHandlerDeps): CockpitHandlers['history'] {
  return {
    equity: ({ scope, range, maxPoints }) => {
      const now = deps.now();
      return { scope, range, points: thinPoints(deps.equity.history(scope, equityRangeStart(range, now, deps.sessionStart), now), maxPoints) };
    },
    reports: ({ limit }) => deps.reports.list(limit),
  };
}
