import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticsExport, FirstRunChecklist, SetupGuide, systemService } from '../../../src-shared/contract/services/system';
import { tempDir } from '../../../test/support/temp-dir';
import { RotatingLog } from '../../adapters/logging/rotating-log';
import { openDatabase, type Db } from '../../adapters/store/database';
import { SettingsRepo } from '../../adapters/store/settings-repo';
import { SetupFactsRepo } from '../../adapters/store/setup-facts-repo';
import { Redactor } from '../../core/logging/redact';
import { createDispatcher } from '../dispatcher';
import { DEFAULT_SETTINGS } from './settings-service';
import { setupGuideHandlers } from './setup-guide';
import { createSystemHandlers, type SystemHost } from './system-service';

const dirs: Array<{ cleanup(): void }> = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => d.cleanup());
});

function setup(host: Partial<SystemHost>, withProbe = true) {
  const d = tempDir('cockpit-system-');
  dirs.push(d);
  const redactor = new Redactor();
  redactor.addSecret('PLANTED-signal-token-42');
  const log = new RotatingLog({ dir: d.path, redactor });
  log.info('signals', 'using token PLANTED-signal-token-42');
  log.close();
  const opened: string[] = [];
  const settings = { signalSource: { url: 'ws://x', hasToken: true }, limits: DEFAULT_SETTINGS.limits, staleSignalMs: 1, defaultStake: 1, activeProfile: 'bustabit', equitySnapshotMinutes: 5, confirmBetsSeconds: null };
  const fullHost: SystemHost = {
    os: { platform: 'darwin', screenAccess: () => 'denied', accessibilityTrusted: () => true },
    launch: { screen: 'denied' },
    displays: () => [{ id: '1', bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2 }],
    versions: { node: process.versions.node },
    osInfo: { platform: 'darwin', release: '24', arch: 'arm64' },
    openExternal: async (url) => void opened.push(url),
    relaunch: () => {},
    ...host,
  };
  const handlers = createSystemHandlers({
    host: fullHost,
    app: { version: '1.0.0', shell: 'electron' },
    status: () => ({ mode: 'dry-run' }),
    settings: () => settings,
    runProbe: withProbe ? async (profileName) => ({ at: Date.now(), profileName, layoutKey: '1:0,0,1440x900@2', capture: { ok: true, ms: 3, distinctColours: 12 }, click: { dispatched: true, effectObserved: true } }) : undefined,
    logFiles: () => log.files(),
    redactor,
    diagnosticsDir: d.path,
  });
  const db = openDatabase(join(d.path, 'cockpit.sqlite'));
  dbs.push(db);
  const guide = setupGuideHandlers(new SetupFactsRepo(db), new SettingsRepo(db));
  return { dispatch: createDispatcher({ system: systemService }, { system: { ...handlers, ...guide } }), opened, db };
}

describe('system service', () => {
  it('returns a checklist matching the contract schema', async () => {
    const { dispatch } = setup({});
    const result = await dispatch('system.getFirstRunChecklist', undefined);
    expect(result.ok).toBe(true);
    const checklist = FirstRunChecklist.parse(result.ok && result.data);
    expect(checklist.steps.find((s) => s.id === 'screen-recording')?.state).toBe('needs-action');
  });

  it('opens only the two macOS privacy panes, and refuses elsewhere', async () => {
    const { dispatch, opened } = setup({});
    expect(await dispatch('system.openPermissionSettings', { pane: 'accessibility' })).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual(['x-apple.systempreferences:com.apple.preference.security?Privacy_Accessibility']);
    expect(await dispatch('system.openPermissionSettings', { pane: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const win = setup({ os: { platform: 'win32' } });
    expect(await win.dispatch('system.openPermissionSettings', { pane: 'screen-recording' })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('records the probe and reports it in the checklist', async () => {
    const { dispatch } = setup({ os: { platform: 'linux', sessionType: () => 'x11', hasXDisplay: () => true } });
    const ready = async (name: string) => {
      const r = await dispatch(name, undefined);
      if (!r.ok) throw new Error(r.error.message);
      return FirstRunChecklist.parse(r.data).readyForLive;
    };
    expect(await ready('system.getFirstRunChecklist')).toBe(false);
    expect(await ready('system.runCaptureClickProbe')).toBe(true);
    const noProbe = setup({}, false);
    expect(await noProbe.dispatch('system.runCaptureClickProbe', undefined)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('exports diagnostics without the planted secret', async () => {
    const { dispatch } = setup({});
    const result = await dispatch('system.exportDiagnostics', undefined);
    if (!result.ok) throw new Error(result.error.message);
    const data = DiagnosticsExport.parse(result.data);
    const text = readFileSync(data.path, 'utf8');
    expect(data.bytes).toBe(Buffer.byteLength(text));
    const json = JSON.parse(text);
    expect(json.displays[0].scaleFactor).toBe(2);
    expect(json.permissions.platform).toBe('darwin');
    expect(json.logs[0].lines.join('\n')).toContain('using token [redacted]');
    expect(text).not.toContain('PLANTED-signal-token-42');
  });
});

describe('system service overlays', () => {
  it('is unavailable without the desktop shell, and forwards to it otherwise', async () => {
    expect(await setup({}).dispatch('system.openCalibrationOverlay', undefined)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const captured: Array<[string, boolean]> = [];
    const { dispatch } = setup({ overlay: { open: () => ['1', '2'], close: () => true, setPointerCapture: (id, c) => (captured.push([id, c]), id === '1') } });
    expect(await dispatch('system.openCalibrationOverlay', undefined)).toEqual({ ok: true, data: { displays: ['1', '2'] } });
    expect(await dispatch('system.setOverlayPointerCapture', { displayId: '1', capture: true })).toEqual({ ok: true, data: { capture: true } });
    expect(await dispatch('system.setOverlayPointerCapture', { displayId: '9', capture: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(captured).toEqual([['1', true], ['9', true]]);
  });
});

describe('the first-run guide', () => {
  it('starts with nothing done, ticks each step from the data folder, and stays dismissed', async () => {
    const { dispatch, db } = setup({});
    const guide = async () => {
      const result = await dispatch('system.getSetupGuide', undefined);
      if (!result.ok) throw new Error(result.error.message);
      return SetupGuide.parse(result.data);
    };
    const done = async () => (await guide()).steps.filter((s) => s.done).map((s) => s.id);
    expect((await guide()).steps.map((s) => [s.id, s.view])).toEqual([
      ['game', 'calibrate'],
      ['rehearse', 'autopilot'],
      ['signals', 'settings'],
      ['paper-account', 'markets'],
      ['backtest', 'backtest'],
    ]);
    expect(await done()).toEqual([]);
    db.prepare("INSERT INTO exchange_accounts (id, exchange, label, environment, created_at) VALUES ('a', 'paper', 'P', 'paper', 1)").run();
    db.prepare("INSERT INTO signals (received_at, source, raw, raw_bytes, verdict) VALUES (1, 'ws', '{}', 2, 'accepted')").run();
    expect(await done()).toEqual(['signals', 'paper-account']);
    expect((await guide()).dismissed).toBe(false);
    expect(await dispatch('system.dismissSetupGuide', undefined)).toMatchObject({ ok: true, data: { dismissed: true } });
    expect((await guide()).dismissed).toBe(true);
  });
});
