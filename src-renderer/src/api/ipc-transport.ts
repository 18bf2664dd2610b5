// Runs in: renderer inside Electron. Wraps the preload's `window.cockpit`.
import type { EventName, EventPayload } from '../../../src-shared/contract';
import type { CockpitTransport, PreloadApi } from './transport';

export function createIpcTransport(api: PreloadApi): CockpitTransport {
  return {
    kind: 'electron-ipc',
    calls: api.calls,
    onEvent: (listener) => api.onEvent((name, payload) => listener(name as EventName, payload as EventPayload<EventName>)),
    // IPC to our own main process is up for as long as this window exists.
    onConnection: (listener) => {
      listener('connected');
      return () => {};
    },
  };
}
