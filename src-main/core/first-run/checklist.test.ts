import { describe, expect, it } from 'vitest';
import { buildChecklist, liveBlockers, SETTINGS_LINKS } from './checklist';
import { collectOsFacts, type FirstRunOs } from './os-facts';
import type { ProbeContext, ProbeMeasurement } from './probe';

const ctx: ProbeContext = { now: 1_000_000, profileName: 'bustabit', layoutKey: 'L1' };
const passed: ProbeMeasurement = {
  at: ctx.now - 1000,
  profileName: 'bustabit',
  layoutKey: 'L1',
  capture: { ok: true, ms: 2, distinctColours: 40 },
  click: { dispatched: true, effectObserved: true },
};
const checklistFor = async (os: FirstRunOs, launch = {}, probe: ProbeMeasurement | null = passed) => buildChecklist(await collectOsFacts(os), launch, probe, ctx);
const step = (c: Awaited<ReturnType<typeof checklistFor>>, id: string) => c.steps.find((s) => s.id === id);

describe('first run on macOS', () => {
  const mac = (screen: ReturnType<NonNullable<FirstRunOs['screenAccess']>>, ax: boolean): FirstRunOs => ({ platform: 'darwin', screenAccess: () => screen, accessibilityTrusted: () => ax });

  it('is ready when both permissions are granted and the probe passed', async () => {
    const c = await checklistFor(mac('granted', true), { screen: 'granted' });
    expect(c.steps.map((s) => [s.id, s.state])).toEqual([['screen-recording', 'ok'], ['accessibility', 'ok'], ['capture-click-probe', 'ok']]);
    expect(c.readyForLive).toBe(true);
  });

  it('links to the right System Settings panes for missing permissions and blocks live', async () => {
    const c = await checklistFor(mac('denied', false), { screen: 'denied' }, null);
    expect(step(c, 'screen-recording')).toMatchObject({ state: 'needs-action', action: { kind: 'open-settings', pane: 'screen-recording' } });
    expect(step(c, 'accessibility')).toMatchObject({ state: 'needs-action', action: { kind: 'open-settings', pane: 'accessibility' } });
    // The probe is not offered while the OS would block it.
    expect(step(c, 'capture-click-probe')).toMatchObject({ state: 'pending' });
    expect(step(c, 'capture-click-probe')?.action).toBeUndefined();
    expect(liveBlockers(c)).toEqual(['Screen Recording', 'Accessibility', 'Capture and click probe']);
    expect(SETTINGS_LINKS['screen-recording']).toBe('x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture');
    expect(SETTINGS_LINKS.accessibility).toBe('x-apple.systempreferences:com.apple.preference.security?Privacy_Accessibility');
  });

  it('asks for a relaunch when Screen Recording was granted after launch', async () => {
    const c = await checklistFor(mac('granted', true), { screen: 'not-determined' });
    expect(step(c, 'relaunch')).toMatchObject({ state: 'needs-action', blocksLive: true, action: { kind: 'relaunch' } });
    expect(c.readyForLive).toBe(false);
  });

  it('offers no settings link when a device policy restricts capture, and survives a throwing probe', async () => {
    const c = await checklistFor(mac('restricted', true), { screen: 'restricted' });
    expect(step(c, 'screen-recording')?.action).toBeUndefined();
    const broken = await checklistFor({ platform: 'darwin', screenAccess: () => { throw new Error('no'); }, accessibilityTrusted: () => true });
    expect(step(broken, 'screen-recording')?.state).toBe('needs-action');
  });
});

describe('first run on Windows', () => {
  const win = (gameWindow: 'elevated' | 'not-elevated' | 'no-game-window' | 'unknown', selfElevated = false): FirstRunOs => ({
    platform: 'win32',
    gameWindowElevation: async () => gameWindow,
    selfElevated: () => selfElevated,
  });

  it('blocks live when the game runs elevated and we do not (UIPI drops SendInput silently)', async () => {
    const c = await checklistFor(win('elevated'));
    expect(step(c, 'elevated-game-window')).toMatchObject({ state: 'failed', blocksLive: true });
    expect(step(c, 'elevated-game-window')?.detail).toMatch(/administrator/);
    expect(c.readyForLive).toBe(false);
  });

  it('is fine when neither or both are elevated', async () => {
    expect((await checklistFor(win('not-elevated'))).readyForLive).toBe(true);
    expect(step(await checklistFor(win('elevated', true)), 'elevated-game-window')?.state).toBe('ok');
  });

  it('warns but defers to the probe when elevation cannot be read, and waits for a game window', async () => {
    const unknown = await checklistFor({ platform: 'win32', gameWindowElevation: () => Promise.reject(new Error('access denied')) });
    expect(step(unknown, 'elevated-game-window')).toMatchObject({ state: 'warning', blocksLive: false });
    expect(unknown.readyForLive).toBe(true);
    expect(step(await checklistFor(win('no-game-window')), 'elevated-game-window')?.state).toBe('pending');
  });
});

describe('first run on Linux', () => {
  const linux = (session: 'x11' | 'wayland' | 'unknown', xDisplay: boolean): FirstRunOs => ({ platform: 'linux', sessionType: () => session, hasXDisplay: () => xDisplay });

  it('accepts X11, warns on Wayland with XWayland, fails on Wayland alone', async () => {
    expect(step(await checklistFor(linux('x11', true)), 'display-server')?.state).toBe('ok');
    expect(step(await checklistFor(linux('wayland', true)), 'display-server')).toMatchObject({ state: 'warning', blocksLive: false });
    const pure = await checklistFor(linux('wayland', false));
    expect(step(pure, 'display-server')).toMatchObject({ state: 'failed', blocksLive: true });
    expect(liveBlockers(pure)).toEqual(['Display server']);
  });
});

describe('the capture and click probe', () => {
  const linuxOk: FirstRunOs = { platform: 'linux', sessionType: () => 'x11', hasXDisplay: () => true };
  const probeState = async (probe: ProbeMeasurement | null, c = ctx) => step(buildChecklist(await collectOsFacts(linuxOk), {}, probe, c), 'capture-click-probe');

  it('needs a profile, then offers to run', async () => {
    expect(await probeState(null, { ...ctx, profileName: null })).toMatchObject({ state: 'pending', detail: expect.stringMatching(/Calibrate/) });
    expect(await probeState(null)).toMatchObject({ state: 'pending', action: { kind: 'run-probe' } });
  });

  it('goes stale on a new profile, a layout change or age', async () => {
    expect((await probeState({ ...passed, profileName: 'other' }))?.state).toBe('pending');
    expect((await probeState({ ...passed, layoutKey: 'L0' }))?.detail).toMatch(/layout/);
    expect((await probeState({ ...passed, at: ctx.now - 13 * 3600_000 }))?.detail).toMatch(/12 hours/);
  });

  it('fails on a blank capture, a slow capture, an unsent click or a click without effect', async () => {
    expect((await probeState({ ...passed, capture: { ok: true, ms: 3, distinctColours: 1 } }))?.detail).toMatch(/flat colour/);
    expect((await probeState({ ...passed, capture: { ok: true, ms: 400, distinctColours: 9 } }))?.detail).toMatch(/400 ms/);
    expect((await probeState({ ...passed, capture: { ok: false, ms: 0, distinctColours: 0, error: 'EPERM' } }))?.detail).toMatch(/EPERM/);
    expect((await probeState({ ...passed, click: { dispatched: false, effectObserved: false, error: 'no X' } }))?.state).toBe('failed');
    expect((await probeState({ ...passed, click: { dispatched: true, effectObserved: false } }))?.detail).toMatch(/no visible effect/);
    expect((await probeState(passed))?.state).toBe('ok');
  });
});

describe('the rehearsal step', () => {
  const linux: FirstRunOs = { platform: 'linux', sessionType: () => 'x11', hasXDisplay: () => true };
  const rehearsalOf = async (state: Parameters<typeof buildChecklist>[4]) => (await buildChecklist(await collectOsFacts(linux), {}, passed, ctx, state)).steps.find((s) => s.id === 'rehearsal');
  it('blocks live until the active profile was rehearsed to ready', async () => {
    expect(await rehearsalOf(null)).toMatchObject({ state: 'pending', blocksLive: true });
    expect(await rehearsalOf({ ready: false, why: 'still learning this game (1 of 2 rounds seen)' })).toMatchObject({ state: 'needs-action', detail: expect.stringContaining('1 of 2 rounds seen') });
    expect(await rehearsalOf({ ready: true })).toMatchObject({ state: 'ok' });
    expect(await rehearsalOf(undefined)).toBeUndefined();
  });
});
