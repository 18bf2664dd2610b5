// Runs in: engine (Electron main or Node). The `system` contract service: first-run checklist, permission panes, probe, diagnostics.
import { CallFailure, type Handlers } from '../../../src-shared/contract';
import type { Settings } from '../../../src-shared/contract/services/settings';
import type { systemService } from '../../../src-shared/contract/services/system';
import { layoutKey, type DisplayInfo } from '../../core/display/dip-physical';
import { buildChecklist, SETTINGS_LINKS, type LaunchPermissions } from '../../core/first-run/checklist';
import { collectOsFacts, type FirstRunOs } from '../../core/first-run/os-facts';
import type { ProbeMeasurement } from '../../core/first-run/probe';
import type { Redactor } from '../../core/logging/redact';
import { writeDiagnostics } from '../../adapters/logging/diagnostics';

export type SystemHandlers = Handlers<{ system: typeof systemService }>['system'];

/** What the shell provides: Electron gives systemPreferences, shell.openExternal and app.relaunch; headless gives less. */
export interface SystemHost {
  os: FirstRunOs;
  launch: LaunchPermissions;
  displays(): DisplayInfo[];
  versions: Record<string, string | undefined>;
  osInfo: { platform: string; release: string; arch: string };
  openExternal?(url: string): Promise<void>;
  relaunch?(): void;
  overlay?: OverlayHost;
}

/** Electron's calibration overlays (src-main/electron/overlay-windows.ts). */
export interface OverlayHost {
  open(): string[];
  close(): boolean;
  setPointerCapture(displayId: string, capture: boolean): boolean;
}

export interface SystemDeps {
  host: SystemHost;
  app: { version: string; shell: string };
  status(): unknown;
  settings(): Settings;
  /** Why a profile's game may not be bet on yet (never rehearsed to ready), or null when it may. */
  rehearsal?(profileName: string): string | null;
  /** Runs the capture-and-click probe with the active profile; absent until the autopilot provides it. */
  runProbe?(profileName: string): Promise<ProbeMeasurement>;
  logFiles(): string[];
  redactor: Redactor;
  diagnosticsDir: string;
  now?: () => number;
}

/** Everything but the first-run guide, which sits beside the checklist (setup-guide.ts). */
export function createSystemHandlers(deps: SystemDeps): Omit<SystemHandlers, 'getSetupGuide' | 'dismissSetupGuide'> {
  const now = deps.now ?? Date.now;
  let lastProbe: ProbeMeasurement | null = null;

  const overlay = (): OverlayHost => {
    if (!deps.host.overlay) throw new CallFailure('UNAVAILABLE', 'Calibration overlays exist only in the desktop app; use the screenshot editor.');
    return deps.host.overlay;
  };

  const checklist = async () => {
    const displays = deps.host.displays();
    const profileName = deps.settings().activeProfile;
    const why = profileName && deps.rehearsal ? deps.rehearsal(profileName) : null;
    const rehearsal = !deps.rehearsal ? undefined : !profileName ? null : why === null ? ({ ready: true } as const) : ({ ready: false, why } as const);
    return buildChecklist(await collectOsFacts(deps.host.os), deps.host.launch, lastProbe, { now: now(), profileName, layoutKey: layoutKey(displays) }, rehearsal);
  };

  return {
    getFirstRunChecklist: checklist,
    openPermissionSettings: async ({ pane }) => {
      if (deps.host.os.platform !== 'darwin') throw new CallFailure('REFUSED', 'Permission panes exist only on macOS.');
      if (!deps.host.openExternal) throw new CallFailure('UNAVAILABLE', 'Open System Settings → Privacy & Security yourself: this shell cannot open it.');
      // electronegativity OPEN_EXTERNAL_JS_CHECK (tentative): a constant deep link chosen by a zod enum, never caller text.
      await deps.host.openExternal(SETTINGS_LINKS[pane]);
      return { opened: true };
    },
    relaunch: () => {
      if (!deps.host.relaunch) throw new CallFailure('UNAVAILABLE', 'Restart the cockpit yourself: this shell cannot relaunch itself.');
      deps.host.relaunch();
      return { relaunching: true };
    },
    runCaptureClickProbe: async () => {
      const profileName = deps.settings().activeProfile;
      if (!profileName) throw new CallFailure('CONFLICT', 'Pick an active game profile first: the probe uses its regions.');
      if (!deps.runProbe) throw new CallFailure('UNAVAILABLE', 'The capture-and-click probe is not available in this build.');
      lastProbe = await deps.runProbe(profileName);
      return checklist();
    },
    openCalibrationOverlay: () => ({ displays: overlay().open() }),
    closeCalibrationOverlay: () => ({ closed: overlay().close() }),
    setOverlayPointerCapture: ({ displayId, capture }) => {
      if (!overlay().setPointerCapture(displayId, capture)) throw new CallFailure('NOT_FOUND', `No calibration overlay is open on display ${displayId}.`);
      return { capture };
    },
    exportDiagnostics: async () => {
      const permissions = await checklist();
      return writeDiagnostics(
        deps.diagnosticsDir,
        {
          app: deps.app,
          versions: deps.host.versions,
          os: deps.host.osInfo,
          displays: deps.host.displays(),
          permissions,
          status: deps.status(),
          settings: deps.settings(),
          logFiles: deps.logFiles(),
        },
        deps.redactor,
        now(),
      );
    },
  };
}
