// Runs in: renderer. Hash routes: `#/settings`, `#/calibrate?display=<id>` (the Electron overlay adds `&overlay=1`).

export const VIEWS = ['autopilot', 'calibrate', 'markets', 'backtest', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  displayId: string | null;
  /** A transparent overlay window over one display: the editor alone, no header or nav. */
  overlay: boolean;
}

export function parseRoute(hash: string): Route | null {
  const match = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash);
  if (!match || !(VIEWS as readonly string[]).includes(match[1]!)) return null;
  const params = new URLSearchParams(match[2] ?? '');
  const view = match[1] as View;
  const displayId = view === 'calibrate' ? params.get('display') : null;
  return { view, displayId, overlay: view === 'calibrate' && displayId !== null && params.get('overlay') === '1' };
}

export function routeHash(view: View, displayId: string | null = null): string {
  return displayId === null ? `#/${view}` : `#/${view}?display=${encodeURIComponent(displayId)}`;
}
