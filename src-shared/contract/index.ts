import type { Client as ClientOf, Handlers as HandlersOf } from './define';
import { appService } from './services/app';
import { settingsService } from './services/settings';

export * from './result';
export * from './define';
export * from './events';
export * from './services/app';
export * from './services/settings';

/** The one contract between engine and UI: both the Electron IPC and the WebSocket bridge speak exactly this. */
export const contract = {
  app: appService,
  settings: settingsService,
};
export type Contract = typeof contract;
export type CockpitHandlers = HandlersOf<Contract>;
export type CockpitCalls = ClientOf<Contract>;
