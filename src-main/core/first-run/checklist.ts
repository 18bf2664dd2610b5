// Runs in: anywhere (pure). Builds the first-run checklist from OS facts, the permission state at launch and the last probe.
import type { ChecklistStep, FirstRunChecklist } from '../../../src-shared/contract/services/system';
import type { MediaAccess, OsFacts } from './os-facts';
import { judgeProbe, type ProbeContext, type ProbeMeasurement } from './probe';

export const SETTINGS_LINKS = {
  'screen-recording': 'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
  accessibility: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Accessibility',
} as const;

/** What macOS reported when this process started: a grant made later only takes effect after a relaunch. */
export interface LaunchPermissions {
  screen?: MediaAccess;
}

function macSteps(facts: OsFacts, launch: LaunchPermissions): ChecklistStep[] {
  const screenOk = facts.screen === 'granted';
  const steps: ChecklistStep[] = [
    {
      id: 'screen-recording',
      title: 'Screen Recording',
      state: screenOk ? 'ok' : 'needs-action',
      detail: screenOk
        ? 'Allowed: the autopilot can read the multiplier.'
        : facts.screen === 'restricted'
          ? 'Blocked by a device policy (MDM): ask your administrator.'
          : 'Needed to read the multiplier. Open System Settings, allow Trading Cockpit under Screen Recording, then relaunch.',
      blocksLive: true,
      ...(screenOk || facts.screen === 'restricted' ? {} : { action: { kind: 'open-settings' as const, pane: 'screen-recording' as const } }),
    },
    {
      id: 'accessibility',
      title: 'Accessibility',
      state: facts.accessibility ? 'ok' : 'needs-action',
      detail: facts.accessibility ? 'Allowed: the autopilot can click.' : 'Needed to click Bet and Cash out. Allow Trading Cockpit under Accessibility.',
      blocksLive: true,
      ...(facts.accessibility ? {} : { action: { kind: 'open-settings' as const, pane: 'accessibility' as const } }),
    },
  ];
  // Granted while running: macOS keeps giving this process blank captures until it restarts.
  if (screenOk && launch.screen !== undefined && launch.screen !== 'granted') {
    steps.push({ id: 'relaunch', title: 'Relaunch', state: 'needs-action', detail: 'Screen Recording was just allowed: relaunch Trading Cockpit for it to take effect.', blocksLive: true, action: { kind: 'relaunch' } });
  }
  return steps;
}

function windowsSteps(facts: OsFacts): ChecklistStep[] {
  const step = (state: ChecklistStep['state'], detail: string): ChecklistStep => ({ id: 'elevated-game-window', title: 'Game window privileges', state, detail, blocksLive: state === 'failed' });
  if (facts.gameWindow === 'elevated' && !facts.selfElevated) {
    return [step('failed', 'The game runs as administrator: Windows silently drops clicks from a normal app into it (UIPI). Run the game without administrator rights.')];
  }
  if (facts.gameWindow === 'not-elevated' || (facts.gameWindow === 'elevated' && facts.selfElevated)) return [step('ok', 'Clicks can reach the game window.')];
  if (facts.gameWindow === 'no-game-window') return [step('pending', 'Open the game to check whether its window accepts clicks.')];
  return [step('warning', 'Could not tell whether the game window runs as administrator; the capture-and-click probe will show whether clicks arrive.')];
}

function linuxSteps(facts: OsFacts): ChecklistStep[] {
  const step = (state: ChecklistStep['state'], detail: string): ChecklistStep => ({ id: 'display-server', title: 'Display server', state, detail, blocksLive: state === 'failed' });
  if (facts.session === 'wayland') {
    return facts.xDisplay
      ? [step('warning', 'Wayland session: only windows running under XWayland (e.g. a browser started with --ozone-platform=x11) can be captured and clicked.')]
      : [step('failed', 'Wayland without XWayland: screen capture and clicking need X11. Log in to an X11 session or enable XWayland.')];
  }
  if (facts.xDisplay) return [step('ok', 'X11 display available.')];
  return [step('failed', 'No X display ($DISPLAY) found: capture and clicking need X11.')];
}

/** Whether the active profile's game was rehearsed to `ready` (null: no profile yet). */
export type RehearsalState = { readonly ready: true } | { readonly ready: false; readonly why: string } | null;

function rehearsalStep(rehearsal: RehearsalState): ChecklistStep {
  const base = { id: 'rehearsal' as const, title: 'Game rehearsed', blocksLive: true };
  if (rehearsal === null) return { ...base, state: 'pending', detail: 'Calibrate a game profile first, then rehearse it: the autopilot watches a few rounds without clicking.' };
  if (rehearsal.ready) return { ...base, state: 'ok', detail: 'Rehearsed: the autopilot knows how this game shows betting, flight and crash.' };
  return { ...base, state: 'needs-action', detail: `Rehearse the game (Calibrate → Rehearse, or cockpit learn): ${rehearsal.why}.` };
}

export function buildChecklist(facts: OsFacts, launch: LaunchPermissions, probe: ProbeMeasurement | null, ctx: ProbeContext, rehearsal?: RehearsalState): FirstRunChecklist {
  const steps: ChecklistStep[] =
    facts.platform === 'darwin' ? macSteps(facts, launch) : facts.platform === 'win32' ? windowsSteps(facts) : facts.platform === 'linux' ? linuxSteps(facts) : [];
  const verdict = judgeProbe(probe, ctx);
  const osBlocked = steps.some((s) => s.blocksLive && s.state !== 'ok');
  steps.push({
    id: 'capture-click-probe',
    title: 'Capture and click probe',
    state: verdict.state,
    detail: osBlocked && verdict.state !== 'ok' ? `Fix the steps above first. ${verdict.detail}` : verdict.detail,
    blocksLive: true,
    // Running the probe before the OS allows capture would only prove it fails.
    ...(verdict.state !== 'ok' && ctx.profileName && !osBlocked ? { action: { kind: 'run-probe' as const } } : {}),
  });
  // Shells without an autopilot have nothing to rehearse.
  if (rehearsal !== undefined) steps.push(rehearsalStep(rehearsal));
  return { platform: facts.platform, steps, readyForLive: liveBlockers({ steps }).length === 0 };
}

/** Titles of the steps that still block live mode; the engine refuses to arm while this is non-empty. */
export function liveBlockers(checklist: Pick<FirstRunChecklist, 'steps'>): string[] {
  return checklist.steps.filter((s) => s.blocksLive && s.state !== 'ok' && s.state !== 'not-applicable').map((s) => s.title);
}
