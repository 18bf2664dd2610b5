// Runs in: renderer and engine.
import type { Client as ClientOf, Handlers as HandlersOf } from './define';
import { appService } from './services/app';
import { autopilotService, calibrationService, profilesService } from './services/autopilot';
import { settingsService } from './services/settings';
import { backtestService } from './services/backtest';
import { marketsService } from './services/markets';
import { optimizeService } from './services/optimize';
import { systemService } from './services/system';
import { historyService } from './services/history';
import { notificationsService } from './services/notifications';
import { confirmationsService } from './services/confirmations';

export * from './result';
export * from './define';
export * from './events';
export * from './services/app';
export * from './services/settings';
export * from './services/autopilot';
export * from './services/backtest';
export * from './services/kline-download';
export * from './services/markets';
export * from './services/optimize';
export * from './services/system';
export * from './services/history';
export * from './services/notifications';
export * from './services/confirmations';
export * from '../game-profile';

/** The one contract between engine and UI: both the Electron IPC and the WebSocket bridge speak exactly this. */
export const contract = {
  app: appService,
  settings: settingsService,
  autopilot: autopilotService,
  profiles: profilesService,
  calibration: calibrationService,
  backtest: backtestService,
  markets: marketsService,
  optimize: optimizeService,
  system: systemService,
  history: historyService,
  notifications: notificationsService,
  confirmations: confirmationsService,
};
export type Contract = typeof contract;
export type CockpitHandlers = HandlersOf<Contract>;
export type CockpitCalls = ClientOf<Contract>;
