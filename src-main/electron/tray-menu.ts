// Runs in: Electron main. Pure: the tray menu as data, rebuilt from state on every change (Linux needs a new Menu each time).
import type { AppStatus } from '../../src-shared/contract';

export type TrayAction =
  | { type: 'toggle-strategy'; id: string; enabled: boolean }
  | { type: 'kill-switch'; engaged: boolean }
  | { type: 'flatten-all' }
  | { type: 'disarm-live' }
  | { type: 'open-cockpit' }
  | { type: 'calibrate' }
  | { type: 'install-update' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'separator' }
  | { kind: 'normal'; label: string; enabled: boolean; action?: TrayAction }
  | { kind: 'checkbox'; label: string; checked: boolean; enabled: boolean; action: TrayAction };

export interface TrayState {
  status: AppStatus;
  updateReady?: string | null;
  /** Calibration overlays are up: the Calibrate item becomes their way out. */
  calibrating?: boolean;
}

export function createTrayMenu({ status, updateReady, calibrating }: TrayState): TrayItem[] {
  const live = status.mode === 'live';
  const items: TrayItem[] = [
    { kind: 'normal', label: status.killSwitch ? 'KILL SWITCH ENGAGED' : live ? 'LIVE: real money' : 'Dry run: no real clicks or orders', enabled: false },
  ];
  // Going live needs the in-app confirmation; the tray only ever makes things safer.
  if (live) items.push({ kind: 'normal', label: 'Return to dry run', enabled: true, action: { type: 'disarm-live' } });
  items.push({ kind: 'separator' });
  if (status.strategies.length === 0) items.push({ kind: 'normal', label: 'No strategies yet', enabled: false });
  for (const s of status.strategies) {
    items.push({ kind: 'checkbox', label: s.label, checked: s.enabled, enabled: !status.killSwitch, action: { type: 'toggle-strategy', id: s.id, enabled: !s.enabled } });
  }
  items.push(
    { kind: 'separator' },
    status.killSwitch
      ? { kind: 'normal', label: 'Release kill switch', enabled: true, action: { type: 'kill-switch', engaged: false } }
      : { kind: 'normal', label: 'Kill switch', enabled: true, action: { type: 'kill-switch', engaged: true } },
    // Always available (kill switch or not): it only removes risk; the shell asks for confirmation first.
    { kind: 'normal', label: 'Flatten all positions…', enabled: true, action: { type: 'flatten-all' } },
    { kind: 'separator' },
    { kind: 'normal', label: 'Open cockpit', enabled: true, action: { type: 'open-cockpit' } },
    { kind: 'normal', label: calibrating ? 'Exit calibration' : 'Calibrate', enabled: true, action: { type: 'calibrate' } },
  );
  if (updateReady) items.push({ kind: 'normal', label: `Restart to update (${updateReady})`, enabled: true, action: { type: 'install-update' } });
  items.push({ kind: 'separator' }, { kind: 'normal', label: 'Quit', enabled: true, action: { type: 'quit' } });
  return items;
}

export function trayTooltip(status: AppStatus): string {
  return `Trading Cockpit: ${status.killSwitch ? 'kill switch engaged' : status.mode === 'live' ? 'LIVE' : 'dry run'}`;
}
