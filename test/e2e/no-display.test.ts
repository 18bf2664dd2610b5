// A cockpit on a server: `cockpit headless` with no display at all (no DISPLAY, no WAYLAND_DISPLAY). Every view opens,
// Calibrate answers with the one clear message, screen calls over the bridge get it too, and the engine stays up
// (libnut, loaded without a display, would have killed the process with "Could not open main display").
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBridge } from '../support/bridge-client';
import { openCockpitSession, type CockpitSession } from '../support/cockpit-session';
import { COCKPIT_BIN, type HeadlessProcess } from '../support/headless-process';
import { tempDir } from '../support/temp-dir';

const NO_DISPLAY = 'no display: screen capture and clicking are unavailable on this machine';
const VIEWS = ['Autopilot', 'Calibrate', 'Markets', 'Backtest', 'Settings'];

/** One contract call over the bridge, as any client would make it. */
async function bridgeCall(cockpit: HeadlessProcess, method: string, input?: unknown) {
  const bridge = await connectBridge(cockpit.origin, cockpit.token);
  try {
    return await bridge.call(method, input);
  } finally {
    bridge.close();
  }
}

describe('cockpit headless without a display', () => {
  const dir = tempDir('cockpit-nodisplay-');
  let session: CockpitSession;
  let cockpit: HeadlessProcess;
  let page: Page;

  beforeAll(async () => {
    session = await openCockpitSession(['headless', '--port', '0', '--data', dir.path], { DISPLAY: undefined, WAYLAND_DISPLAY: undefined });
    ({ cockpit, page } = session);
  });

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
    dir.cleanup();
  });

  it('opens every view, and Calibrate says there is no display instead of crashing the engine', async () => {
    await page.goto(cockpit.url);
    await expect.poll(() => page.getByTestId('connection-status').textContent(), { timeout: 15_000 }).toBe('connected');
    for (const name of VIEWS) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name, exact: true }).getAttribute('aria-current'), { timeout: 5_000 }).toBe('page');
      await page.screenshot({ path: `test-results/no-display-${name.toLowerCase()}.png`, fullPage: true });
    }
    await page.getByRole('button', { name: 'Calibrate', exact: true }).click();
    await expect.poll(() => page.getByTestId('calibrate-unavailable').textContent(), { timeout: 10_000 }).toBe(NO_DISPLAY);
    await page.screenshot({ path: 'test-results/no-display-calibrate-message.png', fullPage: true });
    // Still up: the process runs and the engine answers.
    expect(cockpit.child.exitCode).toBeNull();
    expect(await bridgeCall(cockpit, 'app.getStatus')).toMatchObject({ ok: true });
    // The calibration calls' own error toasts are expected; nothing else may fail in the page.
    expect(session.errors.filter((e) => !e.includes(NO_DISPLAY))).toEqual([]);
  });

  it('answers every screen call over the bridge with the same message', async () => {
    for (const [method, input] of [
      ['calibration.listDisplays', undefined],
      ['calibration.captureScreen', { maxWidth: 640 }],
      ['calibration.readRegion', { region: { x: 0, y: 0, width: 100, height: 40 } }],
    ] as const) {
      expect(await bridgeCall(cockpit, method, input), method).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: NO_DISPLAY } });
    }
    expect(cockpit.child.exitCode).toBeNull();
    expect(cockpit.output()).not.toMatch(/Could not open main display|Segmentation/);
  });

  it('answers the CLI autopilot with the same message, and exits instead of crashing', async () => {
    const profile = join(dir.path, 'profile.json');
    const regions = { multiplier: { x: 10, y: 10, width: 200, height: 60 } };
    writeFileSync(profile, JSON.stringify({ version: 1, name: 'p', display: { id: '0', scaleFactor: 1 }, regions, points: { bet: { x: 300, y: 300 }, cashout: { x: 300, y: 400 } } }));
    const env = { ...process.env, DISPLAY: undefined, WAYLAND_DISPLAY: undefined };
    const args = [COCKPIT_BIN, 'autopilot', '--profile', profile, '--signals', 'ws://127.0.0.1:9', '--data', join(dir.path, 'cli')];
    const failed = await promisify(execFile)(process.execPath, args, { env, timeout: 30_000 }).then(
      () => null,
      (error: { code?: number; signal?: string; stderr?: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, signal: null, stderr: expect.stringContaining(`cockpit autopilot: ${NO_DISPLAY}`) });
  });
});
