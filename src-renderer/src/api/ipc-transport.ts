// Runs in: renderer inside Electron. Wraps the preload's `window.cockpit`.
import { createEventHub } from './event-hub';
import type { CockpitTransport, PreloadApi } from './transport';

export function createIpcTransport(api: PreloadApi): CockpitTransport {
  const hub = createEventHub();
  // One preload listener for the window's lifetime; stores come and go on the hub.
  api.onEvent(hub.dispatch);
  return {
    kind: 'electron-ipc',
    calls: api.calls,
    on: hub.on,
    // IPC to our own main process is up for as long as this window exists.
    onConnection: (listener) => {
      listener('connected');
      return () => {};
    },
  };
}
