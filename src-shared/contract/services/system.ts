// Runs in: renderer and engine.
import { z } from 'zod';
import { method } from '../define';
import { ViewName } from './app';

/** macOS privacy panes the app may open (deep links into System Settings). */
export const PermissionPane = z.enum(['screen-recording', 'accessibility']);
export type PermissionPane = z.infer<typeof PermissionPane>;

export const StepState = z.enum(['ok', 'needs-action', 'warning', 'pending', 'failed', 'not-applicable']);
export type StepState = z.infer<typeof StepState>;

export const StepId = z.enum(['screen-recording', 'accessibility', 'relaunch', 'elevated-game-window', 'display-server', 'capture-click-probe', 'rehearsal']);
export type StepId = z.infer<typeof StepId>;

export const StepAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open-settings'), pane: PermissionPane }),
  z.object({ kind: z.literal('relaunch') }),
  z.object({ kind: z.literal('run-probe') }),
]);
export type StepAction = z.infer<typeof StepAction>;

export const ChecklistStep = z.object({
  id: StepId,
  title: z.string(),
  state: StepState,
  detail: z.string(),
  /** Blocks arming live mode until it is ok (or not applicable). */
  blocksLive: z.boolean(),
  action: StepAction.optional(),
});
export type ChecklistStep = z.infer<typeof ChecklistStep>;

export const FirstRunChecklist = z.object({
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  steps: z.array(ChecklistStep),
  /** True when no step blocks live mode. */
  readyForLive: z.boolean(),
});
export type FirstRunChecklist = z.infer<typeof FirstRunChecklist>;

/** The first-run guide: what to do first in an empty cockpit, each step ticked from what the engine has seen. */
export const SetupStepId = z.enum(['game', 'rehearse', 'signals', 'paper-account', 'backtest']);
export type SetupStepId = z.infer<typeof SetupStepId>;

export const SetupStep = z.object({
  id: SetupStepId,
  title: z.string(),
  detail: z.string(),
  done: z.boolean(),
  /** The view that does it. */
  view: ViewName,
});
export type SetupStep = z.infer<typeof SetupStep>;

export const SetupGuide = z.object({
  steps: z.array(SetupStep),
  /** Dismissed once, it never comes back (kept in the data folder). */
  dismissed: z.boolean(),
});
export type SetupGuide = z.infer<typeof SetupGuide>;

export const DiagnosticsExport = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });

export const systemService = {
  getFirstRunChecklist: method(z.void(), FirstRunChecklist),
  /** Opens the macOS privacy pane; refused on other platforms. */
  openPermissionSettings: method(z.object({ pane: PermissionPane }), z.object({ opened: z.boolean() })),
  /** Permissions granted in System Settings apply after a relaunch. */
  relaunch: method(z.void(), z.object({ relaunching: z.boolean() })),
  /** The engine grabs the multiplier region and clicks a harmless point, then verifies both; needed before live. */
  runCaptureClickProbe: method(z.void(), FirstRunChecklist),
  /** Electron: one transparent overlay per display showing the region editor (#/calibrate?display=<id>). */
  openCalibrationOverlay: method(z.void(), z.object({ displays: z.array(z.string()) })),
  closeCalibrationOverlay: method(z.void(), z.object({ closed: z.boolean() })),
  /** The overlay editor takes the mouse only over its handles and toolbar; elsewhere clicks go through to the game. */
  setOverlayPointerCapture: method(z.object({ displayId: z.string().max(64), capture: z.boolean() }), z.object({ capture: z.boolean() })),
  /** Writes one JSON file (logs, versions, displays, permission states, no secrets) and returns where. */
  exportDiagnostics: method(z.void(), DiagnosticsExport),
  getSetupGuide: method(z.void(), SetupGuide),
  dismissSetupGuide: method(z.void(), SetupGuide),
};
