// Runs in: engine. Wires the equity recorder and the session reports to the engine's store, bus and services.
import { join } from 'node:path';
import type { CockpitHandlers } from '../../../src-shared/contract';
import { ReportFiles } from '../../adapters/reports/report-files';
import type { EquityRepo } from '../../adapters/store/equity-repo';
import type { ReportRowsRepo } from '../../adapters/store/report-rows-repo';
import type { Logger } from '../../core/logging/logger';
import { closedTrades } from '../../core/reports/closed-trades';
import type { EventBus } from '../event-bus';
import type { MarketsService } from '../markets/markets-service';
import type { SettingsService } from '../services/settings-service';
import type { StrategyToggles } from '../services/strategy-toggles';
import { EquityRecorder } from './equity-recorder';
import { historyHandlers } from './history-handlers';
import { SessionReports } from './session-reports';
import { SessionWatch } from './session-watch';

export interface HistoryDeps {
  /** The session reports' inputs (fills, executions, stop reasons). */
  readonly rows: ReportRowsRepo;
  /** Equity snapshots. */
  readonly equity: EquityRepo;
  readonly bus: EventBus;
  readonly dataDir: string;
  readonly startedAt: number;
  readonly settings: SettingsService;
  readonly markets: MarketsService;
  readonly toggles: StrategyToggles;
  readonly now?: () => number;
  readonly log: Logger;
}

export interface History {
  readonly handlers: CockpitHandlers['history'];
  /** Subscribes and starts the snapshot timer (kept out of the constructor: no I/O there). */
  start(): void;
  /**
   * First thing at shutdown: stops watching, so the stops shutdown causes are covered by the one shutdown report
   * instead of racing the store's close.
   */
  beginShutdown(): void;
  /** Writes the shutdown report; answers why it could not be written, or null. Never rejects. */
  shutdownReport(reason: string): Promise<string | null>;
}

export function createHistory(deps: HistoryDeps): History {
  const now = deps.now ?? Date.now;
  const { rows, equity } = deps;
  let lastFailure: string | null = null;
  const reports = new SessionReports({
    rows,
    files: new ReportFiles(join(deps.dataDir, 'reports')),
    now,
    alert: (message) => {
      lastFailure = message;
      deps.log.error(message);
      deps.bus.emit('toast', { level: 'warn', message });
    },
  });
  const recorder = new EquityRecorder({
    repo: equity,
    bus: deps.bus,
    now,
    everyMs: () => deps.settings.stored().equitySnapshotMinutes * 60_000,
    accounts: () => deps.markets.accounts.list().map((a) => a.id),
    accountEquity: (id) => deps.markets.equity(id),
    closedTrades: (id) => closedTrades(rows.fills(id, now())).length,
    log: (message) => deps.log.error(message),
  });
  const watch = new SessionWatch({
    bus: deps.bus,
    toggles: deps.toggles,
    report: (request) => reports.write(request),
    now,
    autopilotStopReason: (since) => rows.autopilotStopReason(since),
    strategy: (configId) => {
      const config = deps.markets.configs.get(configId);
      if (!config) return undefined;
      const trader = deps.markets.trader(configId);
      const stopped = trader?.lastEvent?.startsWith('stopped: ') ? trader.lastEvent.slice('stopped: '.length) : null;
      return { accountId: config.accountId, stoppedReason: trader?.stoppedReason ?? stopped };
    },
  });
  return {
    handlers: historyHandlers({ equity, reports, sessionStart: deps.startedAt, now }),
    start: () => {
      recorder.start();
      watch.start(deps.startedAt);
    },
    beginShutdown: () => {
      watch.stop();
      recorder.stop();
    },
    shutdownReport: async (reason) => {
      lastFailure = null;
      await reports.idle();
      const path = await reports.write({ trigger: 'shutdown', subject: 'engine', reason, from: deps.startedAt, trades: 'all' });
      return path === null ? lastFailure : null;
    },
  };
}
