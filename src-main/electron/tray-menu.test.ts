import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../src-shared/contract';
import { createTrayMenu, type TrayItem } from './tray-menu';

const base: AppStatus = { version: '1', shell: 'electron', mode: 'dry-run', killSwitch: false, killSwitchNotSaved: false, dataDir: '/d', startedAt: 0, strategies: [] };
const labels = (items: TrayItem[]) => items.flatMap((i) => (i.kind === 'separator' ? ['---'] : [i.label]));

describe('createTrayMenu', () => {
  it('shows dry run, the kill switch, open, calibrate and quit', () => {
    expect(labels(createTrayMenu({ status: base }))).toEqual([
      'Dry run: no real clicks or orders',
      '---',
      'No strategies yet',
      '---',
      'Kill switch',
      'Flatten all positions…',
      '---',
      'Open cockpit',
      'Calibrate',
      '---',
      'Quit',
    ]);
  });

  it('renders each strategy as a checkbox whose action flips it', () => {
    const items = createTrayMenu({ status: { ...base, strategies: [{ id: 'sma', label: 'SMA cross', kind: 'strategy', enabled: true }] } });
    const item = items.find((i) => i.kind === 'checkbox');
    expect(item).toMatchObject({ label: 'SMA cross', checked: true, enabled: true, action: { type: 'toggle-strategy', id: 'sma', enabled: false } });
  });

  it('in live mode offers a way back to dry run but never a way into live', () => {
    const live = createTrayMenu({ status: { ...base, mode: 'live' } });
    expect(labels(live)[0]).toBe('LIVE: real money');
    expect(live.some((i) => i.kind === 'normal' && i.action?.type === 'disarm-live')).toBe(true);
    for (const status of [base, { ...base, mode: 'live' as const }]) {
      const types = createTrayMenu({ status }).flatMap((i) => (i.kind !== 'separator' && i.action ? [i.action.type] : []));
      expect(types.filter((t) => t.startsWith('arm'))).toEqual([]);
    }
  });

  it('with the kill switch engaged, says so, offers release and locks strategy toggles', () => {
    const items = createTrayMenu({ status: { ...base, killSwitch: true, strategies: [{ id: 'a', label: 'Autopilot', kind: 'autopilot', enabled: false }] } });
    expect(labels(items)).toContain('KILL SWITCH ENGAGED');
    expect(labels(items)).toContain('Release kill switch');
    expect(items.find((i) => i.kind === 'checkbox')).toMatchObject({ enabled: false });
  });

  it('adds the update item when an update is ready', () => {
    expect(labels(createTrayMenu({ status: base, updateReady: '0.2.0' }))).toContain('Restart to update (0.2.0)');
  });

  it('turns Calibrate into the way out while the overlays are up', () => {
    const item = createTrayMenu({ status: base, calibrating: true }).find((i) => i.kind === 'normal' && i.action?.type === 'calibrate');
    expect(item).toMatchObject({ label: 'Exit calibration', enabled: true });
  });

  it('offers flatten all in every state, kill switch engaged included', () => {
    for (const status of [base, { ...base, mode: 'live' as const }, { ...base, killSwitch: true }]) {
      expect(createTrayMenu({ status }).find((i) => i.kind === 'normal' && i.action?.type === 'flatten-all')).toMatchObject({ label: 'Flatten all positions…', enabled: true });
    }
  });
});
