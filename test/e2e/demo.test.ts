// `cockpit demo` end to end: one process, every view busy within 10 s of opening the page (signals, rounds played,
// candles with trades, P&L moving, a finished backtest), each view saying what is simulated; SIGTERM leaves nothing
// running and removes the throwaway data folder. Screenshots of every view go to COCKPIT_DEMO_SHOTS (or test-results).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCockpitSession, type CockpitSession } from '../support/cockpit-session';
import type { HeadlessProcess } from '../support/headless-process';

const SHOTS = process.env.COCKPIT_DEMO_SHOTS ?? 'test-results';
const VIEWS = ['Autopilot', 'Calibrate', 'Markets', 'Backtest', 'Settings'] as const;

describe('cockpit demo', () => {
  let session: CockpitSession;
  let demo: HeadlessProcess;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // No display, as on a server: the autopilot plays the built-in round simulator.
    session = await openCockpitSession(['demo', '--port', '0'], { DISPLAY: undefined, WAYLAND_DISPLAY: undefined }, { width: 1440, height: 1000 });
    ({ cockpit: demo, page } = session);
  });

  afterAll(async () => {
    await session?.browser.close();
    if (demo?.child.exitCode === null) demo.child.kill('SIGKILL');
  });

  it('shows every part busy within 10 seconds of opening the page, and says what is simulated', async () => {
    await page.goto(demo.url);
    const opened = Date.now();
    const deadline = opened + 10_000;
    // When each part showed up (ms after the page opened): the failure message says which one was late.
    const shownAt: Record<string, number> = {};
    const inTime = () => ({ timeout: Math.max(500, deadline - Date.now()) });
    const shown = (part: string) => void (shownAt[part] = Date.now() - opened);
    const view = (name: (typeof VIEWS)[number]) => page.getByRole('button', { name, exact: true }).click();
    await page.getByTestId('demo-banner').waitFor(inTime());
    shown('banner');
    expect(await page.getByTestId('demo-banner').textContent()).toMatch(/simulated and in dry run/);
    // Signals arrive and rounds are played (dry run) on the simulated game.
    await expect.poll(() => page.getByTestId('signal-queue').locator('tbody tr').count(), inTime()).toBeGreaterThan(0);
    shown('signals');
    await expect.poll(() => page.getByTestId('executions').locator('tbody tr').count(), inTime()).toBeGreaterThan(0);
    shown('rounds');
    expect(await page.getByTestId('demo-note').textContent()).toMatch(/round simulator/);
    // The paper account has traded (orders, P&L), and the sample backtest is finished and shown.
    await view('Markets');
    await expect.poll(() => page.getByTestId('orders-table').locator('tbody tr').count(), inTime()).toBeGreaterThan(0);
    shown('orders');
    await expect.poll(() => page.getByTestId('pnl-table').locator('tbody tr').count(), inTime()).toBeGreaterThan(0);
    shown('pnl');
    await view('Backtest');
    await expect.poll(() => page.getByTestId('run-result').textContent(), inTime()).toMatch(/synthetic/);
    shown('backtest');
    expect(Date.now(), `late: ${JSON.stringify(shownAt)}`).toBeLessThanOrEqual(deadline);

    // Screenshots of every view, from the 10 s mark on.
    await page.waitForTimeout(Math.max(0, deadline - Date.now()));
    for (const name of VIEWS) {
      await view(name);
      if (name === 'Calibrate') await page.getByTestId('screenshot').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(name === 'Autopilot' || name === 'Settings' ? 500 : 1500);
      await page.screenshot({ path: join(SHOTS, `demo-${name.toLowerCase()}.png`), fullPage: true });
    }
    expect(session.errors).toEqual([]);
  }, 60_000);

  it('stops everything on SIGTERM and removes its data folder', async () => {
    const dataDir = /data in (\S+?)[,)]/.exec(demo.output())![1]!;
    expect(existsSync(dataDir)).toBe(true);
    const code = await demo.stop('SIGTERM');
    expect(code, demo.output().slice(-3000)).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
    // The page's connection to the engine is gone too: one process held everything.
    await expect.poll(() => fetch(demo.origin).then(() => 'up', () => 'down'), { timeout: 5_000 }).toBe('down');
  });
});
