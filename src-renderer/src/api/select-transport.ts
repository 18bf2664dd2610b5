// Runs in: renderer. Electron provides window.cockpit; a browser gets the bridge token from the URL fragment.
import { createIpcTransport } from './ipc-transport';
import type { CockpitTransport } from './transport';
import { createWsTransport } from './ws-transport';

const TOKEN_KEY = 'cockpit.token';

export function readBridgeToken(location: Location, storage: Storage): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    // Keep the token out of the address bar, history and screenshots.
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

export function selectTransport(): CockpitTransport {
  if (window.cockpit) return createIpcTransport(window.cockpit);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsTransport(`${scheme}://${location.host}/bridge`, readBridgeToken(location, sessionStorage));
}
