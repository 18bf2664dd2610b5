// Runs in: renderer. Hydrated from contract calls, kept live by events.
import { create } from 'zustand';
import type { AppStatus, Result, Settings, Toast } from '../../../src-shared/contract';
import type { CockpitTransport, ConnectionState } from '../api/transport';

import { parseRoute, routeHash, type Route, type View } from '../lib/route';

export type { View } from '../lib/route';

interface ToastItem extends Toast {
  id: number;
}

export interface AppState {
  connection: ConnectionState;
  connectionDetail?: string;
  status: AppStatus | null;
  settings: Settings | null;
  view: View;
  /** The display the calibration editor opens on, from `#/calibrate?display=<id>`. */
  calibrateDisplay: string | null;
  overlay: boolean;
  toasts: ToastItem[];
  setView(view: View): void;
  pushToast(toast: Toast): void;
  dismissToast(id: number): void;
}

let toastId = 1;

const initialRoute: Route = (typeof location === 'undefined' ? null : parseRoute(location.hash)) ?? { view: 'autopilot', displayId: null, overlay: false };

export const useAppStore = create<AppState>((set) => ({
  connection: 'connecting',
  status: null,
  settings: null,
  view: initialRoute.view,
  calibrateDisplay: initialRoute.displayId,
  overlay: initialRoute.overlay,
  toasts: [],
  setView: (view) => {
    // Keep the address routable (reload stays on the view) without adding history entries.
    if (typeof history !== 'undefined') history.replaceState(null, '', location.pathname + location.search + routeHash(view));
    set({ view });
  },
  pushToast: (toast) => set((s) => ({ toasts: [...s.toasts.slice(-4), { ...toast, id: toastId++ }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Unwraps a Result; failures become an error toast so no call fails silently. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T | undefined> {
  const result = await promise;
  if (result.ok) return result.data;
  useAppStore.getState().pushToast({ level: 'error', message: result.error.message });
  return undefined;
}

export function connectApp(transport: CockpitTransport): () => void {
  const hydrate = async () => {
    const [status, settings] = await Promise.all([call(transport.calls.app.getStatus()), call(transport.calls.settings.get())]);
    useAppStore.setState({ ...(status ? { status } : {}), ...(settings ? { settings } : {}) });
  };
  const offConnection = transport.onConnection((connection, connectionDetail) => {
    useAppStore.setState({ connection, connectionDetail });
    if (connection === 'connected') void hydrate();
  });
  const onHashChange = () => {
    const route = parseRoute(location.hash);
    if (route) useAppStore.setState({ view: route.view, calibrateDisplay: route.displayId });
  };
  window.addEventListener('hashchange', onHashChange);
  const offs = [
    offConnection,
    transport.on('app.status', (status) => useAppStore.setState({ status })),
    transport.on('settings.changed', (settings) => useAppStore.setState({ settings })),
    transport.on('toast', (toast) => useAppStore.getState().pushToast(toast)),
  ];
  return () => {
    for (const off of offs) off();
    window.removeEventListener('hashchange', onHashChange);
  };
}
